import type { IamAccountSnapshot } from '../../resources/iam/types';
import { IAM_KIND } from '../../resources/iam/kinds';
import { defineRule } from '../define-rule';
import { judgePasswordPolicy, PASSWORD_POLICY_CLI, PASSWORD_POLICY_READS, shortfall } from './lib/password';

export const iamPasswordPolicySymbol = defineRule<IamAccountSnapshot>({
  id: 'iam-password-policy-symbol',
  title: 'Password policy requires at least one symbol',
  severity: 'MEDIUM',
  kind: IAM_KIND.account,
  anchors: { securityHub: ['IAM.13'], fsbp: false, cis: ['v1.2 1.7'], prowler: ['iam_password_policy_symbol'] },
  trigger: 'E*',
  reads: PASSWORD_POLICY_READS,
  remediation: { text: 'Set an account password policy that requires at least one symbol.', cli: PASSWORD_POLICY_CLI },
  rationale: 'Passwords drawn from a larger character set resist guessing and brute force longer.',
  evaluate: (account) =>
    judgePasswordPolicy(account, 'requires at least one symbol', (policy) =>
      policy.requireSymbols ? [] : [shortfall('requireSymbols', 'the policy does not require at least one symbol', policy.requireSymbols)],
    ),
});
