import fc from 'fast-check';
import { ConfigError } from '../../shared/core';
import type { VerdictStatus } from '../../shared/core';
import {
  HISTORY_LIMIT,
  MAX_EVIDENCE_ITEMS,
  Transition,
  findingIdOf,
  nextFinding,
  suppressFinding,
  transitionOf,
  unsuppressFinding,
} from '../../shared/findings';
import type { Finding, LifecycleContext } from '../../shared/findings';
import { actorOfFixture, at, clockAt, privateAclEvent, publicPolicyEvent, verdictOf } from './helpers';

const ctxAt = (minutes: number, extra: Partial<LifecycleContext> = {}): LifecycleContext => ({ detectedAt: at(minutes), now: clockAt(minutes), ...extra });

/** Applies a verdict and asserts something was written. */
const apply = (old: Finding | undefined, status: VerdictStatus, minute: number, extra: Partial<LifecycleContext> = {}): Finding => {
  const next = nextFinding(old, verdictOf(status, at(minute)), ctxAt(minute, extra));
  if (next === undefined) throw new Error(`expected a write for ${status} at minute ${minute}`);
  return next;
};

const openFinding = (): Finding => apply(undefined, 'FAIL', 0, { actor: actorOfFixture(publicPolicyEvent()) });
const resolvedFinding = (): Finding => apply(openFinding(), 'PASS', 10);
const suppressedFinding = (expiresAtMinute = 100): Finding =>
  suppressFinding(openFinding(), { owner: 'platform-team', reason: 'static website bucket, reviewed', expiresAt: at(expiresAtMinute) }, clockAt(5));
const errorFinding = (): Finding => apply(undefined, 'ERROR', 0);

describe('Function: findingIdOf', () => {
  it('is deterministic, short and distinct per (rule, resource)', () => {
    const id = findingIdOf('s3-bucket-public-read', 'arn:aws:s3:::example-bucket');
    expect(id).toMatch(/^f-[0-9a-f]{20}$/);
    expect(findingIdOf('s3-bucket-public-read', 'arn:aws:s3:::example-bucket')).toBe(id);
    expect(findingIdOf('s3-bucket-public-write', 'arn:aws:s3:::example-bucket')).not.toBe(id);
    expect(findingIdOf('s3-bucket-public-read', 'arn:aws:s3:::bucket')).not.toBe(id);
  });
});

