import type { IamAccountSnapshot } from '../../resources/iam/types';
import { IAM_KIND } from '../../resources/iam/kinds';
import { defineRule } from '../define-rule';
import { judgePasswordPolicy, PASSWORD_POLICY_CLI, PASSWORD_POLICY_READS, shortfall } from './lib/password';

export const iamPasswordPolicyMinLength14 = defineRule<IamAccountSnapshot>({
  id: 'iam-password-policy-min-length-14',
  title: 'Password policy requires a minimum length of 14 or more',
  severity: 'MEDIUM',
  kind: IAM_KIND.account,
  anchors: { securityHub: ['IAM.15'], fsbp: false, cis: ['v3 1.8', 'v5 1.7', 'v1.2 1.9'], prowler: ['iam_password_policy_minimum_length_14'] },
  trigger: 'E*',
  reads: PASSWORD_POLICY_READS,
  remediation: { text: 'Set the minimum password length of the account password policy to 14 or more.', cli: PASSWORD_POLICY_CLI },
  rationale: 'Length is the strongest single defence of a password against brute force.',
  evaluate: (account) =>
    judgePasswordPolicy(account, 'minimum length 14', (policy) =>
      (policy.minimumPasswordLength ?? 0) >= 14 ? [] : [shortfall('minimumPasswordLength', `minimum length is ${policy.minimumPasswordLength ?? 'unset'}, below 14`, policy.minimumPasswordLength)],
    ),
});
