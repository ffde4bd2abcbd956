/**
 * Injected SDK faults never resolve an open finding, and what is retryable is retried (issue 9, item 14 c). For each
 * family, a resource of the stubbed account whose findings are OPEN is re-evaluated round after round while 20 % of the
 * SDK calls fail (seeded, so every run injects the same faults): AccessDenied, throttling, 5xx and timeouts. The live state
 * never changes, so no finding may leave OPEN. A record must be reported for retry exactly when a retryable fault hit one
 * of its reads (the queue redelivers it; the SDK's own retries are spent by then); a denied read gives ERROR verdicts,
 * which are recorded and never retried (a retry would be denied again).
 */
import fc from 'fast-check';
import { FindingStatus } from '../../shared/core';
import { mockAwsWorld, type SentCommand } from '../helpers/aws-world';
import { familyScenarios, type FamilyScenario } from './events';
import { createAlertPaths, tickingClock } from './harness';

const FAULT_RATE = 0.2;
const SEED = 20240601;
const MIXED_ROUNDS = 30;
const DENIED_ROUNDS = 8;

type FaultKind = 'denied' | 'throttled' | 'server' | 'timeout';
const KINDS: readonly FaultKind[] = ['denied', 'throttled', 'server', 'timeout'];

/**
 * Errors as SDK v3 raises them: the exception name, the wire code where the protocol has one, the HTTP status. Denials
 * are spelled per service (S3 and IAM `AccessDenied`, EC2 `UnauthorizedOperation`, JSON services `AccessDeniedException`);
 * a socket timeout of the Node.js HTTP handler is a `TimeoutError` with no HTTP status.
 */
const faultFor = (kind: FaultKind, call: SentCommand): Error => {
  const error = (name: string, httpStatusCode?: number) => Object.assign(new Error(`injected ${kind} on ${call.command}`), { name, Code: name, $metadata: { httpStatusCode } });
  switch (kind) {
    case 'denied':
      return call.client === 'EC2' ? error('UnauthorizedOperation', 403) : ['S3', 'S3Control', 'IAM'].includes(call.client) ? error('AccessDenied', 403) : error('AccessDeniedException', 403);
    case 'throttled':
      return call.client === 'S3' ? error('SlowDown', 503) : error('ThrottlingException', 400);
    case 'server':
      return error(call.client === 'S3' ? 'InternalError' : 'InternalServerError', 500);
    case 'timeout':
      return error('TimeoutError');
  }
};

/** A fixed sequence of (draw, kind index) pairs from fast-check's seeded generator: the same faults on every run. */
const decisions = fc.sample(fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.nat({ max: KINDS.length - 1 })), { seed: SEED, numRuns: 20_000 });

// Long runs by design (seconds, not the 5 s default); no test waits on a timer.
jest.setTimeout(60_000);

describe('20 % injected SDK faults', () => {
  const world = mockAwsWorld();
  const paths = createAlertPaths();
  afterAll(async () => {
    world.restore();
    await paths.close();
  });
  beforeEach(() => world.reset());

  let cursor = 0;
  /** Injects faults of the given kinds at FAULT_RATE; returns the kinds injected since the last call of `take`. */
  const injectFaults = (kinds: readonly FaultKind[]) => {
    let injected: FaultKind[] = [];
    world.fault = (call) => {
      const [draw, index] = decisions[cursor++ % decisions.length];
      if (draw >= FAULT_RATE) return undefined;
      const kind = kinds[index % kinds.length];
      injected.push(kind);
      return faultFor(kind, call);
    };
    return { take: () => injected.splice(0) };
  };

  const names = familyScenarios(tickingClock()).map((s) => [s.family.name, s.resourceId] as const);
  it.each(names)('%s (%s): no open finding resolves, retryable faults are retried, denials give ERROR', async (name) => {
    const clock = tickingClock();
    const scenario = familyScenarios(clock).find((s) => s.family.name === name) as FamilyScenario;
    const path = await paths.start(scenario.family, clock);
    let round = 0;
    const deliver = () => path.deliver([scenario.event(`round-${(round += 1)}`, new Date(Date.UTC(2024, 5, 1, 10, round)).toISOString())]);
    const openIds = async () => new Set((await path.store.list({ status: FindingStatus.OPEN })).map((f) => f.findingId));

    // A clean evaluation first: the findings that are OPEN and must stay so.
    expect((await deliver()).batchItemFailures).toEqual([]);
    const open = await openIds();
    expect(open.size).toBeGreaterThan(0);

    const seen = { retried: 0, deniedOnly: 0, clean: 0 };
    let stillOpen = open;
    const check = async (faults: FaultKind[], delivery: Awaited<ReturnType<typeof deliver>>) => {
      const retryable = faults.some((kind) => kind !== 'denied');
      expect({ faults, retried: delivery.batchItemFailures.length > 0 }).toEqual({ faults, retried: retryable });
      expect(delivery.alerts.filter((alert) => open.has(alert.findingId))).toEqual([]);
      expect([...open].filter((id) => !stillOpen.has(id))).toEqual([]);
      if (retryable) seen.retried += 1;
      else if (faults.length > 0) seen.deniedOnly += 1;
      else seen.clean += 1;
    };

    const mixed = injectFaults(KINDS);
    for (let i = 0; i < MIXED_ROUNDS; i++) {
      const delivery = await deliver();
      stillOpen = await openIds();
      await check(mixed.take(), delivery);
    }
    const denied = injectFaults(['denied']);
    for (let i = 0; i < DENIED_ROUNDS; i++) {
      const delivery = await deliver();
      stillOpen = await openIds();
      await check(denied.take(), delivery);
    }
    expect(seen.retried).toBeGreaterThan(0);
    expect(seen.deniedOnly).toBeGreaterThan(0);

    // Faults gone: the same findings are open, and nothing else.
    world.fault = undefined;
    expect((await deliver()).batchItemFailures).toEqual([]);
    expect(await openIds()).toEqual(open);
  });
});
