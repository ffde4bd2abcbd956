import type { DetectionRule } from '../types';
import { accountOf, accountRef, cisMonitoring, detected } from './lib';

/** CIS 4.3 metric filter: `userIdentity.type = "Root"`, no `invokedBy` (root acting through an AWS service), not an AwsServiceEvent. */
export const detRootActivity: DetectionRule = {
  id: 'det-root-activity',
  title: 'The root user is not used',
  severity: 'LOW',
  kind: 'event',
  reads: [],
  eventSources: ['*'],
  anchors: cisMonitoring('4.3', 'CloudWatch.1', { prowler: ['iam_avoid_root_usage'] }),
  trigger: 'E',
  remediation: { text: 'Confirm who used the root user and why; if unexpected, rotate the root password and MFA and review the activity.', url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html' },
  rationale: 'Root activity is rare by design; any use deserves an immediate look.',
  detect: (detail) => {
    const identity = detail.userIdentity;
    if (identity?.type !== 'Root' || identity.invokedBy || detail.eventType === 'AwsServiceEvent') return undefined;
    return detected(accountRef(detail, identity.accountId ?? accountOf(detail)), `the root user called ${detail.eventSource} ${detail.eventName}`, detail);
  },
};
