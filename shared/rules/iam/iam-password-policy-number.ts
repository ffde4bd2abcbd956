import type { IamAccountSnapshot } from '../../resources/iam/types';
import { IAM_KIND } from '../../resources/iam/kinds';
import { defineRule } from '../define-rule';
import { judgePasswordPolicy, PASSWORD_POLICY_CLI, PASSWORD_POLICY_READS, shortfall } from './lib/password';

export const iamPasswordPolicyNumber = defineRule<IamAccountSnapshot>({
  id: 'iam-password-policy-number',
  title: 'Password policy requires at least one number',
  severity: 'MEDIUM',
  kind: IAM_KIND.account,
  anchors: { securityHub: ['IAM.14'], fsbp: false, cis: ['v1.2 1.8'], prowler: ['iam_password_policy_number'] },
  trigger: 'E*',
  reads: PASSWORD_POLICY_READS,
  remediation: { text: 'Set an account password policy that requires at least one number.', cli: PASSWORD_POLICY_CLI },
  rationale: 'Passwords drawn from a larger character set resist guessing and brute force longer.',
  evaluate: (account) =>
    judgePasswordPolicy(account, 'requires at least one number', (policy) =>
      policy.requireNumbers ? [] : [shortfall('requireNumbers', 'the policy does not require at least one number', policy.requireNumbers)],
    ),
});
