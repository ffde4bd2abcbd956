import { CreateTableCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import type { CreateTableCommandInput, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { FINDINGS_TABLE_SCHEMA } from './schema';

/** CreateTable input for the findings table: the key schema and GSIs of FINDINGS_TABLE_SCHEMA, on-demand, all attributes projected. */
export const findingsTableDefinition = (tableName: string): CreateTableCommandInput => {
  const keyAttributes = new Set<string>([FINDINGS_TABLE_SCHEMA.partitionKey]);
  for (const index of FINDINGS_TABLE_SCHEMA.indexes) {
    keyAttributes.add(index.partitionKey);
    keyAttributes.add(index.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...keyAttributes].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [{ AttributeName: FINDINGS_TABLE_SCHEMA.partitionKey, KeyType: 'HASH' }],
    GlobalSecondaryIndexes: FINDINGS_TABLE_SCHEMA.indexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
};

/**
 * Creates the findings table (embedded store, tests) and waits until it is ACTIVE. Returns false when it already
 * existed. The deployed table is created by the CDK stack from the same schema constant.
 */
export const createFindingsTable = async (client: DynamoDBClient, tableName: string, options: { maxWaitSeconds?: number } = {}): Promise<boolean> => {
  let created = true;
  try {
    await client.send(new CreateTableCommand(findingsTableDefinition(tableName)));
  } catch (error) {
    if ((error as { name?: unknown }).name !== 'ResourceInUseException') throw error;
    created = false;
  }
  await waitUntilTableExists({ client, maxWaitTime: options.maxWaitSeconds ?? 60, minDelay: 1 }, { TableName: tableName });
  return created;
};
