/**
 * S3 snapshots from AWS Config configuration items (either form; normaliseConfigItem has already decoded JSON strings).
 * Config spells things its own way (Java SDK names): `FullControl` permissions, group grantees as `AllUsers`, lifecycle
 * `-1` for "none", replication rules in a map keyed by rule id, lower-camel BPA flags. Object Ownership is not in the
 * item (awslabs/aws-config-resource-schema has no such field): `objectOwnership` is null, which rules read as "ACLs may
 * be in effect".
 */
import type { InputGap, Observation, ResourceRef } from '../../core';
import { configItemGaps, isDeletedItem, notInConfig, type ConfigIndex, type ConfigItem, type ItemParts } from '../config-item';
import { liveReadHint, notTold, WHOLE_SNAPSHOT } from '../gaps';
import type { ConfigNormaliser, ResourceKind } from '../types';
import { groupUri, normalisePermission } from './access';
import { s3AccessPointKind, s3AccountPublicAccessBlockKind, s3BucketKind, s3DirectoryBucketKind, s3MultiRegionAccessPointKind } from './kinds';
import { bucketNameOfArn, sortReplicationRules, sortTargets } from './normalise-api';
import type {
  AccessControlList,
  AclGrant,
  EncryptionRule,
  Lifecycle,
  LifecycleRule,
  Logging,
  NotificationTarget,
  Notifications,
  ObjectLock,
  PublicAccessBlock,
  Replication,
  ReplicationRule,
  S3AccessPointConfig,
  S3AccountPublicAccessBlockConfig,
  S3BucketConfig,
  S3DirectoryBucketConfig,
  S3MultiRegionAccessPointConfig,
  Versioning,
  Website,
} from './types';

type Json = Record<string, unknown>;

const rec = (value: unknown): Json | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined);
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
/** Config writes -1 for "not set" in lifecycle day counts. */
const days = (value: unknown): number | null => (typeof value === 'number' && value >= 0 ? value : null);
/** A key in either Config spelling: lower camel (supplementary configuration) or Pascal case (Cloud Control types). */
const field = (o: Json | undefined, name: string): unknown => o?.[name] ?? o?.[name.charAt(0).toUpperCase() + name.slice(1)];

const partitionOf = (region: string): string =>
  region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : region.startsWith('us-iso') ? 'aws-iso' : 'aws';

const refOf = (kind: ResourceKind, item: ConfigItem, id: string): ResourceRef => ({
  kind: kind.kind,
  id,
  arn: kind.arn({ partition: partitionOf(item.region), accountId: item.accountId, region: item.region, id }),
  accountId: item.accountId,
  region: kind.global ? 'global' : item.region,
});

const FAMILY = 's3';

const present = <C>(ref: ResourceRef, config: C, item: ConfigItem, gaps: readonly InputGap[]): Observation<C> => ({
  state: 'present',
  ref,
  config,
  gaps,
  observedAt: item.captureTime,
  source: 'config',
});

/**
 * Where each bucket field comes from in an `AWS::S3::Bucket` item. Config always writes AccessControlList, BucketPolicy
 * (`policyText: null` when there is none), versioning, logging and notification configurations; the others only when
 * the setting exists (see the recorded items in test/fixtures/config-items/s3-bucket.*.json): a missing key of the first
 * kind means the item is partial (INSUFFICIENT_DATA), of the second kind that the bucket has no such setting.
 */
const BUCKET_PARTS: ItemParts = {
  supplementary: {
    PublicAccessBlockConfiguration: ['publicAccessBlock'],
    AccessControlList: ['acl'],
    BucketPolicy: ['policy'],
    ServerSideEncryptionConfiguration: ['encryption'],
    BucketVersioningConfiguration: ['versioning'],
    BucketLifecycleConfiguration: ['lifecycle'],
    BucketLoggingConfiguration: ['logging'],
    BucketNotificationConfiguration: ['notifications'],
    ObjectLockConfiguration: ['objectLock'],
    BucketReplicationConfiguration: ['replication'],
    BucketTaggingConfiguration: ['tags'],
    BucketWebsiteConfiguration: ['website'],
  },
  supplementaryWhenSet: [
    'PublicAccessBlockConfiguration',
    'ServerSideEncryptionConfiguration',
    'BucketLifecycleConfiguration',
    'ObjectLockConfiguration',
    'BucketReplicationConfiguration',
    'BucketTaggingConfiguration',
    'BucketWebsiteConfiguration',
  ],
  tags: ['tags'],
};

