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
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { mockClient } from 'aws-sdk-client-mock';
import type { Observation } from '../../shared/core';
import { createClientFactory } from '../../shared/resources/clients';
import { createConfigIndex, normaliseConfigItem, type ConfigItem } from '../../shared/resources/config-item';
import { createS3Collectors } from '../../shared/resources/s3/collect-live';
import { s3ConfigNormalisers } from '../../shared/resources/s3/from-config';
import { S3_KIND } from '../../shared/resources/s3/kinds';
import type { S3AccessPointConfig, S3AccountPublicAccessBlockConfig, S3BucketConfig, S3DirectoryBucketConfig, S3MultiRegionAccessPointConfig } from '../../shared/resources/s3/types';
import { loadApiResponse, loadFixture } from '../helpers/fixtures';
import { awsError, bucketRef, recordedError } from './helpers';
import { gapsOf } from '../helpers/gaps';

const normaliser = (type: string) => {
  const found = s3ConfigNormalisers.find((n) => n.configType === type);
  if (!found) throw new Error(`no normaliser for ${type}`);
  return found;
};

/** Observations of an item, with the other items of the same snapshot in the index. */
const observe = (item: ConfigItem, others: ConfigItem[] = []): Observation[] => normaliser(item.resourceType).toObservations(item, createConfigIndex([item, ...others]));
const only = (observations: Observation[]): Observation => {
  expect(observations).toHaveLength(1);
  return observations[0];
};
const configOf = <C>(observation: Observation): C => {
  if (observation.state !== 'present') throw new Error(`expected present, got ${observation.state}`);
  return observation.config as C;
};
const rawItem = (fixture: string) => loadFixture(`config-items/${fixture}`);
const item = (fixture: string) => normaliseConfigItem(rawItem(fixture));

/** The account BPA item of the RDK example, moved to `accountId` with the given flags. */
const accountBpaItem = (accountId: string, flags: Record<string, boolean>) => {
  const raw = rawItem('s3-account-public-access-block.rdk-example.json');
  return normaliseConfigItem({ ...raw, accountId, resourceId: accountId, configuration: flags });
};

const OWNER = 'e7c8bb65a5fc49cf906715eae09de9e4bb7861a96361ba79b833aa45f6833b15';

