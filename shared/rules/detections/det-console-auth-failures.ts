import type { DetectionRule } from '../types';
import { cisMonitoring, detected, principalRef } from './lib';

/**
 * CIS 4.6 filter: ConsoleLogin with `errorMessage = "Failed authentication"`. CIS alarms on a count over a period; Vigil
 * is threshold-free: every failure is a FAIL about the principal (or the account when the user name is hidden), and
 * since findings are keyed by (rule, principal) a burst keeps one finding open and alerts once — the evidence of the
 * latest failure (source IP, user agent) is kept. A threshold would need a shared counter (DynamoDB with TTL), left out.
 */
export const detConsoleAuthFailures: DetectionRule = {
  id: 'det-console-auth-failures',
  title: 'No failed console sign-in attempts',
  severity: 'LOW',
  kind: 'event',
  reads: [],
  eventSources: ['signin.amazonaws.com'],
  anchors: cisMonitoring('4.6', 'CloudWatch.6'),
  trigger: 'E',
  remediation: { text: 'Check the source IP and user agent; if the attempts are not the user\'s, reset the password, require MFA and consider blocking the source.' },
  rationale: 'Repeated failed sign-ins are the signature of password guessing or credential stuffing.',
  detect: (detail) => {
    if (detail.eventName !== 'ConsoleLogin' || detail.errorMessage !== 'Failed authentication') return undefined;
    return detected(principalRef(detail), `failed console sign-in for ${detail.userIdentity?.userName ?? detail.userIdentity?.type ?? 'an unknown user'}${detail.sourceIPAddress ? ` from ${detail.sourceIPAddress}` : ''}`, detail, [
      { message: 'Failed authentication', field: 'errorMessage', value: detail.errorMessage },
    ]);
  },
};
