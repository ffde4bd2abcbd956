import type { IamAccountSnapshot } from '../../resources/iam/types';
import { IAM_KIND } from '../../resources/iam/kinds';
import { defineRule } from '../define-rule';
import { judgePasswordPolicy, PASSWORD_POLICY_CLI, PASSWORD_POLICY_READS, shortfall } from './lib/password';

export const iamPasswordPolicyPci = defineRule<IamAccountSnapshot>({
  id: 'iam-password-policy-pci',
  title: 'Password policy meets the PCI DSS v3.2.1 minimums',
  severity: 'MEDIUM',
  kind: IAM_KIND.account,
  anchors: { securityHub: ['IAM.10'], fsbp: false },
  trigger: 'E*',
  reads: PASSWORD_POLICY_READS,
  remediation: {
    text: 'Require uppercase, lowercase and numbers, a minimum length of 7, reuse prevention of 4 and a maximum age of 90 days.',
    cli: PASSWORD_POLICY_CLI,
  },
  rationale: 'PCI DSS v3.2.1 requirement 8.2 sets these floors for accounts that touch cardholder data.',
  evaluate: (account) =>
    judgePasswordPolicy(account, 'PCI DSS v3.2.1 (8.2.3–8.2.5)', (p) => [
      ...(p.requireUppercaseCharacters ? [] : [shortfall('requireUppercaseCharacters', 'uppercase letters are not required', false)]),
      ...(p.requireLowercaseCharacters ? [] : [shortfall('requireLowercaseCharacters', 'lowercase letters are not required', false)]),
      ...(p.requireNumbers ? [] : [shortfall('requireNumbers', 'numbers are not required', false)]),
      ...((p.minimumPasswordLength ?? 0) >= 7 ? [] : [shortfall('minimumPasswordLength', `minimum length ${p.minimumPasswordLength ?? 'unset'} is below 7`, p.minimumPasswordLength)]),
      ...((p.passwordReusePrevention ?? 0) >= 4 ? [] : [shortfall('passwordReusePrevention', `reuse prevention ${p.passwordReusePrevention ?? 'off'} is below 4`, p.passwordReusePrevention)]),
      ...(p.expirePasswords && p.maxPasswordAge !== null && p.maxPasswordAge <= 90
        ? []
        : [shortfall('maxPasswordAge', `maximum age ${p.maxPasswordAge ?? 'unset'} exceeds 90 days`, p.maxPasswordAge)]),
    ]),
});
