/**
 * 10,000 fuzzed events through every family's evaluator (issue 9, item 14 d): the handler never throws, and every
 * record is processed, ignored or rejected alone; a rejection is always an anticipated validation error, never an
 * exception of Vigil's own code contained by the engine (those are flagged `unexpected` and fail this test).
 *
 * The events run through makeEvaluateHandler with the deployed engine wiring (createFamilyEngine) against the stubbed
 * account of test/helpers/aws-world.ts. The findings go to an in-memory table that applies the store's own lifecycle and
 * item encoding (nextFinding, itemFromFinding, marshall): dynalite would take minutes for the tens of thousands of
 * verdicts. A smaller run goes through the deployed modules themselves (functions/evaluate-*.ts) and dynalite.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import type { SQSBatchResponse } from 'aws-lambda';
import fc from 'fast-check';
import type { Verdict } from '../../shared/core';
import type { BatchOutcome, Engine } from '../../shared/engine';
import { ALL_FAMILIES } from '../../shared/families';
import type { FamilyDefinition } from '../../shared/families/types';
import { findingIdOf, isStaleVerdict, itemFromFinding, nextFinding, type EvaluationContext, type Finding, type ReconcileResult } from '../../shared/findings';
import { startEmbeddedStore, type EmbeddedStore } from '../../shared/findings/embedded';
import { makeEvaluateHandler } from '../../functions/evaluate';
import { createFamilyEngine } from '../../functions/family-engine';
import { mockAwsWorld } from '../helpers/aws-world';
import { fuzzedBody, recordedEvents } from './fuzz-events';
import { sqsBatch, tickingClock } from './harness';

const SEED = 9_2024;
const EVENTS = 10_000;
const BATCH_SIZE = 10;
const MODULE_EVENTS = 300;

/** The findings table in memory, with the lifecycle and the item encoding of the DynamoDB store. */
const memoryTable = (clock: () => Date) => {
  const items = new Map<string, Finding>();
  return {
    items,
    reconcile: async (verdict: Verdict, ctx: EvaluationContext): Promise<ReconcileResult> => {
      const findingId = findingIdOf(verdict.ruleId, verdict.resourceArn);
      const old = items.get(findingId);
      if (old !== undefined && isStaleVerdict(old, verdict)) return { outcome: 'stale', findingId, old, current: old };
      const next = nextFinding(old, verdict, { ...ctx, now: clock() });
      if (next === undefined) return { outcome: 'unchanged', findingId };
      marshall(itemFromFinding(next), { removeUndefinedValues: true }); // what PutItem would send; throws on values DynamoDB cannot take
      items.set(findingId, next);
      return { outcome: 'written', findingId, ...(old === undefined ? {} : { old }), current: next };
    },
  };
};

const chunks = <T>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** What one batch must satisfy, from the handler's answer and the engine's outcome. */
const checkBatch = (ids: readonly string[], response: SQSBatchResponse, outcome: BatchOutcome<unknown> | undefined) => {
  const failed = response.batchItemFailures.map((f) => f.itemIdentifier);
  expect(failed.every((id) => ids.includes(id))).toBe(true);
  if (!outcome) return;
  const rejected = new Set(outcome.rejected.map((r) => r.id));
  const ignored = new Set(outcome.ignored.map((r) => r.id));
  // Rejections are validation errors of the record, never contained exceptions of Vigil's code.
  expect(outcome.rejected.filter((r) => r.unexpected)).toEqual([]);
  // A record is rejected or not, never also ignored; nothing fails but rejected records (the stubbed AWS never fails).
  expect([...rejected].filter((id) => ignored.has(id))).toEqual([]);
  expect(outcome.failures.filter((f) => !rejected.has(f.id))).toEqual([]);
  expect(new Set(failed)).toEqual(rejected);
};

// Long runs by design (seconds, not the 5 s default); no test waits on a timer.
jest.setTimeout(180_000);

describe('fuzzed events through every evaluator', () => {
  const world = mockAwsWorld();
  const pool = recordedEvents();
  const bodies = fc.sample(fuzzedBody(pool), { seed: SEED, numRuns: EVENTS });
  beforeAll(() => {
    jest.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('network access in a test'));
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  });
  afterAll(() => {
    world.restore();
    jest.restoreAllMocks();
  });

  it.each(ALL_FAMILIES.map((f) => [f.name, f] as const))(`%s: ${EVENTS} events in batches of ${BATCH_SIZE}, no throw, each record processed, ignored or rejected alone`, async (_name, family: FamilyDefinition) => {
    const clock = tickingClock();
    const { engine } = createFamilyEngine(family, { clock, sink: memoryTable(clock) });
    let last: BatchOutcome<unknown> | undefined;
    const observed: Pick<Engine<unknown>, 'processBatch'> = { processBatch: async (records) => (last = await engine.processBatch(records)) };
    const handler = makeEvaluateHandler(family, { engine: observed });
    const tally = { rejected: 0, ignored: 0, evaluated: 0, verdicts: 0 };
    for (const batch of chunks(bodies, BATCH_SIZE)) {
      last = undefined;
      const event = sqsBatch(batch);
      const response = await handler(event);
      const ids = event.Records.map((r) => r.messageId);
      checkBatch(ids, response, last);
      const rejected = new Set(last!.rejected.map((r) => r.id));
      const ignored = new Set(last!.ignored.map((r) => r.id));
      tally.rejected += rejected.size;
      tally.ignored += ignored.size;
      tally.evaluated += ids.filter((id) => !rejected.has(id) && !ignored.has(id)).length;
      tally.verdicts += last!.verdicts.length;
    }
    // The mix reaches every outcome: records rejected, records ignored (other families' events) and records evaluated.
    expect(tally.rejected + tally.ignored + tally.evaluated).toBe(EVENTS);
    expect(Math.min(tally.rejected, tally.ignored, tally.evaluated, tally.verdicts)).toBeGreaterThan(0);
  });

  describe('through the deployed modules (functions/evaluate-*.ts) and dynalite', () => {
    let embedded: EmbeddedStore;
    beforeAll(async () => {
      embedded = await startEmbeddedStore();
      Object.assign(process.env, { FINDINGS_TABLE: embedded.tableName, AWS_ENDPOINT_URL_DYNAMODB: embedded.endpoint, TRUSTED_ACCOUNT_IDS: '' });
    });
    afterAll(async () => {
      delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
      await embedded.close();
    });

    it.each(ALL_FAMILIES.map((f) => f.name))(`evaluate-%s: ${MODULE_EVENTS} events, no throw, only the rejected records reported`, async (name) => {
      const { handler } = require(`../../functions/evaluate-${name}`) as { handler: ReturnType<typeof makeEvaluateHandler> };
      for (const batch of chunks(bodies.slice(0, MODULE_EVENTS), BATCH_SIZE)) {
        const event = sqsBatch(batch);
        checkBatch(event.Records.map((r) => r.messageId), await handler(event), undefined);
      }
    });
  });
});
