/** Live S3 reads: SDK calls only. Mapping to the canonical snapshot is in normalise-api.ts (pure). */
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketNotificationConfigurationCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetBucketWebsiteCommand,
  GetObjectAclCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  ListDirectoryBucketsCommand,
  ListObjectsV2Command,
  S3Client,
  type GetBucketAclOutput,
  type GetBucketLocationOutput,
  type GetBucketOwnershipControlsOutput,
  type GetBucketReplicationOutput,
  type GetPublicAccessBlockOutput,
  type ListObjectsV2Output,
} from '@aws-sdk/client-s3';
import {
  GetAccessPointCommand,
  GetMultiRegionAccessPointCommand,
  GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand,
  ListAccessPointsCommand,
  ListMultiRegionAccessPointsCommand,
  S3ControlClient,
  type GetAccessPointResult,
  type GetMultiRegionAccessPointResult,
} from '@aws-sdk/client-s3-control';
import type * as CloudTrailSdk from '@aws-sdk/client-cloudtrail';
import type { DescribeTrailsResponse, GetEventSelectorsResponse, GetTrailStatusResponse } from '@aws-sdk/client-cloudtrail';
import { CollectError, type InputGap, type Observation, type ResourceRef } from '../../core';
import { awsErrorCode, runReads, type ReadSpec } from '../aws-errors';
import { mergeGaps, WHOLE_SNAPSHOT } from '../gaps';
import type { ClientFactory } from '../clients';
import { lazyModule } from '../lazy-sdk';
import { paginate } from '../paginate';

/** CloudTrail is read only for the account's data-event selectors (S3.22/S3.23): loaded on first use. */
const cloudTrailSdk = lazyModule(() => require('@aws-sdk/client-cloudtrail') as typeof CloudTrailSdk);
import type { KindCollector, ResourceKind } from '../types';
import { aclsDisabled, effectivePublicAccessBlock } from './access';
import {
  S3_KIND,
  s3AccessPointKind,
  s3AccountDataEventsKind,
  s3AccountPublicAccessBlockKind,
  s3BucketKind,
  s3BucketObjectSampleKind,
  s3DirectoryBucketKind,
  s3MultiRegionAccessPointKind,
  s3PredictableBucketNameKind,
} from './kinds';
import {
  aclFromApi,
  advancedSelectorFromApi,
  basicSelectorFromApi,
  bucketNameOfArn,
  encryptionFromApi,
  lifecycleFromApi,
  loggingFromApi,
  notificationsFromApi,
  objectLockFromApi,
  ownershipFromApi,
  policyFromApi,
  policyIsPublicFromApi,
  publicAccessBlockFromApi,
  publicAccessBlockFromFlags,
  regionFromLocationConstraint,
  replicationFromApi,
  tagsFromApi,
  versioningFromApi,
  websiteFromApi,
} from './normalise-api';
import type {
  PredictableBucketService,
  S3AccessPointConfig,
  S3AccountDataEventsConfig,
  S3AccountPublicAccessBlockConfig,
  S3BucketConfig,
  S3BucketObjectSampleConfig,
  S3DirectoryBucketConfig,
  S3MultiRegionAccessPointConfig,
  S3PredictableBucketNameConfig,
  SampledObject,
  TrailSummary,
} from './types';

export interface S3CollectorOptions {
  /** Clock of the observations (taken before the reads: a later observation always wins). @default - the system clock */
  readonly now?: () => Date;
  /** Objects whose ACL the object-ACL sample reads per bucket. @default 10 */
  readonly objectSampleSize?: number;
}

type Scope = Parameters<KindCollector['list']>[0];

/** Multi-Region Access Point control-plane calls go to us-west-2 (catalogue §2). */
export const MRAP_CONTROL_REGION = 'us-west-2';
const DEFAULT_SAMPLE_SIZE = 10;

const partitionOf = (region: string): string =>
  region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : region.startsWith('us-iso') ? 'aws-iso' : 'aws';

