import type { Observation, ResourceRef, Verdict } from '../../shared/core';
import { createEngine, type InboundRecord, type ObservationSource } from '../../shared/engine';
import { evaluateMessageFor, type EvaluateReason } from '../../shared/events';
import { PacingDeadlineError } from '../../shared/resources/pacing';
import { bucketRef, present, testBucketKind, testFamily } from '../helpers/catalogue';

const ACCOUNT = '111122223333';
const message = (name: string, reason: EvaluateReason = 'sweep') => JSON.stringify(evaluateMessageFor(bucketRef(name, ACCOUNT), testBucketKind, reason, 'sweep-1'));
const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });

/** Buckets named `public-*` are public; `slow-*` reads are throttled; every read advances the simulated clock by one second. */
const simulated = () => {
  let now = Date.parse('2024-06-01T00:00:00.000Z');
  const reads: string[] = [];
  const listed: string[] = [];
  const source: ObservationSource = {
    observe: async (ref: ResourceRef): Promise<Observation> => {
      reads.push(ref.id);
      now += 1000;
      if (ref.id.startsWith('slow-')) throw throttled();
      return present(ref, { name: ref.id, public: ref.id.startsWith('public-') }, [], new Date(now).toISOString());
    },
    list: async (_kind, scope) => listed.map((name) => bucketRef(name, scope.accountId, 'us-east-1')),
  };
  const written: Verdict[] = [];
  const sink = { reconcile: async (verdict: Verdict) => (written.push(verdict), verdict.status) };
  return { source, sink, reads, listed, written, clock: () => new Date(now), advance: (ms: number) => (now += ms) };
};

describe('Engine: evaluate messages', () => {
  it('reads, judges and writes each named resource; several messages for one resource are one read', async () => {
    const sim = simulated();
    const engine = createEngine({ families: [testFamily()], source: sim.source, sink: sim.sink, clock: sim.clock });
    const outcome = await engine.processBatch([
      { id: 'm1', body: message('public-a'), queueAccountId: ACCOUNT },
      { id: 'm2', body: message('private-b'), queueAccountId: ACCOUNT },
      { id: 'm3', body: message('public-a'), queueAccountId: ACCOUNT },
    ]);
    expect(sim.reads.sort()).toEqual(['private-b', 'public-a']);
    expect(sim.written.map((v) => `${v.resourceId}:${v.status}`).sort()).toEqual(['private-b:PASS', 'public-a:FAIL']);
    expect(outcome).toMatchObject({ failedIds: [], rejected: [], retryAfter: [] });
  });

  it('retries a throttled read later through the queue (a back-off), never as an ERROR while receives remain', async () => {
    const sim = simulated();
    const engine = createEngine({ families: [testFamily()], source: sim.source, sink: sim.sink, clock: sim.clock, work: { maxAttempts: 3 } });
    const outcome = await engine.processBatch([
      { id: 'm1', body: message('slow-a'), attempt: 1 },
      { id: 'm2', body: message('slow-b'), attempt: 2 },
    ]);
    expect(outcome.verdicts).toEqual([]);
    expect(sim.written).toEqual([]);
    expect(outcome.failedIds.sort()).toEqual(['m1', 'm2']);
    expect(outcome.failures[0].error).toMatch(/ThrottlingException/);
    const delays = Object.fromEntries(outcome.retryAfter.map((r) => [r.id, r.seconds]));
    expect(delays.m1).toBeGreaterThanOrEqual(30);
    expect(delays.m2).toBeGreaterThanOrEqual(60); // longer on each receive
  });

  it('writes ERROR verdicts on the last receive the queue allows, and consumes the message (no silent loss)', async () => {
    const sim = simulated();
    const engine = createEngine({ families: [testFamily()], source: sim.source, sink: sim.sink, clock: sim.clock, work: { maxAttempts: 3 } });
    const outcome = await engine.processBatch([{ id: 'm1', body: message('slow-a'), attempt: 3 }]);
    expect(outcome.failedIds).toEqual([]);
    expect(sim.written).toEqual([expect.objectContaining({ resourceId: 'slow-a', status: 'ERROR', message: expect.stringMatching(/after 3 attempts: ThrottlingException/) })]);
  });

  it('starts no read once the invocation is past its deadline: the records come back at once', async () => {
    const sim = simulated();
    const engine = createEngine({ families: [testFamily()], source: sim.source, sink: sim.sink, clock: sim.clock, work: { deadline: () => sim.clock().getTime() - 1 } });
    const outcome = await engine.processBatch([{ id: 'm1', body: message('public-a') }]);
    expect(sim.reads).toEqual([]);
    expect(outcome.retryAfter).toEqual([{ id: 'm1', seconds: 0 }]);
  });

  it('sends the messages it had no time to start back to the queue as new ones (their receives are not spent)', async () => {
    const sim = simulated();
    const requeued: string[] = [];
    const engine = createEngine({
      families: [testFamily()],
      source: sim.source,
      sink: sim.sink,
      clock: sim.clock,
      work: { concurrency: 1, deadline: () => Date.parse('2024-06-01T00:00:02.000Z'), requeue: async (messages) => void requeued.push(...messages.map((m) => m.id)) },
    });
    const outcome = await engine.processBatch(['a', 'b', 'c', 'd'].map((name) => ({ id: name, body: message(`private-${name}`), attempt: 3 })));
    expect(sim.reads).toEqual(['private-a', 'private-b']);
    expect(requeued).toEqual(['private-c', 'private-d']);
    expect(outcome).toMatchObject({ failedIds: [], retryAfter: [] });
  });

  it('a read cut by the pacing deadline comes back at once, without a back-off', async () => {
    const sim = simulated();
    const cut: ObservationSource = { ...sim.source, observe: async () => { throw new PacingDeadlineError('iam', 9000); } };
    const outcome = await createEngine({ families: [testFamily()], source: cut, sink: sim.sink, clock: sim.clock, work: { maxAttempts: 3 } }).processBatch([{ id: 'm', body: message('private-a'), attempt: 1 }]);
    expect(outcome.retryAfter).toEqual([{ id: 'm', seconds: 0 }]);
    expect(sim.written).toEqual([]);
  });

  it('rejects a forged message (its ARN names another resource) and reads nothing', async () => {
    const sim = simulated();
    const engine = createEngine({ families: [testFamily()], source: sim.source, sink: sim.sink, clock: sim.clock });
    const forged = JSON.stringify({ ...JSON.parse(message('public-a')), arn: 'arn:aws:s3:::private-b' });
    const outcome = await engine.processBatch([{ id: 'f', body: forged, queueAccountId: ACCOUNT }]);
    expect(sim.reads).toEqual([]);
    expect(outcome.failedIds).toEqual(['f']);
    expect(outcome.rejected[0].error).toMatch(/ARN/);
  });
});

