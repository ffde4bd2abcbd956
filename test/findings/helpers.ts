import type { Actor, Evidence, Verdict, VerdictStatus } from '../../shared/core';
import { actorOf } from '../../shared/events';
import type { CloudTrailDetail } from '../../shared/events/types';
import { loadFixture } from '../helpers/fixtures';

/** The recorded PutBucketPolicy that made `example-bucket` public (Panther sample). */
export const publicPolicyEvent = (): CloudTrailDetail => loadFixture<CloudTrailDetail>('cloudtrail/s3-PutBucketPolicy-public.panther.json');
/** The recorded PutBucketAcl (x-amz-acl private) on `bucket`. */
export const privateAclEvent = (): CloudTrailDetail => loadFixture<CloudTrailDetail>('cloudtrail/s3-PutBucketAcl.panther.json');

export const actorOfFixture = (detail: CloudTrailDetail): Actor => actorOf(detail);

/** Minutes after a fixed origin, as ISO 8601: observation and clock times in tests. */
export const at = (minutes: number): string => new Date(Date.UTC(2024, 0, 1, 0, 0, 0) + minutes * 60_000).toISOString();
export const clockAt = (minutes: number): Date => new Date(at(minutes));

const RULE = {
  ruleId: 's3-bucket-public-read',
  title: 'Bucket blocks public read',
  severity: 'CRITICAL',
  remediation: {
    text: 'Remove the public grant from the bucket policy and ACL, and turn on S3 Block Public Access.',
    cli: 'aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
  },
} as const;

/**
 * A verdict of s3-bucket-public-read on the bucket of a PutBucketPolicy event (by default the recorded public-policy
 * event), as the engine would report it; FAIL evidence names the public statement of that event's policy.
 */
export const verdictOf = (status: VerdictStatus, observedAt: string, overrides: Partial<Verdict> = {}, detail: CloudTrailDetail = publicPolicyEvent()): Verdict => {
  const bucket = String((detail.requestParameters as { bucketName: string }).bucketName);
  const policy = (detail.requestParameters as { bucketPolicy: { Statement: { Sid?: string }[] } }).bucketPolicy;
  const evidence: Evidence[] =
    status === 'FAIL'
      ? [{ message: `statement ${policy.Statement[0]?.Sid} allows s3:GetBucketAcl to everyone`, field: 'policy', statements: [{ index: 0, sid: policy.Statement[0]?.Sid }] }]
      : [];
  const messages: Record<VerdictStatus, string> = {
    FAIL: `bucket ${bucket} is publicly readable through its bucket policy`,
    PASS: `bucket ${bucket} blocks public read`,
    NOT_APPLICABLE: `bucket ${bucket}: rule not applicable`,
    INSUFFICIENT_DATA: `bucket ${bucket}: policy not known (supplementaryConfiguration.BucketPolicy)`,
    ERROR: `could not evaluate ${bucket}: access denied to s3:GetBucketPolicy`,
  };
  return {
    ...RULE,
    status,
    resourceType: 'AWS::S3::Bucket',
    resourceKind: 's3-bucket',
    resourceId: bucket,
    resourceArn: `arn:aws:s3:::${bucket}`,
    accountId: detail.recipientAccountId ?? '123456789012',
    region: detail.awsRegion ?? 'us-west-2',
    message: messages[status],
    evidence,
    observedAt,
    source: 'live',
    ...overrides,
  };
};