/** Client Region for a ref: global refs use the factory's default Region. */
const clientRegion = (region: string): string | undefined => (region === 'global' ? undefined : region);

/** GetBucketLocation is answered for a bucket of any Region by us-east-1 in the commercial partition. */
const locatorRegion = (region: string): string | undefined => (partitionOf(region) === 'aws' ? 'us-east-1' : clientRegion(region));

const refOf = (kind: ResourceKind, id: string, scope: { accountId: string; region: string; partition: string }): ResourceRef => ({
  kind: kind.kind,
  id,
  arn: kind.arn({ partition: scope.partition, accountId: scope.accountId, region: scope.region, id }),
  accountId: scope.accountId,
  region: kind.global ? 'global' : scope.region,
});

const gone = (ref: ResourceRef, observedAt: string): Observation => ({ state: 'gone', ref, observedAt, source: 'live' });

const present = <C>(ref: ResourceRef, config: C, failed: readonly (readonly InputGap[])[], observedAt: string): Observation<C> => ({
  state: 'present',
  ref,
  config,
  gaps: mergeGaps(...failed),
  observedAt,
  source: 'live',
});

/** A listing call that fails is not a per-resource fact: the sweep must retry, so it throws a CollectError. */
const listing = async <T>(operation: string, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    throw new CollectError(`${operation} failed: ${awsErrorCode(error)}`, { operation, awsCode: awsErrorCode(error) }, { cause: error });
  }
};

const ACCOUNT_BPA_ABSENT = ['NoSuchPublicAccessBlockConfiguration'];

/** Reads the bucket's Region: gone when the bucket no longer exists; falls back to the ref's Region (a gap) when denied. */
const locateBucket = async (ref: ResourceRef, clients: ClientFactory): Promise<{ gone: boolean; region: string; failed: InputGap[] }> => {
  const locator = clients.get(S3Client, locatorRegion(ref.region));
  const result = await runReads([
    {
      key: 'location',
      command: 'GetBucketLocation',
      fills: ['region'],
      iamAction: 's3:GetBucketLocation',
      gone: ['NoSuchBucket'],
      run: () => locator.send(new GetBucketLocationCommand({ Bucket: ref.id })),
    },
  ]);
  const location = result.values.location as GetBucketLocationOutput | undefined;
  return {
    gone: result.gone,
    region: location ? regionFromLocationConstraint(location.LocationConstraint) : clientRegion(ref.region) ?? 'us-east-1',
    failed: result.failed,
  };
};

const accountPublicAccessBlockRead = (clients: ClientFactory, region: string | undefined, accountId: string): ReadSpec => ({
  key: 'accountPublicAccessBlock',
  command: 'GetPublicAccessBlock (account)',
  iamAction: 's3:GetAccountPublicAccessBlock',
  absent: ACCOUNT_BPA_ABSENT,
  run: () => clients.get(S3ControlClient, region).send(new GetAccountPublicAccessBlockCommand({ AccountId: accountId })),
});

const listBucketRefs = async (kind: ResourceKind, scope: Scope, clients: ClientFactory): Promise<ResourceRef[]> => {
  const regional = scope.region !== 'global';
  const s3 = clients.get(S3Client, clientRegion(scope.region));
  const buckets = await listing('s3:ListAllMyBuckets', () =>
    paginate(async (token) => {
      const page = await s3.send(new ListBucketsCommand({ MaxBuckets: 1000, ContinuationToken: token, ...(regional ? { BucketRegion: scope.region } : {}) }));
      return { items: page.Buckets ?? [], next: page.ContinuationToken };
    }),
  );
  return buckets
    .filter((b): b is typeof b & { Name: string } => typeof b.Name === 'string')
    .map((b) => ({ name: b.Name, region: b.BucketRegion ?? (regional ? scope.region : 'us-east-1') }))
    .filter((b) => !regional || b.region === scope.region)
    .map((b) => refOf(kind, b.name, { ...scope, region: b.region }));
};

