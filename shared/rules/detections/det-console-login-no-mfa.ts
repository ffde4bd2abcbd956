import type { DetectionRule } from '../types';
import { cisMonitoring, detected, principalRef } from './lib';

/** CIS v3 4.2 filter: a successful ConsoleLogin of an IAM user without MFA (SSO / federated sessions are not IAMUser). */
export const detConsoleLoginNoMfa: DetectionRule = {
  id: 'det-console-login-no-mfa',
  title: 'IAM users sign in to the console with MFA',
  severity: 'LOW',
  kind: 'event',
  reads: [],
  eventSources: ['signin.amazonaws.com'],
  anchors: cisMonitoring('4.2', 'CloudWatch.3'),
  trigger: 'E',
  remediation: { text: 'Require MFA for the user (register a device; deny actions without aws:MultiFactorAuthPresent) and confirm the sign-in was legitimate.' },
  rationale: 'A console session without MFA means a password alone opened the account.',
  detect: (detail) => {
    if (detail.eventName !== 'ConsoleLogin' || detail.userIdentity?.type !== 'IAMUser') return undefined;
    if ((detail.responseElements as { ConsoleLogin?: unknown } | null | undefined)?.ConsoleLogin !== 'Success') return undefined;
    const mfa = (detail.additionalEventData as { MFAUsed?: unknown } | null | undefined)?.MFAUsed;
    if (mfa === 'Yes') return undefined;
    const who = detail.userIdentity.userName ?? detail.userIdentity.arn ?? 'unknown';
    return detected(principalRef(detail), `IAM user ${who} signed in to the console without MFA`, detail, [
      { message: `MFAUsed = ${String(mfa ?? 'absent')}`, field: 'additionalEventData.MFAUsed', value: mfa ?? null },
    ]);
  },
};
