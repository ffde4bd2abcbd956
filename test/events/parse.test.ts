import { EventValidationError } from '../../shared/core';
import { EVENT_PATTERN_MAX_CHARS, normaliseEventName, parseEventBridgeEvent, patternSize, resolveTargets, toEventPatterns, type ParsedEvent } from '../../shared/events';
import { testKinds, testRows } from '../helpers/catalogue';
import { loadCloudTrailRecords, loadFixture, toEventBridge } from '../helpers/fixtures';

const catalogue = { rows: testRows, kinds: testKinds };
const parse = (event: unknown): ParsedEvent => parseEventBridgeEvent(event, catalogue);
const cloudtrail = (parsed: ParsedEvent) => {
  if (parsed.type !== 'cloudtrail') throw new Error(`expected a cloudtrail event, got ${parsed.type}`);
  return parsed;
};

describe('parseEventBridgeEvent', () => {
  it('resolves a real CreateBucket EventBridge event to the bucket, with the actor', () => {
    const event = loadFixture('eventbridge/s3-CreateBucket.custodian.json');
    const parsed = cloudtrail(parse(event));
    expect(parsed.posture).toBe(true);
    expect(parsed.targets.refs).toHaveLength(1);
    const ref = parsed.targets.refs[0];
    expect(ref.kind).toBe('Test::Bucket');
    expect(ref.id).toBe(event.detail.requestParameters.bucketName);
    expect(ref.arn).toBe(`arn:aws:s3:::${event.detail.requestParameters.bucketName}`);
    expect(ref.region).toBe(event.detail.awsRegion);
    expect(parsed.actor.eventName).toBe('CreateBucket');
    expect(parsed.actor.principalArn).toBe(event.detail.userIdentity.arn);
    expect(parsed.actor.eventId).toBe(event.detail.eventID);
  });

  it('accepts the SQS body as JSON text', () => {
    const event = loadFixture('eventbridge/s3-CreateBucket.custodian.json');
    expect(cloudtrail(parse(JSON.stringify(event))).targets.refs).toHaveLength(1);
  });

  it('marks a failed call (errorCode) as not a posture change, with no targets', () => {
    const record = loadFixture('cloudtrail/s3-PutBucketPolicy-failed.panther.json');
    const parsed = cloudtrail(parse(toEventBridge(record)));
    expect(record.errorCode).toBeTruthy();
    expect(parsed.posture).toBe(false);
    expect(parsed.targets.refs).toEqual([]);
  });

  it('re-reads nothing for read-only calls but keeps them for detections', () => {
    const records = loadCloudTrailRecords('cloudtrail/s3-ListBuckets-PutBucketAcl-GetBucketVersioning.awsdocs.json');
    const listBuckets = records.find((r) => r.eventName === 'ListBuckets');
    const parsed = cloudtrail(parse(toEventBridge({ ...listBuckets, readOnly: true })));
    expect(parsed.posture).toBe(false);
    expect(parsed.targets).toEqual({ refs: [], fanOut: [] });
    expect(parsed.detail.eventName).toBe('ListBuckets');
  });

  it('ignores data events', () => {
    const [record] = loadCloudTrailRecords('cloudtrail/dynamodb-PutItem-dataevent.awsdocs.json');
    expect(parse(toEventBridge(record))).toEqual({ type: 'ignored', reason: expect.stringContaining('data event') });
  });

  it('ignores CloudTrail Insights records', () => {
    const [record] = loadCloudTrailRecords('cloudtrail/insights-events-AwsCloudTrailInsight.awsdocs.json');
    expect(record.eventType).toBe('AwsCloudTrailInsight');
    const parsed = parse({ ...toEventBridge(record), detail: { ...record, eventSource: 'insight', eventName: 'x', awsRegion: 'us-east-1' } });
    expect(parsed.type).toBe('ignored');
  });

  it('rejects a record without eventName, naming the field', () => {
    const event = loadFixture('eventbridge/s3-CreateBucket.custodian.json');
    delete event.detail.eventName;
    expect(() => parse(event)).toThrow(EventValidationError);
    expect(() => parse(event)).toThrow(/eventName/);
  });

  it('rejects an event without detail-type and a body that is not JSON', () => {
    const event = loadFixture('eventbridge/s3-CreateBucket.custodian.json');
    delete event['detail-type'];
    expect(() => parse(event)).toThrow(/detail-type/);
    expect(() => parse('{not json')).toThrow(/not valid JSON/);
  });

  it('rejects a catalogued event whose resource id is missing, naming the path', () => {
    const event = loadFixture('eventbridge/s3-CreateBucket.custodian.json');
    delete event.detail.requestParameters.bucketName;
    expect(() => parse(event)).toThrow(/requestParameters\.bucketName/);
  });

  it('ignores detail-types it does not handle', () => {
    expect(parse({ 'detail-type': 'EC2 Instance State-change Notification', source: 'aws.ec2', detail: {} }).type).toBe('ignored');
  });

  it('returns the configuration item of a Config change event', () => {
    const parsed = parse(loadFixture('config-events/eventbridge-config-item-change-sqs-create.custodian.json'));
    expect(parsed.type).toBe('config');
    if (parsed.type === 'config') expect(parsed.item.resourceType).toBe('AWS::SQS::Queue');
  });

  it('returns the S3 location of an oversized Config change event', () => {
    const parsed = parse(loadFixture('config-events/eventbridge-oversized-config-item-change-ssm-inventory.omnissm.json'));
    expect(parsed.type).toBe('config-oversized');
    if (parsed.type === 'config-oversized') expect(parsed.s3Location).toMatch(/^[\w.-]+\//);
  });
});

describe('resolveTargets', () => {
  const base = { eventSource: 'lambda.amazonaws.com', eventTime: '2024-01-01T00:00:00Z', awsRegion: 'eu-west-1', recipientAccountId: '111122223333' };

  it('matches Lambda names by prefix after stripping the API version suffix', () => {
    const targets = resolveTargets({ ...base, eventName: 'AddPermission20150331v2', requestParameters: { functionName: 'fn' } }, testRows, testKinds);
    expect(targets.refs.map((r) => r.arn)).toEqual(['arn:aws:lambda:eu-west-1:111122223333:function:fn']);
    expect(resolveTargets({ ...base, eventName: 'CreateFunctionUrlConfig', requestParameters: { functionName: 'fn' } }, testRows, testKinds).refs).toHaveLength(1);
    expect(resolveTargets({ ...base, eventName: 'AddPermissionX', requestParameters: { functionName: 'fn' } }, testRows, testKinds).refs).toHaveLength(0);
  });

  it('takes the owner account from an ARN id', () => {
    const targets = resolveTargets({ ...base, eventName: 'AddPermission20150331v2', requestParameters: { functionName: 'arn:aws:lambda:eu-west-1:444455556666:function:fn' } }, testRows, testKinds);
    expect(targets.refs[0].accountId).toBe('444455556666');
  });

  it('gives global kinds the region "global" and fans out account-level changes', () => {
    const role = resolveTargets({ ...base, eventSource: 'iam.amazonaws.com', eventName: 'UpdateAssumeRolePolicy', requestParameters: { roleName: 'r' } }, testRows, testKinds);
    expect(role.refs[0].region).toBe('global');
    const account = resolveTargets({ ...base, eventSource: 's3.amazonaws.com', eventName: 'PutAccountPublicAccessBlock' }, testRows, testKinds);
    expect(account.refs[0].id).toBe('111122223333');
    expect(account.fanOut).toEqual([{ kind: 'Test::Bucket', accountId: '111122223333', region: 'eu-west-1' }]);
  });

  it('uses the partition of the Region', () => {
    const targets = resolveTargets({ ...base, awsRegion: 'cn-north-1', eventSource: 's3.amazonaws.com', eventName: 'CreateBucket', requestParameters: { bucketName: 'b' } }, testRows, testKinds);
    expect(targets.refs[0].arn).toBe('arn:aws-cn:s3:::b');
  });
});

describe('normaliseEventName', () => {
  it.each([
    ['AddPermission20150331v2', 'AddPermission'],
    ['CreateFunction20150331', 'CreateFunction'],
    ['CreateFunctionUrlConfig', 'CreateFunctionUrlConfig'],
    ['PutBucketPolicy', 'PutBucketPolicy'],
  ])('%s → %s', (input, output) => expect(normaliseEventName(input)).toBe(output));
});

describe('toEventPatterns', () => {
  it('builds one pattern per source with exact names, prefixes and no failed calls', () => {
    const patterns = toEventPatterns(testRows);
    expect(patterns.map((p) => p.detail.eventSource[0])).toEqual(['iam.amazonaws.com', 'lambda.amazonaws.com', 's3.amazonaws.com']);
    const lambda = patterns.find((p) => p.detail.eventSource[0] === 'lambda.amazonaws.com')!;
    expect(lambda.detail.eventName).toEqual([{ prefix: 'AddPermission' }, { prefix: 'CreateFunctionUrlConfig' }]);
    expect(lambda.detail.errorCode).toEqual([{ exists: false }]);
    expect(lambda['detail-type']).toEqual(['AWS API Call via CloudTrail']);
    const s3 = patterns.find((p) => p.detail.eventSource[0] === 's3.amazonaws.com')!;
    expect(s3.detail.eventName).toEqual(['CreateBucket', 'DeleteBucketPolicy', 'PutAccountPublicAccessBlock', 'PutBucketAcl', 'PutBucketPolicy']);
  });

  it('splits long name lists by their serialized size, never over the 2,048-character pattern quota', () => {
    const names = Array.from({ length: 200 }, (_, i) => `Name${String(i).padStart(3, '0')}`);
    const patterns = toEventPatterns([{ eventSource: 'x.amazonaws.com', eventNames: names, kind: 'k', id: { account: true } }]);
    expect(patterns.flatMap((p) => p.detail.eventName)).toEqual(names);
    for (const pattern of patterns) expect(patternSize(pattern)).toBeLessThanOrEqual(EVENT_PATTERN_MAX_CHARS);
    // 200 names of 7 characters (10 with quotes and comma) fill one pattern and part of a second; a count of 60 made four.
    expect(patterns).toHaveLength(2);
    // Long names split earlier: a count-based split would have put 60 of these 40-character names (2,500 characters) in one.
    const long = Array.from({ length: 60 }, (_, i) => `Put${'Configuration'.repeat(2)}Of${String(i).padStart(11, '0')}`);
    const split = toEventPatterns([{ eventSource: 'x.amazonaws.com', eventNames: long, kind: 'k', id: { account: true } }]);
    expect(split.length).toBeGreaterThan(1);
    for (const pattern of split) expect(patternSize(pattern)).toBeLessThanOrEqual(EVENT_PATTERN_MAX_CHARS);
  });

  it('accepts AWS sources only', () => {
    for (const pattern of toEventPatterns(testRows)) expect(pattern.source).toEqual([{ prefix: 'aws.' }]);
  });

  it('keeps failed calls when asked (for detections)', () => {
    expect(toEventPatterns(testRows, { includeFailedCalls: true })[0].detail.errorCode).toBeUndefined();
  });
});