const createBucketCollector = (now: () => Date): KindCollector => ({
  async collect(ref, clients) {
    const observedAt = now().toISOString();
    const location = await locateBucket(ref, clients);
    if (location.gone) return gone(ref, observedAt);
    const { region } = location;
    const s3 = clients.get(S3Client, region);
    const Bucket = ref.id;
    const read = (key: string, command: string, iamAction: string, absent: readonly string[], run: () => Promise<unknown>): ReadSpec => ({
      key,
      command,
      iamAction,
      absent,
      gone: ['NoSuchBucket'],
      run,
    });
    const reads = await runReads([
      read('publicAccessBlock', 'GetPublicAccessBlock', 's3:GetBucketPublicAccessBlock', ['NoSuchPublicAccessBlockConfiguration'], () =>
        s3.send(new GetPublicAccessBlockCommand({ Bucket })),
      ),
      accountPublicAccessBlockRead(clients, region, ref.accountId),
      read('acl', 'GetBucketAcl', 's3:GetBucketAcl', [], () => s3.send(new GetBucketAclCommand({ Bucket }))),
      { ...read('ownership', 'GetBucketOwnershipControls', 's3:GetBucketOwnershipControls', ['OwnershipControlsNotFoundError'], () => s3.send(new GetBucketOwnershipControlsCommand({ Bucket }))), fills: ['objectOwnership'] },
      read('policy', 'GetBucketPolicy', 's3:GetBucketPolicy', ['NoSuchBucketPolicy'], () => s3.send(new GetBucketPolicyCommand({ Bucket }))),
      { ...read('policyStatus', 'GetBucketPolicyStatus', 's3:GetBucketPolicyStatus', ['NoSuchBucketPolicy'], () => s3.send(new GetBucketPolicyStatusCommand({ Bucket }))), fills: ['policyIsPublic'] },
      read('encryption', 'GetBucketEncryption', 's3:GetEncryptionConfiguration', ['ServerSideEncryptionConfigurationNotFoundError'], () =>
        s3.send(new GetBucketEncryptionCommand({ Bucket })),
      ),
      read('versioning', 'GetBucketVersioning', 's3:GetBucketVersioning', [], () => s3.send(new GetBucketVersioningCommand({ Bucket }))),
      read('lifecycle', 'GetBucketLifecycleConfiguration', 's3:GetLifecycleConfiguration', ['NoSuchLifecycleConfiguration'], () =>
        s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket })),
      ),
      read('logging', 'GetBucketLogging', 's3:GetBucketLogging', [], () => s3.send(new GetBucketLoggingCommand({ Bucket }))),
      read('notifications', 'GetBucketNotificationConfiguration', 's3:GetBucketNotification', [], () => s3.send(new GetBucketNotificationConfigurationCommand({ Bucket }))),
      read('objectLock', 'GetObjectLockConfiguration', 's3:GetBucketObjectLockConfiguration', ['ObjectLockConfigurationNotFoundError'], () =>
        s3.send(new GetObjectLockConfigurationCommand({ Bucket })),
      ),
      read('replication', 'GetBucketReplication', 's3:GetReplicationConfiguration', ['ReplicationConfigurationNotFoundError'], () =>
        s3.send(new GetBucketReplicationCommand({ Bucket })),
      ),
      read('tags', 'GetBucketTagging', 's3:GetBucketTagging', ['NoSuchTagSet'], () => s3.send(new GetBucketTaggingCommand({ Bucket }))),
      read('website', 'GetBucketWebsite', 's3:GetBucketWebsite', ['NoSuchWebsiteConfiguration'], () => s3.send(new GetBucketWebsiteCommand({ Bucket }))),
    ]);
    if (reads.gone) return gone(ref, observedAt);
    const v = reads.values;

    // Destination Regions of replication rules (S3.7). A denied lookup (cross-account destination) is a failed read of
    // the destinations' Regions, so the rule gives ERROR rather than FAIL; a destination that no longer exists has Region null.
    const replication = v.replication as GetBucketReplicationOutput | null | undefined;
    const destinations = [...new Set((replication?.ReplicationConfiguration?.Rules ?? []).map((r) => r.Destination?.Bucket).filter((b): b is string => !!b))];
    const locator = clients.get(S3Client, locatorRegion(region));
    const destinationReads = await runReads(
      destinations.map((arn) => ({
        key: bucketNameOfArn(arn),
        command: 'GetBucketLocation (destination)',
        fills: ['replication.rules.destinationRegion'],
        iamAction: 's3:GetBucketLocation',
        absent: ['NoSuchBucket'],
        run: () => locator.send(new GetBucketLocationCommand({ Bucket: bucketNameOfArn(arn) })),
      })),
    );
    const destinationRegions: Record<string, string | null> = {};
    for (const [name, value] of Object.entries(destinationReads.values)) {
      destinationRegions[name] = value ? regionFromLocationConstraint((value as GetBucketLocationOutput).LocationConstraint) : null;
    }

    const config: S3BucketConfig = {
      name: ref.id,
      region,
      accountId: ref.accountId,
      publicAccessBlock: publicAccessBlockFromApi(v.publicAccessBlock as GetPublicAccessBlockOutput | null | undefined),
      accountPublicAccessBlock: publicAccessBlockFromApi(v.accountPublicAccessBlock as GetPublicAccessBlockOutput | null | undefined),
      acl: aclFromApi(v.acl as GetBucketAclOutput | undefined),
      objectOwnership: ownershipFromApi(v.ownership as GetBucketOwnershipControlsOutput | null | undefined),
      policy: policyFromApi(v.policy as Parameters<typeof policyFromApi>[0]),
      policyIsPublic: policyIsPublicFromApi(v.policyStatus as Parameters<typeof policyIsPublicFromApi>[0]),
      encryption: encryptionFromApi(v.encryption as Parameters<typeof encryptionFromApi>[0]),
      versioning: versioningFromApi(v.versioning as Parameters<typeof versioningFromApi>[0]),
      lifecycle: lifecycleFromApi(v.lifecycle as Parameters<typeof lifecycleFromApi>[0]),
      logging: loggingFromApi(v.logging as Parameters<typeof loggingFromApi>[0]),
      notifications: notificationsFromApi(v.notifications as Parameters<typeof notificationsFromApi>[0]),
      objectLock: objectLockFromApi(v.objectLock as Parameters<typeof objectLockFromApi>[0]),
      replication: replicationFromApi(replication, destinationRegions),
      tags: tagsFromApi(v.tags as Parameters<typeof tagsFromApi>[0]),
      website: websiteFromApi(v.website as Parameters<typeof websiteFromApi>[0]),
    };
    return present({ ...ref, region }, config, [location.failed, reads.failed, destinationReads.failed], observedAt);
  },
  list: (scope, clients) => listBucketRefs(s3BucketKind, scope, clients),
});

