import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamRoleSnapshot } from '../../resources/iam/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';
import { isServiceRole } from './lib/roles';
import { AWS_POLICY, isAwsPolicy } from './lib/well-known';

export const iamRoleNoAdministratoraccess = defineRule<IamRoleSnapshot>({
  id: 'iam-role-no-administratoraccess',
  title: 'No (non-service) IAM role has the AdministratorAccess policy attached',
  severity: 'HIGH',
  kind: IAM_KIND.role,
  anchors: { prowler: ['iam_role_administratoraccess_policy'] },
  trigger: 'E',
  reads: ['iam:GetRole', 'iam:ListAttachedRolePolicies'],
  remediation: { text: 'Detach AdministratorAccess and attach policies scoped to the role\'s job; keep a few break-glass admin roles, reviewed.', cli: 'aws iam detach-role-policy --role-name <role> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess' },
  rationale: 'Whoever can assume an administrator role owns the account; such roles should be rare and deliberate.',
  evaluate: (role) => {
    if (role.serviceLinked) return notApplicable(`role ${role.name} is a service-linked role`);
    if (isServiceRole(role)) return notApplicable(`role ${role.name} is a service role (only AWS services may assume it)`);
    const found = role.attachedPolicies.find((p) => isAwsPolicy(p.arn, AWS_POLICY.administratorAccess));
    return found
      ? fail(`role ${role.name} has AdministratorAccess attached`, [{ message: 'AdministratorAccess is attached to the role', field: 'attachedPolicies', value: found.arn }])
      : pass(`role ${role.name} does not have AdministratorAccess attached`);
  },
});
