/**
 * Canonical S3 snapshots: what the live collector and the AWS Config normalisers both produce and the S3 rules read.
 * Fields that were absent are `null` (no bucket policy, no lifecycle configuration, ...). A field whose read was denied is
 * `null` too, and its IAM action is listed in Observation.denied, so the engine reports ERROR before a rule reads it.
 */

/** The four Block Public Access flags (bucket, account, access point or Multi-Region Access Point level). */
export interface PublicAccessBlock {
  readonly blockPublicAcls: boolean;
  readonly ignorePublicAcls: boolean;
  readonly blockPublicPolicy: boolean;
  readonly restrictPublicBuckets: boolean;
}

export const ACL_PERMISSIONS = ['READ', 'WRITE', 'READ_ACP', 'WRITE_ACP', 'FULL_CONTROL'] as const;
export type AclPermission = (typeof ACL_PERMISSIONS)[number];

/** Grantee of an ACL grant; display names are dropped (Config often has them null, and no rule needs them). */
export type AclGrantee =
  | { readonly type: 'CanonicalUser'; readonly id: string }
  | { readonly type: 'Group'; readonly uri: string }
  | { readonly type: 'AmazonCustomerByEmail'; readonly email: string };

export interface AclGrant {
  readonly grantee: AclGrantee;
  readonly permission: AclPermission;
}

export interface AccessControlList {
  /** Canonical user id of the bucket (or object) owner. */
  readonly ownerId: string | null;
  readonly grants: readonly AclGrant[];
}

export type ObjectOwnership = 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';

export interface EncryptionRule {
  /** `AES256`, `aws:kms`, `aws:kms:dsse`; null for a rule without a default (bucket key setting only). */
  readonly algorithm: string | null;
  readonly kmsKeyId: string | null;
  readonly bucketKeyEnabled: boolean;
}

export interface Versioning {
  /** `Off` = never enabled. */
  readonly status: 'Enabled' | 'Suspended' | 'Off';
  readonly mfaDelete: boolean;
}

export interface LifecycleTransition {
  readonly days: number | null;
  readonly storageClass: string | null;
}

export interface LifecycleRule {
  readonly id: string | null;
  readonly status: 'Enabled' | 'Disabled';
  /** Current-version expiration after N days (null when the rule has none). */
  readonly expirationDays: number | null;
  readonly transitions: readonly LifecycleTransition[];
  readonly noncurrentVersionExpirationDays: number | null;
}

export interface Lifecycle {
  readonly rules: readonly LifecycleRule[];
}

export interface Logging {
  readonly targetBucket: string;
  /** '' when no prefix is set. */
  readonly targetPrefix: string;
}

export interface NotificationTarget {
  readonly type: 'Topic' | 'Queue' | 'LambdaFunction';
  readonly arn: string;
  /** Sorted event types, e.g. `s3:ObjectCreated:*`. */
  readonly events: readonly string[];
}

export interface Notifications {
  /** Sorted by type, then ARN (Config keeps them in a map, the API in per-type lists). */
  readonly targets: readonly NotificationTarget[];
  /** Delivery of all events to Amazon EventBridge is on. */
  readonly eventBridge: boolean;
}

export interface ObjectLock {
  readonly enabled: boolean;
  readonly defaultRetention: { readonly mode: string | null; readonly days: number | null; readonly years: number | null } | null;
}

export interface ReplicationRule {
  readonly id: string | null;
  readonly status: 'Enabled' | 'Disabled';
  /** Destination bucket ARN. */
  readonly destinationBucket: string;
  readonly destinationAccount: string | null;
  /** Region of the destination bucket; null when it could not be read (cross-account, deleted, not in the Config snapshot). */
  readonly destinationRegion: string | null;
}

export interface Replication {
  readonly role: string | null;
  /** Sorted by id. */
  readonly rules: readonly ReplicationRule[];
}

export interface Website {
  readonly indexDocument: string | null;
  readonly errorDocument: string | null;
  /** Host name all requests are redirected to. */
  readonly redirectAllRequestsTo: string | null;
  readonly routingRules: number;
}

/** `AWS::S3::Bucket`: a general purpose bucket with everything the bucket rules read. */
export interface S3BucketConfig {
  readonly name: string;
  readonly region: string;
  /** Owner account (the account the bucket was read in). */
  readonly accountId: string;
  /** Bucket-level BPA; null when the bucket has none. */
  readonly publicAccessBlock: PublicAccessBlock | null;
  /** Account-level BPA; null when the account has none. Rules use the per-flag OR of both (effectivePublicAccessBlock). */
  readonly accountPublicAccessBlock: PublicAccessBlock | null;
  readonly acl: AccessControlList | null;
  /**
   * Object Ownership; null when the bucket has no ownership controls or when the source cannot tell (AWS Config items do
   * not carry it). Both mean "ACLs may be in effect": rules take the stricter reading.
   */
  readonly objectOwnership: ObjectOwnership | null;
  /** Bucket policy JSON text; null when the bucket has no policy. */
  readonly policy: string | null;
  /** S3's own verdict (GetBucketPolicyStatus); null when unknown or when there is no policy. A cross-check only. */
  readonly policyIsPublic: boolean | null;
  readonly encryption: { readonly rules: readonly EncryptionRule[] } | null;
  readonly versioning: Versioning | null;
  readonly lifecycle: Lifecycle | null;
  readonly logging: Logging | null;
  readonly notifications: Notifications | null;
  readonly objectLock: ObjectLock | null;
  readonly replication: Replication | null;
  readonly tags: Readonly<Record<string, string>>;
  readonly website: Website | null;
}

