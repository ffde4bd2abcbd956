import { daxTriggers, dynamodbTriggers } from '../events/triggers/dynamodb';
import { dynamodbTableCollector } from '../resources/dynamodb/collect-live';
import { dynamodbTableConfigNormaliser } from '../resources/dynamodb/config';
import { daxClusterCollector } from '../resources/dynamodb/dax-client';
import { daxClusterKind, dynamodbTableKind } from '../resources/dynamodb/kinds';
import { DAX_READ_ACTIONS, TABLE_READ_ACTIONS } from '../resources/dynamodb/reads';
import { DAX_CLUSTER_KIND, DYNAMODB_TABLE_KIND } from '../resources/dynamodb/types';
import { dynamodbRules } from '../rules/dynamodb';
import type { FamilyDefinition } from './types';

/** The dynamodb family: DynamoDB tables (live and AWS Config) and DAX clusters (live only: Config does not record DAX). */
export const dynamodbFamily: FamilyDefinition = {
  name: 'dynamodb',
  kinds: [dynamodbTableKind, daxClusterKind],
  triggers: [...dynamodbTriggers, ...daxTriggers],
  rules: dynamodbRules,
  detections: [],
  collectors: { [DYNAMODB_TABLE_KIND]: dynamodbTableCollector, [DAX_CLUSTER_KIND]: daxClusterCollector },
  configNormalisers: [dynamodbTableConfigNormaliser],
  // Listing for sweeps, plus the key lookup of strict CMK mode and the DAX listing.
  extraReadActions: [TABLE_READ_ACTIONS.listTables, TABLE_READ_ACTIONS.describeKey, DAX_READ_ACTIONS.describeClusters, DAX_READ_ACTIONS.listTags],
};