describe('Function: nextFinding', () => {
  it('opens a new finding (NEW) on the first FAIL, with the actor of the event and the detection time', () => {
    // Prepare
    const detail = publicPolicyEvent();
    // Act
    const finding = nextFinding(undefined, verdictOf('FAIL', at(1)), ctxAt(2, { actor: actorOfFixture(detail), detectedAt: at(1.5) }));
    // Assess
    expect(finding).toMatchObject({
      findingId: findingIdOf('s3-bucket-public-read', 'arn:aws:s3:::example-bucket'),
      status: 'OPEN',
      severity: 'CRITICAL',
      severitySortKey: `4#${at(1)}`,
      resourceId: 'example-bucket',
      firstSeenAt: at(1),
      lastSeenAt: at(1),
      observedAt: at(1),
      detectedAt: at(1.5),
      lastEvaluatedAt: at(2),
      lastResult: 'FAIL',
      version: 1,
      actor: { principalArn: 'arn:aws:sts::123456789012:assumed-role/example-role/example-user', eventName: 'PutBucketPolicy', eventId: '1111', sourceIp: '111.111.111.111' },
      history: [{ at: at(2), to: 'OPEN', transition: 'NEW', eventId: '1111' }],
    });
    expect(finding?.evidence[0]).toMatchObject({ field: 'policy', statements: [{ index: 0, sid: 'Public Access' }] });
    expect(transitionOf(undefined, finding)).toBe(Transition.NEW);
  });

  it.each(['PASS', 'NOT_APPLICABLE'] as const)('writes nothing for %s when there is no finding', (status) => {
    expect(nextFinding(undefined, verdictOf(status, at(1)), ctxAt(1))).toBeUndefined();
  });

  it('records an ERROR with no finding as a finding with status ERROR (EVALUATION_ERROR)', () => {
    const finding = errorFinding();
    expect(finding).toMatchObject({ status: 'ERROR', version: 1, lastError: { message: 'could not evaluate example-bucket: access denied to s3:GetBucketPolicy', observedAt: at(0) } });
    expect(finding.firstSeenAt).toBeUndefined();
    expect(finding.lastResult).toBeUndefined();
    expect(transitionOf(undefined, finding)).toBe(Transition.EVALUATION_ERROR);
  });

  it('keeps an OPEN finding open on a repeated FAIL: refreshes lastSeenAt, observedAt and evidence, keeps the actor, no transition', () => {
    // Prepare
    const open = openFinding();
    const changed = verdictOf('FAIL', at(7), { evidence: [{ message: 'statement Public Access allows s3:* to everyone', field: 'policy' }] });
    // Act
    const next = nextFinding(open, changed, ctxAt(8, { actor: actorOfFixture(privateAclEvent()) }));
    // Assess
    expect(next).toMatchObject({ status: 'OPEN', lastSeenAt: at(7), observedAt: at(7), firstSeenAt: at(0), version: 2, severitySortKey: `4#${at(7)}` });
    expect(next?.evidence).toEqual([{ message: 'statement Public Access allows s3:* to everyone', field: 'policy' }]);
    expect(next?.actor).toEqual(open.actor);
    expect(next?.history).toEqual(open.history);
    expect(transitionOf(open, next)).toBeUndefined();
  });

  it.each([
    ['PASS', {}, 'PASS'],
    ['NOT_APPLICABLE', {}, 'NOT_APPLICABLE'],
    ['PASS', { gone: true }, 'RESOURCE_DELETED'],
    ['FAIL', { gone: true }, 'RESOURCE_DELETED'],
  ] as const)('resolves an OPEN finding on %s %j (resolvedBy %s)', (status, extra, resolvedBy) => {
    const open = openFinding();
    const next = apply(open, status, 10, { ...extra, actor: actorOfFixture(privateAclEvent()) });
    expect(next).toMatchObject({ status: 'RESOLVED', resolvedAt: at(10), resolvedBy, detectedAt: at(10), actor: { eventName: 'PutBucketAcl' } });
    expect(transitionOf(open, next)).toBe(Transition.RESOLVED);
  });

  describe('event detections (det-*): occurrences, not states', () => {
    const detection = (minute: number) => verdictOf('FAIL', at(minute), { source: 'event', ruleId: 'det-root-activity' });
    const ctx = (minute: number) => ctxAt(minute, { actor: actorOfFixture(publicPolicyEvent()) });
    const DAY = 24 * 60;

    it('alerts once for a burst, and again (RECURRED) when the detection fires after a quiet day', () => {
      const first = nextFinding(undefined, detection(0), ctx(0))!;
      expect(transitionOf(undefined, first)).toBe(Transition.NEW);
      const burst = nextFinding(first, detection(30), ctx(30))!;
      expect(burst.status).toBe('OPEN');
      expect(transitionOf(first, burst)).toBeUndefined();
      const later = nextFinding(burst, detection(30 + DAY), ctx(30 + DAY))!;
      expect(later.status).toBe('OPEN');
      expect(transitionOf(burst, later)).toBe(Transition.RECURRED);
      expect(later.history.at(-1)).toMatchObject({ from: 'OPEN', to: 'OPEN', transition: 'RECURRED' });
      // The same write seen again (stream redelivery compares the same images): no second alert.
      const touched = nextFinding(later, detection(31 + DAY), ctx(31 + DAY))!;
      expect(transitionOf(later, touched)).toBeUndefined();
    });

    it('never recurs for posture findings, however long they stay open', () => {
      const open = openFinding();
      const weekLater = nextFinding(open, verdictOf('FAIL', at(7 * DAY)), ctxAt(7 * DAY))!;
      expect(transitionOf(open, weekLater)).toBeUndefined();
    });
  });

  it('resolves with RESOURCE_DELETED when the engine marks the verdict resourceGone', () => {
    const open = openFinding();
    const gone = { ...verdictOf('PASS', at(10), { message: 'example-bucket no longer exists' }), resourceGone: true };
    expect(nextFinding(open, gone, ctxAt(10))).toMatchObject({ status: 'RESOLVED', resolvedBy: 'RESOURCE_DELETED' });
  });

  it('reopens a RESOLVED finding on FAIL (REGRESSED) and clears the resolution', () => {
    const resolved = resolvedFinding();
    const next = apply(resolved, 'FAIL', 20);
    expect(next).toMatchObject({ status: 'OPEN', lastSeenAt: at(20), firstSeenAt: at(0) });
    expect(next.resolvedAt).toBeUndefined();
    expect(next.resolvedBy).toBeUndefined();
    expect(transitionOf(resolved, next)).toBe(Transition.REGRESSED);
  });

  it('keeps a RESOLVED finding resolved on PASS without a transition', () => {
    const resolved = resolvedFinding();
    const next = apply(resolved, 'PASS', 20);
    expect(next).toMatchObject({ status: 'RESOLVED', resolvedAt: at(10), observedAt: at(20) });
    expect(transitionOf(resolved, next)).toBeUndefined();
  });

  describe('suppression expiry (injected clock)', () => {
    it('stays SUPPRESSED on FAIL before the expiry, without a transition', () => {
      const suppressed = suppressedFinding(100);
      const next = nextFinding(suppressed, verdictOf('FAIL', at(99)), { detectedAt: at(99), now: new Date(clockAt(100).getTime() - 1) });
      expect(next).toMatchObject({ status: 'SUPPRESSED', lastSeenAt: at(99), suppression: { owner: 'platform-team', expiresAt: at(100) } });
      expect(transitionOf(suppressed, next)).toBeUndefined();
    });

    it('reopens on FAIL at the expiry (SUPPRESSION_EXPIRED) and drops the suppression', () => {
      const suppressed = suppressedFinding(100);
      const next = apply(suppressed, 'FAIL', 100);
      expect(next.status).toBe('OPEN');
      expect(next.suppression).toBeUndefined();
      expect(transitionOf(suppressed, next)).toBe(Transition.SUPPRESSION_EXPIRED);
    });

    it('resolves on PASS, expired or not', () => {
      const suppressed = suppressedFinding(100);
      const next = apply(suppressed, 'PASS', 50);
      expect(next).toMatchObject({ status: 'RESOLVED', resolvedBy: 'PASS' });
      expect(next.suppression).toBeUndefined();
      expect(transitionOf(suppressed, next)).toBe(Transition.RESOLVED);
    });

    it('does not expire on an ERROR verdict after the expiry: the status never changes on ERROR', () => {
      const suppressed = suppressedFinding(100);
      expect(apply(suppressed, 'ERROR', 200).status).toBe('SUPPRESSED');
    });
  });

  describe('ERROR verdicts', () => {
    it.each([
      ['OPEN', openFinding],
      ['SUPPRESSED', () => suppressedFinding(100)],
      ['RESOLVED', resolvedFinding],
    ] as const)('never change the status of a %s finding, never resolve it, and keep the last observation', (status, make) => {
      // Prepare
      const before = make();
      // Act
      const next = apply(before, 'ERROR', 30);
      // Assess
      expect(next.status).toBe(status);
      expect(next).toMatchObject({ observedAt: before.observedAt, message: before.message, lastEvaluatedAt: at(30), lastError: { observedAt: at(30) }, version: before.version + 1 });
      expect(next.evidence).toEqual(before.evidence);
      expect(next.resolvedAt).toEqual(before.resolvedAt);
      expect(transitionOf(before, next)).toBeUndefined();
    });

    it('do not fence out an older conclusive observation that arrives later', () => {
      const errored = apply(openFinding(), 'ERROR', 30);
      const resolved = apply(errored, 'PASS', 20);
      expect(resolved.status).toBe('RESOLVED');
      expect(resolved.lastError).toEqual(errored.lastError); // the newer attempt still could not run
    });

    it('are cleared by a newer conclusive verdict', () => {
      const errored = apply(openFinding(), 'ERROR', 30);
      const next = apply(errored, 'FAIL', 31);
      expect(next.lastError).toBeUndefined();
      expect(next.status).toBe('OPEN');
    });

    it('are stale against a newer recorded error, and a duplicate error writes nothing', () => {
      const errored = apply(openFinding(), 'ERROR', 30);
      expect(nextFinding(errored, verdictOf('ERROR', at(29)), ctxAt(40))).toBeUndefined();
      expect(nextFinding(errored, verdictOf('ERROR', at(30)), ctxAt(40))).toBeUndefined();
    });
  });

  it('turns an ERROR finding OPEN (NEW) on FAIL and RESOLVED (EVALUATION_RECOVERED) on PASS', () => {
    const errored = errorFinding();
    const opened = apply(errored, 'FAIL', 5);
    expect(opened).toMatchObject({ status: 'OPEN', firstSeenAt: at(5) });
    expect(transitionOf(errored, opened)).toBe(Transition.NEW);
    const recovered = apply(errored, 'PASS', 5);
    expect(recovered.status).toBe('RESOLVED');
    expect(transitionOf(errored, recovered)).toBe(Transition.EVALUATION_RECOVERED);
  });

  it('ignores an observation older than the stored one and writes nothing for the same observation twice', () => {
    const open = apply(undefined, 'FAIL', 10);
    expect(nextFinding(open, verdictOf('PASS', at(9)), ctxAt(11))).toBeUndefined();
    expect(nextFinding(open, verdictOf('FAIL', at(10)), ctxAt(11, { detectedAt: at(11) }))).toBeUndefined();
  });

  it('orders observations by time, not by how the timestamp is spelled', () => {
    const open = nextFinding(undefined, verdictOf('FAIL', '2024-01-01T00:00:00.500Z'), ctxAt(1)) as Finding;
    // '...00Z' sorts after '...00.500Z' as text but is earlier in time.
    expect(nextFinding(open, verdictOf('PASS', '2024-01-01T00:00:00Z'), ctxAt(1))).toBeUndefined();
    expect(nextFinding(open, verdictOf('PASS', '2024-01-01T00:00:01Z'), ctxAt(1))?.observedAt).toBe('2024-01-01T00:00:01.000Z');
  });

  it(`keeps the last ${HISTORY_LIMIT} transitions`, () => {
    let finding = openFinding();
    for (let i = 1; i <= 30; i += 1) finding = apply(finding, i % 2 === 1 ? 'PASS' : 'FAIL', i);
    expect(finding.history).toHaveLength(HISTORY_LIMIT);
    expect(finding.history.at(-1)).toMatchObject({ at: at(30), from: 'RESOLVED', to: 'OPEN', transition: 'REGRESSED' });
    expect(finding.version).toBe(31);
  });

  it(`stores at most ${MAX_EVIDENCE_ITEMS} evidence items and truncates huge values`, () => {
    const evidence = Array.from({ length: 30 }, (_, i) => ({ message: `statement ${i} is public`, value: i === 0 ? 'x'.repeat(10_000) : i }));
    const finding = nextFinding(undefined, verdictOf('FAIL', at(1), { evidence }), ctxAt(1)) as Finding;
    expect(finding.evidence).toHaveLength(MAX_EVIDENCE_ITEMS + 1);
    expect(finding.evidence.at(-1)?.message).toBe('5 more evidence item(s) not stored');
    expect(String(finding.evidence[0]?.value)).toMatch(/… \(truncated, 10002 chars\)$/);
    expect(finding.evidence[1]?.value).toBe(1);
  });
});

