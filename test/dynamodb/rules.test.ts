import type { ResourceRef, RuleContext } from '../../shared/core';
import { normaliseDaxCluster, normaliseTableLive } from '../../shared/resources/dynamodb/normalise';
import type { BackupSelectionSnapshot, DaxClusterSnapshot, DynamoDbTableSnapshot } from '../../shared/resources/dynamodb/types';
import {
  daxClusterEncryptedAtRest,
  daxClusterMultiAz,
  daxClusterTls,
  ddbTableAutoscaling,
  ddbTableDeletionProtection,
  ddbTableInBackupPlan,
  ddbTableKmsEncryption,
  ddbTableNoCrossAccountPolicy,
  ddbTablePitr,
  ddbTableTagged,
} from '../../shared/rules/dynamodb';
import { selectionCovers, wildcardMatch } from '../../shared/rules/dynamodb/helpers';
import { loadApiResponse } from '../helpers/fixtures';

const ctx = (params: Record<string, unknown> = {}): RuleContext => ({
  accountId: '644160558196',
  now: new Date('2026-03-01T00:00:00Z'),
  params: { trustedAccountIds: [], ...params },
});
const ref: ResourceRef = { kind: 'AWS::DynamoDB::Table', id: 'c7n-test', arn: 'arn:aws:dynamodb:us-east-1:644160558196:table/c7n-test', accountId: '644160558196', region: 'us-east-1' };

/** The recorded provisioned table, PITR enabled, tagged, no policy, no scaling, no backup selection. */
const table = (): DynamoDbTableSnapshot =>
  normaliseTableLive({
    table: loadApiResponse('dynamodb.DescribeTable.provisioned-stream.custodian.json').Table,
    continuousBackups: loadApiResponse('dynamodb.DescribeContinuousBackups.pitr-enabled.custodian.json'),
    resourcePolicy: null,
    streamPolicy: null,
    tags: [{ Key: 'owner', Value: 'data' }],
    scalableTargets: [],
    scalingPolicies: [],
    backupSelections: [],
    keyManager: null,
  });
const onDemand = (): DynamoDbTableSnapshot =>
  normaliseTableLive({
    table: loadApiResponse('dynamodb.DescribeTable.default-encryption-deletionprotection.custodian.json').Table,
    continuousBackups: loadApiResponse('dynamodb.DescribeContinuousBackups.pitr-disabled.custodian.json'),
    resourcePolicy: null,
    streamPolicy: null,
    tags: [],
    scalableTargets: [],
    scalingPolicies: [],
    backupSelections: [],
    keyManager: null,
  });
const kmsTable = (keyManager: 'AWS' | 'CUSTOMER' | null): DynamoDbTableSnapshot => ({
  ...onDemand(),
  sse: { ...normaliseTableLive({ ...emptyReads, table: loadApiResponse('dynamodb.DescribeTable.sse-kms-cmk.custodian.json').Table, keyManager }).sse! },
});
const emptyReads = { continuousBackups: null, resourcePolicy: null, streamPolicy: null, tags: [], scalableTargets: [], scalingPolicies: [], backupSelections: [], keyManager: null };

const scaled = (t: DynamoDbTableSnapshot, resourceIds: string[], level: (id: string) => string, targetValue = 70, minCapacity = 5) => ({
  ...t,
  autoScaling: {
    targets: resourceIds.flatMap((id) => ['Read', 'Write'].map((u) => ({ resourceId: id, scalableDimension: `dynamodb:${level(id)}:${u}CapacityUnits`, minCapacity, maxCapacity: 100 }))),
    policies: resourceIds.flatMap((id) =>
      ['Read', 'Write'].map((u) => ({ policyName: `${u}`, resourceId: id, scalableDimension: `dynamodb:${level(id)}:${u}CapacityUnits`, policyType: 'TargetTrackingScaling', targetValue })),
    ),
  },
});
const levelOf = (id: string) => (id.includes('/index/') ? 'index' : 'table');

