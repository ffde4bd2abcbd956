import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createEngine, createLiveSource, type VerdictSink } from '../shared/engine';
import type { FamilyDefinition } from '../shared/families/types';
import { createBaselineLedger, createDynamoFindingsStore, type ReconcileResult } from '../shared/findings';
import { createClientFactory } from '../shared/resources/clients';
import { createOversizedItemFetcher } from '../shared/resources/oversized-config';
import { Pacer, parseApiRates } from '../shared/resources/pacing';
import { createEvaluateQueue } from '../shared/sweep/queue';
import { queuedEvaluation } from '../shared/sweep/wiring';
import { listEnv, optionalEnv, requireEnv } from './env';

/** Error texts are capped so that no large part of an event body or SDK message reaches the logs. */
export const MAX_LOGGED_ERROR = 300;

/** What tests replace in the deployed wiring. */
export interface FamilyEngineOptions {
  /** Clock of detection times and rules, and of the store's writes. @default - the system clock */
  readonly clock?: () => Date;
  /** Where verdicts go. @default - the findings table named by FINDINGS_TABLE */
  readonly sink?: VerdictSink<ReconcileResult>;
}

const positiveInteger = (name: string, fallback: number): number => {
  const value = Number(optionalEnv(name) ?? fallback);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/**
 * The engine of one family as the evaluator and the sweep run it: live reads paced per API family and account (the
 * account's quotas divided among PACING_SHARE concurrent containers, `API_RATES` overriding the defaults), the findings
 * table, the family's evaluator queue (EVALUATE_QUEUE_URL) for fan-outs, the first-run baseline ledger, rule parameters
 * from the environment.
 */
export const createFamilyEngine = (family: FamilyDefinition, options: FamilyEngineOptions = {}) => {
  const pacer = new Pacer({ rates: parseApiRates(optionalEnv('API_RATES')), share: positiveInteger('PACING_SHARE', 1) });
  const clients = createClientFactory({ pacer });
  // The findings table and the queue are Vigil's own: not paced with the account's configuration reads.
  const dynamodb = new DynamoDBClient({});
  const sqs = new SQSClient({});
  // A test that injects its sink needs no table; the deployed functions always name one.
  const tableName = options.sink ? (optionalEnv('FINDINGS_TABLE') ?? 'unused') : requireEnv('FINDINGS_TABLE');
  const queueUrl = optionalEnv('EVALUATE_QUEUE_URL');
  const queue = queueUrl ? createEvaluateQueue({ sqs, queueUrl, kinds: family.kinds }) : undefined;
  const store = createDynamoFindingsStore({ client: dynamodb, tableName, now: options.clock });
  const ledger = createBaselineLedger({ client: dynamodb, tableName });
  const source = createLiveSource([family], clients);
  const { enqueue, work, setDeadline } = queuedEvaluation(queue, pacer, { maxAttempts: positiveInteger('MAX_RECEIVE_COUNT', 3), baseline: ledger });
  const engine = createEngine({
    families: [family],
    source,
    sink: options.sink ?? store,
    params: { trustedAccountIds: listEnv('TRUSTED_ACCOUNT_IDS') },
    orgId: optionalEnv('ORG_ID'),
    clock: options.clock,
    // AWS Config events of items too large for a notification name the S3 object that holds them.
    fetchOversizedItem: createOversizedItemFetcher(),
    ...(enqueue ? { enqueue } : {}),
    work,
  });
  return { engine, source, store, ledger, queue, sqs, queueUrl, pacer, setDeadline };
};

/** What one family's functions run on (see createFamilyEngine). */
export type FamilyWiring = ReturnType<typeof createFamilyEngine>;