describe('S3 bucket Config normaliser', () => {
  it('normalises the RDK example item (event form: awsAccountId, ARN, ACL as JSON text)', () => {
    const observation = only(observe(item('s3-bucket.rdk-example.json')));
    expect(observation).toMatchObject({
      state: 'present',
      source: 'config',
      observedAt: '2019-02-12T07:29:16.288Z',
      ref: { kind: S3_KIND.bucket, id: 'mborch-test-bucket-config-item', arn: 'arn:aws:s3:::mborch-test-bucket-config-item', accountId: '934654633380', region: 'us-east-1' },
    });
    const config = configOf<S3BucketConfig>(observation);
    expect(config).toEqual({
      name: 'mborch-test-bucket-config-item',
      region: 'us-east-1',
      accountId: '934654633380',
      publicAccessBlock: null,
      accountPublicAccessBlock: null,
      acl: {
        ownerId: '8ac813c84b8ad4d9f3e35f80aaeb254f85922a902ce87ed6b49ccbfa188f5a12',
        grants: [{ grantee: { type: 'CanonicalUser', id: '8ac813c84b8ad4d9f3e35f80aaeb254f85922a902ce87ed6b49ccbfa188f5a12' }, permission: 'FULL_CONTROL' }],
      },
      objectOwnership: null,
      policy: rawItem('s3-bucket.rdk-example.json').supplementaryConfiguration.BucketPolicy.policyText,
      policyIsPublic: null,
      encryption: null,
      versioning: { status: 'Enabled', mfaDelete: false },
      lifecycle: null,
      logging: null,
      notifications: { targets: [], eventBridge: false },
      objectLock: null,
      replication: null,
      tags: {},
      website: null,
    });
  });

  it('decodes the double-encoded custodian ACL (group grantee "AllUsers", permission "Read")', () => {
    const config = configOf<S3BucketConfig>(only(observe(item('s3-bucket.s3-lifecycle.custodian.json'))));
    expect(config.acl).toEqual({
      ownerId: OWNER,
      grants: [
        { grantee: { type: 'CanonicalUser', id: OWNER }, permission: 'FULL_CONTROL' },
        { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'READ' },
      ],
    });
    expect(config.versioning).toEqual({ status: 'Suspended', mfaDelete: false });
    expect(config.policy).toBeNull();
  });

  it('normalises lifecycle rules (-1 = none) and the notification map, sorted', () => {
    const config = configOf<S3BucketConfig>(only(observe(item('s3-bucket.s3-lifecycle.custodian.json'))));
    expect(config.lifecycle).toEqual({
      rules: [{ id: 'Docs', status: 'Enabled', expirationDays: null, transitions: [{ days: 30, storageClass: 'STANDARD_IA' }], noncurrentVersionExpirationDays: 545 }],
    });
    expect(config.notifications?.targets.map((t) => `${t.type} ${t.arn}`)).toEqual([
      'LambdaFunction arn:aws:lambda:us-east-1:644160558196:function:lambdaenv',
      'Queue arn:aws:sqs:us-east-1:644160558196:test-queue',
      'Topic arn:aws:sns:us-east-1:644160558196:custodian-test-data-22',
    ]);
    expect(config.notifications?.targets[2].events).toEqual(['s3:ObjectCreated:CompleteMultipartUpload', 's3:ReducedRedundancyLostObject']);
  });

  it('reads expiration days of the null-predicate lifecycle rules and the policy text of the API form', () => {
    const config = configOf<S3BucketConfig>(only(observe(item('s3-bucket.s3-lifecycle-null-predicate.custodian.json'))));
    expect(config.lifecycle?.rules.map((r) => [r.id, r.expirationDays, r.noncurrentVersionExpirationDays])).toEqual([
      ['RemoveAbortedUploads', 1, null],
      ['RemoveDeleteMarkers', null, 10],
      ['RemoveDeleteTagged', 1, null],
    ]);
    expect(JSON.parse(config.policy ?? '{}').Statement).toHaveLength(2);
    expect(config.versioning?.status).toBe('Enabled');
    expect(config.tags).toMatchObject({ App: 'StorageDev', 'aws:cloudformation:stack-name': 'storage-dev' });
  });

  it('reads the website configurations (index document, redirect-all)', () => {
    expect(configOf<S3BucketConfig>(only(observe(item('s3-bucket.s3-website.custodian.json')))).website).toEqual({
      indexDocument: 'index.html',
      errorDocument: null,
      redirectAllRequestsTo: null,
      routingRules: 1,
    });
    const redirect = configOf<S3BucketConfig>(only(observe(item('s3-bucket.s3-website-redirect.custodian.json'))));
    expect(redirect.website?.redirectAllRequestsTo).toBe('www.google.com/');
    expect(redirect.versioning?.status).toBe('Off');
  });

  it('takes tags and the Region from the s3.json item (us-east-2)', () => {
    const observation = only(observe(item('s3-bucket.s3.custodian.json')));
    expect(observation.ref.region).toBe('us-east-2');
    expect(configOf<S3BucketConfig>(observation).tags).toEqual({ Planet: 'Earth', Verbose: 'Game' });
  });

  describe('replication', () => {
    const replicated = () => item('s3-bucket.s3-rep-and-notify.custodian.json');

    it('reads the rule map and marks the destination Region not told when the snapshot lacks the destination', () => {
      const observation = only(observe(replicated()));
      expect(configOf<S3BucketConfig>(observation).replication).toEqual({
        role: 'arn:aws:iam::644160558196:role/custodian-replicated-custodian-replicated-west-s3-repl-role',
        rules: [{ id: 'testing-99', status: 'Enabled', destinationBucket: 'arn:aws:s3:::testing-west', destinationAccount: '000111222333', destinationRegion: null }],
      });
      expect(gapsOf(observation)).toContain('not-told AWS::S3::Bucket (destination): replication.rules.destinationRegion');
    });

    it('takes the destination Region from the destination bucket item of the same snapshot', () => {
      const destination = normaliseConfigItem({ ...rawItem('s3-bucket.s3.custodian.json'), resourceId: 'testing-west', resourceName: 'testing-west', awsRegion: 'us-west-2' });
      const observation = only(observe(replicated(), [destination]));
      expect(configOf<S3BucketConfig>(observation).replication?.rules[0].destinationRegion).toBe('us-west-2');
      expect(gapsOf(observation).filter((g) => g.includes('destination'))).toEqual([]);
    });
  });

  describe('account Block Public Access lookup', () => {
    it('uses the account BPA item of the same account', () => {
      const account = accountBpaItem('644160558196', { blockPublicAcls: true, ignorePublicAcls: false, blockPublicPolicy: true, restrictPublicBuckets: false });
      expect(configOf<S3BucketConfig>(only(observe(item('s3-bucket.s3.custodian.json'), [account]))).accountPublicAccessBlock).toEqual({
        blockPublicAcls: true,
        ignorePublicAcls: false,
        blockPublicPolicy: true,
        restrictPublicBuckets: false,
      });
    });

    it('ignores the BPA item of another account, and reads a deleted item as no configuration', () => {
      const other = normaliseConfigItem(rawItem('s3-account-public-access-block.rdk-example.json')); // account 123456789012
      expect(configOf<S3BucketConfig>(only(observe(item('s3-bucket.s3.custodian.json'), [other]))).accountPublicAccessBlock).toBeNull();
      const deleted = normaliseConfigItem({ ...rawItem('s3-account-public-access-block.rdk-example.json'), accountId: '644160558196', resourceId: '644160558196', configurationItemStatus: 'ResourceDeleted' });
      expect(configOf<S3BucketConfig>(only(observe(item('s3-bucket.s3.custodian.json'), [deleted]))).accountPublicAccessBlock).toBeNull();
    });
  });

  it('reads bucket BPA (lower camel), encryption and object lock when the item has them', () => {
    const raw = rawItem('s3-bucket.rdk-example.json');
    raw.supplementaryConfiguration.PublicAccessBlockConfiguration = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: true };
    raw.supplementaryConfiguration.ServerSideEncryptionConfiguration = {
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyID: 'alias/aws/s3' }, bucketKeyEnabled: false }],
    };
    raw.supplementaryConfiguration.ObjectLockConfiguration = { objectLockEnabled: 'Enabled', rule: { defaultRetention: { mode: 'GOVERNANCE', days: 5, years: 0 } } };
    const config = configOf<S3BucketConfig>(only(observe(normaliseConfigItem(raw))));
    expect(config.publicAccessBlock).toEqual({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: true });
    expect(config.encryption).toEqual({ rules: [{ algorithm: 'aws:kms', kmsKeyId: 'alias/aws/s3', bucketKeyEnabled: false }] });
    expect(config.objectLock).toEqual({ enabled: true, defaultRetention: { mode: 'GOVERNANCE', days: 5, years: null } });
  });

  it('returns gone for a deleted bucket item', () => {
    const deleted = normaliseConfigItem({ ...rawItem('s3-bucket.rdk-example.json'), configurationItemStatus: 'ResourceDeleted' });
    expect(only(observe(deleted))).toEqual({
      state: 'gone',
      ref: { kind: S3_KIND.bucket, id: 'mborch-test-bucket-config-item', arn: 'arn:aws:s3:::mborch-test-bucket-config-item', accountId: '934654633380', region: 'us-east-1' },
      observedAt: '2019-02-12T07:29:16.288Z',
      source: 'config',
    });
  });

  it('normalises a SelectResourceConfig result (custodian) once its selected-away identity fields are added', () => {
    const [result] = loadApiResponse('config.SelectResourceConfig.s3-bucket.custodian.json').Results as string[];
    const selected = JSON.parse(result);
    const config = configOf<S3BucketConfig>(
      only(observe(normaliseConfigItem({ ...selected, resourceType: 'AWS::S3::Bucket', resourceId: selected.configuration.name, accountId: '644160558196' }))),
    );
    expect(config).toMatchObject({
      name: 'c7n-ssm-build',
      region: 'us-east-2',
      logging: null,
      versioning: { status: 'Off', mfaDelete: false },
      lifecycle: { rules: [{ id: 'CodeBuild cache lifecycle', status: 'Enabled', expirationDays: 60, transitions: [], noncurrentVersionExpirationDays: null }] },
      acl: { ownerId: OWNER, grants: [{ grantee: { type: 'CanonicalUser', id: OWNER }, permission: 'FULL_CONTROL' }] },
    });
    expect(JSON.parse(config.policy ?? '{}').Statement[0].Principal.AWS).toBe('arn:aws:iam::644160558196:role/service-role/codebuild-test-service-role');
  });
});

