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
} from '@aws-sdk/client-s3';
import {
  GetAccessPointCommand,
  GetMultiRegionAccessPointCommand,
  GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand,
  ListAccessPointsCommand,
  ListMultiRegionAccessPointsCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { CollectError, type Observation, type ResourceRef } from '../../shared/core';
import { createClientFactory, type ClientFactory } from '../../shared/resources/clients';
import { createS3Collectors } from '../../shared/resources/s3/collect-live';
import { S3_KIND } from '../../shared/resources/s3/kinds';
import type {
  S3AccessPointConfig,
  S3AccountDataEventsConfig,
  S3AccountPublicAccessBlockConfig,
  S3BucketConfig,
  S3BucketObjectSampleConfig,
  S3DirectoryBucketConfig,
  S3MultiRegionAccessPointConfig,
  S3PredictableBucketNameConfig,
} from '../../shared/resources/s3/types';
import { loadApiResponse } from '../helpers/fixtures';
import { ACCOUNT, awsError, bucketRef, recordedError } from './helpers';
import { gapsOf } from '../helpers/gaps';

const s3 = mockClient(S3Client);
const control = mockClient(S3ControlClient);
const cloudtrail = mockClient(CloudTrailClient);

const NOW = new Date('2026-03-01T12:00:00.000Z');
const collectors = createS3Collectors({ now: () => NOW, objectSampleSize: 3 });

/** A client factory that records which (client, Region) pairs the collector asked for. */
const recordingClients = (): ClientFactory & { asked: string[] } => {
  const real = createClientFactory({ region: 'us-east-1', maxAttempts: 1 });
  const asked: string[] = [];
  return {
    asked,
    get(ctor, region) {
      asked.push(`${ctor.name}@${region ?? 'default'}`);
      return real.get(ctor, region);
    },
  };
};

const presentConfig = <C>(observation: Observation): C => {
  if (observation.state !== 'present') throw new Error(`expected present, got ${observation.state}`);
  return observation.config as C;
};

/** Recorded answers for every bucket read: a bucket in us-west-2 with a mixed configuration. */
const answerBucket = () => {
  s3.on(GetBucketLocationCommand).resolves({ LocationConstraint: 'us-west-2' });
  s3.on(GetPublicAccessBlockCommand).resolves(loadApiResponse('s3.GetPublicAccessBlock.only-BlockPublicPolicy.custodian.json'));
  control.on(GetAccountPublicAccessBlockCommand).resolves(loadApiResponse('s3control.GetPublicAccessBlock.account-partial.custodian.json'));
  s3.on(GetBucketAclCommand).resolves(loadApiResponse('s3.GetBucketAcl.AuthenticatedUsers-READ-LogDelivery.custodian.json'));
  s3.on(GetBucketOwnershipControlsCommand).resolves({ OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] } });
  s3.on(GetBucketPolicyCommand).resolves(loadApiResponse('s3.GetBucketPolicy.cloudtrail-cross-account.custodian.json'));
  s3.on(GetBucketPolicyStatusCommand).resolves({ PolicyStatus: { IsPublic: false } });
  s3.on(GetBucketEncryptionCommand).resolves(loadApiResponse('s3.GetBucketEncryption.kms-key-arn.custodian.json'));
  s3.on(GetBucketVersioningCommand).resolves(loadApiResponse('s3.GetBucketVersioning.Enabled.custodian.json'));
  s3.on(GetBucketLifecycleConfigurationCommand).rejects(awsError('NoSuchLifecycleConfiguration'));
  s3.on(GetBucketLoggingCommand).resolves(loadApiResponse('s3.GetBucketLogging.enabled.custodian.json'));
  s3.on(GetBucketNotificationConfigurationCommand).resolves({ EventBridgeConfiguration: {} });
  s3.on(GetObjectLockConfigurationCommand).rejects(awsError('ObjectLockConfigurationNotFoundError'));
  s3.on(GetBucketReplicationCommand).rejects(awsError('ReplicationConfigurationNotFoundError'));
  s3.on(GetBucketTaggingCommand).resolves({ TagSet: [{ Key: 'team', Value: 'audit' }] });
  s3.on(GetBucketWebsiteCommand).rejects(awsError('NoSuchWebsiteConfiguration'));
};

