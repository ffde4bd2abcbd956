import { S3_BUCKET_POLICY_CHANGE_EVENTS } from '../../events/triggers/detections';
import type { DetectionRule } from '../types';
import { accountOf, cisMonitoring, detected, param, partitionOfEvent, succeeded } from './lib';

const NAMES = new Set<string>(S3_BUCKET_POLICY_CHANGE_EVENTS);

/** CIS 4.8: bucket ACL, policy, CORS, lifecycle and replication changes. */
export const detS3BucketPolicyChange: DetectionRule = {
  id: 'det-s3-bucket-policy-change',
  title: 'S3 bucket policy changes are reviewed',
  severity: 'LOW',
  kind: 'event',
  reads: [],
  eventSources: ['s3.amazonaws.com'],
  anchors: cisMonitoring('4.8', 'CloudWatch.8'),
  trigger: 'E',
  remediation: { text: 'Confirm the change was planned; the S3 posture rules report whether the bucket became public or cross-account.' },
  rationale: 'Bucket policy and ACL changes are how data gets exposed; each one should be attributable.',
  detect: (detail) => {
    if (!NAMES.has(detail.eventName) || !succeeded(detail)) return undefined;
    const bucket = param(detail, 'bucketName');
    if (!bucket) return undefined;
    const ref = { kind: 'AWS::S3::Bucket', id: bucket, arn: `arn:${partitionOfEvent(detail)}:s3:::${bucket}`, accountId: accountOf(detail), region: detail.awsRegion };
    return detected(ref, `${detail.eventName} on bucket ${bucket}`, detail);
  },
};
