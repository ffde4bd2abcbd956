import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamGroupSnapshot } from '../../resources/iam/types';
import { defineRule, fail, notApplicable, pass, unobserved } from '../define-rule';
import { AWS_POLICY, isAwsPolicy } from './lib/well-known';

export const iamAdminGroupMembersMfa = defineRule<IamGroupSnapshot>({
  id: 'iam-admin-group-members-mfa',
  title: 'Members of administrator groups have MFA',
  severity: 'HIGH',
  kind: IAM_KIND.group,
  anchors: { prowler: ['iam_administrator_access_with_mfa'] },
  trigger: 'E*',
  reads: ['iam:ListAttachedGroupPolicies', 'iam:GetGroup', 'iam:ListMFADevices'],
  remediation: { text: 'Have every member register an MFA device, or remove members who do not need administrator access.', url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html' },
  rationale: 'An administrator without MFA is one leaked password away from a full account takeover.',
  evaluate: (group) => {
    if (!group.attachedPolicies.some((p) => isAwsPolicy(p.arn, AWS_POLICY.administratorAccess))) return notApplicable(`group ${group.name} does not have AdministratorAccess`);
    const without = group.members.filter((m) => m.mfaDevices === 0).map((m) => m.name);
    if (without.length > 0) {
      return fail(`administrator group ${group.name} has member(s) without MFA: ${without.join(', ')}`, [{ message: 'members without an MFA device', field: 'members', value: without }]);
    }
    const unknown = group.members.filter((m) => m.mfaDevices === null).map((m) => m.name);
    if (unknown.length > 0) return unobserved(`group ${group.name}: the MFA devices of ${unknown.join(', ')} are not in this snapshot`);
    return pass(`every member of administrator group ${group.name} has MFA (${group.members.length} member(s))`);
  },
});
