/**
 * One bad record never fails its batch (issue 9, item 13): a record whose fields have unexpected types is rejected alone,
 * as an EventValidationError naming the field, and the valid records of the same batch are processed. Exceptions that
 * are not the record's fault stay retryable failures, never rejections.
 */
import type { SQSEvent } from 'aws-lambda';
import type { Observation, ResourceRef, Verdict } from '../../shared/core';
import { createConfigSource, createEngine, type InboundRecord, type ObservationSource } from '../../shared/engine';
import { ALL_FAMILIES } from '../../shared/families';
import type { ReconcileResult } from '../../shared/findings';
import { s3Family } from '../../shared/families/s3';
import { makeEvaluateHandler } from '../../functions/evaluate';
import { createFamilyEngine } from '../../functions/family-engine';
import { mockAwsWorld } from '../helpers/aws-world';
import { bucketRef, present, testBucketKind, testFamily, testPublicRule, testRows } from '../helpers/catalogue';
import { loadCloudTrailRecords, loadFixture, toEventBridge } from '../helpers/fixtures';

const CLOCK = () => new Date('2024-06-01T12:00:00.000Z');

/** A live source stand-in where every resource has been deleted (every rule passes); records the ids it reads. */
const deletedSource = (): ObservationSource & { reads: string[] } => {
  const reads: string[] = [];
  return {
    reads,
    observe: async (ref: ResourceRef): Promise<Observation> => {
      reads.push(ref.id);
      return { state: 'gone', ref, observedAt: '2024-06-01T11:59:00.000Z', source: 'live' };
    },
    list: async () => [],
  };
};

/** Records the verdicts it is given; answers as the store does when nothing changed. */
const recordingSink = () => {
  const verdicts: Verdict[] = [];
  return { verdicts, reconcile: async (verdict: Verdict): Promise<ReconcileResult> => (verdicts.push(verdict), { outcome: 'unchanged', findingId: verdict.ruleId }) };
};

/** The recorded PutBucketPolicy on `example-bucket` (Panther sample): a valid record every batch below carries next to the bad one. */
const GOOD_BUCKET = 'example-bucket';
const goodRecord = (): InboundRecord => ({ id: 'good', body: JSON.stringify(toEventBridge(loadCloudTrailRecords('cloudtrail/s3-PutBucketPolicy-public.panther.json')[0])) });

/** A recorded CloudTrail record with one change applied, as the SQS body of its EventBridge event. */
const mutated = (fixture: string, change: (record: Record<string, any>) => void, pick = 0): string => {
  const record = loadCloudTrailRecords(`cloudtrail/${fixture}`)[pick];
  change(record);
  return JSON.stringify(toEventBridge(record));
};

/** A recorded Config item with one change applied, in a "Config Configuration Item Change" event. */
const configEvent = (change: (item: Record<string, any>) => void, fixture = 's3-bucket.rdk-example.json'): string => {
  const item = loadFixture(`config-items/${fixture}`);
  change(item);
  return JSON.stringify({ 'detail-type': 'Config Configuration Item Change', source: 'aws.config', detail: { messageType: 'ConfigurationItemChangeNotification', configurationItem: item } });
};

