import type { ResourceKind } from '../types';
import { daxClusterArn, tableArn } from './normalise';
import { DAX_CLUSTER_KIND, DYNAMODB_TABLE_KIND } from './types';

export const dynamodbTableKind: ResourceKind = {
  kind: DYNAMODB_TABLE_KIND,
  reportedType: 'AWS::DynamoDB::Table',
  family: 'dynamodb',
  global: false,
  configTypes: ['AWS::DynamoDB::Table'],
  arn: tableArn,
};

/** Live-only kind: AWS Config does not record DAX clusters. */
export const daxClusterKind: ResourceKind = {
  kind: DAX_CLUSTER_KIND,
  reportedType: 'AWS::DAX::Cluster',
  family: 'dynamodb',
  global: false,
  configTypes: [],
  arn: daxClusterArn,
};
