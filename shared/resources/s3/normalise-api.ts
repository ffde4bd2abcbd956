/** Pure mapping of S3 / S3 Control / CloudTrail API answers to the canonical snapshot parts (no SDK calls here). */
import type {
  GetBucketAclOutput,
  GetBucketEncryptionOutput,
  GetBucketLifecycleConfigurationOutput,
  GetBucketLoggingOutput,
  NotificationConfiguration,
  GetBucketOwnershipControlsOutput,
  GetBucketPolicyOutput,
  GetBucketPolicyStatusOutput,
  GetBucketReplicationOutput,
  GetBucketTaggingOutput,
  GetBucketVersioningOutput,
  GetBucketWebsiteOutput,
  GetObjectLockConfigurationOutput,
  GetPublicAccessBlockOutput,
  Grant,
  LifecycleRule as ApiLifecycleRule,
} from '@aws-sdk/client-s3';
import type { AdvancedEventSelector as ApiAdvancedSelector, EventSelector as ApiEventSelector } from '@aws-sdk/client-cloudtrail';
import { groupUri, normalisePermission } from './access';
import type {
  AccessControlList,
  AclGrant,
  AdvancedEventSelector,
  BasicEventSelector,
  EncryptionRule,
  Lifecycle,
  LifecycleRule,
  Logging,
  NotificationTarget,
  Notifications,
  ObjectLock,
  ObjectOwnership,
  PublicAccessBlock,
  Replication,
  ReplicationRule,
  Versioning,
  Website,
} from './types';

const nonEmpty = (value: string | undefined | null): string | null => (value ? value : null);

/** GetBucketLocation's LocationConstraint: null/'' = us-east-1, `EU` = eu-west-1 (legacy names). */
export const regionFromLocationConstraint = (constraint: string | undefined | null): string => {
  if (!constraint) return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
};

export const publicAccessBlockFromApi = (
  output: Pick<GetPublicAccessBlockOutput, 'PublicAccessBlockConfiguration'> | null | undefined,
): PublicAccessBlock | null => {
  const c = output?.PublicAccessBlockConfiguration;
  if (!c) return null;
  return {
    blockPublicAcls: c.BlockPublicAcls === true,
    ignorePublicAcls: c.IgnorePublicAcls === true,
    blockPublicPolicy: c.BlockPublicPolicy === true,
    restrictPublicBuckets: c.RestrictPublicBuckets === true,
  };
};

/** Same four flags under the S3 Control names used by access points and MRAPs (`PublicAccessBlock`). */
export const publicAccessBlockFromFlags = (c: { BlockPublicAcls?: boolean; IgnorePublicAcls?: boolean; BlockPublicPolicy?: boolean; RestrictPublicBuckets?: boolean } | null | undefined): PublicAccessBlock | null =>
  c ? publicAccessBlockFromApi({ PublicAccessBlockConfiguration: c }) : null;

const grantFromApi = (grant: Grant): AclGrant | undefined => {
  const permission = normalisePermission(grant.Permission);
  const g = grant.Grantee;
  if (!permission || !g) return undefined;
  if (g.URI) return { grantee: { type: 'Group', uri: groupUri(g.URI) }, permission };
  if (g.ID) return { grantee: { type: 'CanonicalUser', id: g.ID }, permission };
  if (g.EmailAddress) return { grantee: { type: 'AmazonCustomerByEmail', email: g.EmailAddress }, permission };
  return undefined;
};

export const aclFromApi = (output: Pick<GetBucketAclOutput, 'Owner' | 'Grants'> | null | undefined): AccessControlList | null => {
  if (!output) return null;
  return {
    ownerId: nonEmpty(output.Owner?.ID),
    grants: (output.Grants ?? []).map(grantFromApi).filter((g): g is AclGrant => g !== undefined),
  };
};

export const ownershipFromApi = (output: GetBucketOwnershipControlsOutput | null | undefined): ObjectOwnership | null => {
  const value = output?.OwnershipControls?.Rules?.[0]?.ObjectOwnership;
  return value === 'BucketOwnerEnforced' || value === 'BucketOwnerPreferred' || value === 'ObjectWriter' ? value : null;
};

export const policyFromApi = (output: GetBucketPolicyOutput | null | undefined): string | null => nonEmpty(output?.Policy);

export const policyIsPublicFromApi = (output: GetBucketPolicyStatusOutput | null | undefined): boolean | null =>
  typeof output?.PolicyStatus?.IsPublic === 'boolean' ? output.PolicyStatus.IsPublic : null;

export const encryptionFromApi = (output: GetBucketEncryptionOutput | null | undefined): { rules: EncryptionRule[] } | null => {
  const rules = output?.ServerSideEncryptionConfiguration?.Rules;
  if (!rules) return null;
  return {
    rules: rules.map((rule) => ({
      algorithm: nonEmpty(rule.ApplyServerSideEncryptionByDefault?.SSEAlgorithm),
      kmsKeyId: nonEmpty(rule.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID),
      bucketKeyEnabled: rule.BucketKeyEnabled === true,
    })),
  };
};

/** GetBucketVersioning answers `{}` for a bucket whose versioning was never enabled: status `Off`. */
export const versioningFromApi = (output: GetBucketVersioningOutput | null | undefined): Versioning | null => {
  if (!output) return null;
  const status = output.Status === 'Enabled' || output.Status === 'Suspended' ? output.Status : 'Off';
  return { status, mfaDelete: output.MFADelete === 'Enabled' };
};

