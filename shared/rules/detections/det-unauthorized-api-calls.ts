import type { DetectionRule } from '../types';
import { cisMonitoring, detected, principalRef } from './lib';

const UNAUTHORIZED = /(UnauthorizedOperation$)|(^AccessDenied)/;

/**
 * CIS v3 4.1 filter: errorCode `*UnauthorizedOperation` or `AccessDenied*`, excluding `delivery.logs.amazonaws.com` and
 * HeadBucket. Threshold-free like det-console-auth-failures: the finding is about the calling principal (user, role behind
 * the session, else the account) and stays open across a burst. It needs the FAILED events, which the posture path drops.
 */
export const detUnauthorizedApiCalls: DetectionRule = {
  id: 'det-unauthorized-api-calls',
  title: 'No unauthorized API calls',
  severity: 'LOW',
  kind: 'event',
  reads: [],
  eventSources: ['*'],
  anchors: cisMonitoring('4.1', 'CloudWatch.2'),
  trigger: 'E',
  remediation: { text: 'Find out whether the principal probes for permissions (compromise) or a workload lacks a permission (fix its policy).' },
  rationale: 'Bursts of denied calls are how stolen credentials are explored; steady ones reveal broken automation.',
  detect: (detail) => {
    if (!detail.errorCode || !UNAUTHORIZED.test(detail.errorCode)) return undefined;
    if (detail.sourceIPAddress === 'delivery.logs.amazonaws.com' || detail.eventName === 'HeadBucket') return undefined;
    return detected(principalRef(detail), `${detail.eventSource} ${detail.eventName} was denied (${detail.errorCode})`, detail, [
      { message: detail.errorMessage ?? detail.errorCode, field: 'errorCode', value: detail.errorCode },
    ]);
  },
};
