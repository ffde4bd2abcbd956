import { KMS_KEY_DISABLE_EVENTS } from '../../events/triggers/detections';
import type { DetectionRule } from '../types';
import { accountOf, cisMonitoring, detected, param, partitionOfEvent, succeeded } from './lib';

const NAMES = new Set<string>(KMS_KEY_DISABLE_EVENTS);

/** CIS 4.7: DisableKey and ScheduleKeyDeletion (only customer-managed keys accept them). */
export const detKmsKeyDisableOrDelete: DetectionRule = {
  id: 'det-kms-key-disable-or-delete',
  title: 'Customer-managed KMS keys are not disabled or scheduled for deletion unnoticed',
  severity: 'LOW',
  kind: 'event',
  reads: [],
  eventSources: ['kms.amazonaws.com'],
  anchors: cisMonitoring('4.7', 'CloudWatch.7'),
  trigger: 'E',
  remediation: { text: 'If unplanned, re-enable the key (aws kms enable-key) or cancel the deletion (aws kms cancel-key-deletion) within the waiting period.' },
  rationale: 'Data encrypted under a deleted key is lost for good; a disabled key stops every workload that needs it.',
  detect: (detail) => {
    if (!NAMES.has(detail.eventName) || !succeeded(detail)) return undefined;
    const account = accountOf(detail);
    const keyId = param(detail, 'keyId');
    const fromResources = detail.resources?.find((r) => r.ARN?.includes(':key/'))?.ARN;
    const arn = fromResources ?? (keyId?.startsWith('arn:') ? keyId : keyId ? `arn:${partitionOfEvent(detail)}:kms:${detail.awsRegion}:${account}:${keyId.startsWith('alias/') ? keyId : `key/${keyId}`}` : undefined);
    if (!arn) return undefined;
    const ref = { kind: 'AWS::KMS::Key', id: arn.slice(arn.lastIndexOf('/') + 1), arn, accountId: account, region: detail.awsRegion };
    const days = detail.requestParameters?.pendingWindowInDays;
    return detected(ref, `${detail.eventName} on KMS key ${ref.id}${days ? ` (deletion in ${String(days)} days)` : ''}`, detail);
  },
};