/** The gaps of a bucket item: its parts, and what other items of the snapshot should have told. */
const bucketGaps = (item: ConfigItem, index: ConfigIndex, config: S3BucketConfig): InputGap[] => {
  const how = liveReadHint(FAMILY, item.region);
  const account = index.find('AWS::S3::AccountPublicAccessBlock', item.accountId);
  return [
    ...configItemGaps(item, FAMILY, BUCKET_PARTS),
    // Object Ownership is not in the item (awslabs/aws-config-resource-schema has no such field).
    notInConfig(['objectOwnership', 'policyIsPublic'], 'GetBucketOwnershipControls/GetBucketPolicyStatus', FAMILY, item.region),
    // The account's BPA comes from its own item; a snapshot without one (not recorded) does not say "none".
    ...(account ? [] : [notTold(['accountPublicAccessBlock'], 'AWS::S3::AccountPublicAccessBlock', `the snapshot has no item for account ${item.accountId}; ${how}`)]),
    // A destination bucket the snapshot does not hold (another account, not recorded) has an unknown Region.
    ...(config.replication?.rules.some((r) => r.destinationRegion === null)
      ? [notTold(['replication.rules.destinationRegion'], 'AWS::S3::Bucket (destination)', `the snapshot has no item for a destination bucket; ${how}`)]
      : []),
  ];
};

const gone = (ref: ResourceRef, item: ConfigItem): Observation => ({ state: 'gone', ref, observedAt: item.captureTime, source: 'config' });

export const publicAccessBlockFromConfig = (value: unknown): PublicAccessBlock | null => {
  const c = rec(value);
  if (!c || Object.keys(c).length === 0) return null;
  return {
    blockPublicAcls: field(c, 'blockPublicAcls') === true,
    ignorePublicAcls: field(c, 'ignorePublicAcls') === true,
    blockPublicPolicy: field(c, 'blockPublicPolicy') === true,
    restrictPublicBuckets: field(c, 'restrictPublicBuckets') === true,
  };
};

const granteeFromConfig = (value: unknown): AclGrant['grantee'] | undefined => {
  if (typeof value === 'string') return { type: 'Group', uri: groupUri(value) };
  const g = rec(value);
  if (!g) return undefined;
  const identifier = str(g.identifier);
  const typeIdentifier = str(g.typeIdentifier);
  if (str(g.uri) ?? (typeIdentifier === 'uri' ? identifier : null)) return { type: 'Group', uri: groupUri((str(g.uri) ?? identifier) as string) };
  const id = str(g.id) ?? (typeIdentifier === 'id' ? identifier : null);
  if (id) return { type: 'CanonicalUser', id };
  const email = str(g.emailAddress) ?? (typeIdentifier === 'emailAddress' ? identifier : null);
  if (email) return { type: 'AmazonCustomerByEmail', email };
  return undefined;
};

export const aclFromConfig = (value: unknown): AccessControlList | null => {
  const acl = rec(value);
  if (!acl) return null;
  const grants: AclGrant[] = [];
  for (const raw of arr(acl.grantList)) {
    const grant = rec(raw);
    const grantee = granteeFromConfig(grant?.grantee);
    const permission = normalisePermission(grant?.permission);
    if (grantee && permission) grants.push({ grantee, permission });
  }
  return { ownerId: str(rec(acl.owner)?.id), grants };
};

