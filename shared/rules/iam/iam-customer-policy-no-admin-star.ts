import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamManagedPolicySnapshot } from '../../resources/iam/types';
import { defineRule } from '../define-rule';
import { failOnVerdict, MANAGED_POLICY_READS } from './lib/judge';
import { customerPolicyScope, isCheck } from './lib/scope';

/**
 * Security Hub IAM.1 (excludePermissionBoundaryPolicy = true): the default version of a customer-managed policy,
 * attached or not, grants no full administrative access. "Admin" is the policy engine's verdict (iam-semantics §6:
 * `*` on `*`, or a co-finite NotAction / NotResource grant that leaves IAM intact).
 */
export const iamCustomerPolicyNoAdminStar = defineRule<IamManagedPolicySnapshot>({
  id: 'iam-customer-policy-no-admin-star',
  title: 'Customer-managed policy does not grant full "*:*" administrative access',
  severity: 'HIGH',
  kind: IAM_KIND.policy,
  anchors: {
    securityHub: ['IAM.1'],
    fsbp: true,
    cis: ['v1.2 1.22', 'v1.4 1.16'],
    prowler: ['iam_customer_attached_policy_no_administrative_privileges', 'iam_customer_unattached_policy_no_administrative_privileges'],
  },
  trigger: 'E',
  reads: MANAGED_POLICY_READS,
  remediation: {
    text: 'Replace the "*" grant with the actions and resources the holders need, then make that version the default.',
    cli: 'aws iam create-policy-version --policy-arn <arn> --policy-document file://least-privilege.json --set-as-default',
  },
  rationale: 'A "*:*" policy turns every identity it is attached to into a full administrator of the account.',
  evaluate: (policy, ctx, ref) => {
    const scoped = customerPolicyScope(policy, { excludeBoundaryOnly: true });
    if (isCheck(scoped)) return scoped;
    return failOnVerdict([scoped], ctx, ref, (v) => v.admin, { subject: `policy ${policy.name}`, bad: 'grants full administrative access', good: 'grants no full administrative access' });
  },
});
