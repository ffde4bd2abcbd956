import type { ResourceKind } from '../types';

/** Snapshot kinds of the S3 family (keys of RESOURCE_KINDS). */
export const S3_KIND = {
  bucket: 'AWS::S3::Bucket',
  accountPublicAccessBlock: 'AWS::S3::AccountPublicAccessBlock',
  accessPoint: 'AWS::S3::AccessPoint',
  multiRegionAccessPoint: 'AWS::S3::MultiRegionAccessPoint',
  directoryBucket: 'AWS::S3Express::DirectoryBucket',
  accountDataEvents: 'AWS::S3::AccountDataEvents',
  predictableBucketName: 'AWS::S3::PredictableBucketName',
  bucketObjectSample: 'AWS::S3::BucketObjectSample',
} as const;
export type S3Kind = (typeof S3_KIND)[keyof typeof S3_KIND];

const asIs = (id: string): string | undefined => (id.startsWith('arn:') ? id : undefined);

export const bucketArn = (partition: string, name: string): string => `arn:${partition}:s3:::${name}`;
/** Account-level S3 kinds are reported as the account (`AWS::::Account`); one ARN per account, like Prowler's. */
export const accountArn = (partition: string, accountId: string): string => `arn:${partition}:s3::${accountId}:account`;

const bucketKind = (kind: string, reportedType: string, configTypes: readonly string[]): ResourceKind => ({
  kind,
  reportedType,
  family: 's3',
  global: false,
  configTypes,
  arn: ({ partition, id }) => asIs(id) ?? bucketArn(partition, id),
});

const accountKind = (kind: string, configTypes: readonly string[]): ResourceKind => ({
  kind,
  reportedType: 'AWS::::Account',
  family: 's3',
  // Account settings apply in every Region: one finding per account.
  global: true,
  configTypes,
  arn: ({ partition, accountId, id }) => asIs(id) ?? accountArn(partition, accountId),
});

export const s3BucketKind = bucketKind(S3_KIND.bucket, 'AWS::S3::Bucket', ['AWS::S3::Bucket']);

export const s3AccountPublicAccessBlockKind = accountKind(S3_KIND.accountPublicAccessBlock, ['AWS::S3::AccountPublicAccessBlock']);

export const s3AccessPointKind: ResourceKind = {
  kind: S3_KIND.accessPoint,
  reportedType: 'AWS::S3::AccessPoint',
  family: 's3',
  global: false,
  configTypes: ['AWS::S3::AccessPoint'],
  arn: ({ partition, accountId, region, id }) => asIs(id) ?? `arn:${partition}:s3:${region}:${accountId}:accesspoint/${id}`,
};

/**
 * Multi-Region Access Points are global. Their real ARN names the alias (`accesspoint/<alias>.mrap`), which no event
 * carries; Vigil keys them by name (`accesspoint/<name>`) on every path so that findings from events, sweeps and Config agree.
 */
export const s3MultiRegionAccessPointKind: ResourceKind = {
  kind: S3_KIND.multiRegionAccessPoint,
  reportedType: 'AWS::S3::MultiRegionAccessPoint',
  family: 's3',
  global: true,
  configTypes: ['AWS::S3::MultiRegionAccessPoint'],
  arn: ({ partition, accountId, id }) => asIs(id) ?? `arn:${partition}:s3::${accountId}:accesspoint/${id}`,
};

export const s3DirectoryBucketKind: ResourceKind = {
  kind: S3_KIND.directoryBucket,
  reportedType: 'AWS::S3Express::DirectoryBucket',
  family: 's3',
  global: false,
  configTypes: ['AWS::S3Express::DirectoryBucket'],
  arn: ({ partition, accountId, region, id }) => asIs(id) ?? `arn:${partition}:s3express:${region}:${accountId}:bucket/${id}`,
};

/** The account's trails as S3.22/S3.23 read them (live only: no Config type). */
export const s3AccountDataEventsKind = accountKind(S3_KIND.accountDataEvents, []);

/** A predictable service bucket name (`aws-glue-assets-<account>-<region>`, ...) in one Region (live only). */
export const s3PredictableBucketNameKind = bucketKind(S3_KIND.predictableBucketName, 'AWS::S3::Bucket', []);

/** A bucket's sampled object ACLs (live only). */
export const s3BucketObjectSampleKind = bucketKind(S3_KIND.bucketObjectSample, 'AWS::S3::Bucket', []);

export const s3Kinds: readonly ResourceKind[] = [
  s3BucketKind,
  s3AccountPublicAccessBlockKind,
  s3AccessPointKind,
  s3MultiRegionAccessPointKind,
  s3DirectoryBucketKind,
  s3AccountDataEventsKind,
  s3PredictableBucketNameKind,
  s3BucketObjectSampleKind,
];
