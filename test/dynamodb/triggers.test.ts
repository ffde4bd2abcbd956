import { matchingRows, parseEventBridgeEvent, resolveTargets, toEventPatterns } from '../../shared/events';
import { daxTriggers, dynamodbTriggers } from '../../shared/events/triggers/dynamodb';
import { daxClusterKind, dynamodbTableKind } from '../../shared/resources/dynamodb/kinds';
import { matchesPattern } from '../helpers/event-pattern';
import { loadCloudTrailRecords, loadFixture, toEventBridge } from '../helpers/fixtures';

const kinds = [dynamodbTableKind, daxClusterKind];
const catalogue = { rows: [...dynamodbTriggers, ...daxTriggers], kinds };
const records = loadCloudTrailRecords('cloudtrail/dynamodb-CreateTable-DescribeTable-UpdateTable-ListTables-DeleteTable.awsdocs.json');
const byName = (source: string, name: string) => structuredClone(records.find((r) => r.eventSource === source && r.eventName === name));

describe('dynamodb trigger rows', () => {
  it('resolves CreateTable to the table in the recipient account and event Region', () => {
    const parsed = parseEventBridgeEvent(toEventBridge(byName('dynamodb.amazonaws.com', 'CreateTable')), catalogue);
    expect(parsed.type).toBe('cloudtrail');
    if (parsed.type !== 'cloudtrail') return;
    expect(parsed.targets.refs).toEqual([
      { kind: 'AWS::DynamoDB::Table', id: 'Music', arn: 'arn:aws:dynamodb:us-west-2:111122223333:table/Music', accountId: '111122223333', region: 'us-west-2' },
    ]);
    expect(parsed.targets.fanOut).toEqual([]);
  });

  it('resolves the documented UpdateTable record, whose request lacks tableName, from the response', () => {
    const record = loadCloudTrailRecords('cloudtrail/dynamodb-UpdateTable.awsdocs.json')[0];
    expect(record.requestParameters.tableName).toBeUndefined();
    const targets = resolveTargets(record, dynamodbTriggers, kinds);
    expect(targets.refs.map((r) => r.id)).toEqual(['Music']);
  });

  it('resolves DeleteTable so that the evaluator can mark the table gone', () => {
    const record = loadCloudTrailRecords('cloudtrail/dynamodb-DeleteTable.awsdocs.json')[0];
    expect(resolveTargets(record, dynamodbTriggers, kinds).refs.map((r) => r.arn)).toEqual(['arn:aws:dynamodb:us-west-2:111122223333:table/Music']);
  });

  it('ignores the PutItem data event (parser) and has no row for it', () => {
    const record = loadCloudTrailRecords('cloudtrail/dynamodb-PutItem-dataevent.awsdocs.json')[0];
    expect(matchingRows(record, dynamodbTriggers)).toEqual([]);
    expect(parseEventBridgeEvent(toEventBridge(record), catalogue)).toEqual({ type: 'ignored', reason: expect.stringMatching(/data event/) });
  });

  it.each(['DescribeTable', 'ListTables'])('has no row for the read-only call %s', (name) => {
    const record = byName('dynamodb.amazonaws.com', name);
    expect(matchingRows(record, dynamodbTriggers)).toEqual([]);
    const parsed = parseEventBridgeEvent(toEventBridge(record), catalogue);
    expect(parsed.type === 'cloudtrail' ? parsed.targets.refs : []).toEqual([]);
  });

  it('maps a stream ARN of TagResource to its table, and a table ARN of another account to that account', () => {
    const record = byName('dynamodb.amazonaws.com', 'CreateTable');
    record.eventName = 'TagResource';
    record.requestParameters = { resourceArn: 'arn:aws:dynamodb:us-west-2:111122223333:table/Music/stream/2015-05-11T21:21:33.291', tags: [] };
    expect(resolveTargets(record, dynamodbTriggers, kinds).refs.map((r) => `${r.accountId} ${r.id}`)).toEqual(['111122223333 Music']);
    record.requestParameters = { resourceArn: 'arn:aws:dynamodb:us-west-2:444455556666:table/Shared' };
    const [ref] = resolveTargets(record, dynamodbTriggers, kinds).refs;
    expect(ref).toMatchObject({ accountId: '444455556666', arn: 'arn:aws:dynamodb:us-west-2:444455556666:table/Shared' });
  });

  it('maps restores to the new table', () => {
    const record = byName('dynamodb.amazonaws.com', 'CreateTable');
    record.eventName = 'RestoreTableToPointInTime';
    record.requestParameters = { sourceTableName: 'Music', targetTableName: 'MusicRestored' };
    expect(resolveTargets(record, dynamodbTriggers, kinds).refs.map((r) => r.id)).toEqual(['MusicRestored']);
  });

  it('maps Application Auto Scaling calls on namespace dynamodb (table or index) and declines other namespaces', () => {
    const record = byName('dynamodb.amazonaws.com', 'CreateTable');
    record.eventSource = 'autoscaling.amazonaws.com';
    record.eventName = 'RegisterScalableTarget';
    record.requestParameters = { serviceNamespace: 'dynamodb', resourceId: 'table/Music/index/ByAlbum', scalableDimension: 'dynamodb:index:ReadCapacityUnits' };
    expect(resolveTargets(record, dynamodbTriggers, kinds).refs.map((r) => r.id)).toEqual(['Music']);
    record.requestParameters = { serviceNamespace: 'ecs', resourceId: 'service/default/web', scalableDimension: 'ecs:service:DesiredCount' };
    expect(resolveTargets(record, dynamodbTriggers, kinds)).toEqual({ refs: [], fanOut: [] });
  });

  it('fans out AWS Backup plan and selection changes to every table of the account and Region', () => {
    const record = byName('dynamodb.amazonaws.com', 'CreateTable');
    record.eventSource = 'backup.amazonaws.com';
    record.eventName = 'CreateBackupSelection';
    record.requestParameters = { backupPlanId: 'plan-1', backupSelection: { selectionName: 'all' } };
    expect(resolveTargets(record, dynamodbTriggers, kinds)).toEqual({
      refs: [],
      fanOut: [{ kind: 'AWS::DynamoDB::Table', accountId: '111122223333', region: 'us-west-2' }],
    });
  });

  it('resolves the DAX CreateCluster record of the same log file by cluster name (rows kept for when the collector is wired)', () => {
    const record = byName('dax.amazonaws.com', 'CreateCluster');
    expect(resolveTargets(record, daxTriggers, kinds).refs).toEqual([
      { kind: 'AWS::DAX::Cluster', id: 'daxcluster', arn: 'arn:aws:dax:us-west-2:111122223333:cache/daxcluster', accountId: '111122223333', region: 'us-west-2' },
    ]);
  });

  it('produces EventBridge patterns for every source that drops failed calls', () => {
    const patterns = toEventPatterns(dynamodbTriggers);
    const sources = patterns.flatMap((p) => p.detail.eventSource);
    expect(new Set(sources)).toEqual(new Set(['dynamodb.amazonaws.com', 'autoscaling.amazonaws.com', 'backup.amazonaws.com']));
    expect(JSON.stringify(patterns)).toContain('"errorCode":[{"exists":false}]');
  });

  it('routes Application Auto Scaling calls as AWS logs them (eventSource autoscaling.amazonaws.com, AWS documentation sample)', () => {
    const event = loadFixture('eventbridge/autoscaling-RegisterScalableTarget.awsdocs.json');
    const patterns = toEventPatterns(dynamodbTriggers) as unknown as Record<string, unknown>[];
    expect(patterns.some((p) => matchesPattern(p, event))).toBe(true);
    // The recorded call scales a Spot Fleet (namespace ec2): no table to re-read.
    expect(parseEventBridgeEvent(event, catalogue)).toMatchObject({ type: 'cloudtrail', targets: { refs: [], fanOut: [] } });
    event.detail.requestParameters = { serviceNamespace: 'dynamodb', resourceId: 'table/Music', scalableDimension: 'dynamodb:table:ReadCapacityUnits' };
    const parsed = parseEventBridgeEvent(event, catalogue);
    expect(parsed.type === 'cloudtrail' && parsed.targets.refs.map((r) => r.arn)).toEqual(['arn:aws:dynamodb:us-west-2:123456789012:table/Music']);
  });
});
