import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamUserSnapshot } from '../../resources/iam/types';
import { defineRule } from '../define-rule';
import { unusedCredentials } from './lib/credentials';

/** Same test as IAM.8 with 45 days; one finding per user, each stale credential named in the evidence. */
export const iamUnusedCredentials45d = defineRule<IamUserSnapshot>({
  id: 'iam-unused-credentials-45d',
  title: 'User credentials unused for 45 days are disabled',
  severity: 'MEDIUM',
  kind: IAM_KIND.user,
  anchors: { securityHub: ['IAM.22'], fsbp: false, cis: ['v3 1.12', 'v5 1.11'], prowler: ['iam_user_accesskey_unused', 'iam_user_console_access_unused'] },
  trigger: 'P',
  reads: ['iam:GetUser', 'iam:GetLoginProfile', 'iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed'],
  remediation: {
    text: 'Remove the console password and deactivate the access keys that have not been used for 45 days.',
    cli: 'aws iam delete-login-profile --user-name <user>; aws iam update-access-key --user-name <user> --access-key-id <key> --status Inactive',
  },
  rationale: 'CIS asks for a shorter window than IAM.8: dormant credentials are the ones nobody watches.',
  evaluate: (user, ctx) => unusedCredentials(user, ctx, 45),
});
