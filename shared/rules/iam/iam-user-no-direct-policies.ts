import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamUserSnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass } from '../define-rule';

export const iamUserNoDirectPolicies = defineRule<IamUserSnapshot>({
  id: 'iam-user-no-direct-policies',
  title: 'IAM user receives permissions only through groups or roles',
  severity: 'LOW',
  kind: IAM_KIND.user,
  anchors: { securityHub: ['IAM.2'], fsbp: true, cis: ['v3 1.15', 'v5 1.14', 'v1.2 1.16'], prowler: ['iam_policy_attached_only_to_group_or_roles'] },
  trigger: 'E',
  reads: ['iam:GetUser', 'iam:ListAttachedUserPolicies', 'iam:ListUserPolicies'],
  remediation: {
    text: 'Move the user\'s policies to a group (or a role) and detach / delete them from the user.',
    cli: 'aws iam detach-user-policy --user-name <user> --policy-arn <arn>; aws iam delete-user-policy --user-name <user> --policy-name <name>',
  },
  rationale: 'Permissions managed per user drift and are hard to review; groups and roles keep them consistent.',
  // A permissions boundary is not a grant and does not count.
  evaluate: (user) => {
    const attached = user.attachedPolicies.map((p) => p.arn);
    const inline = user.inlinePolicies.map((p) => p.name);
    if (attached.length === 0 && inline.length === 0) return pass(`user ${user.name} has no policy of its own`);
    return fail(`user ${user.name} has ${attached.length} attached and ${inline.length} inline polic${attached.length + inline.length === 1 ? 'y' : 'ies'}`, [
      ...(attached.length ? [{ message: `attached: ${attached.join(', ')}`, field: 'attachedPolicies', value: attached }] : []),
      ...(inline.length ? [{ message: `inline: ${inline.join(', ')}`, field: 'inlinePolicies', value: inline }] : []),
    ]);
  },
});
