import type { IamAccountSnapshot } from '../../resources/iam/types';
import { IAM_KIND } from '../../resources/iam/kinds';
import { defineRule } from '../define-rule';
import { judgePasswordPolicy, PASSWORD_POLICY_CLI, PASSWORD_POLICY_READS, shortfall } from './lib/password';

export const iamPasswordPolicyMaxAge90 = defineRule<IamAccountSnapshot>({
  id: 'iam-password-policy-max-age-90',
  title: 'Password policy expires passwords within 90 days',
  severity: 'LOW',
  kind: IAM_KIND.account,
  anchors: { securityHub: ['IAM.17'], fsbp: false, cis: ['v1.2 1.11'], prowler: ['iam_password_policy_expires_passwords_within_90_days_or_less'] },
  trigger: 'E*',
  reads: PASSWORD_POLICY_READS,
  remediation: { text: 'Set a maximum password age of 90 days or less in the account password policy.', cli: PASSWORD_POLICY_CLI },
  rationale: 'Expiring passwords bounds how long a leaked password stays usable.',
  evaluate: (account) =>
    judgePasswordPolicy(account, 'passwords expire within 90 days', (policy) =>
      policy.expirePasswords && policy.maxPasswordAge !== null && policy.maxPasswordAge <= 90
        ? []
        : [shortfall('maxPasswordAge', policy.maxPasswordAge === null || !policy.expirePasswords ? 'passwords never expire' : `passwords expire after ${policy.maxPasswordAge} days, more than 90`, policy.maxPasswordAge)],
    ),
});
