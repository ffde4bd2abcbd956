import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamGroupSnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass } from '../define-rule';
import { AWS_POLICY, isAwsPolicy } from './lib/well-known';

export const iamGroupNoAdministratoraccess = defineRule<IamGroupSnapshot>({
  id: 'iam-group-no-administratoraccess',
  title: 'No IAM group has the AdministratorAccess policy attached',
  severity: 'HIGH',
  kind: IAM_KIND.group,
  anchors: { prowler: ['iam_group_administrator_access_policy'] },
  trigger: 'E',
  reads: ['iam:GetGroup', 'iam:ListAttachedGroupPolicies'],
  remediation: { text: 'Detach AdministratorAccess from the group; give administrators a role to assume with MFA instead.', cli: 'aws iam detach-group-policy --group-name <group> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess' },
  rationale: 'Every member of an administrator group is a full administrator through long-lived user credentials.',
  evaluate: (group) => {
    const found = group.attachedPolicies.find((p) => isAwsPolicy(p.arn, AWS_POLICY.administratorAccess));
    return found
      ? fail(`group ${group.name} has AdministratorAccess attached (${group.members.length} member(s))`, [
          { message: 'AdministratorAccess is attached to the group', field: 'attachedPolicies', value: { policy: found.arn, members: group.members.map((m) => m.name) } },
        ])
      : pass(`group ${group.name} does not have AdministratorAccess attached`);
  },
});
