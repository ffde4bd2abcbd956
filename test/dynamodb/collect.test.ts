import { ApplicationAutoScalingClient, DescribeScalableTargetsCommand, DescribeScalingPoliciesCommand } from '@aws-sdk/client-application-auto-scaling';
import {
  BackupClient,
  DescribeBackupVaultCommand,
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  ListBackupPlansCommand,
  ListBackupSelectionsCommand,
} from '@aws-sdk/client-backup';
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetResourcePolicyCommand,
  ListTablesCommand,
  ListTagsOfResourceCommand,
} from '@aws-sdk/client-dynamodb';
import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { CollectError, type ResourceRef } from '../../shared/core';
import { createClientFactory } from '../../shared/resources/clients';
import { createDaxClusterCollector, type DaxApi } from '../../shared/resources/dynamodb/collect-dax';
import { createDynamoDbTableCollector } from '../../shared/resources/dynamodb/collect-live';
import type { DaxClusterSnapshot, DynamoDbTableSnapshot } from '../../shared/resources/dynamodb/types';
import { loadApiResponse, loadCloudTrailRecords } from '../helpers/fixtures';
import { gapsOf } from '../helpers/gaps';
import { evaluateObservation } from '../../shared/engine/evaluate';
import { dynamodbRules } from '../../shared/rules/dynamodb';
import { ddbTableAutoscaling } from '../../shared/rules/dynamodb/ddb-table-autoscaling';

const ddb = mockClient(DynamoDBClient);
const scaling = mockClient(ApplicationAutoScalingClient);
const backup = mockClient(BackupClient);
const kms = mockClient(KMSClient);

const awsError = (name: string, message = name) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });
const NOW = new Date('2026-03-01T12:00:00.000Z');
const collector = createDynamoDbTableCollector({ now: () => NOW });
const clients = () => createClientFactory({ region: 'us-east-1', maxAttempts: 1 });

const ref = (id: string, accountId = '644160558196'): ResourceRef => ({
  kind: 'AWS::DynamoDB::Table',
  id,
  arn: `arn:aws:dynamodb:us-east-1:${accountId}:table/${id}`,
  accountId,
  region: 'us-east-1',
});

const provisioned = () => loadApiResponse('dynamodb.DescribeTable.provisioned-stream.custodian.json');

const answerEmptyBackup = () => {
  backup.on(ListBackupPlansCommand).resolves({ BackupPlansList: [] });
};

beforeEach(() => {
  ddb.reset();
  scaling.reset();
  backup.reset();
  kms.reset();
  ddb.on(DescribeTableCommand).resolves(provisioned());
  ddb.on(DescribeContinuousBackupsCommand).resolves(loadApiResponse('dynamodb.DescribeContinuousBackups.pitr-enabled.custodian.json'));
  ddb.on(GetResourcePolicyCommand).rejects(awsError('PolicyNotFoundException'));
  ddb.on(ListTagsOfResourceCommand).resolves({ Tags: [{ Key: 'owner', Value: 'data' }] });
  scaling.on(DescribeScalableTargetsCommand).resolves({ ScalableTargets: [] });
  scaling.on(DescribeScalingPoliciesCommand).resolves({ ScalingPolicies: [] });
  answerEmptyBackup();
});

