import { createConfigIndex, normaliseConfigItem } from '../../shared/resources/config-item';
import { dynamodbTableConfigNormaliser } from '../../shared/resources/dynamodb/config';
import { normaliseTableLive } from '../../shared/resources/dynamodb/normalise';
import type { DynamoDbTableSnapshot } from '../../shared/resources/dynamodb/types';
import { loadApiResponse, loadFixture } from '../helpers/fixtures';
import { gapsOf } from '../helpers/gaps';

const rdkItem = () => loadFixture('config-items/dynamodb-table.rdk-example.json');
const observe = (raw: unknown, others: unknown[] = []) => {
  const item = normaliseConfigItem(raw);
  return dynamodbTableConfigNormaliser.toObservations(item, createConfigIndex([item, ...others.map(normaliseConfigItem)]));
};
const only = (raw: unknown, others: unknown[] = []) => {
  const [obs] = observe(raw, others);
  if (obs?.state !== 'present') throw new Error('expected a present observation');
  return obs;
};

const emptyLive = { resourcePolicy: null, streamPolicy: null, tags: [], scalableTargets: [], scalingPolicies: [], backupSelections: [], keyManager: null } as const;

describe('DynamoDB table Config normaliser', () => {
  it('normalises the RDK example item (on-demand, PITR disabled)', () => {
    const obs = only(rdkItem());
    expect(obs.ref).toEqual({ kind: 'AWS::DynamoDB::Table', id: 'test', arn: 'arn:aws:dynamodb:us-east-2:123456789012:table/test', accountId: '123456789012', region: 'us-east-2' });
    expect(obs.source).toBe('config');
    expect(obs.observedAt).toBe('2022-02-21T15:58:19.450Z');
    expect(obs.config as DynamoDbTableSnapshot).toEqual({
      name: 'test',
      arn: 'arn:aws:dynamodb:us-east-2:123456789012:table/test',
      status: 'ACTIVE',
      billingMode: 'PAY_PER_REQUEST',
      provisionedThroughput: { readCapacityUnits: 0, writeCapacityUnits: 0 },
      globalSecondaryIndexes: [],
      sse: null,
      pointInTimeRecoveryStatus: 'DISABLED',
      deletionProtectionEnabled: false,
      resourcePolicy: null,
      latestStreamArn: null,
      streamPolicy: null,
      autoScaling: { targets: [], policies: [] },
      backupSelections: [],
      tags: {},
    });
  });

  it('marks what Config does not record as not told; scaling only for provisioned tables', () => {
    expect(gapsOf(only(rdkItem()))).toEqual([
      expect.stringMatching(/^not-told GetResourcePolicy: resourcePolicy, streamPolicy$/),
      expect.stringMatching(/^not-told ListBackupPlans\/GetBackupPlan\/ListBackupSelections\/GetBackupSelection: backupSelections$/),
    ]);
    const item = rdkItem();
    delete item.configuration.billingModeSummary; // absent summary = always PROVISIONED
    const obs = only(item);
    expect((obs.config as DynamoDbTableSnapshot).billingMode).toBe('PROVISIONED');
    expect(gapsOf(obs)).toContain('not-told DescribeScalableTargets/DescribeScalingPolicies: autoScaling');
  });

  it('an item without configuration or without its supplementary configuration is not a table without settings', () => {
    const noConfiguration = { ...rdkItem(), configuration: null };
    expect(gapsOf(only(noConfiguration))).toContain('not-told configuration: *');
    const { supplementaryConfiguration: _drop, ...noSupplementary } = rdkItem();
    expect(gapsOf(only(noSupplementary))).toEqual(expect.arrayContaining(['not-told supplementaryConfiguration: pointInTimeRecoveryStatus', 'not-told supplementaryConfiguration: tags']));
  });

  it('reads Config\'s SSE spelling and the key manager from the KMS key item of the snapshot', () => {
    const item = rdkItem();
    const keyArn = 'arn:aws:kms:us-east-2:123456789012:key/8785aeb9-a616-4e2b-bbd3-df3cde76bcc5';
    item.configuration.ssedescription = { status: 'ENABLED', ssetype: 'KMS', kmsmasterKeyArn: keyArn };
    const key = { version: '1.3', accountId: '123456789012', resourceType: 'AWS::KMS::Key', resourceId: '8785aeb9-a616-4e2b-bbd3-df3cde76bcc5', arn: keyArn, awsRegion: 'us-east-2', configuration: { keyManager: 'CUSTOMER' } };
    expect((only(item, [key]).config as DynamoDbTableSnapshot).sse).toEqual({ status: 'ENABLED', type: 'KMS', kmsKeyArn: keyArn, keyManager: 'CUSTOMER' });
    expect((only(item).config as DynamoDbTableSnapshot).sse?.keyManager).toBeNull();
  });

  it('reads PITR from the supplementary configuration when it arrives as JSON text (API form)', () => {
    const item = rdkItem();
    item.supplementaryConfiguration.ContinuousBackupsDescription = JSON.stringify({ pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: 'ENABLED' } });
    item.configuration = JSON.stringify(item.configuration);
    expect((only(item).config as DynamoDbTableSnapshot).pointInTimeRecoveryStatus).toBe('ENABLED');
  });

  it('turns a deleted item into a gone observation', () => {
    const item = rdkItem();
    item.configurationItemStatus = 'ResourceDeleted';
    expect(observe(item)).toEqual([{ state: 'gone', ref: expect.objectContaining({ id: 'test' }), observedAt: '2022-02-21T15:58:19.450Z', source: 'config' }]);
  });

  it('yields the same snapshot as the live reads for the same settings (on-demand, default key, PITR disabled)', () => {
    const live = loadApiResponse('dynamodb.DescribeTable.default-encryption-deletionprotection.custodian.json').Table;
    const fromLive = normaliseTableLive({ ...emptyLive, table: live, continuousBackups: loadApiResponse('dynamodb.DescribeContinuousBackups.pitr-disabled.custodian.json') });
    const item = rdkItem();
    item.resourceName = item.resourceId = item.configuration.tableName = live.TableName;
    item.arn = item.configuration.tableArn = live.TableArn;
    item.configuration.deletionProtectionEnabled = false;
    expect(only(item).config).toEqual(fromLive);
  });

  it('yields the same SSE and capacity as the live reads of a KMS, provisioned table', () => {
    const live = loadApiResponse('dynamodb.DescribeTable.sse-kms-cmk.custodian.json').Table;
    live.BillingModeSummary = undefined;
    live.ProvisionedThroughput = { NumberOfDecreasesToday: 0, ReadCapacityUnits: 5, WriteCapacityUnits: 7 };
    const fromLive = normaliseTableLive({ ...emptyLive, table: live, continuousBackups: loadApiResponse('dynamodb.DescribeContinuousBackups.pitr-enabled.custodian.json') });
    const item = rdkItem();
    item.resourceName = item.resourceId = item.configuration.tableName = live.TableName;
    item.arn = item.configuration.tableArn = live.TableArn;
    delete item.configuration.billingModeSummary;
    item.configuration.provisionedThroughput = { numberOfDecreasesToday: 0, readCapacityUnits: 5, writeCapacityUnits: 7 };
    item.configuration.ssedescription = { status: 'ENABLED', ssetype: 'KMS', kmsmasterKeyArn: live.SSEDescription.KMSMasterKeyArn };
    item.supplementaryConfiguration.ContinuousBackupsDescription.pointInTimeRecoveryDescription.pointInTimeRecoveryStatus = 'ENABLED';
    expect(only(item).config).toEqual(fromLive);
  });
});
