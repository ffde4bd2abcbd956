import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamAccountSnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass, unobserved } from '../define-rule';
import { rootCredentialsAbsent } from './lib/root';

export const iamRootHardwareMfa = defineRule<IamAccountSnapshot>({
  id: 'iam-root-hardware-mfa',
  title: 'Root user uses a hardware MFA device',
  severity: 'CRITICAL',
  kind: IAM_KIND.account,
  anchors: { securityHub: ['IAM.6'], fsbp: true, cis: ['v3 1.6', 'v5 1.5'], prowler: ['iam_root_hardware_mfa_enabled'] },
  trigger: 'E*',
  reads: ['iam:GetAccountSummary', 'iam:ListVirtualMFADevices'],
  remediation: {
    text: 'Replace the root user\'s virtual MFA with a hardware device (FIDO security key or hardware TOTP token).',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_physical.html',
  },
  rationale: 'A virtual MFA lives on a phone that can be lost, cloned or compromised; a hardware key is bound to one object.',
  evaluate: (account) => {
    if (rootCredentialsAbsent(account)) return pass(`the root user of account ${account.accountId} has no credentials (centralized root access)`);
    if (!account.summary) return unobserved('the account summary is not available');
    if (!account.summary.accountMfaEnabled) {
      return fail(`the root user of account ${account.accountId} has no MFA at all`, [{ message: 'AccountMFAEnabled is 0', field: 'summary.accountMfaEnabled', value: false }]);
    }
    return account.rootVirtualMfa
      ? fail(`the root user of account ${account.accountId} uses a virtual MFA device`, [
          { message: 'a virtual MFA device is assigned to the root user', field: 'rootVirtualMfa', value: true },
        ])
      : pass(`the root user of account ${account.accountId} uses hardware MFA`);
  },
});