describe('S3 account BPA, access point, MRAP and directory bucket Config normalisers', () => {
  it('normalises the RDK account BPA item to a global account observation', () => {
    const observation = only(observe(item('s3-account-public-access-block.rdk-example.json')));
    expect(observation.ref).toEqual({ kind: S3_KIND.accountPublicAccessBlock, id: '123456789012', arn: 'arn:aws:s3::123456789012:account', accountId: '123456789012', region: 'global' });
    expect(configOf<S3AccountPublicAccessBlockConfig>(observation)).toEqual({
      accountId: '123456789012',
      publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
    });
  });

  it('reads a deleted account BPA item as "no configuration", not as gone (S3.1 must fail, not resolve)', () => {
    const deleted = normaliseConfigItem({ ...rawItem('s3-account-public-access-block.rdk-example.json'), configurationItemStatus: 'ResourceDeleted' });
    expect(only(observe(deleted))).toMatchObject({ state: 'present', config: { accountId: '123456789012', publicAccessBlock: null } });
  });

  // No recorded items of these types exist; they are built from the RDK account item's envelope with the Config
  // schema's property names (awslabs/aws-config-resource-schema: PascalCase Cloud Control properties).
  const envelope = (resourceType: string, resourceId: string, configuration: Record<string, unknown>) =>
    normaliseConfigItem({ ...rawItem('s3-account-public-access-block.rdk-example.json'), resourceType, resourceId, resourceName: resourceId, configuration });

  it('normalises an access point item (PascalCase BPA flags)', () => {
    const ap = envelope('AWS::S3::AccessPoint', 'finance', {
      Name: 'finance',
      Bucket: 'ledger',
      NetworkOrigin: 'Internet',
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    });
    const observation = only(observe(ap));
    expect(observation.ref.arn).toBe('arn:aws:s3:us-east-1:123456789012:accesspoint/finance');
    expect(configOf<S3AccessPointConfig>(observation)).toEqual({
      name: 'finance',
      region: 'us-east-1',
      accountId: '123456789012',
      bucket: 'ledger',
      bucketAccountId: null,
      networkOrigin: 'Internet',
      vpcId: null,
      publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: false, blockPublicPolicy: true, restrictPublicBuckets: true },
    });
  });

  it('normalises an MRAP item to a global ref keyed by name', () => {
    const mrap = envelope('AWS::S3::MultiRegionAccessPoint', 'global', {
      Name: 'global',
      Alias: 'mfzwi23gnjvgw.mrap',
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      Regions: [{ Bucket: 'b2' }, { Bucket: 'b1' }],
    });
    const observation = only(observe(mrap));
    expect(observation.ref).toMatchObject({ arn: 'arn:aws:s3::123456789012:accesspoint/global', region: 'global' });
    expect(configOf<S3MultiRegionAccessPointConfig>(observation)).toMatchObject({ alias: 'mfzwi23gnjvgw.mrap', buckets: ['b1', 'b2'] });
  });

  it('normalises a directory bucket item with its lifecycle rules', () => {
    const dir = envelope('AWS::S3Express::DirectoryBucket', 'logs--use1-az4--x-s3', {
      BucketName: 'logs--use1-az4--x-s3',
      LifecycleConfiguration: { Rules: [{ Id: 'expire', Status: 'Enabled', ExpirationInDays: 7 }] },
    });
    expect(configOf<S3DirectoryBucketConfig>(only(observe(dir))).lifecycle).toEqual({
      rules: [{ id: 'expire', status: 'Enabled', expirationDays: 7, transitions: [], noncurrentVersionExpirationDays: null }],
    });
  });
});

