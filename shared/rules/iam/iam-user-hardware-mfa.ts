import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamUserSnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass } from '../define-rule';
import { withCredentials } from './lib/credentials';

export const iamUserHardwareMfa = defineRule<IamUserSnapshot>({
  id: 'iam-user-hardware-mfa',
  title: 'IAM users use hardware (not virtual) MFA',
  severity: 'HIGH',
  kind: IAM_KIND.user,
  anchors: { prowler: ['iam_user_hardware_mfa_enabled'] },
  trigger: 'E*',
  reads: ['iam:GetUser', 'iam:ListMFADevices', 'iam:ListVirtualMFADevices'],
  remediation: { text: 'Register a FIDO security key or hardware TOTP token for the user and remove the virtual device.', url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_fido.html' },
  rationale: 'Virtual MFA seeds live on phones and can be copied; hardware keys resist phishing and cloning.',
  evaluate: (user) =>
    withCredentials(user, (credentials) => {
      if (credentials.mfaDevices.length === 0) {
        return fail(`user ${user.name} has no MFA device`, [{ message: 'no MFA device', field: 'credentials.mfaDevices', value: [] }]);
      }
      const hardware = credentials.mfaDevices.filter((d) => !d.virtual);
      return hardware.length > 0
        ? pass(`user ${user.name} has ${hardware.length} hardware MFA device(s)`)
        : fail(`user ${user.name} has only virtual MFA devices`, [
            { message: 'every MFA device is virtual', field: 'credentials.mfaDevices', value: credentials.mfaDevices.map((d) => d.serialNumber) },
          ]);
    }),
});
