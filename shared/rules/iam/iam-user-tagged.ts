import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamUserSnapshot } from '../../resources/iam/types';
import { defineRule } from '../define-rule';
import { checkTags } from '../tags';

export const iamUserTagged = defineRule<IamUserSnapshot>({
  id: 'iam-user-tagged',
  title: 'IAM user is tagged',
  severity: 'LOW',
  kind: IAM_KIND.user,
  anchors: { securityHub: ['IAM.25'], fsbp: false },
  trigger: 'E',
  reads: ['iam:GetUser'],
  remediation: { text: 'Tag the user with at least its owner (and the keys your organisation requires).', cli: 'aws iam tag-user --user-name <user> --tags Key=Owner,Value=<team>' },
  rationale: 'Tags tell who owns a user and why it exists, which reviews and cost reports rely on.',
  evaluate: (user, ctx) => checkTags(`user ${user.name}`, user.tags, ctx),
});