describe('ddb-table-autoscaling', () => {
  it('passes an on-demand table', () => expect(ddbTableAutoscaling.evaluate(onDemand(), ctx(), ref).status).toBe('PASS'));
  it('fails a provisioned table without scalable targets', () => {
    const check = ddbTableAutoscaling.evaluate(table(), ctx(), ref);
    expect(check.status).toBe('FAIL');
    expect(check.evidence.map((e) => e.message)).toEqual(['table c7n-test read capacity: no scalable target', 'table c7n-test write capacity: no scalable target']);
  });
  it('passes a provisioned table with targets and target-tracking policies for both dimensions', () => {
    expect(ddbTableAutoscaling.evaluate(scaled(table(), ['table/c7n-test'], levelOf), ctx(), ref).status).toBe('PASS');
  });
  it('fails when a global secondary index is not scaled, and passes once it is', () => {
    const withGsi = { ...table(), globalSecondaryIndexes: [{ name: 'ByOwner', provisionedThroughput: { readCapacityUnits: 1, writeCapacityUnits: 1 } }] };
    const tableOnly = ddbTableAutoscaling.evaluate(scaled(withGsi, ['table/c7n-test'], levelOf), ctx(), ref);
    expect(tableOnly.status).toBe('FAIL');
    expect(tableOnly.evidence[0]!.message).toBe('index ByOwner read capacity: no scalable target');
    expect(ddbTableAutoscaling.evaluate(scaled(withGsi, ['table/c7n-test', 'table/c7n-test/index/ByOwner'], levelOf), ctx(), ref).status).toBe('PASS');
  });
  it('fails a target without a target-tracking policy (step scaling only)', () => {
    const t = scaled(table(), ['table/c7n-test'], levelOf);
    const step = { ...t, autoScaling: { ...t.autoScaling, policies: t.autoScaling.policies.map((p) => ({ ...p, policyType: 'StepScaling' })) } };
    expect(ddbTableAutoscaling.evaluate(step, ctx(), ref).evidence[0]!.message).toMatch(/no target-tracking scaling policy/);
  });
  it('applies the minimum-capacity and target-utilisation parameters', () => {
    const t = scaled(table(), ['table/c7n-test'], levelOf, 70, 5);
    expect(ddbTableAutoscaling.evaluate(t, ctx({ minProvisionedReadCapacity: 5, targetWriteUtilization: 70 }), ref).status).toBe('PASS');
    const check = ddbTableAutoscaling.evaluate(t, ctx({ minProvisionedReadCapacity: 10, targetWriteUtilization: '50' }), ref);
    expect(check.status).toBe('FAIL');
    expect(check.evidence.map((e) => e.message)).toEqual([
      'table c7n-test read capacity: minimum capacity 5 is below 10',
      'table c7n-test write capacity: target utilisation 70 differs from 50',
    ]);
  });
});

describe('ddb-table-pitr', () => {
  it('passes when point-in-time recovery is enabled', () => expect(ddbTablePitr.evaluate(table(), ctx(), ref).status).toBe('PASS'));
  it('fails when it is disabled (recorded answer)', () => {
    const check = ddbTablePitr.evaluate(onDemand(), ctx(), ref);
    expect(check).toMatchObject({ status: 'FAIL', evidence: [{ field: 'pointInTimeRecoveryStatus', value: 'DISABLED' }] });
  });
  it('fails when no description was returned at all', () => expect(ddbTablePitr.evaluate({ ...table(), pointInTimeRecoveryStatus: null }, ctx(), ref).status).toBe('FAIL'));
});

describe('ddb-table-deletion-protection', () => {
  it('fails the recorded table with DeletionProtectionEnabled false', () => expect(ddbTableDeletionProtection.evaluate(onDemand(), ctx(), ref).status).toBe('FAIL'));
  it('passes once it is enabled', () => expect(ddbTableDeletionProtection.evaluate({ ...onDemand(), deletionProtectionEnabled: true }, ctx(), ref).status).toBe('PASS'));
});

describe('ddb-table-tagged', () => {
  it('passes a table with a user tag', () => expect(ddbTableTagged.evaluate(table(), ctx(), ref).status).toBe('PASS'));
  it('fails a table with no tags', () => expect(ddbTableTagged.evaluate(onDemand(), ctx(), ref).status).toBe('FAIL'));
  it('ignores system tags', () => expect(ddbTableTagged.evaluate({ ...table(), tags: { 'aws:cloudformation:stack-name': 's' } }, ctx(), ref).status).toBe('FAIL'));
  it('fails when a required tag key is missing (case-sensitive)', () => {
    const check = ddbTableTagged.evaluate(table(), ctx({ requiredTagKeys: ['Owner'] }), ref);
    expect(check).toMatchObject({ status: 'FAIL', evidence: [{ value: { missing: ['Owner'], present: ['owner'] } }] });
    expect(ddbTableTagged.evaluate(table(), ctx({ requiredTagKeys: ['owner'] }), ref).status).toBe('PASS');
  });
});