describe('Function: suppressFinding', () => {
  const now = clockAt(5);
  it.each([
    [{ owner: '', reason: 'accepted', expiresAt: at(100) }, /needs an owner/],
    [{ owner: '  ', reason: 'accepted', expiresAt: at(100) }, /needs an owner/],
    [{ owner: 'team', reason: '', expiresAt: at(100) }, /needs a reason/],
    [{ owner: 'team', reason: 'accepted', expiresAt: '' }, /needs an expiry/],
    [{ owner: 'team', reason: 'accepted', expiresAt: 'next tuesday' }, /'next tuesday' is not a valid date/],
    [{ owner: 'team', reason: 'accepted', expiresAt: at(5) }, /is in the past/],
    [{ owner: 'team', reason: 'accepted', expiresAt: at(1) }, /is in the past/],
  ])('rejects %j with a ConfigError naming the problem', (input, message) => {
    expect(() => suppressFinding(openFinding(), input, now)).toThrow(ConfigError);
    expect(() => suppressFinding(openFinding(), input, now)).toThrow(message);
  });

  it('suppresses with owner, reason, expiry, who and when (SUPPRESSED)', () => {
    const open = openFinding();
    const next = suppressFinding(open, { owner: ' platform-team ', reason: 'reviewed', expiresAt: new Date(at(100)), by: 'alice' }, now);
    expect(next).toMatchObject({ status: 'SUPPRESSED', suppression: { owner: 'platform-team', reason: 'reviewed', expiresAt: at(100), by: 'alice', at: at(5) }, version: 2 });
    expect(next.history.at(-1)).toMatchObject({ from: 'OPEN', to: 'SUPPRESSED', transition: 'SUPPRESSED', by: 'alice' });
    expect(transitionOf(open, next)).toBe(Transition.SUPPRESSED);
  });

  it('replaces the suppression of a suppressed finding without a transition', () => {
    const suppressed = suppressedFinding(100);
    const extended = suppressFinding(suppressed, { owner: 'platform-team', reason: 'still reviewed', expiresAt: at(500) }, now);
    expect(extended.suppression?.expiresAt).toBe(at(500));
    expect(transitionOf(suppressed, extended)).toBeUndefined();
  });
});

