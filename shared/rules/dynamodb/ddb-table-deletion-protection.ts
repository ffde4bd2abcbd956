import { TABLE_READ_ACTIONS } from '../../resources/dynamodb/reads';
import { DYNAMODB_TABLE_KIND, type DynamoDbTableSnapshot } from '../../resources/dynamodb/types';
import { defineRule, fail, pass } from '../define-rule';

export const ddbTableDeletionProtection = defineRule<DynamoDbTableSnapshot>({
  id: 'ddb-table-deletion-protection',
  title: 'DynamoDB table has deletion protection enabled',
  severity: 'MEDIUM',
  kind: DYNAMODB_TABLE_KIND,
  anchors: { securityHub: ['DynamoDB.6'], fsbp: true, prowler: ['dynamodb_table_deletion_protection_enabled'] },
  trigger: 'E',
  reads: [TABLE_READ_ACTIONS.describeTable],
  remediation: {
    text: 'Turn on deletion protection; it must be turned off explicitly before the table can be deleted.',
    cli: 'aws dynamodb update-table --table-name <table> --deletion-protection-enabled',
  },
  rationale: 'A single DeleteTable call (by mistake or by an attacker) removes the table and its data.',
  evaluate(table) {
    const evidence = [{ message: `deletion protection is ${table.deletionProtectionEnabled ? 'on' : 'off'}`, field: 'deletionProtectionEnabled', value: table.deletionProtectionEnabled }];
    return table.deletionProtectionEnabled
      ? pass(`table ${table.name} has deletion protection enabled`, evidence)
      : fail(`table ${table.name} can be deleted without first turning off deletion protection`, evidence);
  },
});
