import { allowStatements } from '../../policy';
import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamManagedPolicySnapshot } from '../../resources/iam/types';
import { defineRule } from '../define-rule';
import { failOnGrants, MANAGED_POLICY_READS } from './lib/judge';
import { customerPolicyScope, isCheck } from './lib/scope';

/** Statements that allow kms:Decrypt or kms:ReEncryptFrom on every key (`*` or an any-account, any-key pattern). Conditions are ignored, as Security Hub does. */
export const KMS_DECRYPT_QUERY = { actions: ['kms:Decrypt', 'kms:ReEncryptFrom'], resource: 'arn:aws:kms:*:*:key/*' } as const;

export const iamCustomerPolicyNoKmsDecryptAll = defineRule<IamManagedPolicySnapshot>({
  id: 'iam-customer-policy-no-kms-decrypt-all',
  title: 'Customer-managed policy does not allow decryption with all KMS keys',
  severity: 'MEDIUM',
  kind: IAM_KIND.policy,
  anchors: { securityHub: ['KMS.1'], fsbp: true },
  trigger: 'E',
  reads: MANAGED_POLICY_READS,
  remediation: { text: 'Limit kms:Decrypt / kms:ReEncryptFrom to the ARNs of the keys the holders need.', url: 'https://docs.aws.amazon.com/kms/latest/developerguide/iam-policies-best-practices.html' },
  rationale: 'Decrypt on every key lets the holder read any data protected by any KMS key of the account.',
  evaluate: (policy) => {
    const scoped = customerPolicyScope(policy, { excludeBoundaryOnly: true });
    if (isCheck(scoped)) return scoped;
    return failOnGrants([scoped], (doc) => allowStatements(doc.document, KMS_DECRYPT_QUERY), {
      subject: `policy ${policy.name}`,
      bad: 'allows decryption with all KMS keys',
      good: 'does not allow decryption with all KMS keys',
    });
  },
});
