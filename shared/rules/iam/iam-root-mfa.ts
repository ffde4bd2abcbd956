import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamAccountSnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass, unobserved } from '../define-rule';
import { rootCredentialsAbsent } from './lib/root';

export const iamRootMfa = defineRule<IamAccountSnapshot>({
  id: 'iam-root-mfa',
  title: 'Root user has MFA enabled',
  severity: 'CRITICAL',
  kind: IAM_KIND.account,
  anchors: { securityHub: ['IAM.9'], fsbp: false, cis: ['v3 1.5', 'v5 1.4', 'v1.2 1.13'], prowler: ['iam_root_mfa_enabled'] },
  trigger: 'E*',
  reads: ['iam:GetAccountSummary'],
  remediation: {
    text: 'Sign in as the root user and assign an MFA device (a FIDO security key is preferred).',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html',
  },
  rationale: 'The root user can do anything in the account; a password alone is one phishing away from a full takeover.',
  evaluate: (account) => {
    if (rootCredentialsAbsent(account)) return pass(`the root user of account ${account.accountId} has no credentials (centralized root access)`);
    if (!account.summary) return unobserved('the account summary is not available');
    return account.summary.accountMfaEnabled
      ? pass(`the root user of account ${account.accountId} has MFA`)
      : fail(`the root user of account ${account.accountId} has no MFA`, [{ message: 'AccountMFAEnabled is 0', field: 'summary.accountMfaEnabled', value: false }]);
  },
});