beforeEach(() => {
  s3.reset();
  control.reset();
  cloudtrail.reset();
  answerBucket();
});

describe('S3 bucket live collector', () => {
  const collect = (ref: ResourceRef = bucketRef('hazmat-audit-logs', 'us-west-2'), clients: ClientFactory = recordingClients()) =>
    collectors[S3_KIND.bucket].collect(ref, clients);

  it('normalises the recorded answers into the canonical bucket snapshot', async () => {
    const observation = await collect();
    expect(observation).toMatchObject({ state: 'present', gaps: [], observedAt: NOW.toISOString(), source: 'live' });
    expect(presentConfig<S3BucketConfig>(observation)).toEqual({
      name: 'hazmat-audit-logs',
      region: 'us-west-2',
      accountId: ACCOUNT,
      publicAccessBlock: { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: true, restrictPublicBuckets: false },
      accountPublicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false },
      acl: {
        ownerId: 'e7c8bb65a5fc49cf906715eae09de9e4bb7861a96361ba79b833aa45f6833b15',
        grants: [
          { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers' }, permission: 'READ' },
          { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, permission: 'WRITE' },
          { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, permission: 'READ_ACP' },
        ],
      },
      objectOwnership: 'BucketOwnerPreferred',
      policy: loadApiResponse('s3.GetBucketPolicy.cloudtrail-cross-account.custodian.json').Policy,
      policyIsPublic: false,
      encryption: { rules: [{ algorithm: 'aws:kms', kmsKeyId: 'arn:aws:kms:us-east-1:644160558196:key/2192ecc0-3991-4dac-b479-cc08bda8a4de', bucketKeyEnabled: true }] },
      versioning: { status: 'Enabled', mfaDelete: false },
      lifecycle: null,
      logging: { targetBucket: 'custodian-test-data-23', targetPrefix: 's3-logs/' },
      notifications: { targets: [], eventBridge: true },
      objectLock: null,
      replication: null,
      tags: { team: 'audit' },
      website: null,
    });
  });

  it('locates the bucket first, then sends every bucket read to the bucket Region', async () => {
    const clients = recordingClients();
    await collect(bucketRef('hazmat-audit-logs', 'us-east-1'), clients);
    expect(clients.asked[0]).toBe('S3Client@us-east-1');
    expect(clients.asked).toContain('S3Client@us-west-2');
    expect(clients.asked).toContain('S3ControlClient@us-west-2');
    expect(s3).toHaveReceivedCommandWith(GetBucketPolicyCommand, { Bucket: 'hazmat-audit-logs' });
    expect(control).toHaveReceivedCommandWith(GetAccountPublicAccessBlockCommand, { AccountId: ACCOUNT });
  });

  it.each([
    [null, 'us-east-1'],
    ['', 'us-east-1'],
    ['EU', 'eu-west-1'],
    ['ap-southeast-2', 'ap-southeast-2'],
  ])('reads LocationConstraint %p as Region %s and returns the ref with that Region', async (constraint, region) => {
    s3.on(GetBucketLocationCommand).resolves({ LocationConstraint: constraint as never });
    const observation = await collect(bucketRef('b', 'us-east-1'));
    expect(presentConfig<S3BucketConfig>(observation).region).toBe(region);
    expect(observation.ref.region).toBe(region);
  });

  it('returns gone when GetBucketLocation answers NoSuchBucket', async () => {
    s3.on(GetBucketLocationCommand).rejects(awsError('NoSuchBucket'));
    const observation = await collect();
    expect(observation).toEqual({ state: 'gone', ref: bucketRef('hazmat-audit-logs', 'us-west-2'), observedAt: NOW.toISOString(), source: 'live' });
    expect(s3).not.toHaveReceivedCommand(GetBucketPolicyCommand);
  });

  it('returns gone when the bucket disappears between the location and the other reads', async () => {
    s3.on(GetBucketVersioningCommand).rejects(awsError('NoSuchBucket'));
    expect((await collect()).state).toBe('gone');
  });

  it('reads NoSuchBucketPolicy (recorded 404) as "no policy", not as an error', async () => {
    s3.on(GetBucketPolicyCommand).rejects(recordedError('s3.GetBucketPolicy.NoSuchBucketPolicy-404.custodian.json'));
    s3.on(GetBucketPolicyStatusCommand).rejects(recordedError('s3.GetBucketPolicy.NoSuchBucketPolicy-404.custodian.json'));
    const observation = await collect();
    expect(observation).toMatchObject({ state: 'present', gaps: [] });
    expect(presentConfig<S3BucketConfig>(observation)).toMatchObject({ policy: null, policyIsPublic: null });
  });

  it('reads the recorded 404s for BPA (bucket and account) and encryption as absent', async () => {
    s3.on(GetPublicAccessBlockCommand).rejects(recordedError('s3.GetPublicAccessBlock.NoSuchPublicAccessBlockConfiguration-404.custodian.json'));
    control.on(GetAccountPublicAccessBlockCommand).rejects(recordedError('s3control.GetPublicAccessBlock.account-NoSuchPublicAccessBlockConfiguration-404.custodian.json'));
    s3.on(GetBucketEncryptionCommand).rejects(recordedError('s3.GetBucketEncryption.ServerSideEncryptionConfigurationNotFoundError-404.custodian.json'));
    const config = presentConfig<S3BucketConfig>(await collect());
    expect(config).toMatchObject({ publicAccessBlock: null, accountPublicAccessBlock: null, encryption: null });
  });

  it('reads the other "not configured" answers as null', async () => {
    s3.on(GetBucketOwnershipControlsCommand).rejects(awsError('OwnershipControlsNotFoundError'));
    s3.on(GetBucketTaggingCommand).rejects(awsError('NoSuchTagSet'));
    s3.on(GetBucketLoggingCommand).resolves(loadApiResponse('s3.GetBucketLogging.disabled.custodian.json'));
    s3.on(GetBucketVersioningCommand).resolves({});
    const observation = await collect();
    expect(observation.state === 'present' && observation.gaps).toEqual([]);
    expect(presentConfig<S3BucketConfig>(observation)).toMatchObject({
      objectOwnership: null,
      tags: {},
      logging: null,
      versioning: { status: 'Off', mfaDelete: false },
      lifecycle: null,
      objectLock: null,
      replication: null,
      website: null,
    });
  });

  it('attributes a denied read (recorded AccessDenied) to its command and field, which stays null', async () => {
    s3.on(GetPublicAccessBlockCommand).rejects(recordedError('s3.GetPublicAccessBlock.AccessDenied.custodian.json'));
    s3.on(GetBucketAclCommand).rejects(recordedError('s3.GetPublicAccessBlock.AccessDenied.custodian.json'));
    const observation = await collect();
    expect(gapsOf(observation)).toEqual(['failed GetBucketAcl: acl', 'failed GetPublicAccessBlock: publicAccessBlock']);
    expect(presentConfig<S3BucketConfig>(observation)).toMatchObject({ publicAccessBlock: null, acl: null });
  });

  it('throws a CollectError (so the queue retries) when a read is throttled past the SDK retries', async () => {
    s3.on(GetBucketLoggingCommand).rejects(awsError('SlowDown', 503));
    await expect(collect()).rejects.toThrow(CollectError);
    await expect(collect()).rejects.toThrow(/GetBucketLogging failed: SlowDown/);
  });

  it('normalises the other recorded ACL, encryption and versioning answers', async () => {
    s3.on(GetBucketAclCommand).resolves(loadApiResponse('s3.GetBucketAcl.AllUsers-WRITE.custodian.json'));
    s3.on(GetBucketEncryptionCommand).resolves(loadApiResponse('s3.GetBucketEncryption.rule-without-default.custodian.json'));
    s3.on(GetBucketVersioningCommand).resolves(loadApiResponse('s3.GetBucketVersioning.Suspended.custodian.json'));
    const config = presentConfig<S3BucketConfig>(await collect());
    expect(config.acl).toEqual({
      ownerId: '904fc4c4790937100e9eb293a15e6a0a1f265a064888055b43d030034f8881ee',
      grants: [{ grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'WRITE' }],
    });
    expect(config.encryption).toEqual({ rules: [{ algorithm: null, kmsKeyId: null, bucketKeyEnabled: true }] });
    expect(config.versioning).toEqual({ status: 'Suspended', mfaDelete: false });
  });

  it('normalises lifecycle, notification, object lock and website answers', async () => {
    s3.on(GetBucketLifecycleConfigurationCommand).resolves({
      Rules: [{ ID: 'Docs', Status: 'Enabled', Filter: { Prefix: 'docs/' }, Transitions: [{ Days: 30, StorageClass: 'STANDARD_IA' }], NoncurrentVersionExpiration: { NoncurrentDays: 545 } }],
    });
    s3.on(GetBucketNotificationConfigurationCommand).resolves({
      QueueConfigurations: [{ QueueArn: 'arn:aws:sqs:us-east-1:644160558196:test-queue', Events: ['s3:ObjectCreated:*'] }],
      TopicConfigurations: [{ TopicArn: 'arn:aws:sns:us-east-1:644160558196:t', Events: ['s3:ObjectCreated:CompleteMultipartUpload', 's3:ReducedRedundancyLostObject'] }],
    });
    s3.on(GetObjectLockConfigurationCommand).resolves({ ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 30 } } } });
    s3.on(GetBucketWebsiteCommand).resolves({ IndexDocument: { Suffix: 'index.html' }, RoutingRules: [{ Redirect: { ReplaceKeyWith: 'error.html' } }] });
    const config = presentConfig<S3BucketConfig>(await collect());
    expect(config.lifecycle).toEqual({
      rules: [{ id: 'Docs', status: 'Enabled', expirationDays: null, transitions: [{ days: 30, storageClass: 'STANDARD_IA' }], noncurrentVersionExpirationDays: 545 }],
    });
    expect(config.notifications).toEqual({
      targets: [
        { type: 'Queue', arn: 'arn:aws:sqs:us-east-1:644160558196:test-queue', events: ['s3:ObjectCreated:*'] },
        { type: 'Topic', arn: 'arn:aws:sns:us-east-1:644160558196:t', events: ['s3:ObjectCreated:CompleteMultipartUpload', 's3:ReducedRedundancyLostObject'] },
      ],
      eventBridge: false,
    });
    expect(config.objectLock).toEqual({ enabled: true, defaultRetention: { mode: 'COMPLIANCE', days: 30, years: null } });
    expect(config.website).toEqual({ indexDocument: 'index.html', errorDocument: null, redirectAllRequestsTo: null, routingRules: 1 });
  });

  describe('replication destinations', () => {
    const replicateTo = (...buckets: string[]) =>
      s3.on(GetBucketReplicationCommand).resolves({
        ReplicationConfiguration: {
          Role: 'arn:aws:iam::644160558196:role/repl',
          Rules: buckets.map((b, i) => ({ ID: `r${i}`, Status: 'Enabled', Destination: { Bucket: `arn:aws:s3:::${b}` } })),
        },
      });

    it('reads the Region of each destination bucket', async () => {
      replicateTo('dest-east', 'dest-gone');
      s3.on(GetBucketLocationCommand, { Bucket: 'dest-east' }).resolves({ LocationConstraint: null as never });
      s3.on(GetBucketLocationCommand, { Bucket: 'dest-gone' }).rejects(awsError('NoSuchBucket'));
      const observation = await collect();
      expect(observation.state === 'present' && observation.gaps).toEqual([]);
      expect(presentConfig<S3BucketConfig>(observation).replication).toEqual({
        role: 'arn:aws:iam::644160558196:role/repl',
        rules: [
          { id: 'r0', status: 'Enabled', destinationBucket: 'arn:aws:s3:::dest-east', destinationAccount: null, destinationRegion: 'us-east-1' },
          { id: 'r1', status: 'Enabled', destinationBucket: 'arn:aws:s3:::dest-gone', destinationAccount: null, destinationRegion: null },
        ],
      });
    });

    it('attributes a denied destination lookup (cross-account destination) to the destination Regions only', async () => {
      replicateTo('partner-bucket');
      s3.on(GetBucketLocationCommand, { Bucket: 'partner-bucket' }).rejects(awsError('AccessDenied', 403));
      const observation = await collect();
      expect(gapsOf(observation)).toEqual(['failed GetBucketLocation (destination): replication.rules.destinationRegion']);
      expect(presentConfig<S3BucketConfig>(observation).replication?.rules[0].destinationRegion).toBeNull();
    });
  });

  it('lists the buckets of one Region across ListBuckets pages', async () => {
    s3.on(ListBucketsCommand)
      .resolvesOnce({ Buckets: [{ Name: 'a', BucketRegion: 'us-west-2' }, { Name: 'b', BucketRegion: 'us-east-1' }], ContinuationToken: 'next' })
      .resolvesOnce({ Buckets: [{ Name: 'c', BucketRegion: 'us-west-2' }] });
    const refs = await collectors[S3_KIND.bucket].list({ accountId: ACCOUNT, region: 'us-west-2', partition: 'aws' }, recordingClients());
    expect(refs).toEqual([bucketRef('a', 'us-west-2'), bucketRef('c', 'us-west-2')]);
    expect(s3).toHaveReceivedNthSpecificCommandWith(1, ListBucketsCommand, { MaxBuckets: 1000, BucketRegion: 'us-west-2' });
    expect(s3).toHaveReceivedNthSpecificCommandWith(2, ListBucketsCommand, { MaxBuckets: 1000, ContinuationToken: 'next', BucketRegion: 'us-west-2' });
  });

  it('throws a CollectError when listing is denied (the sweep must not read it as "no buckets")', async () => {
    s3.on(ListBucketsCommand).rejects(awsError('AccessDenied', 403));
    await expect(collectors[S3_KIND.bucket].list({ accountId: ACCOUNT, region: 'us-west-2', partition: 'aws' }, recordingClients())).rejects.toThrow(CollectError);
  });
});

