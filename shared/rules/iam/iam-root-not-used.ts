import type { Evidence } from '../../core';
import { reportDate, rootRow } from '../../resources/iam/credential-report';
import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamAccountSnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass, unobserved } from '../define-rule';
import { daysSince, numberParam } from './lib/params';

/**
 * Periodic half of "avoid root use" (the event half is det-root-activity): the credential report's root row shows a
 * password or access-key use within the last `rootUsageWindowDays` days (default 1, as Prowler). The report is at most
 * 4 hours old.
 */
export const iamRootNotUsed = defineRule<IamAccountSnapshot>({
  id: 'iam-root-not-used',
  title: 'Root user is not used for everyday tasks',
  severity: 'HIGH',
  kind: IAM_KIND.account,
  anchors: { cis: ['v3 1.7', 'v5 1.6'], prowler: ['iam_avoid_root_usage'] },
  trigger: 'E+P',
  reads: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
  remediation: {
    text: 'Use IAM roles (or IAM Identity Center) for daily work; keep the root user for the few tasks only it can do, and review why it was used.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html',
  },
  rationale: 'Every root session carries unlimited power; routine use multiplies the chances of its credentials leaking.',
  evaluate: (account, ctx) => {
    const root = account.credentialReport ? rootRow(account.credentialReport.rows) : undefined;
    if (!root) return unobserved('the credential report (root row) is not available');
    const window = numberParam(ctx, 'rootUsageWindowDays', 1);
    const uses: Evidence[] = [];
    for (const column of ['password_last_used', 'access_key_1_last_used_date', 'access_key_2_last_used_date']) {
      const used = reportDate(root[column]);
      const age = daysSince(ctx, used);
      if (used && age !== null && age < window) {
        uses.push({ message: `root ${column.replace(/_/g, ' ')} ${used.toISOString()}`, field: `credentialReport.<root_account>.${column}`, value: used.toISOString() });
      }
    }
    return uses.length > 0
      ? fail(`the root user of account ${account.accountId} was used within the last ${window} day(s)`, uses)
      : pass(`the root user of account ${account.accountId} was not used within the last ${window} day(s)`);
  },
});
