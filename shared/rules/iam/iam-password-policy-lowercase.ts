import type { IamAccountSnapshot } from '../../resources/iam/types';
import { IAM_KIND } from '../../resources/iam/kinds';
import { defineRule } from '../define-rule';
import { judgePasswordPolicy, PASSWORD_POLICY_CLI, PASSWORD_POLICY_READS, shortfall } from './lib/password';

export const iamPasswordPolicyLowercase = defineRule<IamAccountSnapshot>({
  id: 'iam-password-policy-lowercase',
  title: 'Password policy requires at least one lowercase letter',
  severity: 'MEDIUM',
  kind: IAM_KIND.account,
  anchors: { securityHub: ['IAM.12'], fsbp: false, cis: ['v1.2 1.6'], prowler: ['iam_password_policy_lowercase'] },
  trigger: 'E*',
  reads: PASSWORD_POLICY_READS,
  remediation: { text: 'Set an account password policy that requires at least one lowercase letter.', cli: PASSWORD_POLICY_CLI },
  rationale: 'Passwords drawn from a larger character set resist guessing and brute force longer.',
  evaluate: (account) =>
    judgePasswordPolicy(account, 'requires at least one lowercase letter', (policy) =>
      policy.requireLowercaseCharacters ? [] : [shortfall('requireLowercaseCharacters', 'the policy does not require at least one lowercase letter', policy.requireLowercaseCharacters)],
    ),
});