describe('S3 account Block Public Access live collector', () => {
  const ref: ResourceRef = { kind: S3_KIND.accountPublicAccessBlock, id: ACCOUNT, arn: `arn:aws:s3::${ACCOUNT}:account`, accountId: ACCOUNT, region: 'global' };

  it('reads the recorded account configuration', async () => {
    control.on(GetAccountPublicAccessBlockCommand).resolves(loadApiResponse('s3control.GetPublicAccessBlock.account-after-put.custodian.json'));
    const observation = await collectors[S3_KIND.accountPublicAccessBlock].collect(ref, recordingClients());
    expect(presentConfig<S3AccountPublicAccessBlockConfig>(observation)).toEqual({
      accountId: ACCOUNT,
      publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: false, blockPublicPolicy: true, restrictPublicBuckets: false },
    });
  });

  it('reads the recorded 404 as "no configuration" (present, null), never as gone', async () => {
    control.on(GetAccountPublicAccessBlockCommand).rejects(recordedError('s3control.GetPublicAccessBlock.account-NoSuchPublicAccessBlockConfiguration-404.custodian.json'));
    const observation = await collectors[S3_KIND.accountPublicAccessBlock].collect(ref, recordingClients());
    expect(observation).toMatchObject({ state: 'present', gaps: [], config: { accountId: ACCOUNT, publicAccessBlock: null } });
  });

  it('lists exactly one ref per account', async () => {
    const refs = await collectors[S3_KIND.accountPublicAccessBlock].list({ accountId: ACCOUNT, region: 'eu-west-1', partition: 'aws' }, recordingClients());
    expect(refs).toEqual([ref]);
  });
});

