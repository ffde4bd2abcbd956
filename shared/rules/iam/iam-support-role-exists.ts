import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamAccountSnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass } from '../define-rule';
import { booleanParam } from './lib/params';

/** Security Hub counts any user, group or role (policyUsageType ANY); `supportRoleRequireRole: true` follows Prowler (a role). */
export const iamSupportRoleExists = defineRule<IamAccountSnapshot>({
  id: 'iam-support-role-exists',
  title: 'A support role with AWSSupportAccess exists',
  severity: 'LOW',
  kind: IAM_KIND.account,
  anchors: { securityHub: ['IAM.18'], fsbp: false, cis: ['v3 1.17', 'v5 1.16', 'v1.2 1.20'], prowler: ['iam_support_role_created'] },
  trigger: 'E*',
  reads: ['iam:ListEntitiesForPolicy'],
  remediation: {
    text: 'Create a role for incident handling with AWS Support and attach the AWSSupportAccess managed policy.',
    cli: 'aws iam attach-role-policy --role-name <support-role> --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess',
  },
  rationale: 'A dedicated support role lets the team open and manage AWS Support cases without broader privileges.',
  evaluate: (account, ctx) => {
    const entities = account.policyEntities.AWSSupportAccess;
    const requireRole = booleanParam(ctx, 'supportRoleRequireRole', false);
    const holders = entities ? (requireRole ? entities.roles : [...entities.roles, ...entities.users, ...entities.groups]) : [];
    return holders.length > 0
      ? pass(`AWSSupportAccess is attached to ${holders.join(', ')}`, [{ message: 'entities with AWSSupportAccess', field: 'policyEntities.AWSSupportAccess', value: entities }])
      : fail(`no ${requireRole ? 'role' : 'user, group or role'} has AWSSupportAccess in account ${account.accountId}`, [
          { message: 'AWSSupportAccess is attached to no eligible entity', field: 'policyEntities.AWSSupportAccess', value: entities },
        ]);
  },
});