describe('ddb-table-kms-encryption', () => {
  it('fails the AWS owned key (no SSEDescription)', () => expect(ddbTableKmsEncryption.evaluate(onDemand(), ctx(), ref).status).toBe('FAIL'));
  it('passes a KMS-encrypted table (recorded answer)', () => expect(ddbTableKmsEncryption.evaluate(kmsTable(null), ctx(), ref).status).toBe('PASS'));
  it('fails when the key is inaccessible', () => {
    const t = kmsTable('CUSTOMER');
    expect(ddbTableKmsEncryption.evaluate({ ...t, sse: { ...t.sse!, status: 'INACCESSIBLE_ENCRYPTION_CREDENTIALS' } }, ctx(), ref).status).toBe('FAIL');
  });
  it('in strict mode, passes a customer managed key and fails the AWS managed or an unconfirmed one', () => {
    const strict = ctx({ requireCustomerManagedKey: true });
    expect(ddbTableKmsEncryption.evaluate(kmsTable('CUSTOMER'), strict, ref).status).toBe('PASS');
    expect(ddbTableKmsEncryption.evaluate(kmsTable('AWS'), strict, ref).message).toMatch(/AWS managed key/);
    expect(ddbTableKmsEncryption.evaluate(kmsTable(null), strict, ref).message).toMatch(/could not confirm/);
  });
});

const selection = (over: Partial<BackupSelectionSnapshot>): BackupSelectionSnapshot => ({
  planId: 'plan-1',
  planName: 'daily',
  selectionId: 'sel-1',
  selectionName: 's',
  resources: [],
  notResources: [],
  listOfTags: [],
  conditions: [],
  targetVaults: [{ name: 'vault-a', locked: false }],
  ...over,
});

describe('ddb-table-in-backup-plan', () => {
  const withSelections = (...s: BackupSelectionSnapshot[]) => ({ ...table(), backupSelections: s });
  it('fails a table no selection covers', () => {
    expect(ddbTableInBackupPlan.evaluate(withSelections(selection({ resources: ['arn:aws:ec2:*:*:volume/*'] })), ctx(), ref).status).toBe('FAIL');
    expect(ddbTableInBackupPlan.evaluate(table(), ctx(), ref).status).toBe('FAIL');
  });
  it.each([
    ['its ARN', { resources: ['arn:aws:dynamodb:us-east-1:644160558196:table/c7n-test'] }],
    ['a DynamoDB wildcard', { resources: ['arn:aws:dynamodb:*:*:table/*'] }],
    ['everything', { resources: ['*'] }],
    ['a ListOfTags tag', { listOfTags: [{ operator: 'STRINGEQUALS', key: 'owner', value: 'data' }] }],
    ['all resources filtered by conditions', { conditions: [{ operator: 'StringLike', key: 'aws:ResourceTag/owner', value: 'da*' }] }],
  ])('passes a table selected by %s', (_what, over) => {
    expect(ddbTableInBackupPlan.evaluate(withSelections(selection(over)), ctx(), ref).status).toBe('PASS');
  });
  it('fails when NotResources excludes the table or a condition does not hold', () => {
    expect(ddbTableInBackupPlan.evaluate(withSelections(selection({ resources: ['*'], notResources: ['arn:aws:dynamodb:*:*:table/c7n-*'] })), ctx(), ref).status).toBe('FAIL');
    expect(
      ddbTableInBackupPlan.evaluate(withSelections(selection({ resources: ['*'], conditions: [{ operator: 'StringEquals', key: 'aws:ResourceTag/owner', value: 'web' }] })), ctx(), ref).status,
    ).toBe('FAIL');
  });
  it('is not applicable to tables that are not ACTIVE', () => {
    expect(ddbTableInBackupPlan.evaluate({ ...table(), status: 'CREATING' }, ctx(), ref).status).toBe('NOT_APPLICABLE');
  });
  it('with backupVaultLockCheck, requires the covering plan to target only locked vaults', () => {
    const unlocked = withSelections(selection({ resources: ['*'] }));
    expect(ddbTableInBackupPlan.evaluate(unlocked, ctx({ backupVaultLockCheck: true }), ref).status).toBe('FAIL');
    const locked = withSelections(selection({ resources: ['*'], targetVaults: [{ name: 'vault-a', locked: true }] }));
    expect(ddbTableInBackupPlan.evaluate(locked, ctx({ backupVaultLockCheck: true }), ref).status).toBe('PASS');
    expect(ddbTableInBackupPlan.evaluate(unlocked, ctx(), ref).status).toBe('PASS');
  });
  it('matches ARN wildcards in linear time and without crossing into other tables', () => {
    expect(wildcardMatch('arn:aws:dynamodb:*:*:table/c7n-*', 'arn:aws:dynamodb:us-east-1:1:table/c7n-test')).toBe(true);
    expect(wildcardMatch('arn:aws:dynamodb:*:*:table/other', 'arn:aws:dynamodb:us-east-1:1:table/c7n-test')).toBe(false);
    expect(wildcardMatch(`${'*a'.repeat(30)}b`, 'a'.repeat(5000))).toBe(false);
    expect(selectionCovers(selection({ resources: [], listOfTags: [], conditions: [] }), ref.arn, {})).toBe('all-resources');
  });
});

