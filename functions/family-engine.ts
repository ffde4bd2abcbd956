import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createEngine, createLiveSource } from '../shared/engine';
import type { FamilyDefinition } from '../shared/families/types';
import { createDynamoFindingsStore } from '../shared/findings';
import { createClientFactory } from '../shared/resources/clients';
import { createOversizedItemFetcher } from '../shared/resources/oversized-config';
import { listEnv, optionalEnv, requireEnv } from './env';

/** Error texts are capped so that no large part of an event body or SDK message reaches the logs. */
export const MAX_LOGGED_ERROR = 300;

/** The engine of one family as the evaluator and the sweep run it: live reads, the findings table, rule parameters from env. */
export const createFamilyEngine = (family: FamilyDefinition) => {
  const clients = createClientFactory();
  return createEngine({
    families: [family],
    source: createLiveSource([family], clients),
    sink: createDynamoFindingsStore({ client: clients.get(DynamoDBClient), tableName: requireEnv('FINDINGS_TABLE') }),
    params: { trustedAccountIds: listEnv('TRUSTED_ACCOUNT_IDS') },
    orgId: optionalEnv('ORG_ID'),
    // AWS Config events of items too large for a notification name the S3 object that holds them.
    fetchOversizedItem: createOversizedItemFetcher(),
  });
};