const encryptionFromConfig = (value: unknown): { rules: EncryptionRule[] } | null => {
  const c = rec(value);
  if (!c) return null;
  return {
    rules: arr(c.rules).map((raw) => {
      const rule = rec(raw);
      const byDefault = rec(rule?.applyServerSideEncryptionByDefault);
      return {
        algorithm: str(byDefault?.sseAlgorithm),
        kmsKeyId: str(byDefault?.kmsMasterKeyID),
        bucketKeyEnabled: rule?.bucketKeyEnabled === true,
      };
    }),
  };
};

const versioningFromConfig = (value: unknown): Versioning => {
  const c = rec(value);
  const status = c?.status === 'Enabled' || c?.status === 'Suspended' ? c.status : 'Off';
  return { status, mfaDelete: c?.isMfaDeleteEnabled === true };
};

const lifecycleRuleFromConfig = (raw: unknown): LifecycleRule => {
  const rule = rec(raw);
  return {
    id: str(rule?.id),
    status: rule?.status === 'Enabled' ? 'Enabled' : 'Disabled',
    expirationDays: days(rule?.expirationInDays),
    transitions: arr(rule?.transitions).map((t) => ({ days: days(rec(t)?.days), storageClass: str(rec(t)?.storageClass) })),
    noncurrentVersionExpirationDays: days(rule?.noncurrentVersionExpirationInDays),
  };
};

const lifecycleFromConfig = (value: unknown): Lifecycle | null => {
  const c = rec(value);
  return c ? { rules: arr(c.rules).map(lifecycleRuleFromConfig) } : null;
};

const loggingFromConfig = (value: unknown): Logging | null => {
  const c = rec(value);
  const target = str(c?.destinationBucketName);
  return target ? { targetBucket: target, targetPrefix: str(c?.logFilePrefix) ?? '' } : null;
};

const NOTIFICATION_TYPES: Record<string, { type: NotificationTarget['type']; arnKey: string }> = {
  TopicConfiguration: { type: 'Topic', arnKey: 'topicARN' },
  QueueConfiguration: { type: 'Queue', arnKey: 'queueARN' },
  LambdaConfiguration: { type: 'LambdaFunction', arnKey: 'functionARN' },
};

/** A missing notification configuration means none configured. EventBridge delivery is not in the public schema (read if present). */
const notificationsFromConfig = (value: unknown): Notifications => {
  const c = rec(value);
  const targets: NotificationTarget[] = [];
  for (const raw of Object.values(rec(c?.configurations) ?? {})) {
    const conf = rec(raw);
    const kind = NOTIFICATION_TYPES[String(conf?.type)];
    const arn = kind ? str(conf?.[kind.arnKey]) : null;
    if (kind && arn) targets.push({ type: kind.type, arn, events: arr(conf?.events).filter((e): e is string => typeof e === 'string') });
  }
  return { targets: sortTargets(targets), eventBridge: rec(c?.eventBridgeConfiguration) !== undefined };
};

const objectLockFromConfig = (value: unknown): ObjectLock | null => {
  const c = rec(value);
  if (!c) return null;
  const retention = rec(rec(c.rule)?.defaultRetention);
  return {
    enabled: c.objectLockEnabled === 'Enabled',
    defaultRetention: retention
      ? { mode: str(retention.mode), days: typeof retention.days === 'number' && retention.days > 0 ? retention.days : null, years: typeof retention.years === 'number' && retention.years > 0 ? retention.years : null }
      : null,
  };
};

/** Replication rules (a map keyed by rule id in Config); destination Regions come from the destination buckets' own items. */
const replicationFromConfig = (value: unknown, index: ConfigIndex): Replication | null => {
  const c = rec(value);
  if (!c) return null;
  const entries: [string | null, unknown][] = Array.isArray(c.rules) ? c.rules.map((r) => [str(rec(r)?.id), r]) : Object.entries(rec(c.rules) ?? {});
  const rules: ReplicationRule[] = [];
  for (const [id, raw] of entries) {
    const rule = rec(raw);
    const destination = rec(rule?.destinationConfig) ?? rec(rule?.destination);
    const bucket = str(destination?.bucketARN);
    if (!bucket) continue;
    const destinationItem = index.find('AWS::S3::Bucket', bucketNameOfArn(bucket));
    rules.push({
      id,
      status: rule?.status === 'Enabled' ? 'Enabled' : 'Disabled',
      destinationBucket: bucket,
      destinationAccount: str(destination?.Account) ?? str(destination?.account),
      destinationRegion: destinationItem && !isDeletedItem(destinationItem) ? destinationItem.region : null,
    });
  }
  return { role: str(c.roleARN), rules: sortReplicationRules(rules) };
};

