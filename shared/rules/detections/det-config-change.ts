import { CONFIG_CHANGE_EVENTS } from '../../events/triggers/detections';
import type { DetectionRule } from '../types';
import { accountOf, cisMonitoring, detected, param, partitionOfEvent, succeeded } from './lib';

const NAMES = new Set<string>(CONFIG_CHANGE_EVENTS);

/** CIS 4.9: the recorder or delivery channel of AWS Config is stopped, deleted or replaced. */
export const detConfigChange: DetectionRule = {
  id: 'det-config-change',
  title: 'AWS Config configuration changes are reviewed',
  severity: 'LOW',
  kind: 'event',
  reads: [],
  eventSources: ['config.amazonaws.com'],
  anchors: cisMonitoring('4.9', 'CloudWatch.9'),
  trigger: 'E',
  remediation: { text: 'Confirm the change was planned; restart the recorder (aws configservice start-configuration-recorder) if it was stopped.' },
  rationale: 'Without the recorder, configuration history (and Vigil\'s Config-driven triggers) stops.',
  detect: (detail) => {
    if (!NAMES.has(detail.eventName) || !succeeded(detail)) return undefined;
    const account = accountOf(detail);
    const channel = param(detail, 'deliveryChannelName') ?? param(detail, 'deliveryChannel.name');
    const recorder = param(detail, 'configurationRecorderName') ?? param(detail, 'configurationRecorder.name');
    const isChannel = /DeliveryChannel$/.test(detail.eventName);
    const name = (isChannel ? channel : recorder) ?? 'default';
    const kind = isChannel ? 'AWS::Config::DeliveryChannel' : 'AWS::Config::ConfigurationRecorder';
    // Recorders and channels have no ARN of their own in these APIs: a stable, Region-scoped name stands in for one.
    const arn = `arn:${partitionOfEvent(detail)}:config:${detail.awsRegion}:${account}:${isChannel ? 'delivery-channel' : 'config-recorder'}/${name}`;
    return detected({ kind, id: name, arn, accountId: account, region: detail.awsRegion }, `${detail.eventName} on ${isChannel ? 'delivery channel' : 'configuration recorder'} ${name}`, detail);
  },
};
