import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import type { ResourceRef, Rule, Verdict } from '../../shared/core';
import { createBaselineLedger } from '../../shared/findings';
import { startEmbeddedStore, type EmbeddedStore } from '../../shared/findings/embedded';
import { createEvaluateQueue, EnqueueError, runSweep } from '../../shared/sweep';
import { ALL_FAMILIES } from '../../shared/families';
import { createLiveSource, type ObservationSource } from '../../shared/engine';
import { createClientFactory } from '../../shared/resources/clients';
import { LAMBDA_LAYER_VERSION_KIND } from '../../shared/resources/lambda/types';
import { bucketRef, testFamily, testFunctionKind, testPublicRule } from '../helpers/catalogue';
import { captureQueue } from '../helpers/sqs';

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const QUEUE_URL = `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/vigil-test`;
const fnRule: Rule = { ...testPublicRule, id: 'test-function-rule', kind: 'Test::Function' } as Rule;
const family = testFamily({ rules: [testPublicRule, fnRule] });
const functionRef = (name: string): ResourceRef => ({ kind: 'Test::Function', id: name, arn: testFunctionKind.arn({ partition: 'aws', accountId: ACCOUNT, region: REGION, id: name }), accountId: ACCOUNT, region: REGION });

/** A FAIL verdict on a resource, as an evaluation stored it. */
const failing = (ref: ResourceRef, ruleId: string, observedAt: string, region = ref.region): Verdict => ({
  ruleId,
  title: ruleId,
  severity: 'CRITICAL',
  status: 'FAIL',
  resourceType: ref.kind,
  resourceKind: ref.kind,
  resourceId: ref.id,
  resourceArn: ref.arn,
  accountId: ref.accountId,
  region,
  message: 'fails',
  evidence: [],
  remediation: { text: 'fix' },
  observedAt,
  source: 'live',
});

