import { IAM_KIND, PRINCIPAL_KINDS } from '../../resources/iam/kinds';
import type { IamManagedPolicySnapshot, IamPrincipalSnapshot } from '../../resources/iam/types';
import { defineRule } from '../define-rule';
import { serviceWideGrants } from './lib/grants';
import { failOnGrants, INLINE_POLICY_READS, MANAGED_POLICY_READS } from './lib/judge';
import { withKinds } from './lib/kinds';
import { documentsToCheck } from './lib/scope';

/** Customer-managed policies and inline policies: no Allow of `kms:*` (or `*`) service-wide. */
export const iamPolicyNoKmsFullAccess = withKinds(
  defineRule<IamManagedPolicySnapshot | IamPrincipalSnapshot>({
    id: 'iam-policy-no-kms-full-access',
    title: 'Policies do not grant full access to KMS',
    severity: 'MEDIUM',
    kind: IAM_KIND.policy,
    anchors: { prowler: ['iam_policy_no_full_access_to_kms', 'iam_inline_policy_no_full_access_to_kms'] },
    trigger: 'E',
    reads: [...MANAGED_POLICY_READS, ...INLINE_POLICY_READS],
    remediation: { text: 'Grant the KMS actions needed on the key ARNs needed; keep key administration (policy, deletion) to a key-admin role.' },
    rationale: 'kms:* lets the holder decrypt any data, change key policies and schedule keys for deletion (data destruction).',
    evaluate: (snapshot) => {
      const docs = documentsToCheck(snapshot);
      if (!Array.isArray(docs)) return docs;
      return failOnGrants(docs, (doc) => serviceWideGrants(doc.document, 'kms'), {
        subject: `${snapshot.type} ${snapshot.name}`,
        bad: 'grants full access to KMS',
        good: 'grants no full access to KMS',
      });
    },
  }),
  [IAM_KIND.policy, ...PRINCIPAL_KINDS],
);