describe('S3 live and Config paths agree', () => {
  const s3 = mockClient(S3Client);
  const control = mockClient(S3ControlClient);
  const collect = (name: string, region: string, accountId: string) =>
    createS3Collectors({ now: () => new Date('2026-03-01T00:00:00Z') })[S3_KIND.bucket].collect(bucketRef(name, region, accountId), createClientFactory({ region: 'us-east-1', maxAttempts: 1 }));

  beforeEach(() => {
    s3.reset();
    control.reset();
    s3.on(GetBucketLocationCommand).resolves({});
    s3.on(GetBucketOwnershipControlsCommand).rejects(awsError('OwnershipControlsNotFoundError'));
    s3.on(GetObjectLockConfigurationCommand).rejects(awsError('ObjectLockConfigurationNotFoundError'));
    s3.on(GetBucketReplicationCommand).rejects(awsError('ReplicationConfigurationNotFoundError'));
    s3.on(GetBucketWebsiteCommand).rejects(awsError('NoSuchWebsiteConfiguration'));
    s3.on(GetBucketTaggingCommand).rejects(awsError('NoSuchTagSet'));
  });

  it('gives deep-equal snapshots for the custodian lifecycle bucket and the same settings read live', async () => {
    // Config side: the real item, with its ACL set to what the recorded GetBucketAcl answer says, and the account's BPA item.
    const raw = rawItem('s3-bucket.s3-lifecycle.custodian.json');
    raw.supplementaryConfiguration.AccessControlList = JSON.stringify({
      grantList: [
        { grantee: 'AuthenticatedUsers', permission: 'Read' },
        { grantee: 'LogDelivery', permission: 'Write' },
        { grantee: 'LogDelivery', permission: 'ReadAcp' },
      ],
      owner: { displayName: 'mandeep.bal', id: OWNER },
    });
    const account = accountBpaItem('644160558196', { blockPublicAcls: true, ignorePublicAcls: false, blockPublicPolicy: true, restrictPublicBuckets: false });
    const fromConfig = configOf<S3BucketConfig>(only(observe(normaliseConfigItem(raw), [account])));

    // Live side: recorded answers where they exist, the item's settings in API shape where they do not.
    s3.on(GetPublicAccessBlockCommand).rejects(recordedError('s3.GetPublicAccessBlock.NoSuchPublicAccessBlockConfiguration-404.custodian.json'));
    control.on(GetAccountPublicAccessBlockCommand).resolves(loadApiResponse('s3control.GetPublicAccessBlock.account-after-put.custodian.json'));
    s3.on(GetBucketAclCommand).resolves(loadApiResponse('s3.GetBucketAcl.AuthenticatedUsers-READ-LogDelivery.custodian.json'));
    s3.on(GetBucketPolicyCommand).rejects(recordedError('s3.GetBucketPolicy.NoSuchBucketPolicy-404.custodian.json'));
    s3.on(GetBucketPolicyStatusCommand).rejects(recordedError('s3.GetBucketPolicy.NoSuchBucketPolicy-404.custodian.json'));
    s3.on(GetBucketEncryptionCommand).rejects(recordedError('s3.GetBucketEncryption.ServerSideEncryptionConfigurationNotFoundError-404.custodian.json'));
    s3.on(GetBucketVersioningCommand).resolves(loadApiResponse('s3.GetBucketVersioning.Suspended.custodian.json'));
    s3.on(GetBucketLoggingCommand).resolves(loadApiResponse('s3.GetBucketLogging.disabled.custodian.json'));
    s3.on(GetBucketLifecycleConfigurationCommand).resolves({
      Rules: [
        {
          ID: 'Docs',
          Status: 'Enabled',
          Filter: { Prefix: 'docs/' },
          Expiration: { ExpiredObjectDeleteMarker: true },
          Transitions: [{ Days: 30, StorageClass: 'STANDARD_IA' }],
          NoncurrentVersionTransitions: [{ NoncurrentDays: 180, StorageClass: 'GLACIER' }],
          NoncurrentVersionExpiration: { NoncurrentDays: 545 },
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
        },
      ],
    });
    s3.on(GetBucketNotificationConfigurationCommand).resolves({
      TopicConfigurations: [{ TopicArn: 'arn:aws:sns:us-east-1:644160558196:custodian-test-data-22', Events: ['s3:ReducedRedundancyLostObject', 's3:ObjectCreated:CompleteMultipartUpload'] }],
      QueueConfigurations: [{ QueueArn: 'arn:aws:sqs:us-east-1:644160558196:test-queue', Events: ['s3:ObjectCreated:*'] }],
      LambdaFunctionConfigurations: [{ LambdaFunctionArn: 'arn:aws:lambda:us-east-1:644160558196:function:lambdaenv', Events: ['s3:ObjectRemoved:Delete'] }],
    });
    const live = await collect('testing-99', 'us-east-1', '644160558196');
    expect(live.state === 'present' && live.gaps).toEqual([]);
    expect(configOf<S3BucketConfig>(live)).toEqual(fromConfig);
  });

  it('gives deep-equal snapshots for the RDK bucket (policy, versioning, BPA, KMS) except the live-only policy status', async () => {
    const raw = rawItem('s3-bucket.rdk-example.json');
    raw.supplementaryConfiguration.PublicAccessBlockConfiguration = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
    raw.supplementaryConfiguration.ServerSideEncryptionConfiguration = {
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyID: 'arn:aws:kms:us-east-1:644160558196:key/2192ecc0-3991-4dac-b479-cc08bda8a4de' }, bucketKeyEnabled: true }],
    };
    const fromConfig = configOf<S3BucketConfig>(only(observe(normaliseConfigItem(raw))));
    const owner = '8ac813c84b8ad4d9f3e35f80aaeb254f85922a902ce87ed6b49ccbfa188f5a12';

    s3.on(GetPublicAccessBlockCommand).resolves(loadApiResponse('s3.GetPublicAccessBlock.all-true.custodian.json'));
    control.on(GetAccountPublicAccessBlockCommand).rejects(recordedError('s3control.GetPublicAccessBlock.account-NoSuchPublicAccessBlockConfiguration-404.custodian.json'));
    s3.on(GetBucketAclCommand).resolves({ Owner: { ID: owner }, Grants: [{ Grantee: { Type: 'CanonicalUser', ID: owner }, Permission: 'FULL_CONTROL' }] });
    s3.on(GetBucketPolicyCommand).resolves({ Policy: raw.supplementaryConfiguration.BucketPolicy.policyText });
    s3.on(GetBucketPolicyStatusCommand).resolves({ PolicyStatus: { IsPublic: false } });
    s3.on(GetBucketEncryptionCommand).resolves(loadApiResponse('s3.GetBucketEncryption.kms-key-arn.custodian.json'));
    s3.on(GetBucketVersioningCommand).resolves(loadApiResponse('s3.GetBucketVersioning.Enabled.custodian.json'));
    s3.on(GetBucketLoggingCommand).resolves(loadApiResponse('s3.GetBucketLogging.disabled.custodian.json'));
    s3.on(GetBucketLifecycleConfigurationCommand).rejects(awsError('NoSuchLifecycleConfiguration'));
    s3.on(GetBucketNotificationConfigurationCommand).resolves({});
    const live = configOf<S3BucketConfig>(await collect('mborch-test-bucket-config-item', 'us-east-1', '934654633380'));
    expect(live.policyIsPublic).toBe(false);
    expect({ ...live, policyIsPublic: null }).toEqual(fromConfig);
  });
});