describe('DynamoDB table live collector', () => {
  it('normalises the recorded provisioned table with its stream, PITR and tags', async () => {
    scaling.on(DescribeScalableTargetsCommand).resolves({
      ScalableTargets: [
        { ServiceNamespace: 'dynamodb', ResourceId: 'table/c7n-test', ScalableDimension: 'dynamodb:table:ReadCapacityUnits', MinCapacity: 5, MaxCapacity: 100, RoleARN: 'r', CreationTime: NOW },
      ],
    });
    scaling.on(DescribeScalingPoliciesCommand, { ResourceId: 'table/c7n-test' }).resolves({
      ScalingPolicies: [
        {
          PolicyARN: 'p',
          PolicyName: 'read',
          ServiceNamespace: 'dynamodb',
          ResourceId: 'table/c7n-test',
          ScalableDimension: 'dynamodb:table:ReadCapacityUnits',
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 },
          CreationTime: NOW,
        },
      ],
    });
    const obs = await collector.collect(ref('c7n-test'), clients());
    expect(obs.state).toBe('present');
    if (obs.state !== 'present') return;
    expect(obs.observedAt).toBe('2026-03-01T12:00:00.000Z');
    expect(obs.source).toBe('live');
    expect(obs.gaps).toEqual([]);
    const table = obs.config as DynamoDbTableSnapshot;
    expect(table).toMatchObject({
      name: 'c7n-test',
      arn: 'arn:aws:dynamodb:us-east-1:644160558196:table/c7n-test',
      status: 'ACTIVE',
      billingMode: 'PROVISIONED',
      provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 5 },
      sse: null,
      pointInTimeRecoveryStatus: 'ENABLED',
      deletionProtectionEnabled: false,
      resourcePolicy: null,
      streamPolicy: null,
      latestStreamArn: 'arn:aws:dynamodb:us-east-1:644160558196:table/c7n-test/stream/2018-02-22T01:55:48.707',
      tags: { owner: 'data' },
    });
    expect(table.autoScaling.targets).toEqual([{ resourceId: 'table/c7n-test', scalableDimension: 'dynamodb:table:ReadCapacityUnits', minCapacity: 5, maxCapacity: 100 }]);
    expect(table.autoScaling.policies[0]).toMatchObject({ policyType: 'TargetTrackingScaling', targetValue: 70 });
    expect(scaling).toHaveReceivedCommandWith(DescribeScalableTargetsCommand, { ServiceNamespace: 'dynamodb', ResourceIds: ['table/c7n-test'] });
    // The stream has its own resource policy read (PolicyNotFound → null).
    expect(ddb).toHaveReceivedCommandWith(GetResourcePolicyCommand, { ResourceArn: table.latestStreamArn! });
  });

  it('keeps the resource policy text, and asks scaling for every global secondary index', async () => {
    const described = provisioned();
    described.Table.GlobalSecondaryIndexes = [{ IndexName: 'ByOwner', ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }];
    ddb.on(DescribeTableCommand).resolves(described);
    const policy = '{"Version":"2012-10-17","Statement":[]}';
    ddb.on(GetResourcePolicyCommand, { ResourceArn: 'arn:aws:dynamodb:us-east-1:644160558196:table/c7n-test' }).resolves({ Policy: policy });
    const obs = await collector.collect(ref('c7n-test'), clients());
    if (obs.state !== 'present') throw new Error('expected present');
    const table = obs.config as DynamoDbTableSnapshot;
    expect(table.resourcePolicy).toBe(policy);
    expect(table.globalSecondaryIndexes).toEqual([{ name: 'ByOwner', provisionedThroughput: { readCapacityUnits: 1, writeCapacityUnits: 1 } }]);
    expect(scaling).toHaveReceivedCommandWith(DescribeScalableTargetsCommand, { ResourceIds: ['table/c7n-test', 'table/c7n-test/index/ByOwner'] });
    expect(scaling).toHaveReceivedCommandWith(DescribeScalingPoliciesCommand, { ResourceId: 'table/c7n-test/index/ByOwner' });
  });

  it('reads the key manager of a KMS-encrypted table', async () => {
    ddb.on(DescribeTableCommand).resolves(loadApiResponse('dynamodb.DescribeTable.sse-kms-cmk.custodian.json'));
    kms.on(DescribeKeyCommand).resolves({ KeyMetadata: { KeyId: 'k', KeyManager: 'CUSTOMER' } });
    const obs = await collector.collect(ref('test-table-kms-filter'), clients());
    if (obs.state !== 'present') throw new Error('expected present');
    expect((obs.config as DynamoDbTableSnapshot).sse).toEqual({
      status: 'ENABLED',
      type: 'KMS',
      kmsKeyArn: 'arn:aws:kms:us-east-1:644160558196:key/8785aeb9-a616-4e2b-bbd3-df3cde76bcc5',
      keyManager: 'CUSTOMER',
    });
    expect(kms).toHaveReceivedCommandWith(DescribeKeyCommand, { KeyId: 'arn:aws:kms:us-east-1:644160558196:key/8785aeb9-a616-4e2b-bbd3-df3cde76bcc5' });
  });

  it('collects the backup selections with their plan vaults and lock state', async () => {
    backup.reset();
    backup.on(ListBackupPlansCommand).resolves({ BackupPlansList: [{ BackupPlanId: 'plan-1', BackupPlanName: 'daily' }] });
    backup.on(GetBackupPlanCommand).resolves({ BackupPlan: { BackupPlanName: 'daily', Rules: [{ RuleName: 'r', TargetBackupVaultName: 'vault-a' }] } });
    backup.on(ListBackupSelectionsCommand).resolvesOnce({ BackupSelectionsList: [{ SelectionId: 'sel-1' }], NextToken: 'n' }).resolves({ BackupSelectionsList: [{ SelectionId: 'sel-2' }] });
    backup.on(GetBackupSelectionCommand, { SelectionId: 'sel-1' }).resolves({
      BackupSelection: { SelectionName: 'by-arn', IamRoleArn: 'r', Resources: ['arn:aws:dynamodb:*:*:table/*'] },
    });
    backup.on(GetBackupSelectionCommand, { SelectionId: 'sel-2' }).resolves({
      BackupSelection: {
        SelectionName: 'by-tag',
        IamRoleArn: 'r',
        ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'yes' }],
        Conditions: { StringEquals: [{ ConditionKey: 'aws:ResourceTag/env', ConditionValue: 'prod' }] },
      },
    });
    backup.on(DescribeBackupVaultCommand).resolves({ BackupVaultName: 'vault-a', Locked: true });
    const obs = await collector.collect(ref('c7n-test'), clients());
    if (obs.state !== 'present') throw new Error('expected present');
    const selections = (obs.config as DynamoDbTableSnapshot).backupSelections;
    expect(selections).toEqual([
      { planId: 'plan-1', planName: 'daily', selectionId: 'sel-1', selectionName: 'by-arn', resources: ['arn:aws:dynamodb:*:*:table/*'], notResources: [], listOfTags: [], conditions: [], targetVaults: [{ name: 'vault-a', locked: true }] },
      {
        planId: 'plan-1',
        planName: 'daily',
        selectionId: 'sel-2',
        selectionName: 'by-tag',
        resources: [],
        notResources: [],
        listOfTags: [{ operator: 'STRINGEQUALS', key: 'backup', value: 'yes' }],
        conditions: [{ operator: 'StringEquals', key: 'aws:ResourceTag/env', value: 'prod' }],
        targetVaults: [{ name: 'vault-a', locked: true }],
      },
    ]);
  });

  it('attributes a denied read to its command and the inputs it fills, and still returns the rest', async () => {
    ddb.on(GetResourcePolicyCommand).rejects(awsError('AccessDeniedException'));
    backup.on(ListBackupPlansCommand).rejects(awsError('AccessDeniedException'));
    const obs = await collector.collect(ref('c7n-test'), clients());
    if (obs.state !== 'present') throw new Error('expected present');
    expect(gapsOf(obs)).toEqual([
      'failed GetResourcePolicy (stream): streamPolicy',
      'failed GetResourcePolicy: resourcePolicy',
      'failed ListBackupPlans/GetBackupPlan/ListBackupSelections/GetBackupSelection: backupSelections',
    ]);
    expect(new Set(obs.gaps.map((g) => g.detail))).toEqual(new Set(['AccessDeniedException; needs dynamodb:GetResourcePolicy', 'AccessDeniedException; needs backup:ListBackupPlans']));
    expect((obs.config as DynamoDbTableSnapshot).pointInTimeRecoveryStatus).toBe('ENABLED');
  });

  it('reads no Auto Scaling for an on-demand table: a denied Auto Scaling leaves ddb-table-autoscaling alone', async () => {
    // Prepare: on-demand table (recorded answer), Application Auto Scaling denied.
    ddb.on(DescribeTableCommand).resolves(loadApiResponse('dynamodb.DescribeTable.default-encryption-deletionprotection.custodian.json'));
    scaling.on(DescribeScalableTargetsCommand).rejects(awsError('AccessDeniedException'));
    scaling.on(DescribeScalingPoliciesCommand).rejects(awsError('AccessDeniedException'));
    answerEmptyBackup();
    // Act
    const obs = await collector.collect(ref('test-export-description-filter'), clients());
    // Assess
    expect(scaling).not.toHaveReceivedAnyCommand();
    expect(gapsOf(obs)).toEqual([]);
    const verdict = evaluateObservation(obs, [ddbTableAutoscaling], undefined, { accountId: '644160558196', now: NOW, params: { trustedAccountIds: [] } })[0];
    expect([verdict.status, verdict.message]).toEqual(['PASS', 'table test-export-description-filter uses on-demand capacity']);
  });

  it('a provisioned table with Auto Scaling denied: ddb-table-autoscaling is ERROR naming the command, other rules are judged', async () => {
    scaling.on(DescribeScalableTargetsCommand).rejects(awsError('AccessDeniedException'));
    answerEmptyBackup();
    const obs = await collector.collect(ref('c7n-test'), clients());
    const verdicts = evaluateObservation(obs, dynamodbRules, undefined, { accountId: '644160558196', now: NOW, params: { trustedAccountIds: [] } });
    expect(verdicts.filter((v) => v.status === 'ERROR').map((v) => [v.ruleId, v.message])).toEqual([
      ['ddb-table-autoscaling', 'could not evaluate c7n-test: DescribeScalableTargets failed (AccessDeniedException; needs application-autoscaling:DescribeScalableTargets)'],
    ]);
  });

  it('reports a deleted table as gone', async () => {
    ddb.on(DescribeTableCommand).rejects(awsError('ResourceNotFoundException'));
    ddb.on(DescribeContinuousBackupsCommand).rejects(awsError('TableNotFoundException'));
    ddb.on(ListTagsOfResourceCommand).rejects(awsError('ResourceNotFoundException'));
    ddb.on(GetResourcePolicyCommand).rejects(awsError('ResourceNotFoundException'));
    const obs = await collector.collect(ref('Music', '111122223333'), clients());
    expect(obs).toEqual({ state: 'gone', ref: ref('Music', '111122223333'), observedAt: NOW.toISOString(), source: 'live' });
  });

  it('throws a CollectError on throttling so that the queue retries', async () => {
    ddb.on(DescribeContinuousBackupsCommand).rejects(awsError('ThrottlingException'));
    await expect(collector.collect(ref('c7n-test'), clients())).rejects.toBeInstanceOf(CollectError);
  });

  it('accepts a table ARN as id (events name tables by ARN)', async () => {
    const obs = await collector.collect({ ...ref('c7n-test'), id: 'arn:aws:dynamodb:us-east-1:644160558196:table/c7n-test' }, clients());
    expect(obs.ref.id).toBe('c7n-test');
    expect(ddb).toHaveReceivedCommandWith(DescribeTableCommand, { TableName: 'c7n-test' });
  });

  it('lists every table across ListTables pages', async () => {
    ddb.on(ListTablesCommand).resolvesOnce({ TableNames: ['a', 'b'], LastEvaluatedTableName: 'b' }).resolves({ TableNames: ['c'] });
    const refs = await collector.list({ accountId: '111122223333', region: 'eu-west-1', partition: 'aws' }, clients());
    expect(refs.map((r) => r.arn)).toEqual(['a', 'b', 'c'].map((n) => `arn:aws:dynamodb:eu-west-1:111122223333:table/${n}`));
    expect(ddb).toHaveReceivedCommandWith(ListTablesCommand, { ExclusiveStartTableName: 'b' });
  });
});

