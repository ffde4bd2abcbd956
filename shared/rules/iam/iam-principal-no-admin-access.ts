import type { Check } from '../../core';
import { PRINCIPAL_KINDS } from '../../resources/iam/kinds';
import type { IamPrincipalSnapshot } from '../../resources/iam/types';
import { defineRule, fail, notApplicable, pass, unobserved } from '../define-rule';
import { ATTACHED_POLICY_READS, INLINE_POLICY_READS, MANAGED_POLICY_READS } from './lib/judge';
import { withKinds } from './lib/kinds';
import { judgeUnion, policyContext, principalPolicies } from './lib/policies';

/**
 * Vigil's rule beyond Security Hub (which checks only customer-managed policies, IAM.1): a user, role or group holds
 * full administrative access through ANY of its policies — inline, customer-managed or AWS-managed (AdministratorAccess),
 * and for a user those of its groups. The policies are judged together, as IAM unions them. Service-linked roles are
 * AWS's and out of scope.
 */
export const iamPrincipalNoAdminAccess = withKinds(
  defineRule<IamPrincipalSnapshot>({
    id: 'iam-principal-no-admin-access',
    title: 'IAM principal does not hold full administrative access through any policy',
    severity: 'HIGH',
    kind: PRINCIPAL_KINDS[0],
    anchors: {},
    trigger: 'E',
    reads: [...INLINE_POLICY_READS, ...ATTACHED_POLICY_READS, ...MANAGED_POLICY_READS, 'iam:ListGroupsForUser'],
    remediation: {
      text: 'Remove the administrator grant (detach AdministratorAccess, delete or scope the "*" statements) and keep full access to a few break-glass roles protected by MFA.',
    },
    rationale: 'Every administrator is a full-account compromise if its credentials leak; their number should be minimal and known.',
    evaluate: (principal, ctx, ref): Check => {
      if (principal.type === 'role' && principal.serviceLinked) return notApplicable(`role ${principal.name} is a service-linked role`);
      const { sources, unknown } = principalPolicies(principal);
      if (sources.length === 0 && unknown.length === 0) return pass(`${principal.type} ${principal.name} has no policy`);
      const { verdicts, evidenceOf } = judgeUnion(sources, policyContext(ctx, ref, principal.arn));
      if (verdicts.admin.value) return fail(`${principal.type} ${principal.name} holds full administrative access`, evidenceOf(verdicts.admin, 'grant full administrative access'));
      if (unknown.length > 0) return unobserved(`${principal.type} ${principal.name}: documents not in this snapshot: ${unknown.join(', ')}`);
      return pass(`${principal.type} ${principal.name} holds no full administrative access`);
    },
  }),
  PRINCIPAL_KINDS,
);
