import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createEngine, createLiveSource, type VerdictSink } from '../shared/engine';
import type { FamilyDefinition } from '../shared/families/types';
import { createDynamoFindingsStore, type ReconcileResult } from '../shared/findings';
import { createClientFactory } from '../shared/resources/clients';
import { createOversizedItemFetcher } from '../shared/resources/oversized-config';
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

/** The engine of one family as the evaluator and the sweep run it: live reads, the findings table, rule parameters from env. */
export const createFamilyEngine = (family: FamilyDefinition, options: FamilyEngineOptions = {}) => {
  const clients = createClientFactory();
  return createEngine({
    families: [family],
    source: createLiveSource([family], clients),
    sink: options.sink ?? createDynamoFindingsStore({ client: clients.get(DynamoDBClient), tableName: requireEnv('FINDINGS_TABLE'), now: options.clock }),
    params: { trustedAccountIds: listEnv('TRUSTED_ACCOUNT_IDS') },
    orgId: optionalEnv('ORG_ID'),
    clock: options.clock,
    // AWS Config events of items too large for a notification name the S3 object that holds them.
    fetchOversizedItem: createOversizedItemFetcher(),
  });
};
