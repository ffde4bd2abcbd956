/** Trigger catalogue, S3 slice (catalogue §6.4, §6.5, §6.6 for S3.22/23, §6.11 fan-out; id paths §7.3). */
import { S3_KIND } from '../../resources/s3/kinds';
import type { CloudTrailDetail, TriggerRow } from '../types';

/** Mutating bucket-level calls of general purpose buckets (§6.4). Logged names differ from API names in places. */
export const S3_BUCKET_EVENT_NAMES = [
  'CreateBucket',
  'DeleteBucket',
  'PutBucketPolicy',
  'DeleteBucketPolicy',
  'PutBucketAcl',
  'PutBucketPublicAccessBlock',
  'DeleteBucketPublicAccessBlock',
  'PutBucketOwnershipControls',
  'DeleteBucketOwnershipControls',
  'PutBucketCors',
  'DeleteBucketCors',
  'PutBucketWebsite',
  // Missing from the S3 CloudTrail event list in the user guide; harmless if never seen (§6.4).
  'DeleteBucketWebsite',
  'PutBucketEncryption',
  'DeleteBucketEncryption',
  'PutBucketVersioning',
  // Not `PutObjectLockConfiguration`.
  'PutBucketObjectLockConfiguration',
  'PutBucketReplication',
  'DeleteBucketReplication',
  // Logged name of PutBucketLifecycleConfiguration.
  'PutBucketLifecycle',
  'DeleteBucketLifecycle',
  'PutBucketLogging',
  // Logged name of PutBucketNotificationConfiguration.
  'PutBucketNotification',
  'PutBucketTagging',
  'DeleteBucketTagging',
] as const;

/** Account-level BPA (S3 Control PutPublicAccessBlock / DeletePublicAccessBlock, logged under these names). */
export const S3_ACCOUNT_BPA_EVENT_NAMES = ['PutAccountPublicAccessBlock', 'DeleteAccountPublicAccessBlock'] as const;

export const S3_ACCESS_POINT_EVENT_NAMES = ['CreateAccessPoint', 'DeleteAccessPoint', 'PutAccessPointPolicy', 'DeleteAccessPointPolicy'] as const;

export const S3_MRAP_EVENT_NAMES = ['CreateMultiRegionAccessPoint', 'DeleteMultiRegionAccessPoint', 'PutMultiRegionAccessPointPolicy'] as const;

/** §6.5, plus lifecycle names in case they are logged for directory buckets (uncertain; the daily run is the backstop). */
export const S3EXPRESS_EVENT_NAMES = [
  'CreateBucket',
  'DeleteBucket',
  'PutBucketPolicy',
  'DeleteBucketPolicy',
  'PutBucketEncryption',
  'DeleteBucketEncryption',
  'PutBucketLifecycleConfiguration',
  'PutBucketLifecycle',
  'DeleteBucketLifecycle',
] as const;

/** §6.6: trail changes re-evaluate S3.22/S3.23 (§6.11). */
export const CLOUDTRAIL_TRAIL_EVENT_NAMES = ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'PutEventSelectors', 'StartLogging', 'StopLogging'] as const;

type Resource = NonNullable<CloudTrailDetail['resources']>[number];

const resourceOfType = (detail: CloudTrailDetail, type: string): Resource | undefined => detail.resources?.find((r) => r.type === type && r.ARN);

const stringAt = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

/** Access point name: `requestParameters.name`, else the `AWS::S3::AccessPoint` entry of `resources[]` (§7.3). */
export const accessPointName = (detail: CloudTrailDetail): string | undefined => {
  const name = stringAt(detail.requestParameters?.name);
  if (name) return name;
  const arn = resourceOfType(detail, 'AWS::S3::AccessPoint')?.ARN;
  return arn?.includes(':accesspoint/') ? arn.slice(arn.indexOf(':accesspoint/') + ':accesspoint/'.length) : undefined;
};

/**
 * Multi-Region Access Point name. The request body is `<Operation>Request.Details.Name` in the API
 * (`CreateMultiRegionAccessPointRequest`, ...); the logged path is unverified (§7.3), so any `*Request.Details.Name` or a
 * top-level `name` is accepted. Undefined when absent: the daily sweep re-lists MRAPs (their operations are asynchronous).
 */