describe('S3 access point and Multi-Region Access Point live collectors', () => {
  const apRef: ResourceRef = { kind: S3_KIND.accessPoint, id: 'finance', arn: `arn:aws:s3:eu-west-1:${ACCOUNT}:accesspoint/finance`, accountId: ACCOUNT, region: 'eu-west-1' };
  const mrapRef: ResourceRef = { kind: S3_KIND.multiRegionAccessPoint, id: 'global', arn: `arn:aws:s3::${ACCOUNT}:accesspoint/global`, accountId: ACCOUNT, region: 'global' };

  it('reads an access point with its BPA flags', async () => {
    control.on(GetAccessPointCommand).resolves({
      Name: 'finance',
      Bucket: 'ledger',
      NetworkOrigin: 'VPC',
      VpcConfiguration: { VpcId: 'vpc-1' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: true },
      BucketAccountId: ACCOUNT,
    });
    const observation = await collectors[S3_KIND.accessPoint].collect(apRef, recordingClients());
    expect(presentConfig<S3AccessPointConfig>(observation)).toEqual({
      name: 'finance',
      region: 'eu-west-1',
      accountId: ACCOUNT,
      bucket: 'ledger',
      bucketAccountId: ACCOUNT,
      networkOrigin: 'VPC',
      vpcId: 'vpc-1',
      publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: true },
    });
    expect(control).toHaveReceivedCommandWith(GetAccessPointCommand, { AccountId: ACCOUNT, Name: 'finance' });
  });

  it('returns gone for NoSuchAccessPoint', async () => {
    control.on(GetAccessPointCommand).rejects(awsError('NoSuchAccessPoint'));
    expect((await collectors[S3_KIND.accessPoint].collect(apRef, recordingClients())).state).toBe('gone');
  });

  it('lists access points across pages', async () => {
    control.on(ListAccessPointsCommand).resolvesOnce({ AccessPointList: [{ Name: 'a', Bucket: 'b', NetworkOrigin: 'Internet' }], NextToken: 't' }).resolvesOnce({ AccessPointList: [{ Name: 'c', Bucket: 'b', NetworkOrigin: 'VPC' }] });
    const refs = await collectors[S3_KIND.accessPoint].list({ accountId: ACCOUNT, region: 'eu-west-1', partition: 'aws' }, recordingClients());
    expect(refs.map((r) => r.arn)).toEqual([`arn:aws:s3:eu-west-1:${ACCOUNT}:accesspoint/a`, `arn:aws:s3:eu-west-1:${ACCOUNT}:accesspoint/c`]);
  });

  it('reads a Multi-Region Access Point from the us-west-2 control plane', async () => {
    control.on(GetMultiRegionAccessPointCommand).resolves({
      AccessPoint: {
        Name: 'global',
        Alias: 'mfzwi23gnjvgw.mrap',
        Status: 'READY',
        PublicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
        Regions: [{ Bucket: 'z-bucket', Region: 'eu-west-1' }, { Bucket: 'a-bucket', Region: 'us-east-1' }],
      },
    });
    const clients = recordingClients();
    const observation = await collectors[S3_KIND.multiRegionAccessPoint].collect(mrapRef, clients);
    expect(clients.asked).toEqual(['S3ControlClient@us-west-2']);
    expect(presentConfig<S3MultiRegionAccessPointConfig>(observation)).toEqual({
      name: 'global',
      accountId: ACCOUNT,
      alias: 'mfzwi23gnjvgw.mrap',
      status: 'READY',
      publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
      buckets: ['a-bucket', 'z-bucket'],
    });
  });

  it('lists Multi-Region Access Points as global refs', async () => {
    control.on(ListMultiRegionAccessPointsCommand).resolves({ AccessPoints: [{ Name: 'global' }] });
    const refs = await collectors[S3_KIND.multiRegionAccessPoint].list({ accountId: ACCOUNT, region: 'eu-west-1', partition: 'aws' }, recordingClients());
    expect(refs).toEqual([mrapRef]);
  });
});

