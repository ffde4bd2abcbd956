import type { Actor, Observation, ResourceRef, Verdict } from '../../shared/core';
import { createConfigSource, createEngine, type ObservationSource } from '../../shared/engine';
import { bucketRef, present, testFamily, testPublicRule, type TestBucket } from '../helpers/catalogue';
import { failedRead } from '../../shared/resources/gaps';
import { loadFixture } from '../helpers/fixtures';

const ACCOUNT = '111122223333';
const apiCall = (eventName: string, bucketName: string, eventTime: string, principal = 'arn:aws:iam::111122223333:user/alice') => ({
  'detail-type': 'AWS API Call via CloudTrail',
  source: 'aws.s3',
  detail: {
    eventSource: 's3.amazonaws.com',
    eventName,
    eventTime,
    eventID: `${eventName}-${eventTime}`,
    awsRegion: 'us-east-1',
    recipientAccountId: ACCOUNT,
    sourceIPAddress: '198.51.100.7',
    userAgent: 'aws-cli/2',
    userIdentity: { type: 'IAMUser', arn: principal, accountId: ACCOUNT },
    requestParameters: { bucketName },
  },
});

/** When the fake live source reads: after every event of these tests, as a live read always is. */
const LIVE_READ_AT = '2024-01-01T12:00:00.000Z';

/** A source over a map of bucket states that counts reads. */
const fakeSource = (buckets: Record<string, TestBucket | 'gone' | 'throttled' | 'denied'>) => {
  const reads: string[] = [];
  const source: ObservationSource = {
    observe: async (ref: ResourceRef): Promise<Observation> => {
      reads.push(ref.id);
      const state = buckets[ref.id];
      if (state === 'throttled') throw new Error('Throttling: rate exceeded');
      if (state === 'gone' || state === undefined) return { state: 'gone', ref, observedAt: '2024-01-02T00:00:00.000Z', source: 'live' };
      if (state === 'denied') return present(ref, { name: ref.id, public: false }, [failedRead(['public'], 'GetBucketPolicy', 'AccessDenied; needs s3:GetBucketPolicy')]);
      return present(ref, state, [], LIVE_READ_AT);
    },
    list: async (kind, scope) => Object.keys(buckets).map((name) => bucketRef(name, scope.accountId, scope.region)),
  };
  return { source, reads };
};

const recordingSink = () => {
  const calls: { verdict: Verdict; actor?: Actor; detectedAt: string }[] = [];
  return { calls, sink: { reconcile: async (verdict: Verdict, opts: { actor?: Actor; detectedAt: string }) => (calls.push({ verdict, ...opts }), verdict.status) } };
};

const clock = () => new Date('2024-02-01T12:00:00.000Z');