describe('Function: unsuppressFinding', () => {
  it('reopens a suppressed failing finding (UNSUPPRESSED)', () => {
    const suppressed = suppressedFinding(100);
    const next = unsuppressFinding(suppressed, clockAt(6), 'bob');
    expect(next).toMatchObject({ status: 'OPEN', version: suppressed.version + 1 });
    expect(next?.suppression).toBeUndefined();
    expect(transitionOf(suppressed, next)).toBe(Transition.UNSUPPRESSED);
  });

  it('returns a finding suppressed while resolved to RESOLVED, and one known only by errors to ERROR', () => {
    const fromResolved = suppressFinding(resolvedFinding(), { owner: 'team', reason: 'planned change', expiresAt: at(100) }, clockAt(11));
    expect(unsuppressFinding(fromResolved, clockAt(12))).toMatchObject({ status: 'RESOLVED', resolvedAt: at(10) });
    const fromError = suppressFinding(errorFinding(), { owner: 'team', reason: 'no access by design', expiresAt: at(100) }, clockAt(1));
    const lifted = unsuppressFinding(fromError, clockAt(2));
    expect(lifted?.status).toBe('ERROR');
    expect(transitionOf(fromError, lifted)).toBe(Transition.UNSUPPRESSED);
  });

  it('writes nothing for a finding that is not suppressed', () => {
    expect(unsuppressFinding(openFinding(), clockAt(6))).toBeUndefined();
  });
});

