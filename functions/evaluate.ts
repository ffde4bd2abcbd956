import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { describeError } from '../shared/core';
import type { Engine } from '../shared/engine';
import type { FamilyDefinition } from '../shared/families/types';
import { createFamilyEngine, MAX_LOGGED_ERROR } from './family-engine';

/**
 * The SQS handler of one family's evaluator: each message body is an EventBridge event. Built once per container (clients,
 * store, engine); the engine coalesces events per resource, and only the records that failed are reported for retry
 * (a malformed event is rejected alone, retried, then lands in the DLQ). The handler never throws: a batch the engine
 * could not run at all (a bug) is reported as failed record by record, which Lambda treats like a thrown error.
 * `engine` is for tests (an injected clock or store); the deployed function builds it from its environment.
 */
export const makeEvaluateHandler = (family: FamilyDefinition, engine: Pick<Engine<unknown>, 'processBatch'> = createFamilyEngine(family)) => {
  const logger = new Logger();

  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const records = event.Records.map((record) => ({ id: record.messageId, body: record.body }));
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
    logger.info('batch evaluated', {
      family: family.name,
      records: event.Records.length,
      verdicts: outcome.verdicts.length,
      written: outcome.results.length,
      ignored: outcome.ignored.length,
      failed: outcome.failedIds.length,
    });
    return { batchItemFailures: outcome.failedIds.map((id) => ({ itemIdentifier: id })) };
  };
};