describe('Engine: processBatch', () => {
  it('coalesces events for the same resource into one read and keeps the latest actor', async () => {
    const { source, reads } = fakeSource({ open: { name: 'open', public: true } });
    const { sink, calls } = recordingSink();
    const engine = createEngine({ families: [testFamily()], source, sink, clock });
    const outcome = await engine.processBatch([
      { id: 'm2', body: apiCall('PutBucketPolicy', 'open', '2024-01-01T10:05:00Z', 'arn:aws:iam::111122223333:user/bob') },
      { id: 'm1', body: apiCall('PutBucketAcl', 'open', '2024-01-01T10:00:00Z') },
    ]);
    expect(reads).toEqual(['open']);
    expect(outcome.verdicts).toHaveLength(1);
    expect(outcome.verdicts[0]).toMatchObject({ ruleId: 'test-bucket-not-public', status: 'FAIL', resourceArn: 'arn:aws:s3:::open', resourceType: 'AWS::S3::Bucket', severity: 'CRITICAL' });
    expect(calls[0].actor?.principalArn).toBe('arn:aws:iam::111122223333:user/bob');
    expect(calls[0].detectedAt).toBe('2024-02-01T12:00:00.000Z');
    expect(outcome.failedIds).toEqual([]);
  });

  it('blames only a change the judged state reflects: the latest event read at or before the observation', async () => {
    // Prepare: a source whose state was read at 10:03 (a Config item, say), between alice's change and bob's.
    const observedAt = '2024-01-01T10:03:00.000Z';
    const source: ObservationSource = { observe: async (ref) => present(ref, { name: ref.id, public: true }, [], observedAt), list: async () => [] };
    const { sink, calls } = recordingSink();
    const engine = createEngine({ families: [testFamily()], source, sink, clock });
    // Act
    await engine.processBatch([
      { id: 'bob', body: apiCall('DeleteBucketPolicy', 'open', '2024-01-01T10:05:00Z', 'arn:aws:iam::111122223333:user/bob') },
      { id: 'alice', body: apiCall('PutBucketPolicy', 'open', '2024-01-01T10:00:00Z', 'arn:aws:iam::111122223333:user/alice') },
    ]);
    await engine.processBatch([{ id: 'carol', body: apiCall('PutBucketAcl', 'open', '2024-01-01T11:00:00Z', 'arn:aws:iam::111122223333:user/carol') }]);
    // Assess: alice's change is in the state, bob's (later) is not; carol's call alone predates nothing the state shows.
    expect(calls.map((c) => [c.actor?.principalArn, (c as { unattributed?: unknown }).unattributed])).toEqual([
      ['arn:aws:iam::111122223333:user/alice', undefined],
      ['arn:aws:iam::111122223333:user/alice', undefined],
    ]);
  });

  it('never blames callers of events newer than the observed state, and says so', async () => {
    const source: ObservationSource = { observe: async (ref) => present(ref, { name: ref.id, public: true }, [], '2023-12-31T00:00:00.000Z'), list: async () => [] };
    const { sink, calls } = recordingSink();
    await createEngine({ families: [testFamily()], source, sink, clock }).processBatch([
      { id: 'alice', body: apiCall('DeleteBucketPolicy', 'open', '2024-01-01T10:02:09Z', 'arn:aws:iam::111122223333:user/alice') },
    ]);
    expect(calls[0].actor).toBeUndefined();
    expect((calls[0] as { unattributed?: unknown }).unattributed).toEqual({ reason: 'observed-before', observedAt: '2023-12-31T00:00:00.000Z', eventName: 'DeleteBucketPolicy', eventTime: '2024-01-01T10:02:09Z' });
  });

  it('remembers events across batches: a later change delivered first is still the latest one the state reflects', async () => {
    const { source } = fakeSource({ open: { name: 'open', public: true } });
    const { sink, calls } = recordingSink();
    const engine = createEngine({ families: [testFamily()], source, sink, clock });
    await engine.processBatch([{ id: 'bob', body: apiCall('PutBucketAcl', 'open', '2024-01-01T10:05:00Z', 'arn:aws:iam::111122223333:user/bob') }]);
    await engine.processBatch([{ id: 'alice', body: apiCall('PutBucketPolicy', 'open', '2024-01-01T10:00:00Z', 'arn:aws:iam::111122223333:user/alice') }]);
    expect(calls.map((c) => c.actor?.principalArn)).toEqual(['arn:aws:iam::111122223333:user/bob', 'arn:aws:iam::111122223333:user/bob']);
  });

  it('reports a malformed record alone as failed and processes the rest', async () => {
    const { source } = fakeSource({ ok: { name: 'ok', public: false } });
    const engine = createEngine({ families: [testFamily()], source, clock });
    const broken = apiCall('PutBucketPolicy', 'ok', '2024-01-01T10:00:00Z') as { detail: Record<string, unknown> };
    delete broken.detail.eventSource;
    const outcome = await engine.processBatch([
      { id: 'bad', body: broken },
      { id: 'good', body: apiCall('PutBucketPolicy', 'ok', '2024-01-01T10:00:00Z') },
    ]);
    expect(outcome.failedIds).toEqual(['bad']);
    expect(outcome.rejected[0]).toMatchObject({ id: 'bad', error: expect.stringContaining('eventSource') });
    expect(outcome.verdicts.map((v) => v.status)).toEqual(['PASS']);
  });

  it('retries the records of a resource whose read failed, without a verdict for it', async () => {
    const { source } = fakeSource({ slow: 'throttled', fine: { name: 'fine', public: false } });
    const engine = createEngine({ families: [testFamily()], source, clock });
    const outcome = await engine.processBatch([
      { id: 'a', body: apiCall('PutBucketPolicy', 'slow', '2024-01-01T10:00:00Z') },
      { id: 'b', body: apiCall('PutBucketPolicy', 'fine', '2024-01-01T10:00:00Z') },
    ]);
    expect(outcome.failedIds).toEqual(['a']);
    expect(outcome.verdicts.map((v) => v.resourceId)).toEqual(['fine']);
  });

  it('gives ERROR, never PASS, when a read the rule needs was denied', async () => {
    const { source } = fakeSource({ locked: 'denied' });
    const outcome = await createEngine({ families: [testFamily()], source, clock }).processBatch([{ id: 'x', body: apiCall('PutBucketPolicy', 'locked', '2024-01-01T10:00:00Z') }]);
    expect(outcome.verdicts[0]).toMatchObject({ status: 'ERROR', message: expect.stringContaining('s3:GetBucketPolicy') });
  });

  it('gives ERROR when a rule throws', async () => {
    const { source } = fakeSource({ b: { name: 'b', public: true } });
    const throwing = { ...testPublicRule, evaluate: () => { throw new Error('boom'); } };
    const outcome = await createEngine({ families: [testFamily({ rules: [throwing] })], source, clock }).processBatch([{ id: 'x', body: apiCall('PutBucketPolicy', 'b', '2024-01-01T10:00:00Z') }]);
    expect(outcome.verdicts[0]).toMatchObject({ status: 'ERROR', message: expect.stringContaining('boom') });
  });

  it('passes every rule of a deleted resource, flagged as gone', async () => {
    const { source } = fakeSource({ deleted: 'gone' });
    const outcome = await createEngine({ families: [testFamily()], source, clock }).processBatch([{ id: 'x', body: apiCall('DeleteBucketPolicy', 'deleted', '2024-01-01T10:00:00Z') }]);
    expect(outcome.verdicts[0]).toMatchObject({ status: 'PASS', resourceGone: true });
  });

  it('fans an account-level change out to every resource of the kind', async () => {
    const { source, reads } = fakeSource({ a: { name: 'a', public: true }, b: { name: 'b', public: false } });
    const event = apiCall('PutAccountPublicAccessBlock', 'unused', '2024-01-01T10:00:00Z') as { detail: Record<string, unknown> };
    delete event.detail.requestParameters;
    const outcome = await createEngine({ families: [testFamily()], source, clock }).processBatch([{ id: 'x', body: event }]);
    expect(reads.sort()).toEqual(['111122223333', 'a', 'b']);
    expect(outcome.verdicts.map((v) => `${v.resourceId}:${v.status}`).sort()).toEqual(['a:FAIL', 'b:PASS']);
  });

  it('ignores failed calls for posture and says why', async () => {
    const { source, reads } = fakeSource({});
    const event = apiCall('PutBucketPolicy', 'x', '2024-01-01T10:00:00Z') as { detail: Record<string, unknown> };
    event.detail.errorCode = 'AccessDenied';
    const outcome = await createEngine({ families: [testFamily()], source, clock }).processBatch([{ id: 'x', body: event }]);
    expect(reads).toEqual([]);
    expect(outcome.ignored[0].reason).toMatch(/failed call/);
  });

  it('retries records whose verdicts could not be stored', async () => {
    const { source } = fakeSource({ b: { name: 'b', public: true } });
    const sink = { reconcile: async () => { throw new Error('table unavailable'); } };
    const outcome = await createEngine({ families: [testFamily()], source, sink, clock }).processBatch([{ id: 'x', body: apiCall('PutBucketPolicy', 'b', '2024-01-01T10:00:00Z') }]);
    expect(outcome.failedIds).toEqual(['x']);
  });
});

