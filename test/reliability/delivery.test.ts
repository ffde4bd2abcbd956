/**
 * Reliability of the event path under at-least-once, out-of-order delivery (issue 9, item 14 a and b), end to end: SQS
 * batch → s3 evaluator → findings table (dynalite) → stream → notifier → SNS. EventBridge and SQS may deliver an event
 * more than once and in any order (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/standard-queues.html:
 * "at-least-once delivery", "best-effort ordering"); the evaluator re-reads the live state on every event, so the alerts
 * must follow the live state, never the order or the number of deliveries.
 */
import { GetBucketAclCommand } from '@aws-sdk/client-s3';
import { FindingStatus } from '../../shared/core';
import { mockAwsWorld } from '../helpers/aws-world';
import { sdkResponse } from '../helpers/fixtures';
import { bucketAclChange, familyScenarios } from './events';
import { createAlertPaths, tickingClock, type AlertPath, type PublishedAlert } from './harness';

type BucketState = 'public' | 'fixed';
/** The ACL each state answers: AllUsers may WRITE (public) or only the owner has access (fixed); recorded answers. */
const ACL: Record<BucketState, string> = { public: 's3.GetBucketAcl.AllUsers-WRITE.custodian.json', fixed: 's3.GetBucketAcl.owner-only.custodian.json' };

/** The three changes, in the order they happened: made public, fixed, made public again. */
const CHANGES: readonly { readonly id: string; readonly time: string; readonly state: BucketState }[] = [
  { id: 'change-1', time: '2024-06-01T10:00:00Z', state: 'public' },
  { id: 'change-2', time: '2024-06-01T10:05:00Z', state: 'fixed' },
  { id: 'change-3', time: '2024-06-01T10:10:00Z', state: 'public' },
];

const permutations = <T>(items: readonly T[]): T[][] =>
  items.length <= 1 ? [[...items]] : items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));

/** Every way to cut a sequence of 3 into consecutive SQS batches. */
const SPLITS: readonly (readonly number[])[] = [[3], [1, 1, 1], [2, 1], [1, 2]];
const cut = <T>(items: readonly T[], sizes: readonly number[]): T[][] => {
  let at = 0;
  return sizes.map((size) => items.slice(at, (at += size)));
};

/** The transitions alerted per rule (one resource, so one finding per rule), in order. */
const byRule = (alerts: readonly PublishedAlert[]): Record<string, string[]> => {
  const map: Record<string, string[]> = {};
  for (const alert of alerts) (map[alert.ruleId] ??= []).push(alert.transition);
  return map;
};
const onlyNew = (rules: Iterable<string>): Record<string, string[]> => Object.fromEntries([...rules].map((rule) => [rule, ['NEW']]));

// Long runs by design (seconds, not the 5 s default); no test waits on a timer.
jest.setTimeout(60_000);