const tagsFromConfig = (item: ConfigItem): Record<string, string> => {
  if (Object.keys(item.tags).length > 0) return { ...item.tags };
  const tags: Record<string, string> = {};
  for (const set of arr(rec(item.supplementaryConfiguration.BucketTaggingConfiguration)?.tagSets)) {
    for (const [key, v] of Object.entries(rec(rec(set)?.tags) ?? {})) if (typeof v === 'string') tags[key] = v;
  }
  return tags;
};

const websiteFromConfig = (value: unknown): Website | null => {
  const c = rec(value);
  if (!c) return null;
  return {
    indexDocument: str(c.indexDocumentSuffix),
    errorDocument: str(c.errorDocument),
    redirectAllRequestsTo: str(rec(c.redirectAllRequestsTo)?.hostName),
    routingRules: arr(c.routingRules).length,
  };
};

/** The account's BPA item (resource id = account id); null when missing or deleted (a deleted configuration = none). */
const accountPublicAccessBlockOf = (index: ConfigIndex, accountId: string): PublicAccessBlock | null => {
  const item = index.find('AWS::S3::AccountPublicAccessBlock', accountId);
  return item && !isDeletedItem(item) ? publicAccessBlockFromConfig(item.configuration) : null;
};

/** The bucket snapshot of one `AWS::S3::Bucket` item. Exported for tests and the CLI's snapshot scan. */
export const bucketConfigFromItem = (item: ConfigItem, index: ConfigIndex): S3BucketConfig => {
  const sup = item.supplementaryConfiguration;
  return {
    name: str(item.configuration.name) ?? item.resourceName ?? item.resourceId,
    region: item.region,
    accountId: item.accountId,
    publicAccessBlock: publicAccessBlockFromConfig(sup.PublicAccessBlockConfiguration),
    accountPublicAccessBlock: accountPublicAccessBlockOf(index, item.accountId),
    acl: aclFromConfig(sup.AccessControlList),
    objectOwnership: null,
    policy: str(rec(sup.BucketPolicy)?.policyText),
    policyIsPublic: null,
    encryption: encryptionFromConfig(sup.ServerSideEncryptionConfiguration),
    versioning: versioningFromConfig(sup.BucketVersioningConfiguration),
    lifecycle: lifecycleFromConfig(sup.BucketLifecycleConfiguration),
    logging: loggingFromConfig(sup.BucketLoggingConfiguration),
    notifications: notificationsFromConfig(sup.BucketNotificationConfiguration),
    objectLock: objectLockFromConfig(sup.ObjectLockConfiguration),
    replication: replicationFromConfig(sup.BucketReplicationConfiguration, index),
    tags: tagsFromConfig(item),
    website: websiteFromConfig(sup.BucketWebsiteConfiguration),
  };
};

const bucketNormaliser: ConfigNormaliser = {
  configType: 'AWS::S3::Bucket',
  supplementaryWhenSet: BUCKET_PARTS.supplementaryWhenSet,
  toObservations(item, index) {
    const name = str(item.configuration.name) ?? item.resourceName ?? item.resourceId;
    const ref = refOf(s3BucketKind, item, name);
    if (isDeletedItem(item)) return [gone(ref, item)];
    const config = bucketConfigFromItem(item, index);
    return [present(ref, config, item, bucketGaps(item, index, config))];
  },
};

