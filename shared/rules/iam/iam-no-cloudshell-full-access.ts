import { PRINCIPAL_KINDS } from '../../resources/iam/kinds';
import type { IamPrincipalSnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass } from '../define-rule';
import { ATTACHED_POLICY_READS } from './lib/judge';
import { withKinds } from './lib/kinds';
import { AWS_POLICY, isAwsPolicy } from './lib/well-known';

/** Security Hub IAM.27: one finding per identity (user, role, group) with AWSCloudShellFullAccess attached directly. */
export const iamNoCloudshellFullAccess = withKinds(
  defineRule<IamPrincipalSnapshot>({
    id: 'iam-no-cloudshell-full-access',
    title: 'No IAM identity has the AWSCloudShellFullAccess policy attached',
    severity: 'MEDIUM',
    kind: PRINCIPAL_KINDS[0],
    anchors: { securityHub: ['IAM.27'], fsbp: false, cis: ['v3 1.22', 'v5 1.21'], prowler: ['iam_policy_cloudshell_admin_not_attached'] },
    trigger: 'E',
    reads: ATTACHED_POLICY_READS,
    remediation: { text: 'Detach AWSCloudShellFullAccess and grant a CloudShell policy without file upload / download if CloudShell is needed.', cli: 'aws iam detach-user-policy --user-name <user> --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess' },
    rationale: 'CloudShell with full access allows file transfer in and out of the account, an easy exfiltration channel.',
    evaluate: (principal) => {
      const found = principal.attachedPolicies.find((p) => isAwsPolicy(p.arn, AWS_POLICY.cloudShellFullAccess));
      return found
        ? fail(`${principal.type} ${principal.name} has AWSCloudShellFullAccess attached`, [{ message: 'AWSCloudShellFullAccess is attached', field: 'attachedPolicies', value: found.arn }])
        : pass(`${principal.type} ${principal.name} does not have AWSCloudShellFullAccess attached`);
    },
  }),
  PRINCIPAL_KINDS,
);
