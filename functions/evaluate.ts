import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { FamilyDefinition } from '../shared/families/types';
import { createFamilyEngine, MAX_LOGGED_ERROR } from './family-engine';

/**
 * The SQS handler of one family's evaluator: each message body is an EventBridge event. Built once per container (clients,
 * store, engine); the engine coalesces events per resource, and only the records that failed are reported for retry
 * (a malformed event is rejected, retried, then lands in the DLQ).
 */
export const makeEvaluateHandler = (family: FamilyDefinition) => {
  const logger = new Logger();
  const engine = createFamilyEngine(family);

  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const outcome = await engine.processBatch(event.Records.map((record) => ({ id: record.messageId, body: record.body })));
    for (const { id, error } of outcome.rejected) {
      logger.error('rejected malformed event: it will be retried, then moved to the dead-letter queue', { messageId: id, error: error.slice(0, MAX_LOGGED_ERROR) });
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
