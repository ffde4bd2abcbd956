import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamUserSnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass } from '../define-rule';
import { withCredentials } from './lib/credentials';

/** Security Hub IAM.19: every user, console access or not (programmatic-only users fail too: expect to suppress some). */
export const iamUserMfaEnabled = defineRule<IamUserSnapshot>({
  id: 'iam-user-mfa-enabled',
  title: 'Every IAM user has MFA',
  severity: 'MEDIUM',
  kind: IAM_KIND.user,
  anchors: { securityHub: ['IAM.19'], fsbp: false },
  trigger: 'E*',
  reads: ['iam:GetUser', 'iam:ListMFADevices'],
  remediation: { text: 'Register an MFA device for the user (a FIDO security key is preferred).', url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html' },
  rationale: 'MFA stops a leaked password from being enough to act as the user.',
  evaluate: (user) =>
    withCredentials(user, (credentials) =>
      credentials.mfaDevices.length > 0
        ? pass(`user ${user.name} has ${credentials.mfaDevices.length} MFA device(s)`)
        : fail(`user ${user.name} has no MFA device`, [{ message: 'ListMFADevices is empty', field: 'credentials.mfaDevices', value: [] }]),
    ),
});
