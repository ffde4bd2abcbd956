import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamUserSnapshot } from '../../resources/iam/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';
import { withCredentials } from './lib/credentials';

/** CIS: a console user's active key that was never used is the sign of a key created "just in case" at setup. */
export const iamNoAccessKeyAtUserSetup = defineRule<IamUserSnapshot>({
  id: 'iam-no-access-key-at-user-setup',
  title: 'Console users have no unused access keys created at setup',
  severity: 'MEDIUM',
  kind: IAM_KIND.user,
  anchors: { cis: ['v3 1.11', 'v5 1.10'], prowler: ['iam_user_no_setup_initial_access_key'] },
  trigger: 'P',
  reads: ['iam:GetUser', 'iam:GetLoginProfile', 'iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed'],
  remediation: { text: 'Delete access keys that were never used; create keys only when a workload needs them.', cli: 'aws iam delete-access-key --user-name <user> --access-key-id <key>' },
  rationale: 'Keys nobody uses are forgotten secrets waiting to leak.',
  evaluate: (user) =>
    withCredentials(user, (credentials) => {
      if (!credentials.passwordEnabled) return notApplicable(`user ${user.name} has no console password`);
      const unused = credentials.accessKeys.filter((k) => k.status === 'Active' && k.lastUsedDate === null);
      return unused.length > 0
        ? fail(
            `console user ${user.name} has ${unused.length} active access key(s) never used`,
            unused.map((k) => ({ message: `access key ${k.accessKeyId} is active and was never used`, field: `credentials.accessKeys[${k.accessKeyId}].lastUsedDate`, value: k.accessKeyId })),
          )
        : pass(`console user ${user.name} has no unused active access key`);
    }),
});
