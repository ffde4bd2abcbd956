import type { Evidence } from '../../core';
import { externalGrants, parsePolicy } from '../../policy';
import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamRoleSnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass, unobserved } from '../define-rule';
import { policyContext, statementList } from './lib/policies';
import { hasPositiveCondition } from './lib/roles';

/** Trust statements admitting principals of other accounts (outside `trustedAccountIds`) need sts:ExternalId or aws:PrincipalOrgID. */
export const iamRoleTrustExternalId = defineRule<IamRoleSnapshot>({
  id: 'iam-role-trust-external-id',
  title: 'Cross-account role trust requires an external ID or the organization',
  severity: 'MEDIUM',
  kind: IAM_KIND.role,
  anchors: {},
  trigger: 'E',
  reads: ['iam:GetRole'],
  remediation: {
    text: 'Add a condition sts:ExternalId (for a third party) or aws:PrincipalOrgID (for your organization) to the cross-account trust statement.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html',
  },
  rationale: 'Without an external ID a vendor trusted by many customers can be tricked into acting on this account (confused deputy).',
  evaluate: (role, ctx, ref) => {
    if (!role.trustPolicy) return unobserved(`role ${role.name}: no trust policy in this snapshot`);
    const grants = externalGrants('trust-policy', role.trustPolicy, policyContext(ctx, ref, role.arn), ['sts:AssumeRole']);
    if (grants.length === 0) return pass(`role ${role.name} trusts no principal of another account`);
    const statements = new Map(parsePolicy(role.trustPolicy).statements.map((s) => [s.index, s]));
    const unguarded = grants.filter((g) => {
      const statement = statements.get(g.statement.index);
      return !hasPositiveCondition(statement, 'sts:ExternalId') && !hasPositiveCondition(statement, 'aws:PrincipalOrgID');
    });
    if (unguarded.length === 0) return pass(`role ${role.name}: every cross-account trust statement requires an external ID or the organization`);
    const principals = [...new Set(unguarded.flatMap((g) => g.principals))];
    const evidence: Evidence = {
      message: `trust policy: ${statementList(unguarded.map((g) => g.statement))} admit ${principals.join(', ')} without sts:ExternalId or aws:PrincipalOrgID`,
      field: 'trustPolicy',
      statements: unguarded.map((g) => g.statement),
      value: { principals, reasons: unguarded.map((g) => g.reason) },
    };
    return fail(`role ${role.name} trusts ${principals.join(', ')} without an external ID or organization condition`, [evidence]);
  },
});