describe('runSweep', () => {
  const sqs = mockClient(SQSClient);
  let embedded: EmbeddedStore;
  let sent: string[];
  let listing: { buckets: string[] | Error; functions: string[] | Error; partial?: boolean };
  const now = new Date('2024-06-02T03:17:00.000Z');
  const source = (): ObservationSource => ({
    observe: async () => {
      throw new Error('a sweep reads no resource');
    },
    list: async (kind) => {
      const names = kind === 'Test::Bucket' ? listing.buckets : kind === 'Test::Function' ? listing.functions : [];
      if (names instanceof Error) throw names;
      return names.map((n) => (kind === 'Test::Bucket' ? bucketRef(n, ACCOUNT, REGION) : functionRef(n)));
    },
    listsEvery: (kind) => !(listing.partial && kind === 'Test::Function'),
  });
  const sweep = (sweepId: string, options: { baseline?: boolean } = {}) =>
    runSweep(
      { family, source: source(), queue: createEvaluateQueue({ sqs: new SQSClient({ region: REGION }), queueUrl: QUEUE_URL, kinds: family.kinds, sleep: async () => undefined }), findings: embedded.store, ledger: createBaselineLedger({ client: embedded.client, tableName: embedded.tableName, now: () => now }), clock: () => now },
      { accountId: ACCOUNT, region: REGION, sweepId, ...options },
    );
  const status = async (arn: string, ruleId: string) => (await embedded.store.list({ resource: arn, ruleId }))[0];

  beforeAll(async () => {
    embedded = await startEmbeddedStore({ now: () => now });
  });
  afterAll(async () => {
    sqs.restore();
    await embedded.close();
  });
  beforeEach(() => {
    sqs.reset();
    sent = captureQueue(sqs);
    listing = { buckets: [], functions: [] };
  });

  it('enqueues one message per listed resource of each kind with rules, in batches of ten', async () => {
    listing = { buckets: Array.from({ length: 23 }, (_, i) => `b-${i}`), functions: ['f-1'] };
    const report = await sweep('s-1');
    expect(report).toMatchObject({ enqueued: 24, resolved: 0, failures: [] });
    expect(report.kinds).toEqual([
      { kind: 'Test::Bucket', listed: 23, enqueued: 23, complete: true },
      { kind: 'Test::Function', listed: 1, enqueued: 1, complete: true },
    ]);
    expect(sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input.Entries?.length)).toEqual([10, 10, 3, 1]);
    expect(sent.map((b) => JSON.parse(b).reason)).toEqual(Array(24).fill('sweep'));
  });

  describe('deleted resources', () => {
    const kept = bucketRef('kept', ACCOUNT, REGION);
    const gone = bucketRef('gone', ACCOUNT, REGION);
    const newer = bucketRef('created-during-listing', ACCOUNT, REGION);
    const elsewhere = bucketRef('in-another-region', ACCOUNT, 'eu-west-1');
    const fn = functionRef('old-layer-like');

    beforeAll(async () => {
      const ctx = { detectedAt: '2024-06-01T00:00:00.000Z' };
      await embedded.store.reconcile(failing(kept, testPublicRule.id, '2024-06-01T00:00:00.000Z'), ctx);
      await embedded.store.reconcile(failing(gone, testPublicRule.id, '2024-06-01T00:00:00.000Z'), ctx);
      await embedded.store.reconcile(failing(gone, 'det-bucket-detection', '2024-06-01T00:00:00.000Z'), ctx); // a detection: never resolved
      await embedded.store.reconcile(failing(newer, testPublicRule.id, '2024-06-02T03:18:00.000Z'), ctx); // observed after the listing began
      await embedded.store.reconcile(failing(elsewhere, testPublicRule.id, '2024-06-01T00:00:00.000Z'), ctx);
      await embedded.store.reconcile(failing(fn, fnRule.id, '2024-06-01T00:00:00.000Z'), ctx);
    });

    it('an incomplete listing (a page failed) resolves nothing, and the other kinds are still enqueued', async () => {
      listing = { buckets: new Error('ListBuckets failed: InternalError'), functions: ['old-layer-like'] };
      const report = await sweep('s-2');
      expect(report.resolved).toBe(0);
      expect(report.failures).toEqual([{ target: 'Test::Bucket (listing)', error: 'Error: ListBuckets failed: InternalError' }]);
      expect(sent).toHaveLength(1);
      expect((await status(gone.arn, testPublicRule.id)).status).toBe('OPEN');
    });

    it('a listing the collector declares partial resolves nothing of its kind', async () => {
      listing = { buckets: ['kept', 'gone', 'created-during-listing'], functions: [], partial: true };
      await sweep('s-3');
      expect((await status(fn.arn, fnRule.id)).status).toBe('OPEN');
    });

    it('a complete listing resolves the posture findings of resources it did not include, in its account and Region, observed before it began', async () => {
      listing = { buckets: ['kept'], functions: [] };
      const report = await sweep('s-4');

      expect(await status(gone.arn, testPublicRule.id)).toMatchObject({ status: 'RESOLVED', resolvedBy: 'RESOURCE_DELETED', resolvedAt: now.toISOString() });
      expect((await status(gone.arn, testPublicRule.id)).message).toMatch(/no longer exists/);
      expect((await status(fn.arn, fnRule.id)).status).toBe('RESOLVED');
      expect(report.resolved).toBe(2);
      expect((await status(kept.arn, testPublicRule.id)).status).toBe('OPEN');
      expect((await status(newer.arn, testPublicRule.id)).status).toBe('OPEN');
      expect((await status(elsewhere.arn, testPublicRule.id)).status).toBe('OPEN');
      expect((await status(gone.arn, 'det-bucket-detection')).status).toBe('OPEN');
    });
  });

  it('reports messages SQS kept refusing, after retrying them, and still resolves what the complete listing proves', async () => {
    sqs.reset();
    let refusals = 0;
    sent = captureQueue(sqs, (body) => (body.includes('"stubborn"') || (body.includes('"flaky"') && refusals++ === 0) ? 'InternalError' : undefined));
    listing = { buckets: ['flaky', 'stubborn', 'fine'], functions: [] };
    const report = await sweep('s-5');
    expect(sent.map((b) => JSON.parse(b).id).sort()).toEqual(['fine', 'flaky']);
    expect(report.enqueued).toBe(2);
    expect(report.failures).toEqual([{ target: 'Test::Bucket (enqueue)', error: expect.stringMatching(/^EnqueueError: 1 evaluate message/) }]);
    expect(report.kinds[0]).toMatchObject({ listed: 3, enqueued: 2, complete: true });
    await expect(createEvaluateQueue({ sqs: new SQSClient({ region: REGION }), queueUrl: QUEUE_URL, kinds: family.kinds, sleep: async () => undefined }).send([bucketRef('stubborn')], 'sweep')).rejects.toBeInstanceOf(EnqueueError);
  });

  it('a baseline sweep opens the family ledger, tags its messages and sets how many it enqueued; a second one runs as a plain sweep', async () => {
    listing = { buckets: ['a', 'b'], functions: [] };
    const first = await sweep('base-1', { baseline: true });
    expect(first.baseline).toBe('opened');
    expect(sent.map((b) => JSON.parse(b))).toEqual([expect.objectContaining({ reason: 'baseline', sweepId: 'base-1' }), expect.objectContaining({ reason: 'baseline', sweepId: 'base-1' })]);
    const ledger = createBaselineLedger({ client: embedded.client, tableName: embedded.tableName });
    expect(await ledger.get('test')).toMatchObject({ sweepId: 'base-1', expected: 2, claimed: 0, finished: 0 });

    sent.length = 0;
    const second = await sweep('base-2', { baseline: true });
    expect(second.baseline).toBe('running');
    expect(sent.map((b) => JSON.parse(b).reason)).toEqual(['sweep', 'sweep']);
  });
});

describe('live listings', () => {
  it('are complete for every kind except those whose collector lists only some resources (Lambda layers: latest versions only)', () => {
    const live = createLiveSource(ALL_FAMILIES, createClientFactory());
    const partial = ALL_FAMILIES.flatMap((f) => Object.keys(f.collectors)).filter((kind) => !live.listsEvery!(kind));
    expect(partial).toEqual([LAMBDA_LAYER_VERSION_KIND]);
  });
});