describe('ddb-table-no-cross-account-policy', () => {
  const policy = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
  const resource = 'arn:aws:dynamodb:us-east-1:644160558196:table/c7n-test';
  it('passes a table without a resource policy (PolicyNotFoundException)', () => {
    expect(ddbTableNoCrossAccountPolicy.evaluate(table(), ctx(), ref).status).toBe('PASS');
  });
  it('passes a policy that only names the owner account', () => {
    const t = { ...table(), resourcePolicy: policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::644160558196:role/app' }, Action: 'dynamodb:GetItem', Resource: resource }) };
    expect(ddbTableNoCrossAccountPolicy.evaluate(t, ctx(), ref).status).toBe('PASS');
  });
  it('fails a grant to another account, naming the statement', () => {
    const t = { ...table(), resourcePolicy: policy({ Sid: 'Partner', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::185106417252:root' }, Action: 'dynamodb:*', Resource: resource }) };
    const check = ddbTableNoCrossAccountPolicy.evaluate(t, ctx(), ref);
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0]).toMatchObject({ field: 'resourcePolicy', statements: [{ index: 0, sid: 'Partner' }] });
  });
  it('passes the same grant when the account is trusted', () => {
    const t = { ...table(), resourcePolicy: policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::185106417252:root' }, Action: 'dynamodb:*', Resource: resource }) };
    expect(ddbTableNoCrossAccountPolicy.evaluate(t, ctx({ trustedAccountIds: ['185106417252'] }), ref).status).toBe('PASS');
  });
  it('fails a public stream policy and passes a public grant pinned by aws:PrincipalAccount', () => {
    const t = { ...table(), streamPolicy: policy({ Effect: 'Allow', Principal: '*', Action: 'dynamodb:GetRecords', Resource: `${resource}/stream/*` }) };
    expect(ddbTableNoCrossAccountPolicy.evaluate(t, ctx(), ref)).toMatchObject({ status: 'FAIL', evidence: [{ field: 'streamPolicy' }] });
    const pinned = {
      ...table(),
      resourcePolicy: policy({ Effect: 'Allow', Principal: '*', Action: 'dynamodb:GetItem', Resource: resource, Condition: { StringEquals: { 'aws:PrincipalAccount': '644160558196' } } }),
    };
    expect(ddbTableNoCrossAccountPolicy.evaluate(pinned, ctx(), ref).status).toBe('PASS');
  });
});

describe('DAX rules', () => {
  const daxRef: ResourceRef = { kind: 'AWS::DAX::Cluster', id: 'daxcluster', arn: 'arn:aws:dax:us-west-2:111122223333:cache/daxcluster', accountId: '111122223333', region: 'us-west-2' };
  const cluster = (over: Record<string, unknown> = {}): DaxClusterSnapshot =>
    normaliseDaxCluster({
      ClusterName: 'daxcluster',
      ClusterArn: daxRef.arn,
      SSEDescription: { Status: 'ENABLED' },
      ClusterEndpointEncryptionType: 'TLS',
      Nodes: [
        { NodeId: 'a', AvailabilityZone: 'us-west-2a' },
        { NodeId: 'b', AvailabilityZone: 'us-west-2b' },
      ],
      ...over,
    });
  it('passes a cluster encrypted at rest, with TLS, across two zones', () => {
    for (const rule of [daxClusterEncryptedAtRest, daxClusterTls, daxClusterMultiAz]) expect(rule.evaluate(cluster(), ctx(), daxRef).status).toBe('PASS');
  });
  it('fails a cluster without SSE (absent description = never enabled)', () => {
    expect(daxClusterEncryptedAtRest.evaluate(cluster({ SSEDescription: { Status: 'DISABLED' } }), ctx(), daxRef).status).toBe('FAIL');
    expect(daxClusterEncryptedAtRest.evaluate(cluster({ SSEDescription: undefined }), ctx(), daxRef).status).toBe('FAIL');
  });
  it('fails an endpoint without TLS (absent type = NONE)', () => {
    expect(daxClusterTls.evaluate(cluster({ ClusterEndpointEncryptionType: 'NONE' }), ctx(), daxRef).status).toBe('FAIL');
    expect(daxClusterTls.evaluate(cluster({ ClusterEndpointEncryptionType: undefined }), ctx(), daxRef).status).toBe('FAIL');
  });
  it('fails when every node sits in one zone, including a single-node cluster', () => {
    expect(daxClusterMultiAz.evaluate(cluster({ Nodes: [{ NodeId: 'a', AvailabilityZone: 'us-west-2a' }, { NodeId: 'b', AvailabilityZone: 'us-west-2a' }] }), ctx(), daxRef).status).toBe('FAIL');
    expect(daxClusterMultiAz.evaluate(cluster({ Nodes: [{ NodeId: 'a', AvailabilityZone: 'us-west-2a' }] }), ctx(), daxRef).status).toBe('FAIL');
  });
});
