import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamManagedPolicySnapshot } from '../../resources/iam/types';
import { defineRule } from '../define-rule';
import { failOnVerdict, MANAGED_POLICY_READS } from './lib/judge';
import { customerPolicyScope, isCheck } from './lib/scope';

export const iamPolicyNoPrivilegeEscalation = defineRule<IamManagedPolicySnapshot>({
  id: 'iam-policy-no-privilege-escalation',
  title: 'Customer-managed policy allows no privilege-escalation path',
  severity: 'HIGH',
  kind: IAM_KIND.policy,
  anchors: { prowler: ['iam_policy_allows_privilege_escalation'] },
  trigger: 'E',
  reads: MANAGED_POLICY_READS,
  remediation: {
    text: 'Remove the escalation actions (policy versions, attach/put policies, credentials of other users, iam:PassRole with compute) or scope them to specific resources.',
    url: 'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
  },
  rationale: 'An escalation path lets the holder grant itself more power than the policy appears to give, up to administrator.',
  evaluate: (policy, ctx, ref) => {
    const scoped = customerPolicyScope(policy);
    if (isCheck(scoped)) return scoped;
    return failOnVerdict(
      [scoped],
      ctx,
      ref,
      (v) => v.privesc,
      { subject: `policy ${policy.name}`, bad: 'allows privilege escalation', good: 'allows no privilege-escalation path' },
      (v) => ({ methods: v.privesc.methods.map((m) => m.name) }),
    );
  },
});
