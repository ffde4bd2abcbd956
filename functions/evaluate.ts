import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { describeError } from '../shared/core';
import type { Engine } from '../shared/engine';
import type { FamilyDefinition } from '../shared/families/types';
import { changeVisibility } from '../shared/sweep/queue';
import { createFamilyEngine, MAX_LOGGED_ERROR, type FamilyWiring } from './family-engine';

/** Kept free at the end of an invocation for the last writes and the visibility changes. */
export const DEADLINE_MARGIN_MS = 5_000;

/** `arn:aws:sqs:<region>:<account>:<queue>` → the account. */
const accountOfQueueArn = (arn: string | undefined): string | undefined => {
  const account = arn?.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
};

/**
 * The SQS handler of one family's evaluator. A message body is an EventBridge event (coalesced per resource) or Vigil's
 * own "evaluate this resource" message (from a sweep or a fan-out: each resource read, judged and written on its own).
 * Built once per container (clients, pacing buckets, store, engine). Only the records that failed are reported for retry
 * (a malformed event is rejected, retried, then lands in the DLQ); a failed read is made visible again after its back-off
 * rather than after the queue's visibility timeout, and no read starts once the invocation is near its timeout.
 * The handler never throws: a batch the engine could not run at all (a bug) is reported as failed record by record,
 * which Lambda treats like a thrown error. `wiring` is for tests (an injected engine, clock or store).
 */
export const makeEvaluateHandler = (
  family: FamilyDefinition,
  wiring: { readonly engine: Pick<Engine<unknown>, 'processBatch'> } & Partial<Pick<FamilyWiring, 'sqs' | 'queueUrl' | 'setDeadline'>> = createFamilyEngine(family),
) => {
  const logger = new Logger();
  const { engine, sqs, queueUrl, setDeadline } = wiring;

  return async (event: SQSEvent, context?: Pick<Context, 'getRemainingTimeInMillis'>): Promise<SQSBatchResponse> => {
    const remaining = context?.getRemainingTimeInMillis?.();
    setDeadline?.(remaining === undefined ? undefined : Date.now() + remaining - DEADLINE_MARGIN_MS);
    const records = event.Records.map((record) => ({
      id: record.messageId,
      body: record.body,
      attempt: Number(record.attributes?.ApproximateReceiveCount) || undefined,
      queueAccountId: accountOfQueueArn(record.eventSourceARN),
    }));
    let outcome: Awaited<ReturnType<Engine<unknown>['processBatch']>>;
    try {
      outcome = await engine.processBatch(records);
    } catch (error) {
      logger.error('batch could not be evaluated: every record will be retried', { family: family.name, records: records.length, error: describeError(error).slice(0, MAX_LOGGED_ERROR) });
      return { batchItemFailures: records.map(({ id }) => ({ itemIdentifier: id })) };
    }
    for (const { id, error, unexpected } of outcome.rejected) {
      const why = unexpected ? 'rejected an event that broke the evaluator (a bug to report)' : 'rejected malformed event';
      logger.error(`${why}: it will be retried, then moved to the dead-letter queue`, { messageId: id, error: error.slice(0, MAX_LOGGED_ERROR) });
    }
    for (const { id, error } of outcome.failures) {
      if (!outcome.rejected.some((r) => r.id === id)) logger.warn('record will be retried', { messageId: id, error: error.slice(0, MAX_LOGGED_ERROR) });
    }
    if (sqs && queueUrl && outcome.retryAfter.length > 0) {
      const handles = new Map(event.Records.map((r) => [r.messageId, r.receiptHandle]));
      await changeVisibility(
        sqs,
        queueUrl,
        outcome.retryAfter.flatMap(({ id, seconds }) => (handles.has(id) ? [{ receiptHandle: handles.get(id)!, seconds }] : [])),
      );
    }
    logger.info('batch evaluated', {
      family: family.name,
      records: event.Records.length,
      verdicts: outcome.verdicts.length,
      written: outcome.results.length,
      ignored: outcome.ignored.length,
      failed: outcome.failedIds.length,
      backedOff: outcome.retryAfter.length,
    });
    return { batchItemFailures: outcome.failedIds.map((id) => ({ itemIdentifier: id })) };
  };
};
