import { dynamodbTriggers } from '../events/triggers/dynamodb';
import { dynamodbTableCollector } from '../resources/dynamodb/collect-live';
import { dynamodbTableConfigNormaliser } from '../resources/dynamodb/config';
import { daxClusterKind, dynamodbTableKind } from '../resources/dynamodb/kinds';
import { DAX_READ_ACTIONS, TABLE_READ_ACTIONS } from '../resources/dynamodb/reads';
import { DYNAMODB_TABLE_KIND } from '../resources/dynamodb/types';
import { dynamodbRules } from '../rules/dynamodb';
import type { FamilyDefinition } from './types';

/**
 * The dynamodb family: DynamoDB tables (live and AWS Config) and DAX clusters (live only).
 * DAX live collection is PENDING (@aws-sdk/client-dax is not installed): the DAX kind and rules are declared, the collector
 * (resources/dynamodb/collect-dax.ts) takes an adapter, and the DAX trigger rows (`daxTriggers`) are not wired yet.
 */
export const dynamodbFamily: FamilyDefinition = {
  name: 'dynamodb',
  kinds: [dynamodbTableKind, daxClusterKind],
  triggers: dynamodbTriggers,
  rules: dynamodbRules,
  detections: [],
  collectors: { [DYNAMODB_TABLE_KIND]: dynamodbTableCollector },
  configNormalisers: [dynamodbTableConfigNormaliser],
  // Listing for sweeps, plus the key lookup of strict CMK mode and the DAX listing once its collector is wired.
  extraReadActions: [TABLE_READ_ACTIONS.listTables, TABLE_READ_ACTIONS.describeKey, DAX_READ_ACTIONS.describeClusters, DAX_READ_ACTIONS.listTags],
};
