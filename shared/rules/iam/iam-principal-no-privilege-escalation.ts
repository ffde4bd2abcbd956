import type { Check } from '../../core';
import { PRINCIPAL_KINDS } from '../../resources/iam/kinds';
import type { IamPrincipalSnapshot } from '../../resources/iam/types';
import { defineRule, fail, notApplicable, pass, unobserved } from '../define-rule';
import { ATTACHED_POLICY_READS, INLINE_POLICY_READS, MANAGED_POLICY_READS } from './lib/judge';
import { withKinds } from './lib/kinds';
import { judgeUnion, policyContext, principalPolicies } from './lib/policies';

/**
 * Vigil's rule beyond Security Hub: a user, role or group can escalate its privileges through the UNION of its policies
 * (inline, customer-managed, AWS-managed, and a user's groups') — e.g. iam:PassRole in one policy and
 * lambda:CreateFunction + lambda:InvokeFunction in another, which per-policy checks miss. Service-linked roles are out of scope.
 */
export const iamPrincipalNoPrivilegeEscalation = withKinds(
  defineRule<IamPrincipalSnapshot>({
    id: 'iam-principal-no-privilege-escalation',
    title: 'IAM principal has no privilege-escalation path through its policies',
    severity: 'HIGH',
    kind: PRINCIPAL_KINDS[0],
    anchors: {},
    trigger: 'E',
    reads: [...INLINE_POLICY_READS, ...ATTACHED_POLICY_READS, ...MANAGED_POLICY_READS, 'iam:ListGroupsForUser'],
    remediation: {
      text: "Remove or scope the actions that form the path (policy versions, attach/put policies, other users' credentials, iam:PassRole with compute creation).",
      url: 'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
    },
    rationale: 'A principal that can rewrite its own permissions is effectively an administrator, whatever its policies look like.',
    evaluate: (principal, ctx, ref): Check => {
      if (principal.type === 'role' && principal.serviceLinked) return notApplicable(`role ${principal.name} is a service-linked role`);
      const { sources, unknown } = principalPolicies(principal);
      if (sources.length === 0 && unknown.length === 0) return pass(`${principal.type} ${principal.name} has no policy`);
      const { verdicts, evidenceOf } = judgeUnion(sources, policyContext(ctx, ref, principal.arn));
      if (verdicts.privesc.value) {
        const methods = verdicts.privesc.methods.map((m) => m.name);
        return fail(`${principal.type} ${principal.name} can escalate privileges (${methods.join(', ')})`, evidenceOf(verdicts.privesc, 'form an escalation path'));
      }
      if (unknown.length > 0) return unobserved(`${principal.type} ${principal.name}: documents not in this snapshot: ${unknown.join(', ')}`);
      return pass(`${principal.type} ${principal.name} has no privilege-escalation path`);
    },
  }),
  PRINCIPAL_KINDS,
);