describe('Function: transitionOf', () => {
  it('gives no transition without a new image, for the same status, or for an image that is not newer', () => {
    const open = openFinding();
    const resolved = apply(open, 'PASS', 10);
    expect(transitionOf(open, undefined)).toBeUndefined();
    expect(transitionOf(open, apply(open, 'FAIL', 5))).toBeUndefined();
    expect(transitionOf(resolved, open)).toBeUndefined(); // replayed out of order
  });

  it('falls back on the status pair when the history does not name the transition', () => {
    const open = openFinding();
    const resolved = { ...apply(open, 'PASS', 10), history: [] };
    expect(transitionOf(open, resolved)).toBe(Transition.RESOLVED);
    expect(transitionOf(resolved, { ...open, version: 3, history: [] })).toBe(Transition.REGRESSED);
  });
});

describe('Property: lifecycle invariants over random verdict sequences', () => {
  const step = fc.record({
    status: fc.constantFrom<VerdictStatus>('PASS', 'FAIL', 'NOT_APPLICABLE', 'ERROR'),
    advance: fc.integer({ min: -3, max: 5 }),
    gone: fc.boolean(),
  });

  it('ERROR never changes a status, a transition exists exactly when the status changes, versions and observations only grow', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let finding: Finding | undefined;
        let minute = 0;
        for (const { status, advance, gone } of steps) {
          minute += advance;
          const next = nextFinding(finding, verdictOf(status, at(minute)), ctxAt(Math.max(minute, 0), { gone: gone && status !== 'ERROR' }));
          if (next === undefined) continue;
          if (finding !== undefined) {
            if (status === 'ERROR') expect(next.status).toBe(finding.status);
            expect(next.version).toBe(finding.version + 1);
            expect(next.observedAt >= finding.observedAt).toBe(true);
            expect(transitionOf(finding, next) !== undefined).toBe(next.status !== finding.status);
          } else {
            expect(transitionOf(undefined, next)).toBeDefined();
          }
          finding = next;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('Rationale', () => {
  it('comes from the context, else from a rationale on the verdict, else stays as stored', () => {
    const withRationale = { ...verdictOf('FAIL', at(1)), rationale: 'Public buckets leak data.' };
    const viaVerdict = nextFinding(undefined, withRationale, ctxAt(1));
    expect(viaVerdict?.rationale).toBe('Public buckets leak data.');
    const viaContext = nextFinding(undefined, withRationale, ctxAt(1, { rationale: 'From the rule.' }));
    expect(viaContext?.rationale).toBe('From the rule.');
    expect(nextFinding(viaVerdict, verdictOf('PASS', at(2)), ctxAt(2))?.rationale).toBe('Public buckets leak data.');
  });
});
