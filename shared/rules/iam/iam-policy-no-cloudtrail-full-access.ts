import { IAM_KIND, PRINCIPAL_KINDS } from '../../resources/iam/kinds';
import type { IamManagedPolicySnapshot, IamPrincipalSnapshot } from '../../resources/iam/types';
import { defineRule } from '../define-rule';
import { serviceWideGrants } from './lib/grants';
import { failOnGrants, INLINE_POLICY_READS, MANAGED_POLICY_READS } from './lib/judge';
import { withKinds } from './lib/kinds';
import { documentsToCheck } from './lib/scope';

/**
 * Customer-managed policies and inline policies of users, roles and groups: no Allow of `cloudtrail:*` (or `*`) on every
 * resource. Prowler rates the managed variant Medium and the inline one High; one rule id carries MEDIUM.
 */
export const iamPolicyNoCloudtrailFullAccess = withKinds(
  defineRule<IamManagedPolicySnapshot | IamPrincipalSnapshot>({
    id: 'iam-policy-no-cloudtrail-full-access',
    title: 'Policies do not grant full access to CloudTrail',
    severity: 'MEDIUM',
    kind: IAM_KIND.policy,
    anchors: { prowler: ['iam_policy_no_full_access_to_cloudtrail', 'iam_inline_policy_no_full_access_to_cloudtrail'] },
    trigger: 'E',
    reads: [...MANAGED_POLICY_READS, ...INLINE_POLICY_READS],
    remediation: { text: 'Grant only the CloudTrail actions needed (e.g. read-only lookups); keep StopLogging / DeleteTrail / UpdateTrail to an audit-admin role.' },
    rationale: 'Whoever can stop or rewrite the trail can act without leaving the audit record Vigil and investigators rely on.',
    evaluate: (snapshot) => {
      const docs = documentsToCheck(snapshot);
      if (!Array.isArray(docs)) return docs;
      return failOnGrants(docs, (doc) => serviceWideGrants(doc.document, 'cloudtrail'), {
        subject: `${snapshot.type} ${snapshot.name}`,
        bad: 'grants full access to CloudTrail',
        good: 'grants no full access to CloudTrail',
      });
    },
  }),
  [IAM_KIND.policy, ...PRINCIPAL_KINDS],
);