describe('the s3 alert path under duplicate and out-of-order delivery', () => {
  const world = mockAwsWorld();
  const paths = createAlertPaths();
  let clock: () => Date;

  const setBucket = (state: BucketState) => world.answer('S3', GetBucketAclCommand, () => sdkResponse(ACL[state]));
  const startPath = async (): Promise<AlertPath> => {
    clock = tickingClock();
    return paths.start(familyScenarios(clock)[0].family, clock);
  };
  /** The rules failing on the bucket in a state, from one clean evaluation: the reference the other runs must match. */
  const failingRules = async (state: BucketState): Promise<Set<string>> => {
    setBucket(state);
    const path = await startPath();
    await path.deliver([bucketAclChange('reference', CHANGES[0].time)]);
    return new Set((await path.store.list({ status: FindingStatus.OPEN })).map((f) => f.ruleId));
  };
  let failing: Record<BucketState, Set<string>>;

  beforeAll(async () => {
    failing = { public: await failingRules('public'), fixed: await failingRules('fixed') };
  });
  beforeEach(() => world.reset());
  afterAll(async () => {
    world.restore();
    await paths.close();
  });

  it('the reference: a public ACL fails s3-bucket-public-write, the fixed one passes it', () => {
    expect(failing.public.has('s3-bucket-public-write')).toBe(true);
    expect(failing.fixed.has('s3-bucket-public-write')).toBe(false);
  });

  describe('(a) the same change delivered three times', () => {
    it('in one batch: one NEW alert per failing rule, nothing more', async () => {
      setBucket('public');
      const path = await startPath();
      const event = bucketAclChange('dup', CHANGES[0].time);
      const delivery = await path.deliver([event, event, event]);
      expect(delivery.batchItemFailures).toEqual([]);
      expect(byRule(path.alerts)).toEqual(onlyNew(failing.public));
    });

    it('across batches: the second and third deliveries alert nothing', async () => {
      setBucket('public');
      const path = await startPath();
      const event = bucketAclChange('dup', CHANGES[0].time);
      const first = await path.deliver([event]);
      const again = [await path.deliver([event]), await path.deliver([event])];
      expect(first.alerts.length).toBe(failing.public.size);
      expect(again.map((d) => [d.batchItemFailures, d.alerts])).toEqual([
        [[], []],
        [[], []],
      ]);
    });

    it('twice in one batch and once more in the next: one alert per finding', async () => {
      setBucket('public');
      const path = await startPath();
      const event = bucketAclChange('dup', CHANGES[0].time);
      await path.deliver([event, event]);
      await path.deliver([event]);
      expect(byRule(path.alerts)).toEqual(onlyNew(failing.public));
    });
  });

  describe('(b) public → fixed → public, delivered in every order and every cut into batches', () => {
    const orders = permutations(CHANGES).flatMap((order) => SPLITS.map((split) => [order.map((c) => c.id.slice(-1)).join(''), split.join('+'), cut(order, split)] as const));

    it.each(orders)('all changes made before delivery, order %s in batches %s: one NEW per failing rule, no other transition', async (_order, _split, batches) => {
      setBucket('public'); // the live state once the three changes are made
      const path = await startPath();
      for (const batch of batches) expect((await path.deliver(batch.map((c) => bucketAclChange(c.id, c.time)))).batchItemFailures).toEqual([]);
      expect(byRule(path.alerts)).toEqual(onlyNew(failing.public));
      expect(new Set((await path.store.list({ status: FindingStatus.OPEN })).map((f) => f.ruleId))).toEqual(failing.public);
    });

    it.each(orders)('each batch delivered once its changes are made, order %s in batches %s: alerts follow the live state read', async (_order, _split, batches) => {
      const path = await startPath();
      // The live state when a batch is read: the latest change made so far (every change of the batch is made).
      let made = -1;
      const observed: BucketState[] = [];
      for (const batch of batches) {
        made = Math.max(made, ...batch.map((c) => CHANGES.indexOf(c)));
        setBucket(CHANGES[made].state);
        observed.push(CHANGES[made].state);
        expect((await path.deliver(batch.map((c) => bucketAclChange(c.id, c.time)))).batchItemFailures).toEqual([]);
      }
      // The transitions each rule must show: from the sequence of states read, and nothing else.
      const expected: Record<string, string[]> = {};
      for (const rule of new Set([...failing.public, ...failing.fixed])) {
        let status: 'none' | 'OPEN' | 'RESOLVED' = 'none';
        const transitions: string[] = [];
        for (const state of observed) {
          const fails = failing[state].has(rule);
          if (fails && status !== 'OPEN') transitions.push(status === 'none' ? 'NEW' : 'REGRESSED');
          if (!fails && status === 'OPEN') transitions.push('RESOLVED');
          status = fails ? 'OPEN' : status === 'none' ? 'none' : 'RESOLVED';
        }
        if (transitions.length > 0) expected[rule] = transitions;
      }
      expect(byRule(path.alerts)).toEqual(expected);
      // Converged: the last change made is public again.
      expect(new Set((await path.store.list({ status: FindingStatus.OPEN })).map((f) => f.ruleId))).toEqual(failing.public);
    });
  });

  it('keeps the later observation when an earlier read finishes last (no stale write, no spurious RESOLVED)', async () => {
    const path = await startPath();
    setBucket('public');
    await path.deliver([bucketAclChange(CHANGES[0].id, CHANGES[0].time)]);
    // A slow evaluation reads the fixed ACL (change 2) but stores its verdicts only after a later evaluation read the
    // public ACL again (change 3): its observation is older, so it must not win.
    let releaseSlow!: () => void;
    const slowRead = new Promise<void>((resolve) => (releaseSlow = resolve));
    let calls = 0;
    world.answer('S3', GetBucketAclCommand, async () => {
      calls += 1;
      if (calls === 1) {
        await slowRead;
        return sdkResponse(ACL.fixed);
      }
      return sdkResponse(ACL.public);
    });
    const slow = path.deliver([bucketAclChange(CHANGES[1].id, CHANGES[1].time)]);
    await new Promise((resolve) => setImmediate(resolve)); // let the slow evaluation start its reads (its clock reading first)
    const fast = await path.deliver([bucketAclChange(CHANGES[2].id, CHANGES[2].time)]);
    releaseSlow();
    const late = await slow;
    expect([fast, late]).toEqual([
      { batchItemFailures: [], alerts: [] },
      { batchItemFailures: [], alerts: [] },
    ]);
    expect(byRule(path.alerts)).toEqual(onlyNew(failing.public));
    expect(new Set((await path.store.list({ status: FindingStatus.OPEN })).map((f) => f.ruleId))).toEqual(failing.public);
  });
});