describe('DAX cluster collector (adapter until @aws-sdk/client-dax is installed)', () => {
  // DescribeClusters shape, taken from the DAX CreateCluster response recorded in the DynamoDB CloudTrail sample (keys in API case).
  const createCluster = loadCloudTrailRecords('cloudtrail/dynamodb-CreateTable-DescribeTable-UpdateTable-ListTables-DeleteTable.awsdocs.json').find(
    (r) => r.eventSource === 'dax.amazonaws.com',
  ).responseElements.cluster;
  const cluster = {
    ClusterName: createCluster.clusterName,
    ClusterArn: createCluster.clusterArn,
    Status: 'available',
    SSEDescription: { Status: createCluster.sSEDescription.status },
    ClusterEndpointEncryptionType: 'TLS',
    Nodes: [
      { NodeId: 'daxcluster-a', AvailabilityZone: 'us-west-2a', NodeStatus: 'available' },
      { NodeId: 'daxcluster-b', AvailabilityZone: 'us-west-2b', NodeStatus: 'available' },
    ],
  };
  const daxRef: ResourceRef = { kind: 'AWS::DAX::Cluster', id: 'daxcluster', arn: createCluster.clusterArn, accountId: '111122223333', region: 'us-west-2' };

  it('normalises DescribeClusters and ListTags answers', async () => {
    const api: DaxApi = { describeClusters: async () => ({ Clusters: [cluster] }), listTags: async () => ({ Tags: [{ Key: 'team', Value: 'cache' }] }) };
    const obs = await createDaxClusterCollector(() => api, { now: () => NOW }).collect(daxRef, clients());
    if (obs.state !== 'present') throw new Error('expected present');
    expect(obs.config as DaxClusterSnapshot).toEqual({
      name: 'daxcluster',
      arn: 'arn:aws:dax:us-west-2:111122223333:cache/daxcluster',
      status: 'available',
      sseStatus: 'ENABLED',
      endpointEncryptionType: 'TLS',
      nodes: [
        { id: 'daxcluster-a', availabilityZone: 'us-west-2a', status: 'available' },
        { id: 'daxcluster-b', availabilityZone: 'us-west-2b', status: 'available' },
      ],
      tags: { team: 'cache' },
    });
  });

  it('reports ClusterNotFoundFault as gone', async () => {
    const api: DaxApi = {
      describeClusters: async () => {
        throw awsError('ClusterNotFoundFault');
      },
      listTags: async () => ({ Tags: [] }),
    };
    expect((await createDaxClusterCollector(() => api, { now: () => NOW }).collect(daxRef, clients())).state).toBe('gone');
  });
});
