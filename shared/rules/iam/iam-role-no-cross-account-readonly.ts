import { externalGrants } from '../../policy';
import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamRoleSnapshot } from '../../resources/iam/types';
import { defineRule, fail, notApplicable, pass, unobserved } from '../define-rule';
import { grantEvidence, policyContext } from './lib/policies';
import { isServiceRole } from './lib/roles';
import { AWS_POLICY, isAwsPolicy } from './lib/well-known';

export const iamRoleNoCrossAccountReadonly = defineRule<IamRoleSnapshot>({
  id: 'iam-role-no-cross-account-readonly',
  title: 'ReadOnlyAccess is not granted to other accounts through a role',
  severity: 'HIGH',
  kind: IAM_KIND.role,
  anchors: { prowler: ['iam_role_cross_account_readonlyaccess_policy'] },
  trigger: 'E',
  reads: ['iam:GetRole', 'iam:ListAttachedRolePolicies'],
  remediation: { text: 'Grant the external party a policy limited to what it needs, or restrict the trust policy to your own accounts.', cli: 'aws iam update-assume-role-policy --role-name <role> --policy-document file://trust.json' },
  rationale: 'ReadOnlyAccess reads almost everything, including data in S3 and DynamoDB; exposing it to another account leaks the estate.',
  evaluate: (role, ctx, ref) => {
    if (role.serviceLinked || isServiceRole(role)) return notApplicable(`role ${role.name} is a service role`);
    if (!role.attachedPolicies.some((p) => isAwsPolicy(p.arn, AWS_POLICY.readOnlyAccess))) return notApplicable(`role ${role.name} does not have ReadOnlyAccess`);
    if (!role.trustPolicy) return unobserved(`role ${role.name}: no trust policy in this snapshot`);
    const grants = externalGrants('trust-policy', role.trustPolicy, policyContext(ctx, ref, role.arn), ['sts:AssumeRole']);
    return grants.length > 0
      ? fail(`role ${role.name} with ReadOnlyAccess can be assumed from other accounts (${[...new Set(grants.flatMap((g) => g.principals))].join(', ')})`, [
          grantEvidence('trust policy', 'trustPolicy', role.arn, grants, 'admit principals of other accounts'),
        ])
      : pass(`role ${role.name} with ReadOnlyAccess trusts only its own (or trusted) accounts`);
  },
});
