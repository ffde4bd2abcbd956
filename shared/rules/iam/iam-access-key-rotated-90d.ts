import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamUserSnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass } from '../define-rule';
import { withCredentials } from './lib/credentials';
import { daysSince } from './lib/params';

const MAX_AGE_DAYS = 90;

export const iamAccessKeyRotated90d = defineRule<IamUserSnapshot>({
  id: 'iam-access-key-rotated-90d',
  title: 'Active access keys are rotated within 90 days',
  severity: 'MEDIUM',
  kind: IAM_KIND.user,
  anchors: { securityHub: ['IAM.3'], fsbp: true, cis: ['v3 1.14', 'v5 1.13'], prowler: ['iam_rotate_access_key_90_days'] },
  trigger: 'P',
  reads: ['iam:GetUser', 'iam:ListAccessKeys'],
  remediation: {
    text: 'Create a new access key, move the workload to it, then deactivate and delete the old key (better: use roles).',
    cli: 'aws iam create-access-key --user-name <user>; aws iam update-access-key --user-name <user> --access-key-id <old> --status Inactive',
  },
  rationale: 'The longer a key lives, the more places it is copied to and the longer a leaked copy stays valid.',
  evaluate: (user, ctx) =>
    withCredentials(user, (credentials) => {
      const old = credentials.accessKeys
        .filter((k) => k.status === 'Active')
        .map((k) => ({ key: k, age: daysSince(ctx, k.createDate) }))
        .filter((k) => k.age !== null && k.age > MAX_AGE_DAYS);
      return old.length > 0
        ? fail(
            `user ${user.name} has ${old.length} active access key(s) older than ${MAX_AGE_DAYS} days`,
            old.map(({ key, age }) => ({ message: `access key ${key.accessKeyId} created ${age} days ago`, field: `credentials.accessKeys[${key.accessKeyId}].createDate`, value: { accessKeyId: key.accessKeyId, createDate: key.createDate, days: age } })),
          )
        : pass(`user ${user.name} has no active access key older than ${MAX_AGE_DAYS} days`);
    }),
});