/** `AWS::S3::AccountPublicAccessBlock` (reported as `AWS::::Account`). */
export interface S3AccountPublicAccessBlockConfig {
  readonly accountId: string;
  /** Null when the account has no configuration (never set, or deleted). */
  readonly publicAccessBlock: PublicAccessBlock | null;
}

/** `AWS::S3::AccessPoint`. */
export interface S3AccessPointConfig {
  readonly name: string;
  readonly region: string;
  readonly accountId: string;
  readonly bucket: string | null;
  readonly bucketAccountId: string | null;
  readonly networkOrigin: 'Internet' | 'VPC' | null;
  readonly vpcId: string | null;
  readonly publicAccessBlock: PublicAccessBlock | null;
}

/** `AWS::S3::MultiRegionAccessPoint` (global; control plane in us-west-2). */
export interface S3MultiRegionAccessPointConfig {
  readonly name: string;
  readonly accountId: string;
  readonly alias: string | null;
  readonly status: string | null;
  readonly publicAccessBlock: PublicAccessBlock | null;
  /** Sorted bucket names. */
  readonly buckets: readonly string[];
}

/** `AWS::S3Express::DirectoryBucket`. */
export interface S3DirectoryBucketConfig {
  readonly name: string;
  readonly region: string;
  readonly accountId: string;
  readonly lifecycle: Lifecycle | null;
}

/** A CloudTrail basic event selector, as far as the data-event rules read it. */
export interface BasicEventSelector {
  readonly readWriteType: 'ReadOnly' | 'WriteOnly' | 'All';
  readonly dataResources: readonly { readonly type: string; readonly values: readonly string[] }[];
}

export interface AdvancedFieldSelector {
  readonly field: string;
  readonly equals: readonly string[];
  readonly startsWith: readonly string[];
  readonly endsWith: readonly string[];
  readonly notEquals: readonly string[];
  readonly notStartsWith: readonly string[];
  readonly notEndsWith: readonly string[];
}

export interface AdvancedEventSelector {
  readonly name: string | null;
  readonly fieldSelectors: readonly AdvancedFieldSelector[];
}

export interface TrailSummary {
  readonly name: string;
  readonly arn: string;
  readonly homeRegion: string | null;
  readonly isOrganizationTrail: boolean;
  readonly isLogging: boolean;
  readonly basicSelectors: readonly BasicEventSelector[];
  readonly advancedSelectors: readonly AdvancedEventSelector[];
}

/** `AWS::S3::AccountDataEvents` (reported as `AWS::::Account`): the account's trails, for S3.22/S3.23. Live only. */
export interface S3AccountDataEventsConfig {
  readonly accountId: string;
  /** The multi-Region trails visible in the account (own, and organization trails), sorted by ARN. */
  readonly trails: readonly TrailSummary[];
}

/** Services whose default bucket names are predictable (`<prefix>-<account>-<region>` and similar). */
export type PredictableBucketService = 'glue' | 'sagemaker' | 'emr-studio' | 'codestar';

/** `AWS::S3::PredictableBucketName` (reported as `AWS::S3::Bucket`): who holds a predictable service bucket name. Live only. */
export interface S3PredictableBucketNameConfig {
  readonly name: string;
  readonly service: PredictableBucketService;
  readonly region: string;
  readonly accountId: string;
  /** The name is taken (by anyone). */
  readonly exists: boolean;
  /** The bucket is in this account's ListBuckets. */
  readonly ownedByAccount: boolean;
}

export interface SampledObject {
  readonly key: string;
  readonly acl: AccessControlList | null;
}

/** `AWS::S3::BucketObjectSample` (reported as `AWS::S3::Bucket`): a spot check of object ACLs. Live only. */
export interface S3BucketObjectSampleConfig {
  readonly name: string;
  readonly region: string;
  readonly accountId: string;
  readonly objectOwnership: ObjectOwnership | null;
  readonly publicAccessBlock: PublicAccessBlock | null;
  readonly accountPublicAccessBlock: PublicAccessBlock | null;
  /** At most SAMPLE_SIZE objects, the first ones ListObjectsV2 returns. */
  readonly objects: readonly SampledObject[];
}