describe('S3 directory bucket live collector', () => {
  const ref: ResourceRef = {
    kind: S3_KIND.directoryBucket,
    id: 'logs--use1-az4--x-s3',
    arn: `arn:aws:s3express:us-east-1:${ACCOUNT}:bucket/logs--use1-az4--x-s3`,
    accountId: ACCOUNT,
    region: 'us-east-1',
  };

  it('reads the lifecycle rules, and a missing configuration as null', async () => {
    s3.on(GetBucketLifecycleConfigurationCommand).resolves({ Rules: [{ ID: 'expire', Status: 'Enabled', Expiration: { Days: 7 } }] });
    const config = presentConfig<S3DirectoryBucketConfig>(await collectors[S3_KIND.directoryBucket].collect(ref, recordingClients()));
    expect(config.lifecycle?.rules).toEqual([{ id: 'expire', status: 'Enabled', expirationDays: 7, transitions: [], noncurrentVersionExpirationDays: null }]);
    s3.on(GetBucketLifecycleConfigurationCommand).rejects(awsError('NoSuchLifecycleConfiguration'));
    expect(presentConfig<S3DirectoryBucketConfig>(await collectors[S3_KIND.directoryBucket].collect(ref, recordingClients())).lifecycle).toBeNull();
  });

  it('returns gone for NoSuchBucket and lists directory buckets', async () => {
    s3.on(GetBucketLifecycleConfigurationCommand).rejects(awsError('NoSuchBucket'));
    expect((await collectors[S3_KIND.directoryBucket].collect(ref, recordingClients())).state).toBe('gone');
    s3.on(ListDirectoryBucketsCommand).resolves({ Buckets: [{ Name: 'logs--use1-az4--x-s3' }] });
    expect(await collectors[S3_KIND.directoryBucket].list({ accountId: ACCOUNT, region: 'us-east-1', partition: 'aws' }, recordingClients())).toEqual([ref]);
  });
});