export const lifecycleRuleFromApi = (rule: ApiLifecycleRule): LifecycleRule => ({
  id: nonEmpty(rule.ID),
  status: rule.Status === 'Enabled' ? 'Enabled' : 'Disabled',
  expirationDays: rule.Expiration?.Days ?? null,
  transitions: (rule.Transitions ?? []).map((t) => ({ days: t.Days ?? null, storageClass: nonEmpty(t.StorageClass) })),
  noncurrentVersionExpirationDays: rule.NoncurrentVersionExpiration?.NoncurrentDays ?? null,
});

export const lifecycleFromApi = (output: GetBucketLifecycleConfigurationOutput | null | undefined): Lifecycle | null =>
  output ? { rules: (output.Rules ?? []).map(lifecycleRuleFromApi) } : null;

export const loggingFromApi = (output: GetBucketLoggingOutput | null | undefined): Logging | null => {
  const enabled = output?.LoggingEnabled;
  if (!enabled?.TargetBucket) return null;
  return { targetBucket: enabled.TargetBucket, targetPrefix: enabled.TargetPrefix ?? '' };
};

export const sortTargets = (targets: NotificationTarget[]): NotificationTarget[] =>
  targets
    .map((t) => ({ ...t, events: [...t.events].sort() }))
    .sort((a, b) => a.type.localeCompare(b.type) || a.arn.localeCompare(b.arn));

export const notificationsFromApi = (output: NotificationConfiguration | null | undefined): Notifications | null => {
  if (!output) return null;
  const targets: NotificationTarget[] = [
    ...(output.TopicConfigurations ?? []).map((c) => ({ type: 'Topic' as const, arn: c.TopicArn ?? '', events: (c.Events ?? []) as string[] })),
    ...(output.QueueConfigurations ?? []).map((c) => ({ type: 'Queue' as const, arn: c.QueueArn ?? '', events: (c.Events ?? []) as string[] })),
    ...(output.LambdaFunctionConfigurations ?? []).map((c) => ({
      type: 'LambdaFunction' as const,
      arn: c.LambdaFunctionArn ?? '',
      events: (c.Events ?? []) as string[],
    })),
  ];
  return { targets: sortTargets(targets), eventBridge: output.EventBridgeConfiguration !== undefined && output.EventBridgeConfiguration !== null };
};

export const objectLockFromApi = (output: GetObjectLockConfigurationOutput | null | undefined): ObjectLock | null => {
  const c = output?.ObjectLockConfiguration;
  if (!c) return null;
  const retention = c.Rule?.DefaultRetention;
  return {
    enabled: c.ObjectLockEnabled === 'Enabled',
    defaultRetention: retention ? { mode: nonEmpty(retention.Mode), days: retention.Days ?? null, years: retention.Years ?? null } : null,
  };
};

/** Bucket name of a destination bucket ARN (`arn:aws:s3:::name`). */
export const bucketNameOfArn = (arn: string): string => arn.slice(arn.lastIndexOf(':') + 1);

export const sortReplicationRules = (rules: ReplicationRule[]): ReplicationRule[] =>
  [...rules].sort((a, b) => (a.id ?? '').localeCompare(b.id ?? '') || a.destinationBucket.localeCompare(b.destinationBucket));

/** Replication rules; `regions` maps destination bucket names to their Region (null when unreadable). */
export const replicationFromApi = (
  output: GetBucketReplicationOutput | null | undefined,
  regions: Readonly<Record<string, string | null>>,
): Replication | null => {
  const c = output?.ReplicationConfiguration;
  if (!c) return null;
  return {
    role: nonEmpty(c.Role),
    rules: sortReplicationRules(
      (c.Rules ?? []).map((rule) => {
        const destination = rule.Destination?.Bucket ?? '';
        return {
          id: nonEmpty(rule.ID),
          status: rule.Status === 'Enabled' ? 'Enabled' : 'Disabled',
          destinationBucket: destination,
          destinationAccount: nonEmpty(rule.Destination?.Account),
          destinationRegion: regions[bucketNameOfArn(destination)] ?? null,
        };
      }),
    ),
  };
};

export const tagsFromApi = (output: GetBucketTaggingOutput | null | undefined): Record<string, string> => {
  const tags: Record<string, string> = {};
  for (const tag of output?.TagSet ?? []) if (tag.Key) tags[tag.Key] = tag.Value ?? '';
  return tags;
};

export const websiteFromApi = (output: GetBucketWebsiteOutput | null | undefined): Website | null => {
  if (!output) return null;
  return {
    indexDocument: nonEmpty(output.IndexDocument?.Suffix),
    errorDocument: nonEmpty(output.ErrorDocument?.Key),
    redirectAllRequestsTo: nonEmpty(output.RedirectAllRequestsTo?.HostName),
    routingRules: output.RoutingRules?.length ?? 0,
  };
};

export const basicSelectorFromApi = (selector: ApiEventSelector): BasicEventSelector => ({
  readWriteType: selector.ReadWriteType === 'ReadOnly' || selector.ReadWriteType === 'WriteOnly' ? selector.ReadWriteType : 'All',
  dataResources: (selector.DataResources ?? []).map((r) => ({ type: r.Type ?? '', values: r.Values ?? [] })),
});

export const advancedSelectorFromApi = (selector: ApiAdvancedSelector): AdvancedEventSelector => ({
  name: nonEmpty(selector.Name),
  fieldSelectors: (selector.FieldSelectors ?? []).map((f) => ({
    field: f.Field ?? '',
    equals: f.Equals ?? [],
    startsWith: f.StartsWith ?? [],
    endsWith: f.EndsWith ?? [],
    notEquals: f.NotEquals ?? [],
    notStartsWith: f.NotStartsWith ?? [],
    notEndsWith: f.NotEndsWith ?? [],
  })),
});