export const multiRegionAccessPointName = (detail: CloudTrailDetail): string | undefined => {
  const params = detail.requestParameters ?? {};
  const direct = stringAt(params.name) ?? stringAt(params.Name);
  if (direct) return direct;
  for (const [key, value] of Object.entries(params)) {
    if (!key.endsWith('Request') || !value || typeof value !== 'object') continue;
    const details = (value as Record<string, unknown>).Details;
    const name = details && typeof details === 'object' ? stringAt((details as Record<string, unknown>).Name) : undefined;
    if (name) return name;
  }
  return undefined;
};

/** Bucket events that change whether object ACLs can be public (ownership, BPA), or end the bucket. */
export const S3_OBJECT_SAMPLE_EVENT_NAMES = [
  'CreateBucket',
  'DeleteBucket',
  'PutBucketOwnershipControls',
  'DeleteBucketOwnershipControls',
  'PutBucketPublicAccessBlock',
  'DeleteBucketPublicAccessBlock',
] as const;

const PREDICTABLE_NAME_PATTERNS = [
  (account: string, region: string) => `aws-glue-assets-${account}-${region}`,
  (account: string, region: string) => `sagemaker-${region}-${account}`,
  (account: string, region: string) => `aws-emr-studio-${account}-${region}`,
  (account: string, region: string) => `aws-codestar-${region}-${account}`,
];

/**
 * A predictable service bucket name created or deleted in this account and Region (e.g. when claiming the name as
 * remediation): re-check it early. Other names are not this kind's business (undefined).
 */
export const predictableBucketName = (detail: CloudTrailDetail): string | undefined => {
  const name = stringAt(detail.requestParameters?.bucketName);
  const account = detail.recipientAccountId ?? detail.userIdentity?.accountId;
  if (!name || !account) return undefined;
  return PREDICTABLE_NAME_PATTERNS.some((pattern) => pattern(account, detail.awsRegion) === name) ? name : undefined;
};

export const s3Triggers: readonly TriggerRow[] = [
  { eventSource: 's3.amazonaws.com', eventNames: S3_BUCKET_EVENT_NAMES, kind: S3_KIND.bucket, id: { paths: ['requestParameters.bucketName'] } },
  {
    eventSource: 's3.amazonaws.com',
    eventNames: S3_ACCOUNT_BPA_EVENT_NAMES,
    kind: S3_KIND.accountPublicAccessBlock,
    id: { account: true },
    // §6.11: the account BPA is an input of the effective BPA of every bucket (S3.2, S3.3).
    fanOut: [S3_KIND.bucket],
  },
  { eventSource: 's3.amazonaws.com', eventNames: S3_ACCESS_POINT_EVENT_NAMES, kind: S3_KIND.accessPoint, id: { resolve: accessPointName } },
  { eventSource: 's3.amazonaws.com', eventNames: S3_MRAP_EVENT_NAMES, kind: S3_KIND.multiRegionAccessPoint, id: { resolve: multiRegionAccessPointName } },
  { eventSource: 's3express.amazonaws.com', eventNames: S3EXPRESS_EVENT_NAMES, kind: S3_KIND.directoryBucket, id: { paths: ['requestParameters.bucketName'] } },
  { eventSource: 'cloudtrail.amazonaws.com', eventNames: CLOUDTRAIL_TRAIL_EVENT_NAMES, kind: S3_KIND.accountDataEvents, id: { account: true } },
  // Periodic kinds: these events only allow an early re-evaluation (catalogue §0.1, trigger P).
  { eventSource: 's3.amazonaws.com', eventNames: S3_OBJECT_SAMPLE_EVENT_NAMES, kind: S3_KIND.bucketObjectSample, id: { paths: ['requestParameters.bucketName'] } },
  { eventSource: 's3.amazonaws.com', eventNames: ['CreateBucket', 'DeleteBucket'], kind: S3_KIND.predictableBucketName, id: { resolve: predictableBucketName } },
];