describe('S3 account data-events live collector', () => {
  const ref: ResourceRef = { kind: S3_KIND.accountDataEvents, id: ACCOUNT, arn: `arn:aws:s3::${ACCOUNT}:account`, accountId: ACCOUNT, region: 'global' };
  const trailArn = (name: string, region = 'us-east-1') => `arn:aws:cloudtrail:${region}:${ACCOUNT}:trail/${name}`;

  beforeEach(() => {
    cloudtrail.on(DescribeTrailsCommand).resolves({
      trailList: [
        { Name: 'org', TrailARN: trailArn('org', 'eu-west-1'), HomeRegion: 'eu-west-1', IsMultiRegionTrail: true, IsOrganizationTrail: true },
        { Name: 'regional', TrailARN: trailArn('regional'), HomeRegion: 'us-east-1', IsMultiRegionTrail: false },
      ],
    });
    cloudtrail.on(GetEventSelectorsCommand).resolves({
      EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }],
    });
    cloudtrail.on(GetTrailStatusCommand).resolves({ IsLogging: true });
  });

  it('keeps the multi-Region trails with their selectors and status, read in their home Region', async () => {
    const clients = recordingClients();
    const observation = await collectors[S3_KIND.accountDataEvents].collect(ref, clients);
    expect(presentConfig<S3AccountDataEventsConfig>(observation)).toEqual({
      accountId: ACCOUNT,
      trails: [
        {
          name: 'org',
          arn: trailArn('org', 'eu-west-1'),
          homeRegion: 'eu-west-1',
          isOrganizationTrail: true,
          isLogging: true,
          basicSelectors: [{ readWriteType: 'WriteOnly', dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] }],
          advancedSelectors: [],
        },
      ],
    });
    expect(cloudtrail).toHaveReceivedCommandWith(DescribeTrailsCommand, { includeShadowTrails: true });
    expect(cloudtrail).toHaveReceivedCommandWith(GetEventSelectorsCommand, { TrailName: trailArn('org', 'eu-west-1') });
    expect(cloudtrail).not.toHaveReceivedCommandWith(GetEventSelectorsCommand, { TrailName: trailArn('regional') });
    expect(clients.asked).toContain('CloudTrailClient@eu-west-1');
  });

  it('drops a trail deleted since DescribeTrails (TrailNotFoundException)', async () => {
    cloudtrail.on(GetTrailStatusCommand).rejects(awsError('TrailNotFoundException'));
    expect(presentConfig<S3AccountDataEventsConfig>(await collectors[S3_KIND.accountDataEvents].collect(ref, recordingClients())).trails).toEqual([]);
  });

  it('attributes a denied GetEventSelectors to the trails', async () => {
    cloudtrail.on(GetEventSelectorsCommand).rejects(awsError('AccessDeniedException', 400));
    expect(gapsOf(await collectors[S3_KIND.accountDataEvents].collect(ref, recordingClients()))).toEqual(['failed GetEventSelectors: trails']);
  });
});