describe('Engine: a fan-out spanning many invocations', () => {
  const bpaChange = {
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.s3',
    detail: {
      eventSource: 's3.amazonaws.com',
      eventName: 'PutAccountPublicAccessBlock',
      eventTime: '2024-06-01T00:00:00Z',
      eventID: 'bpa-1',
      awsRegion: 'us-east-1',
      recipientAccountId: ACCOUNT,
      userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT },
    },
  };

  it('lists and enqueues every bucket without reading one, then the queue spreads the reads over invocations that each stop before their timeout', async () => {
    const sim = simulated();
    for (let i = 0; i < 95; i++) sim.listed.push(i % 3 === 0 ? `public-${i}` : `private-${i}`);
    // The queue: messages with a visibility time; an invocation receives up to 10 visible ones.
    const queue: { id: string; body: string; visibleAt: number; receives: number }[] = [];
    let deadline: number | undefined;
    const engine = createEngine({
      families: [testFamily()],
      source: sim.source,
      sink: sim.sink,
      clock: sim.clock,
      enqueue: async (refs) => {
        for (const ref of refs) queue.push({ id: `q-${queue.length}`, body: JSON.stringify(evaluateMessageFor(ref, testBucketKind, 'fan-out')), visibleAt: 0, receives: 0 });
      },
      work: { maxAttempts: 3, deadline: () => deadline, concurrency: 1 },
    });

    const first = await engine.processBatch([{ id: 'event', body: bpaChange }]);
    expect(first.failedIds).toEqual([]);
    expect(queue).toHaveLength(95);
    expect(sim.reads).toEqual([ACCOUNT]); // the account's own setting is read inline; no bucket is

    // Each invocation may run 4 simulated seconds: at one second per read, a batch of 10 never finishes in one.
    let invocations = 0;
    while (queue.length > 0) {
      const start = sim.clock().getTime();
      const batch = queue.filter((m) => m.visibleAt <= start).slice(0, 10);
      if (batch.length === 0) {
        sim.advance(1000);
        continue;
      }
      invocations += 1;
      for (const m of batch) m.receives += 1;
      deadline = start + 4000;
      const records: InboundRecord[] = batch.map((m) => ({ id: m.id, body: m.body, attempt: m.receives }));
      const outcome = await engine.processBatch(records);
      expect(sim.clock().getTime()).toBeLessThanOrEqual(deadline + 1000); // the last read started before the deadline
      const retry = new Map(outcome.retryAfter.map((r) => [r.id, r.seconds]));
      for (const m of batch) {
        if (outcome.failedIds.includes(m.id)) m.visibleAt = sim.clock().getTime() + (retry.get(m.id) ?? 30) * 1000;
        else queue.splice(queue.indexOf(m), 1);
      }
      expect(batch.every((m) => m.receives < 3 || !queue.includes(m))).toBe(true);
    }

    expect(invocations).toBeGreaterThanOrEqual(20);
    const judged = new Set(sim.written.map((v) => v.resourceId));
    for (const name of sim.listed) expect(judged.has(name)).toBe(true);
    expect(sim.written.filter((v) => v.status === 'FAIL').map((v) => v.resourceId).sort()).toEqual(sim.listed.filter((n) => n.startsWith('public-')).sort());
    expect(sim.written.filter((v) => v.status === 'ERROR')).toEqual([]);
  });
});