const createAccountPublicAccessBlockCollector = (now: () => Date): KindCollector => ({
  async collect(ref, clients) {
    const observedAt = now().toISOString();
    const reads = await runReads([accountPublicAccessBlockRead(clients, clientRegion(ref.region), ref.accountId)]);
    const config: S3AccountPublicAccessBlockConfig = {
      accountId: ref.accountId,
      publicAccessBlock: publicAccessBlockFromApi(reads.values.accountPublicAccessBlock as GetPublicAccessBlockOutput | null | undefined),
    };
    return present(ref, config, [reads.failed], observedAt);
  },
  // One per account, whatever the Region asked for (the kind is global).
  list: async (scope) => [refOf(s3AccountPublicAccessBlockKind, scope.accountId, scope)],
});

const createAccessPointCollector = (now: () => Date): KindCollector => ({
  async collect(ref, clients) {
    const observedAt = now().toISOString();
    const control = clients.get(S3ControlClient, clientRegion(ref.region));
    const reads = await runReads([
      {
        key: 'accessPoint',
        command: 'GetAccessPoint',
        fills: [WHOLE_SNAPSHOT],
        iamAction: 's3:GetAccessPoint',
        gone: ['NoSuchAccessPoint'],
        run: () => control.send(new GetAccessPointCommand({ AccountId: ref.accountId, Name: ref.id })),
      },
    ]);
    if (reads.gone) return gone(ref, observedAt);
    const ap = reads.values.accessPoint as GetAccessPointResult | undefined;
    const config: S3AccessPointConfig = {
      name: ref.id,
      region: ref.region,
      accountId: ref.accountId,
      bucket: ap?.Bucket ?? null,
      bucketAccountId: ap?.BucketAccountId ?? null,
      networkOrigin: ap?.NetworkOrigin === 'Internet' || ap?.NetworkOrigin === 'VPC' ? ap.NetworkOrigin : null,
      vpcId: ap?.VpcConfiguration?.VpcId ?? null,
      publicAccessBlock: publicAccessBlockFromFlags(ap?.PublicAccessBlockConfiguration),
    };
    return present(ref, config, [reads.failed], observedAt);
  },
  async list(scope, clients) {
    if (scope.region === 'global') return [];
    const control = clients.get(S3ControlClient, scope.region);
    const names = await listing('s3:ListAccessPoints', () =>
      paginate(async (token) => {
        const page = await control.send(new ListAccessPointsCommand({ AccountId: scope.accountId, NextToken: token }));
        return { items: (page.AccessPointList ?? []).map((ap) => ap.Name).filter((n): n is string => !!n), next: page.NextToken };
      }),
    );
    return names.map((name) => refOf(s3AccessPointKind, name, scope));
  },
});

