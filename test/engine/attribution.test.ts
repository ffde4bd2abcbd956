/**
 * Blame only a change the judged state reflects. The replay drives the real engine over the example account (a Config
 * snapshot) with the recorded S3 events, in every order the property generates and cut into batches anywhere; the store
 * is the pure lifecycle in memory (the behaviour under test is the attribution, not DynamoDB).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Actor, UnattributedChange, Verdict } from '../../shared/core';
import { createConfigSource, createEngine } from '../../shared/engine';
import { ALL_FAMILIES, s3Family } from '../../shared/families';
import { findingIdOf, isStaleVerdict, nextFinding, transitionOf, type Finding } from '../../shared/findings';
import { attributeChange, attributionOf, describeUnattributed } from '../../shared/findings/attribution';
import { replayEvents } from '../../cli/commands/replay';
import { startEmbeddedStore } from '../../shared/findings/embedded';

if (process.env.FC_SEED !== 'random') fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261211) });

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const snapshotItems = (JSON.parse(readFileSync(join(EXAMPLES, 'account-snapshot.json'), 'utf8')) as { configurationItems: unknown[] }).configurationItems;
const allEvents = JSON.parse(readFileSync(join(EXAMPLES, 'events.json'), 'utf8')) as { detail: Record<string, any> }[];
const NOW = new Date('2027-01-01T00:00:00.000Z');

const actor = (name: string, eventTime: string, eventName = 'PutBucketPolicy'): Actor => ({ principalArn: `arn:aws:iam::111122223333:user/${name}`, eventTime, eventName });

describe('attributeChange / attributionOf (pure)', () => {
  it('names the latest event read at or before the observation, never a later one', () => {
    const alice = actor('alice', '2024-11-26T10:00:00Z');
    const bob = actor('bob', '2024-11-26T10:05:00Z', 'DeleteBucketPolicy');
    expect(attributeChange('2024-11-26T10:03:00Z', [bob, alice])).toEqual({ actor: alice });
    expect(attributeChange('2024-11-26T10:05:00Z', [alice, bob])).toEqual({ actor: bob });
    expect(attributeChange('2024-11-26T09:00:00Z', [bob, alice])).toEqual({
      unattributed: { reason: 'observed-before', observedAt: '2024-11-26T09:00:00Z', eventName: 'PutBucketPolicy', eventTime: '2024-11-26T10:00:00Z' },
    });
    expect(attributeChange('2024-11-26T09:00:00Z', [])).toEqual({});
    expect(attributeChange('2024-11-26T09:00:00Z', [{ principalArn: 'x' }])).toEqual({}); // no event time: never placed
  });

  it('a transition keeps the actor only when it reflects the event and no later event is recorded on the finding', () => {
    const alice = actor('alice', '2024-11-26T10:00:00Z');
    const carol = actor('carol', '2024-11-26T11:00:00Z');
    expect(attributionOf('2024-11-26T10:30:00Z', { actor: alice }, undefined)).toEqual({ actor: alice });
    expect(attributionOf('2024-11-26T09:30:00Z', { actor: alice }, undefined).unattributed?.reason).toBe('observed-before');
    const superseded = attributionOf('2024-11-26T12:00:00Z', { actor: alice }, carol).unattributed as UnattributedChange;
    expect(superseded).toEqual({ reason: 'superseded', observedAt: '2024-11-26T12:00:00Z', eventName: 'PutBucketPolicy', eventTime: '2024-11-26T11:00:00Z' });
    expect(describeUnattributed(superseded)).toBe('unknown (a later change, PutBucketPolicy at 2024-11-26T11:00:00Z, is already recorded)');
  });
});

/** A FindingsStore-like sink over the pure lifecycle: what a replay would write and announce. */
const lifecycleSink = () => {
  const items = new Map<string, Finding>();
  const announced: { transition: string; finding: Finding }[] = [];
  return {
    announced,
    reconcile: async (verdict: Verdict, ctx: { actor?: Actor; unattributed?: UnattributedChange; detectedAt: string }) => {
      const id = findingIdOf(verdict.ruleId, verdict.resourceArn);
      const old = items.get(id);
      if (old && isStaleVerdict(old, verdict)) return;
      const next = nextFinding(old, verdict, { ...ctx, now: NOW });
      if (!next) return;
      items.set(id, next);
      const transition = transitionOf(old, next);
      if (transition) announced.push({ transition, finding: next });
    },
  };
};

const s3Events = allEvents.filter((e) => (e.detail.eventSource ?? '') === 's3.amazonaws.com' || String(e.detail.configurationItem?.resourceType ?? '').startsWith('AWS::S3::'));

describe('replay: reordered deliveries', () => {
  it('never name a change the judged state does not reflect, so never the fix as the cause of a NEW', async () => {
    let publicAssetsNew = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(s3Events, { minLength: s3Events.length, maxLength: s3Events.length }),
        fc.array(fc.boolean(), { minLength: s3Events.length, maxLength: s3Events.length }),
        async (order, cuts) => {
          // Prepare: batches cut where the generator says; a fresh state and store per run.
          const batches: (typeof order)[] = [[]];
          order.forEach((event, i) => {
            if (i > 0 && cuts[i]) batches.push([]);
            batches[batches.length - 1].push(event);
          });
          const families = [s3Family];
          const source = createConfigSource(families, snapshotItems);
          const sink = lifecycleSink();
          const engine = createEngine({ families, source, sink, clock: () => NOW });
          // Act
          for (const [b, batch] of batches.entries()) await engine.processBatch(batch.map((body, i) => ({ id: `${b}.${i}`, body })));
          // Assess
          for (const { transition, finding } of sink.announced) {
            if (finding.actor && !finding.ruleId.startsWith('det-')) {
              expect(Date.parse(finding.actor.eventTime ?? '')).toBeLessThanOrEqual(Date.parse(finding.observedAt));
            }
            // alice's DeleteBucketPolicy is the fix of the public bucket: never the cause of it being public.
            if ((transition === 'NEW' || transition === 'REGRESSED') && finding.ruleId === 's3-bucket-public-read') {
              expect(finding.actor?.eventName).not.toBe('DeleteBucketPolicy');
              if (finding.resourceId === 'acme-public-assets') publicAssetsNew++;
            }
          }
        },
      ),
      { numRuns: 40 },
    );
    // The troublesome order (alice's fix delivered before the Config item it produced) was generated and judged.
    expect(publicAssetsNew).toBeGreaterThan(0);
  });

  it('replaying CloudTrail records newer than the snapshot never blames their callers, and says why', async () => {
    const records = allEvents.filter((e) => !e.detail.configurationItem);
    const embedded = await startEmbeddedStore();
    try {
      const outcome = await replayEvents({ families: [...ALL_FAMILIES], source: createConfigSource([...ALL_FAMILIES], snapshotItems), store: embedded.store, events: records, clock: () => NOW });
      const posture = outcome.alerts.filter((a) => !a.body.finding.ruleId.startsWith('det-'));
      expect(posture.length).toBeGreaterThan(3);
      for (const alert of posture) {
        expect(alert.body.finding.actor).toBeUndefined();
        expect(alert.body.finding.unattributed?.reason).toBe('observed-before');
        expect(alert.text).toMatch(/Changed by: +unknown \(state observed at [0-9T:.Z-]+, before \w+ at /);
      }
      // The fix's caller in particular: alice removed the public policy after the snapshot was taken. (The policy-change
      // detection is about her call itself, and names her.)
      expect(posture.map((a) => a.text).join('\n')).not.toContain('user/alice');
    } finally {
      await embedded.close();
    }
  });
});