describe('S3 predictable bucket name live collector', () => {
  const nameRef = (name: string): ResourceRef => ({ kind: S3_KIND.predictableBucketName, id: name, arn: `arn:aws:s3:::${name}`, accountId: ACCOUNT, region: 'eu-west-1' });
  const glue = `aws-glue-assets-${ACCOUNT}-eu-west-1`;

  it('lists the four predictable names of the Region', async () => {
    const refs = await collectors[S3_KIND.predictableBucketName].list({ accountId: ACCOUNT, region: 'eu-west-1', partition: 'aws' }, recordingClients());
    expect(refs.map((r) => r.id)).toEqual([glue, `sagemaker-eu-west-1-${ACCOUNT}`, `aws-emr-studio-${ACCOUNT}-eu-west-1`, `aws-codestar-eu-west-1-${ACCOUNT}`]);
  });

  it('sees a name in our ListBuckets as owned, without HeadBucket', async () => {
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: glue }] });
    const config = presentConfig<S3PredictableBucketNameConfig>(await collectors[S3_KIND.predictableBucketName].collect(nameRef(glue), recordingClients()));
    expect(config).toEqual({ name: glue, service: 'glue', region: 'eu-west-1', accountId: ACCOUNT, exists: true, ownedByAccount: true });
    expect(s3).not.toHaveReceivedCommand(HeadBucketCommand);
  });

  it.each([
    [403, 'Forbidden', true],
    [404, 'NotFound', false],
  ])('reads HeadBucket %i (%s) on a name we do not own as taken=%p', async (status, name, taken) => {
    s3.on(ListBucketsCommand).resolves({ Buckets: [] });
    s3.on(HeadBucketCommand).rejects(awsError(name, status));
    const config = presentConfig<S3PredictableBucketNameConfig>(await collectors[S3_KIND.predictableBucketName].collect(nameRef(glue), recordingClients()));
    expect(config).toMatchObject({ exists: taken, ownedByAccount: false });
  });

  it('throws a CollectError when HeadBucket fails otherwise', async () => {
    s3.on(ListBucketsCommand).resolves({ Buckets: [] });
    s3.on(HeadBucketCommand).rejects(awsError('InternalError', 500));
    await expect(collectors[S3_KIND.predictableBucketName].collect(nameRef(glue), recordingClients())).rejects.toThrow(CollectError);
  });
});