const createMultiRegionAccessPointCollector = (now: () => Date): KindCollector => ({
  async collect(ref, clients) {
    const observedAt = now().toISOString();
    const control = clients.get(S3ControlClient, MRAP_CONTROL_REGION);
    const reads = await runReads([
      {
        key: 'mrap',
        command: 'GetMultiRegionAccessPoint',
        fills: [WHOLE_SNAPSHOT],
        iamAction: 's3:GetMultiRegionAccessPoint',
        gone: ['NoSuchMultiRegionAccessPoint'],
        run: () => control.send(new GetMultiRegionAccessPointCommand({ AccountId: ref.accountId, Name: ref.id })),
      },
    ]);
    if (reads.gone) return gone(ref, observedAt);
    const report = (reads.values.mrap as GetMultiRegionAccessPointResult | undefined)?.AccessPoint;
    const config: S3MultiRegionAccessPointConfig = {
      name: ref.id,
      accountId: ref.accountId,
      alias: report?.Alias ?? null,
      status: report?.Status ?? null,
      publicAccessBlock: publicAccessBlockFromFlags(report?.PublicAccessBlock),
      buckets: (report?.Regions ?? []).map((r) => r.Bucket).filter((b): b is string => !!b).sort(),
    };
    return present(ref, config, [reads.failed], observedAt);
  },
  // Global kind: the same list whatever Region is asked.
  async list(scope, clients) {
    const control = clients.get(S3ControlClient, MRAP_CONTROL_REGION);
    const names = await listing('s3:ListMultiRegionAccessPoints', () =>
      paginate(async (token) => {
        const page = await control.send(new ListMultiRegionAccessPointsCommand({ AccountId: scope.accountId, NextToken: token }));
        return { items: (page.AccessPoints ?? []).map((ap) => ap.Name).filter((n): n is string => !!n), next: page.NextToken };
      }),
    );
    return names.map((name) => refOf(s3MultiRegionAccessPointKind, name, scope));
  },
});

