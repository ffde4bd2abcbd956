import { allowStatements } from '../../policy';
import { PRINCIPAL_KINDS } from '../../resources/iam/kinds';
import type { IamPrincipalSnapshot } from '../../resources/iam/types';
import { defineRule } from '../define-rule';
import { KMS_DECRYPT_QUERY } from './iam-customer-policy-no-kms-decrypt-all';
import { failOnGrants, INLINE_POLICY_READS } from './lib/judge';
import { withKinds } from './lib/kinds';
import { documentsToCheck } from './lib/scope';

export const iamInlinePolicyNoKmsDecryptAll = withKinds(
  defineRule<IamPrincipalSnapshot>({
    id: 'iam-inline-policy-no-kms-decrypt-all',
    title: 'Inline policies do not allow decryption with all KMS keys',
    severity: 'MEDIUM',
    kind: PRINCIPAL_KINDS[0],
    anchors: { securityHub: ['KMS.2'], fsbp: true },
    trigger: 'E',
    reads: INLINE_POLICY_READS,
    remediation: { text: 'Limit kms:Decrypt / kms:ReEncryptFrom in the inline policy to the key ARNs needed.', url: 'https://docs.aws.amazon.com/kms/latest/developerguide/iam-policies-best-practices.html' },
    rationale: 'Decrypt on every key lets the principal read any data protected by any KMS key of the account.',
    evaluate: (principal) => {
      const docs = documentsToCheck(principal);
      if (!Array.isArray(docs)) return docs;
      return failOnGrants(docs, (doc) => allowStatements(doc.document, KMS_DECRYPT_QUERY), {
        subject: `${principal.type} ${principal.name}`,
        bad: 'has an inline policy allowing decryption with all KMS keys',
        good: 'has no inline policy allowing decryption with all KMS keys',
      });
    },
  }),
  PRINCIPAL_KINDS,
);
