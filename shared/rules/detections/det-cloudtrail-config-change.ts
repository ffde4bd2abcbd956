import { CLOUDTRAIL_CHANGE_EVENTS } from '../../events/triggers/detections';
import type { DetectionRule } from '../types';
import { accountOf, cisMonitoring, detected, param, partitionOfEvent, succeeded } from './lib';

const NAMES = new Set<string>(CLOUDTRAIL_CHANGE_EVENTS);

/** CIS 4.5 (and PutEventSelectors): trail creation, update, deletion, start / stop of logging. Vigil's own audit source. */
export const detCloudtrailConfigChange: DetectionRule = {
  id: 'det-cloudtrail-config-change',
  title: 'CloudTrail configuration changes are reviewed',
  severity: 'LOW',
  kind: 'event',
  reads: [],
  eventSources: ['cloudtrail.amazonaws.com'],
  anchors: cisMonitoring('4.5', 'CloudWatch.5'),
  trigger: 'E',
  remediation: { text: 'Confirm the change was planned; restart logging (aws cloudtrail start-logging --name <trail>) if a trail was stopped.' },
  rationale: 'Stopping or narrowing the trail blinds every detection, Vigil\'s included.',
  detect: (detail) => {
    if (!NAMES.has(detail.eventName) || !succeeded(detail)) return undefined;
    const created = detail.responseElements?.trailARN;
    const trail = (typeof created === 'string' ? created : undefined) ?? param(detail, 'name') ?? param(detail, 'trailName');
    if (!trail) return undefined;
    const account = accountOf(detail);
    const arn = trail.startsWith('arn:') ? trail : `arn:${partitionOfEvent(detail)}:cloudtrail:${detail.awsRegion}:${account}:trail/${trail}`;
    const ref = { kind: 'AWS::CloudTrail::Trail', id: trail.startsWith('arn:') ? trail.slice(trail.lastIndexOf('/') + 1) : trail, arn, accountId: account, region: detail.awsRegion };
    return detected(ref, `${detail.eventName} on trail ${ref.id}`, detail);
  },
};
