import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamManagedPolicySnapshot } from '../../resources/iam/types';
import { defineRule } from '../define-rule';
import { wildcardResourceGrants } from './lib/grants';
import { failOnGrants, MANAGED_POLICY_READS } from './lib/judge';
import { customerPolicyScope, isCheck } from './lib/scope';

/** Customer policies (attached or not) allowing sts:AssumeRole on a resource pattern with a wildcard. */
export const iamPolicyNoPermissiveRoleAssumption = defineRule<IamManagedPolicySnapshot>({
  id: 'iam-policy-no-permissive-role-assumption',
  title: 'Customer-managed policy does not allow sts:AssumeRole on wildcard resources',
  severity: 'HIGH',
  kind: IAM_KIND.policy,
  anchors: { prowler: ['iam_no_custom_policy_permissive_role_assumption'] },
  trigger: 'E',
  reads: MANAGED_POLICY_READS,
  remediation: { text: 'Name the role ARNs the holders may assume instead of a wildcard.', url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html' },
  rationale: 'AssumeRole on "*" lets the holder step into any role that trusts the account, often more privileged ones.',
  evaluate: (policy) => {
    const scoped = customerPolicyScope(policy);
    if (isCheck(scoped)) return scoped;
    return failOnGrants([scoped], (doc) => wildcardResourceGrants(doc.document, ['sts:AssumeRole']), {
      subject: `policy ${policy.name}`,
      bad: 'allows sts:AssumeRole on wildcard resources',
      good: 'does not allow sts:AssumeRole on wildcard resources',
    });
  },
});
