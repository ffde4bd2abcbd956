import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamRoleSnapshot } from '../../resources/iam/types';
import { defineRule, notApplicable } from '../define-rule';
import { checkTags } from '../tags';

export const iamRoleTagged = defineRule<IamRoleSnapshot>({
  id: 'iam-role-tagged',
  title: 'IAM role is tagged',
  severity: 'LOW',
  kind: IAM_KIND.role,
  anchors: { securityHub: ['IAM.24'], fsbp: false },
  trigger: 'E',
  reads: ['iam:GetRole'],
  remediation: { text: 'Tag the role with at least its owner (and the keys your organisation requires).', cli: 'aws iam tag-role --role-name <role> --tags Key=Owner,Value=<team>' },
  rationale: 'Tags tell who owns a role and why it exists, which access reviews rely on.',
  // Service-linked roles are created and owned by AWS services and cannot always be tagged.
  evaluate: (role, ctx) => (role.serviceLinked ? notApplicable(`role ${role.name} is a service-linked role`) : checkTags(`role ${role.name}`, role.tags, ctx)),
});