describe('S3 object ACL sample live collector', () => {
  const ref: ResourceRef = { kind: S3_KIND.bucketObjectSample, id: 'hazmat-audit-logs', arn: 'arn:aws:s3:::hazmat-audit-logs', accountId: ACCOUNT, region: 'us-west-2' };

  beforeEach(() => {
    s3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'a.txt' }, { Key: 'b.txt' }] });
    s3.on(GetObjectAclCommand, { Key: 'a.txt' }).resolves(loadApiResponse('s3.GetBucketAcl.AllUsers-WRITE.custodian.json'));
    s3.on(GetObjectAclCommand, { Key: 'b.txt' }).resolves(loadApiResponse('s3.GetBucketAcl.owner-only.custodian.json'));
  });

  it('reads at most the sample size of object ACLs', async () => {
    const config = presentConfig<S3BucketObjectSampleConfig>(await collectors[S3_KIND.bucketObjectSample].collect(ref, recordingClients()));
    expect(s3).toHaveReceivedCommandWith(ListObjectsV2Command, { Bucket: 'hazmat-audit-logs', MaxKeys: 3 });
    expect(config.objects.map((o) => o.key)).toEqual(['a.txt', 'b.txt']);
    expect(config.objects[0].acl?.grants).toEqual([{ grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'WRITE' }]);
  });

  it('skips object ACL reads when ACLs are disabled', async () => {
    s3.on(GetBucketOwnershipControlsCommand).resolves({ OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } });
    const config = presentConfig<S3BucketObjectSampleConfig>(await collectors[S3_KIND.bucketObjectSample].collect(ref, recordingClients()));
    expect(config.objects).toEqual([]);
    expect(s3).not.toHaveReceivedCommand(GetObjectAclCommand);
  });
});