const BAD_RECORDS: [string, string, RegExp][] = [
  [
    '`resources` is an object (DynamoDB UpdateTable without a table name in the request)',
    mutated('dynamodb-UpdateTable.awsdocs.json', (r) => {
      delete r.responseElements;
      r.resources = { ARN: 'arn:aws:dynamodb:us-east-1:111122223333:table/Books' };
    }),
    /resources: missing or wrong type/,
  ],
  [
    '`resources` holds null',
    mutated('dynamodb-UpdateTable.awsdocs.json', (r) => {
      delete r.responseElements;
      r.resources = [null];
    }),
    /resources\.0: missing or wrong type/,
  ],
  [
    '`userIdentity.userName` is a number (self-service CreateAccessKey)',
    mutated('iam-CreateAccessKey.stratus.json', (r) => {
      r.requestParameters = {};
      r.responseElements = null;
      r.userIdentity.userName = 42;
    }),
    /userIdentity\.userName: missing or wrong type/,
  ],
  ['`userIdentity.sessionContext.sessionIssuer.arn` is an object', mutated('dynamodb-UpdateTable.awsdocs.json', (r) => (r.userIdentity.sessionContext.sessionIssuer.arn = { nested: true })), /sessionIssuer\.arn/],
  ['`requestParameters` is an array', mutated('s3-PutBucketAcl.panther.json', (r) => (r.requestParameters = ['bucketName'])), /requestParameters: missing or wrong type/],
  ['`requestParameters.bucketName` is an object', mutated('s3-PutBucketAcl.panther.json', (r) => (r.requestParameters.bucketName = { name: 'b' })), /no resource id at requestParameters\.bucketName/],
  ['`requestParameters.bucketName` is a list with a number', mutated('s3-PutBucketAcl.panther.json', (r) => (r.requestParameters.bucketName = ['b', 7])), /no resource id at requestParameters\.bucketName/],
  ['`eventTime` is not a time', mutated('iam-AttachUserPolicy-AdministratorAccess.panther.json', (r) => (r.eventTime = 'yesterday')), /eventTime: not a valid time/],
  ['a Config item captured at 1e20', configEvent((item) => (item.configurationItemCaptureTime = 1e20)), /invalid configurationItemCaptureTime/],
  ['a Config item whose awsAccountId is a number', configEvent((item) => (item.awsAccountId = 111122223333)), /has no accountId/],
];

