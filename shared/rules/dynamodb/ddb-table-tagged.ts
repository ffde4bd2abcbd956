import { TABLE_READ_ACTIONS } from '../../resources/dynamodb/reads';
import { DYNAMODB_TABLE_KIND, type DynamoDbTableSnapshot } from '../../resources/dynamodb/types';
import { defineRule } from '../define-rule';
import { checkTags } from '../tags';

export const ddbTableTagged = defineRule<DynamoDbTableSnapshot>({
  id: 'ddb-table-tagged',
  title: 'DynamoDB table is tagged',
  severity: 'LOW',
  kind: DYNAMODB_TABLE_KIND,
  anchors: { securityHub: ['DynamoDB.5'], fsbp: false },
  trigger: 'E',
  reads: [TABLE_READ_ACTIONS.tags],
  remediation: {
    text: 'Add tags (owner, environment, data classification, and any keys your tagging policy requires) to the table.',
    cli: 'aws dynamodb tag-resource --resource-arn <table-arn> --tags Key=owner,Value=<team>',
  },
  rationale: 'Untagged resources cannot be attributed to an owner, cost centre or data classification, which slows incident response.',
  evaluate: (table, ctx) => checkTags(`table ${table.name}`, table.tags, ctx),
});
