import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamManagedPolicySnapshot } from '../../resources/iam/types';
import { defineRule, fail, notApplicable, pass, unobserved } from '../define-rule';
import { judgementEvidence, MANAGED_POLICY_READS } from './lib/judge';
import { attachedDocument, policyContext } from './lib/policies';
import { analyzePolicy } from '../../policy';

/**
 * CIS v3 1.16 / v5 1.15: no ATTACHED managed policy — AWS-managed (AdministratorAccess, ...) or customer — grants full
 * administrative access. AWS Config records no AWS-managed policy, so those findings come from the live collector
 * (or a dump); a snapshot lacking a document falls back to Vigil's copy of the well-known AWS policies.
 */
export const iamNoAdminPolicyAttached = defineRule<IamManagedPolicySnapshot>({
  id: 'iam-no-admin-policy-attached',
  title: 'No attached managed policy grants full "*:*" administrative access',
  severity: 'CRITICAL',
  kind: IAM_KIND.policy,
  anchors: {
    cis: ['v3 1.16', 'v5 1.15'],
    prowler: ['iam_aws_attached_policy_no_administrative_privileges', 'iam_customer_attached_policy_no_administrative_privileges'],
  },
  trigger: 'E',
  reads: [...MANAGED_POLICY_READS, 'iam:ListEntitiesForPolicy'],
  remediation: {
    text: 'Detach the policy from its users, groups and roles and grant least-privilege policies instead; keep administrator access to a few break-glass roles.',
    cli: 'aws iam list-entities-for-policy --policy-arn <arn>; aws iam detach-role-policy --role-name <role> --policy-arn <arn>',
  },
  rationale: 'Every identity holding an attached "*:*" policy is a full administrator; CIS wants none outside break-glass.',
  evaluate: (policy, ctx, ref) => {
    if (policy.attachmentCount === 0) return notApplicable(`policy ${policy.name} is not attached`);
    const found = attachedDocument({ name: policy.name, arn: policy.arn, awsManaged: policy.awsManaged, document: policy.document });
    if (found === undefined) return pass(`policy ${policy.name} is a read-only AWS-managed policy`);
    if (found === null) return unobserved(`policy ${policy.name}: its document is not in this snapshot`);
    const verdict = analyzePolicy('identity-policy', found.document, policyContext(ctx, ref)).admin;
    if (!verdict.value) return pass(`attached policy ${policy.name} grants no full administrative access`);
    const holders = policy.attachedTo ? [...policy.attachedTo.users.map((u) => `user ${u}`), ...policy.attachedTo.groups.map((g) => `group ${g}`), ...policy.attachedTo.roles.map((r) => `role ${r}`)] : [];
    return fail(`attached policy ${policy.name} grants full administrative access${holders.length ? ` to ${holders.join(', ')}` : ''}`, [
      judgementEvidence({ label: `policy ${policy.name}`, field: 'document', policy: policy.arn, document: found.document }, verdict, 'grants full administrative access', {
        attachedTo: policy.attachedTo,
        attachmentCount: policy.attachmentCount,
      }),
    ]);
  },
});
