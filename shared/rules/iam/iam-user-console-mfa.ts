import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamUserSnapshot } from '../../resources/iam/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';
import { withCredentials } from './lib/credentials';

export const iamUserConsoleMfa = defineRule<IamUserSnapshot>({
  id: 'iam-user-console-mfa',
  title: 'IAM users with a console password have MFA',
  severity: 'MEDIUM',
  kind: IAM_KIND.user,
  anchors: { securityHub: ['IAM.5'], fsbp: true, cis: ['v3 1.10', 'v5 1.9', 'v1.2 1.2'], prowler: ['iam_user_mfa_enabled_console_access'] },
  trigger: 'E*',
  reads: ['iam:GetUser', 'iam:GetLoginProfile', 'iam:ListMFADevices'],
  remediation: {
    text: 'Have the user register an MFA device, or remove the console password if the user does not need the console.',
    cli: 'aws iam delete-login-profile --user-name <user>',
  },
  rationale: 'A console password without MFA is one phishing e-mail away from an interactive session in the account.',
  evaluate: (user) =>
    withCredentials(user, (credentials) => {
      if (!credentials.passwordEnabled) return notApplicable(`user ${user.name} has no console password`);
      return credentials.mfaDevices.length > 0
        ? pass(`user ${user.name} has a console password and ${credentials.mfaDevices.length} MFA device(s)`)
        : fail(`user ${user.name} has a console password but no MFA device`, [{ message: 'no MFA device is associated', field: 'credentials.mfaDevices', value: [] }]);
    }),
});
