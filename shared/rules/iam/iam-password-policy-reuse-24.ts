import type { IamAccountSnapshot } from '../../resources/iam/types';
import { IAM_KIND } from '../../resources/iam/kinds';
import { defineRule } from '../define-rule';
import { judgePasswordPolicy, PASSWORD_POLICY_CLI, PASSWORD_POLICY_READS, shortfall } from './lib/password';

export const iamPasswordPolicyReuse24 = defineRule<IamAccountSnapshot>({
  id: 'iam-password-policy-reuse-24',
  title: 'Password policy prevents the reuse of the last 24 passwords',
  severity: 'LOW',
  kind: IAM_KIND.account,
  anchors: { securityHub: ['IAM.16'], fsbp: false, cis: ['v3 1.9', 'v5 1.8', 'v1.2 1.10'], prowler: ['iam_password_policy_reuse_24'] },
  trigger: 'E*',
  reads: PASSWORD_POLICY_READS,
  remediation: { text: 'Set "prevent password reuse" to 24 (the maximum) in the account password policy.', cli: PASSWORD_POLICY_CLI },
  rationale: 'Users who cycle back to old passwords undo rotation; Security Hub requires the maximum, 24.',
  // Security Hub requires exactly 24, which is also the maximum IAM accepts.
  evaluate: (account) =>
    judgePasswordPolicy(account, 'remembers 24 passwords', (policy) =>
      policy.passwordReusePrevention === 24 ? [] : [shortfall('passwordReusePrevention', `password reuse prevention is ${policy.passwordReusePrevention ?? 'off'}, not 24`, policy.passwordReusePrevention)],
    ),
});
