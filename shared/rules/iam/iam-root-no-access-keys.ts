import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamAccountSnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass, unobserved } from '../define-rule';

export const iamRootNoAccessKeys = defineRule<IamAccountSnapshot>({
  id: 'iam-root-no-access-keys',
  title: 'Root user has no access keys',
  severity: 'CRITICAL',
  kind: IAM_KIND.account,
  anchors: { securityHub: ['IAM.4'], fsbp: true, cis: ['v3 1.4', 'v5 1.3'], prowler: ['iam_no_root_access_key'] },
  trigger: 'E*',
  reads: ['iam:GetAccountSummary'],
  remediation: {
    text: 'Sign in as the root user, open Security credentials and delete the root access keys; use IAM roles for programmatic access.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html',
  },
  rationale: 'A root access key grants unrestricted, unscopable access to the whole account and cannot be limited by any policy.',
  evaluate: (account) => {
    if (!account.summary) return unobserved('the account summary is not available');
    return account.summary.accountAccessKeysPresent
      ? fail(`the root user of account ${account.accountId} has access keys`, [
          { message: 'GetAccountSummary reports root access keys present', field: 'summary.accountAccessKeysPresent', value: true },
        ])
      : pass(`the root user of account ${account.accountId} has no access keys`);
  },
});