describe('processBatch: one bad record never fails its batch', () => {
  it.each(BAD_RECORDS)('rejects alone, naming the field, a record where %s', async (_what, body, reason) => {
    const source = deletedSource();
    const sink = recordingSink();
    const engine = createEngine({ families: ALL_FAMILIES, source, sink, clock: CLOCK });
    const outcome = await engine.processBatch([{ id: 'bad', body }, goodRecord()]);
    expect(outcome.rejected).toEqual([{ id: 'bad', error: expect.stringMatching(reason) }]);
    expect(outcome.failedIds).toEqual(['bad']);
    expect(outcome.failures).toEqual([{ id: 'bad', error: expect.stringMatching(/^EventValidationError: /) }]);
    expect(source.reads).toContain(GOOD_BUCKET); // the valid record's bucket was read and evaluated
    expect(sink.verdicts.some((v) => v.resourceId === GOOD_BUCKET)).toBe(true);
  });

  it('keeps a Config item whose relationships hold nulls and numbers, dropping those entries', async () => {
    const engine = createEngine({ families: ALL_FAMILIES, source: deletedSource(), clock: CLOCK });
    // The IAM group normaliser reads the relationships (its members).
    const body = configEvent((item) => item.relationships.push(null, 5, { resourceType: 7, resourceName: 'x' }), 'iam-group.rdk-example.json');
    const outcome = await engine.processBatch([{ id: 'config', body }]);
    expect(outcome.failedIds).toEqual([]);
    expect(outcome.verdicts.length).toBeGreaterThan(0);
  });

  it('contains an exception of Vigil code to the record that caused it, flagged as unexpected, and takes back what it added', async () => {
    const throwingRow = {
      eventSource: 's3.amazonaws.com',
      eventNames: ['PutBucketCors'],
      kind: testBucketKind.kind,
      id: { resolve: () => { throw new TypeError("Cannot read properties of undefined (reading 'x')"); } },
    };
    // The bad record also matches a plain row first, so it has added a target when the resolver throws.
    const family = testFamily({ triggers: [...testRows, { eventSource: 's3.amazonaws.com', eventNames: ['PutBucketCors'], kind: testBucketKind.kind, id: { paths: ['requestParameters.bucketName'] } }, throwingRow] });
    const reads: string[] = [];
    const source: ObservationSource = { observe: async (ref) => (reads.push(ref.id), present(ref, { name: ref.id, public: false })), list: async () => [] };
    const engine = createEngine({ families: [family], source, clock: CLOCK });
    const call = (eventName: string, bucketName: string) =>
      JSON.stringify({ 'detail-type': 'AWS API Call via CloudTrail', source: 'aws.s3', detail: { eventSource: 's3.amazonaws.com', eventName, eventTime: '2024-06-01T10:00:00Z', awsRegion: 'us-east-1', recipientAccountId: '111122223333', requestParameters: { bucketName } } });
    const outcome = await engine.processBatch([
      { id: 'breaks', body: call('PutBucketCors', 'only-bad') },
      { id: 'fine', body: call('PutBucketPolicy', 'good') },
    ]);
    expect(outcome.rejected).toEqual([{ id: 'breaks', error: expect.stringContaining('TypeError'), unexpected: true }]);
    expect(outcome.failedIds).toEqual(['breaks']);
    expect(reads).toEqual(['good']);
  });

  it('rejects the records of a resource whose Config normaliser throws, and processes the others', async () => {
    const family = testFamily({ configNormalisers: [{ configType: 'AWS::S3::Bucket', toObservations: () => { throw new TypeError('x is not a function'); } }] });
    const engine = createEngine({ families: [family], source: deletedSource(), clock: CLOCK });
    const outcome = await engine.processBatch([{ id: 'config', body: configEvent(() => undefined) }, { id: 'junk', body: 'not json' }]);
    expect(outcome.rejected.map((r) => [r.id, r.unexpected ?? false])).toEqual([
      ['config', true],
      ['junk', false],
    ]);
  });

  it('never lets a rejected Config item into a snapshot source, where it would break the next records (replay)', async () => {
    const family = testFamily({
      configNormalisers: [
        {
          configType: 'AWS::S3::Bucket',
          toObservations: (item) => {
            if (item.resourceId === 'broken') throw new TypeError("Cannot read properties of null (reading 'grantList')");
            return [present(bucketRef(item.resourceId, item.accountId, item.region), { name: item.resourceId, public: false })];
          },
        },
      ],
    });
    const engine = createEngine({ families: [family], source: createConfigSource([family], []), clock: CLOCK });
    const outcome = await engine.processBatch([
      { id: 'broken', body: configEvent((item) => (item.resourceId = 'broken')) },
      { id: 'fine', body: configEvent(() => undefined) },
    ]);
    expect(outcome.rejected.map((r) => r.id)).toEqual(['broken']);
    expect(outcome.failedIds).toEqual(['broken']);
    expect(outcome.verdicts.map((v) => `${v.resourceId}:${v.status}`)).toEqual(['mborch-test-bucket-config-item:PASS']);
  });

  it('gives ERROR for a rule that throws something other than an Error', async () => {
    const rule = { ...testPublicRule, evaluate: () => { throw undefined; } }; // eslint-disable-line no-throw-literal
    const source: ObservationSource = { observe: async (ref) => present(ref, { name: ref.id, public: true }), list: async () => [] };
    const engine = createEngine({ families: [testFamily({ rules: [rule] })], source, clock: CLOCK });
    const outcome = await engine.processBatch([{ id: 'x', body: JSON.stringify(toEventBridge({ eventSource: 's3.amazonaws.com', eventName: 'PutBucketPolicy', eventTime: '2024-06-01T10:00:00Z', awsRegion: 'us-east-1', recipientAccountId: '111122223333', requestParameters: { bucketName: 'b' } })) }]);
    expect(outcome.failedIds).toEqual([]);
    expect(outcome.verdicts).toEqual([expect.objectContaining({ status: 'ERROR', message: expect.stringContaining('undefined') })]);
  });

  describe('an oversized Config item, fetched from S3', () => {
    const oversized = (): InboundRecord => ({ id: 'oversized', body: JSON.stringify(loadFixture('config-events/eventbridge-oversized-config-item-change-ssm-inventory.omnissm.json')) });
    const engineFetching = (fetchOversizedItem: () => Promise<unknown>) => createEngine({ families: ALL_FAMILIES, source: deletedSource(), clock: CLOCK, fetchOversizedItem });

    it('is retried, not rejected, when the fetch fails', async () => {
      const outcome = await engineFetching(async () => { throw Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailable' }); }).processBatch([oversized(), goodRecord()]);
      expect([outcome.failedIds, outcome.rejected]).toEqual([['oversized'], []]);
    });

    it('is rejected alone when the fetched item is not a configuration item', async () => {
      const outcome = await engineFetching(async () => ({ resourceType: 'AWS::S3::Bucket' })).processBatch([oversized(), goodRecord()]);
      expect(outcome.rejected).toEqual([{ id: 'oversized', error: expect.stringContaining('has no resourceId') }]);
      expect(outcome.failedIds).toEqual(['oversized']);
    });

    it('is evaluated when the fetched item is one', async () => {
      const outcome = await engineFetching(async () => loadFixture('config-items/s3-bucket.rdk-example.json')).processBatch([oversized()]);
      expect(outcome.failedIds).toEqual([]);
      expect(outcome.verdicts.length).toBeGreaterThan(0);
    });
  });

  it('keeps a failed read a retryable failure, never a rejection', async () => {
    const source: ObservationSource = { observe: async () => { throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }); }, list: async () => [] };
    const outcome = await createEngine({ families: ALL_FAMILIES, source, clock: CLOCK }).processBatch([goodRecord()]);
    expect(outcome.failedIds).toEqual(['good']);
    expect(outcome.rejected).toEqual([]);
  });

  it('keeps a failed write a retryable failure, never a rejection', async () => {
    const sink = { reconcile: async () => { throw Object.assign(new Error('Throughput exceeds the current capacity'), { name: 'ProvisionedThroughputExceededException' }); } };
    const outcome = await createEngine({ families: ALL_FAMILIES, source: deletedSource(), sink, clock: CLOCK }).processBatch([goodRecord()]);
    expect(outcome.failedIds).toEqual(['good']);
    expect(outcome.rejected).toEqual([]);
  });
});