const createDirectoryBucketCollector = (now: () => Date): KindCollector => ({
  async collect(ref, clients) {
    const observedAt = now().toISOString();
    // The SDK routes directory bucket names (`<base>--<az-id>--x-s3`) to the zonal/regional S3 Express endpoint.
    const s3 = clients.get(S3Client, clientRegion(ref.region));
    const reads = await runReads([
      {
        key: 'lifecycle',
        command: 'GetBucketLifecycleConfiguration',
        iamAction: 's3express:GetLifecycleConfiguration',
        absent: ['NoSuchLifecycleConfiguration'],
        gone: ['NoSuchBucket'],
        run: () => s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: ref.id })),
      },
    ]);
    if (reads.gone) return gone(ref, observedAt);
    const config: S3DirectoryBucketConfig = {
      name: ref.id,
      region: ref.region,
      accountId: ref.accountId,
      lifecycle: lifecycleFromApi(reads.values.lifecycle as Parameters<typeof lifecycleFromApi>[0]),
    };
    return present(ref, config, [reads.failed], observedAt);
  },
  async list(scope, clients) {
    if (scope.region === 'global') return [];
    const s3 = clients.get(S3Client, scope.region);
    const names = await listing('s3express:ListAllMyDirectoryBuckets', () =>
      paginate(async (token) => {
        const page = await s3.send(new ListDirectoryBucketsCommand({ ContinuationToken: token }));
        return { items: (page.Buckets ?? []).map((b) => b.Name).filter((n): n is string => !!n), next: page.ContinuationToken };
      }),
    );
    return names.map((name) => refOf(s3DirectoryBucketKind, name, scope));
  },
});

const createAccountDataEventsCollector = (now: () => Date): KindCollector => ({
  async collect(ref, clients) {
    const observedAt = now().toISOString();
    const { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand } = cloudTrailSdk();
    const cloudtrail = clients.get(CloudTrailClient, clientRegion(ref.region));
    const described = await runReads([
      {
        key: 'trails',
        command: 'DescribeTrails',
        iamAction: 'cloudtrail:DescribeTrails',
        // Shadow trails: multi-Region trails (and organization trails) whose home is another Region.
        run: () => cloudtrail.send(new DescribeTrailsCommand({ includeShadowTrails: true })),
      },
    ]);
    const trails = ((described.values.trails as DescribeTrailsResponse | undefined)?.trailList ?? []).filter(
      (t): t is typeof t & { TrailARN: string } => t.IsMultiRegionTrail === true && typeof t.TrailARN === 'string',
    );
    const failed = [...described.failed];
    const summaries = await Promise.all(
      trails.map(async (trail): Promise<TrailSummary | undefined> => {
        const home = clients.get(CloudTrailClient, trail.HomeRegion ?? clientRegion(ref.region));
        // A trail deleted since DescribeTrails answers TrailNotFoundException: it is simply no longer there.
        const reads = await runReads([
          {
            key: 'selectors',
            command: 'GetEventSelectors',
            fills: ['trails'],
            iamAction: 'cloudtrail:GetEventSelectors',
            absent: ['TrailNotFoundException'],
            run: () => home.send(new GetEventSelectorsCommand({ TrailName: trail.TrailARN })),
          },
          {
            key: 'status',
            command: 'GetTrailStatus',
            fills: ['trails'],
            iamAction: 'cloudtrail:GetTrailStatus',
            absent: ['TrailNotFoundException'],
            run: () => home.send(new GetTrailStatusCommand({ Name: trail.TrailARN })),
          },
        ]);
        failed.push(...reads.failed);
        if (reads.values.selectors === null || reads.values.status === null) return undefined;
        const selectors = reads.values.selectors as GetEventSelectorsResponse | undefined;
        const status = reads.values.status as GetTrailStatusResponse | undefined;
        return {
          name: trail.Name ?? trail.TrailARN,
          arn: trail.TrailARN,
          homeRegion: trail.HomeRegion ?? null,
          isOrganizationTrail: trail.IsOrganizationTrail === true,
          isLogging: status?.IsLogging === true,
          basicSelectors: (selectors?.EventSelectors ?? []).map(basicSelectorFromApi),
          advancedSelectors: (selectors?.AdvancedEventSelectors ?? []).map(advancedSelectorFromApi),
        };
      }),
    );
    const config: S3AccountDataEventsConfig = {
      accountId: ref.accountId,
      trails: summaries.filter((t): t is TrailSummary => t !== undefined).sort((a, b) => a.arn.localeCompare(b.arn)),
    };
    return present(ref, config, [failed], observedAt);
  },
  list: async (scope) => [refOf(s3AccountDataEventsKind, scope.accountId, scope)],
});

