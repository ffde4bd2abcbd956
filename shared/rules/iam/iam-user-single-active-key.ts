import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamUserSnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass } from '../define-rule';
import { withCredentials } from './lib/credentials';

export const iamUserSingleActiveKey = defineRule<IamUserSnapshot>({
  id: 'iam-user-single-active-key',
  title: 'IAM user has at most one active access key',
  severity: 'MEDIUM',
  kind: IAM_KIND.user,
  anchors: { cis: ['v3 1.13', 'v5 1.12'], prowler: ['iam_user_two_active_access_key'] },
  trigger: 'E',
  reads: ['iam:GetUser', 'iam:ListAccessKeys'],
  remediation: { text: 'Deactivate the key that is no longer in use (two active keys are only meant for the length of a rotation).', cli: 'aws iam update-access-key --user-name <user> --access-key-id <key> --status Inactive' },
  rationale: 'Two live keys double the exposure and usually mean a rotation was never finished.',
  evaluate: (user) =>
    withCredentials(user, (credentials) => {
      const active = credentials.accessKeys.filter((k) => k.status === 'Active');
      return active.length > 1
        ? fail(`user ${user.name} has ${active.length} active access keys`, [{ message: 'more than one active access key', field: 'credentials.accessKeys', value: active.map((k) => k.accessKeyId) }])
        : pass(`user ${user.name} has ${active.length} active access key(s)`);
    }),
});
