import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamUserSnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass } from '../define-rule';
import { AWS_POLICY, isAwsPolicy } from './lib/well-known';

export const iamUserNoAdministratoraccess = defineRule<IamUserSnapshot>({
  id: 'iam-user-no-administratoraccess',
  title: 'No IAM user has the AdministratorAccess policy attached',
  severity: 'CRITICAL',
  kind: IAM_KIND.user,
  anchors: { prowler: ['iam_user_administrator_access_policy'] },
  trigger: 'E',
  reads: ['iam:GetUser', 'iam:ListAttachedUserPolicies'],
  remediation: { text: 'Detach AdministratorAccess from the user; give administrators a role to assume with MFA instead.', cli: 'aws iam detach-user-policy --user-name <user> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess' },
  rationale: 'An administrator user carries long-lived credentials with full power over the account.',
  evaluate: (user) => {
    const found = user.attachedPolicies.find((p) => isAwsPolicy(p.arn, AWS_POLICY.administratorAccess));
    return found
      ? fail(`user ${user.name} has AdministratorAccess attached`, [{ message: 'AdministratorAccess is attached to the user', field: 'attachedPolicies', value: found.arn }])
      : pass(`user ${user.name} does not have AdministratorAccess attached`);
  },
});