describe('Engine: Config source', () => {
  const normaliser = {
    configType: 'AWS::S3::Bucket',
    toObservations: (item: import('../../shared/resources/config-item').ConfigItem): Observation[] => [
      {
        state: 'present',
        ref: bucketRef(item.resourceId, item.accountId, item.region),
        config: { name: item.resourceId, public: (item.supplementaryConfiguration.BucketPolicy as { policyText?: string | null })?.policyText != null },
        gaps: [],
        observedAt: item.captureTime,
        source: 'config',
      },
    ],
  };

  it('evaluates the items of a real Config CI, whatever the form', async () => {
    const item = loadFixture('config-items/s3-bucket.s3.custodian.json');
    const source = createConfigSource([testFamily({ configNormalisers: [normaliser] })], [item]);
    const { verdicts } = await createEngine({ families: [testFamily({ configNormalisers: [normaliser] })], source, clock }).evaluateObservations(source.all());
    expect(verdicts).toEqual([expect.objectContaining({ resourceId: 'config-rule-sanity', status: 'PASS', source: 'config' })]);
  });

  it('keeps the latest capture of each resource and lets a newer item from an event replace it', async () => {
    const item = loadFixture('config-items/s3-bucket.s3.custodian.json');
    const family = testFamily({ configNormalisers: [normaliser] });
    const older = { ...item, configurationItemCaptureTime: '2017-01-01T00:00:00Z', supplementaryConfiguration: { BucketPolicy: '{"policyText":"{}"}' } };
    const source = createConfigSource([family], [item, older]);
    expect(source.all()).toHaveLength(1);
    expect((source.all()[0] as { config: TestBucket }).config.public).toBe(false);
    const engine = createEngine({ families: [family], source, clock });
    const change = { 'detail-type': 'Config Configuration Item Change', source: 'aws.config', detail: { configurationItem: { ...item, configurationItemCaptureTime: '2018-01-01T00:00:00Z', supplementaryConfiguration: { BucketPolicy: '{"policyText":"{}"}' } } } };
    const outcome = await engine.processBatch([{ id: 'c', body: change }]);
    expect(outcome.verdicts).toEqual([expect.objectContaining({ resourceId: 'config-rule-sanity', status: 'FAIL' })]);
  });
});