/** Default bucket names of services that create them on first use (Prowler `s3_bucket_shadow_resource_vulnerability`). */
export const predictableBucketNames = (accountId: string, region: string): { name: string; service: PredictableBucketService }[] => [
  { name: `aws-glue-assets-${accountId}-${region}`, service: 'glue' },
  { name: `sagemaker-${region}-${accountId}`, service: 'sagemaker' },
  { name: `aws-emr-studio-${accountId}-${region}`, service: 'emr-studio' },
  { name: `aws-codestar-${region}-${accountId}`, service: 'codestar' },
];

const serviceOfName = (name: string): PredictableBucketService =>
  name.startsWith('aws-glue-assets-') ? 'glue' : name.startsWith('sagemaker-') ? 'sagemaker' : name.startsWith('aws-emr-studio-') ? 'emr-studio' : 'codestar';

/** HeadBucket on a name we do not own: 404 = free; 403 or a redirect to another Region = taken by someone. */
const nameIsTaken = async (s3: S3Client, name: string): Promise<boolean> => {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: name }));
    return true;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    const code = awsErrorCode(error);
    if (status === 404 || code === 'NotFound' || code === 'NoSuchBucket') return false;
    if (status === 403 || status === 301 || status === 400 || code === 'Forbidden' || code === 'AccessDenied') return true;
    throw new CollectError(`s3:ListBucket (HeadBucket ${name}) failed: ${code}`, { operation: 's3:ListBucket', awsCode: code }, { cause: error });
  }
};

const createPredictableBucketNameCollector = (now: () => Date): KindCollector => ({
  async collect(ref, clients) {
    const observedAt = now().toISOString();
    const s3 = clients.get(S3Client, clientRegion(ref.region));
    const owned = await runReads([
      {
        key: 'buckets',
        command: 'ListBuckets',
        fills: ['exists', 'ownedByAccount'],
        iamAction: 's3:ListAllMyBuckets',
        run: () => s3.send(new ListBucketsCommand({ Prefix: ref.id, MaxBuckets: 1000 })),
      },
    ]);
    const base = { name: ref.id, service: serviceOfName(ref.id), region: ref.region, accountId: ref.accountId };
    if (owned.failed.length > 0) {
      const unknown: S3PredictableBucketNameConfig = { ...base, exists: false, ownedByAccount: false };
      return present(ref, unknown, [owned.failed], observedAt);
    }
    const ours = ((owned.values.buckets as { Buckets?: { Name?: string }[] } | undefined)?.Buckets ?? []).some((b) => b.Name === ref.id);
    const config: S3PredictableBucketNameConfig = { ...base, exists: ours || (await nameIsTaken(s3, ref.id)), ownedByAccount: ours };
    return present(ref, config, [], observedAt);
  },
  async list(scope) {
    if (scope.region === 'global') return [];
    return predictableBucketNames(scope.accountId, scope.region).map(({ name }) => refOf(s3PredictableBucketNameKind, name, scope));
  },
});

