import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamUserSnapshot } from '../../resources/iam/types';
import { defineRule } from '../define-rule';
import { unusedCredentials } from './lib/credentials';

export const iamUnusedCredentials90d = defineRule<IamUserSnapshot>({
  id: 'iam-unused-credentials-90d',
  title: 'User credentials unused for 90 days are removed',
  severity: 'MEDIUM',
  kind: IAM_KIND.user,
  anchors: { securityHub: ['IAM.8'], fsbp: true, cis: ['v1.2 1.3'] },
  trigger: 'P',
  reads: ['iam:GetUser', 'iam:GetLoginProfile', 'iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed'],
  remediation: {
    text: 'Remove the console password and deactivate the access keys that have not been used for 90 days.',
    cli: 'aws iam delete-login-profile --user-name <user>; aws iam update-access-key --user-name <user> --access-key-id <key> --status Inactive',
  },
  rationale: 'Unused credentials add risk without value; nobody notices when they are abused.',
  evaluate: (user, ctx) => unusedCredentials(user, ctx, 90),
});