describe('the evaluate handler never throws', () => {
  const world = mockAwsWorld();
  afterAll(() => world.restore());
  const sqs = (...bodies: string[]): SQSEvent =>
    ({ Records: bodies.map((body, i) => ({ messageId: `m${i}`, body, receiptHandle: `r${i}`, attributes: {}, messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn', awsRegion: 'us-east-1' })) }) as unknown as SQSEvent;
  const logged: string[] = [];
  beforeAll(() => {
    process.env.POWERTOOLS_DEV = 'true';
    for (const level of ['info', 'error', 'warn'] as const) jest.spyOn(console, level).mockImplementation((...args) => void logged.push(args.join(' ')));
  });
  afterAll(() => {
    delete process.env.POWERTOOLS_DEV;
    jest.restoreAllMocks();
  });

  it('reports only the bad record of a real batch as a batch item failure, and logs it as malformed', async () => {
    const sink = recordingSink();
    const handler = makeEvaluateHandler(s3Family, createFamilyEngine(s3Family, { sink, clock: CLOCK }));
    const [, body] = BAD_RECORDS[4];
    const response = await handler(sqs(goodRecord().body as string, body));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }]);
    expect(sink.verdicts.some((v) => v.resourceId === GOOD_BUCKET)).toBe(true);
    expect(logged.some((line) => line.includes('rejected malformed event') && line.includes('m1'))).toBe(true);
  });

  it('reports every record for retry, without throwing, when the engine itself fails', async () => {
    const handler = makeEvaluateHandler(s3Family, { engine: { processBatch: async () => { throw new Error('engine bug'); } } });
    await expect(handler(sqs('{}', '{}'))).resolves.toEqual({ batchItemFailures: [{ itemIdentifier: 'm0' }, { itemIdentifier: 'm1' }] });
    expect(logged.some((line) => line.includes('every record will be retried') && line.includes('engine bug'))).toBe(true);
  });
});