const createBucketObjectSampleCollector = (now: () => Date, sampleSize: number): KindCollector => ({
  async collect(ref, clients) {
    const observedAt = now().toISOString();
    const location = await locateBucket(ref, clients);
    if (location.gone) return gone(ref, observedAt);
    const { region } = location;
    const s3 = clients.get(S3Client, region);
    const Bucket = ref.id;
    const settings = await runReads([
      { key: 'ownership', command: 'GetBucketOwnershipControls', fills: ['objectOwnership'], iamAction: 's3:GetBucketOwnershipControls', absent: ['OwnershipControlsNotFoundError'], gone: ['NoSuchBucket'], run: () => s3.send(new GetBucketOwnershipControlsCommand({ Bucket })) },
      { key: 'publicAccessBlock', command: 'GetPublicAccessBlock', iamAction: 's3:GetBucketPublicAccessBlock', absent: ['NoSuchPublicAccessBlockConfiguration'], gone: ['NoSuchBucket'], run: () => s3.send(new GetPublicAccessBlockCommand({ Bucket })) },
      accountPublicAccessBlockRead(clients, region, ref.accountId),
      { key: 'objects', command: 'ListObjectsV2', iamAction: 's3:ListBucket', gone: ['NoSuchBucket'], run: () => s3.send(new ListObjectsV2Command({ Bucket, MaxKeys: sampleSize })) },
    ]);
    if (settings.gone) return gone(ref, observedAt);
    const v = settings.values;
    const base = {
      name: ref.id,
      region,
      accountId: ref.accountId,
      objectOwnership: ownershipFromApi(v.ownership as GetBucketOwnershipControlsOutput | null | undefined),
      publicAccessBlock: publicAccessBlockFromApi(v.publicAccessBlock as GetPublicAccessBlockOutput | null | undefined),
      accountPublicAccessBlock: publicAccessBlockFromApi(v.accountPublicAccessBlock as GetPublicAccessBlockOutput | null | undefined),
    };
    // Object ACLs cannot make objects public when ACLs are off or ignored: no need to read them.
    const aclsMatter = !aclsDisabled(base.objectOwnership) && !effectivePublicAccessBlock(base).ignorePublicAcls;
    const keys = aclsMatter
      ? ((v.objects as ListObjectsV2Output | undefined)?.Contents ?? []).map((o) => o.Key).filter((k): k is string => !!k).slice(0, sampleSize)
      : [];
    const acls = await runReads(
      keys.map((Key) => ({ key: Key, command: 'GetObjectAcl', fills: ['objects.acl'], iamAction: 's3:GetObjectAcl', absent: ['NoSuchKey'], run: () => s3.send(new GetObjectAclCommand({ Bucket, Key })) })),
    );
    const objects: SampledObject[] = keys
      .filter((key) => acls.values[key] !== null) // deleted since the listing
      .map((key) => ({ key, acl: aclFromApi(acls.values[key] as GetBucketAclOutput | undefined) }));
    const config: S3BucketObjectSampleConfig = { ...base, objects };
    return present({ ...ref, region }, config, [location.failed, settings.failed, acls.failed], observedAt);
  },
  list: (scope, clients) => listBucketRefs(s3BucketObjectSampleKind, scope, clients),
});

/** Live collectors of every S3 kind. */
export const createS3Collectors = (options: S3CollectorOptions = {}): Readonly<Record<string, KindCollector>> => {
  const now = options.now ?? (() => new Date());
  return {
    [S3_KIND.bucket]: createBucketCollector(now),
    [S3_KIND.accountPublicAccessBlock]: createAccountPublicAccessBlockCollector(now),
    [S3_KIND.accessPoint]: createAccessPointCollector(now),
    [S3_KIND.multiRegionAccessPoint]: createMultiRegionAccessPointCollector(now),
    [S3_KIND.directoryBucket]: createDirectoryBucketCollector(now),
    [S3_KIND.accountDataEvents]: createAccountDataEventsCollector(now),
    [S3_KIND.predictableBucketName]: createPredictableBucketNameCollector(now),
    [S3_KIND.bucketObjectSample]: createBucketObjectSampleCollector(now, options.objectSampleSize ?? DEFAULT_SAMPLE_SIZE),
  };
};

/** IAM actions the collectors need beyond the rules' reads (listing, locating, the policy-status cross-check). */
export const S3_EXTRA_READ_ACTIONS = [
  's3:ListAllMyBuckets',
  's3:GetBucketLocation',
  's3:GetBucketPolicyStatus',
  's3:GetBucketTagging',
  's3:GetBucketWebsite',
  's3:ListAccessPoints',
  's3:ListMultiRegionAccessPoints',
  's3express:ListAllMyDirectoryBuckets',
] as const;