/** A deleted account BPA item means the account no longer has a configuration: present, with null (S3.1 FAIL), never gone. */
const accountPublicAccessBlockNormaliser: ConfigNormaliser = {
  configType: 'AWS::S3::AccountPublicAccessBlock',
  toObservations(item) {
    const ref = refOf(s3AccountPublicAccessBlockKind, item, item.accountId);
    const config: S3AccountPublicAccessBlockConfig = {
      accountId: item.accountId,
      publicAccessBlock: isDeletedItem(item) ? null : publicAccessBlockFromConfig(item.configuration),
    };
    return [present(ref, config, item, isDeletedItem(item) ? [] : configItemGaps(item, FAMILY, { configuration: ['publicAccessBlock'] }))];
  },
};

const accessPointNormaliser: ConfigNormaliser = {
  configType: 'AWS::S3::AccessPoint',
  toObservations(item) {
    const c = item.configuration;
    const name = str(c.Name) ?? item.resourceName ?? item.resourceId;
    const ref = refOf(s3AccessPointKind, item, name);
    if (isDeletedItem(item)) return [gone(ref, item)];
    const config: S3AccessPointConfig = {
      name,
      region: item.region,
      accountId: item.accountId,
      bucket: str(c.Bucket),
      bucketAccountId: str(c.BucketAccountId),
      networkOrigin: c.NetworkOrigin === 'Internet' || c.NetworkOrigin === 'VPC' ? c.NetworkOrigin : null,
      vpcId: str(rec(c.VpcConfiguration)?.VpcId),
      publicAccessBlock: publicAccessBlockFromConfig(c.PublicAccessBlockConfiguration),
    };
    return [present(ref, config, item, configItemGaps(item, FAMILY, { configuration: [WHOLE_SNAPSHOT] }))];
  },
};

const multiRegionAccessPointNormaliser: ConfigNormaliser = {
  configType: 'AWS::S3::MultiRegionAccessPoint',
  toObservations(item) {
    const c = item.configuration;
    const name = str(c.Name) ?? item.resourceName ?? item.resourceId;
    const ref = refOf(s3MultiRegionAccessPointKind, item, name);
    if (isDeletedItem(item)) return [gone(ref, item)];
    const config: S3MultiRegionAccessPointConfig = {
      name,
      accountId: item.accountId,
      alias: str(c.Alias),
      status: null,
      publicAccessBlock: publicAccessBlockFromConfig(c.PublicAccessBlockConfiguration),
      buckets: arr(c.Regions).map((r) => str(rec(r)?.Bucket)).filter((b): b is string => b !== null).sort(),
    };
    return [present(ref, config, item, configItemGaps(item, FAMILY, { configuration: [WHOLE_SNAPSHOT] }))];
  },
};

const directoryBucketNormaliser: ConfigNormaliser = {
  configType: 'AWS::S3Express::DirectoryBucket',
  toObservations(item) {
    const c = item.configuration;
    const name = str(c.BucketName) ?? item.resourceName ?? item.resourceId;
    const ref = refOf(s3DirectoryBucketKind, item, name);
    if (isDeletedItem(item)) return [gone(ref, item)];
    const lifecycle = rec(c.LifecycleConfiguration);
    const config: S3DirectoryBucketConfig = {
      name,
      region: item.region,
      accountId: item.accountId,
      lifecycle: lifecycle
        ? {
            rules: arr(lifecycle.Rules).map((raw) => {
              const rule = rec(raw);
              return {
                id: str(rule?.Id),
                status: rule?.Status === 'Enabled' ? 'Enabled' : 'Disabled',
                expirationDays: days(rule?.ExpirationInDays),
                transitions: [],
                noncurrentVersionExpirationDays: null,
              };
            }),
          }
        : null,
    };
    return [present(ref, config, item, configItemGaps(item, FAMILY, { configuration: [WHOLE_SNAPSHOT] }))];
  },
};

export const s3ConfigNormalisers: readonly ConfigNormaliser[] = [
  bucketNormaliser,
  accountPublicAccessBlockNormaliser,
  accessPointNormaliser,
  multiRegionAccessPointNormaliser,
  directoryBucketNormaliser,
];
