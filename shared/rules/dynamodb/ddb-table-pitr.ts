import { TABLE_READ_ACTIONS } from '../../resources/dynamodb/reads';
import { DYNAMODB_TABLE_KIND, type DynamoDbTableSnapshot } from '../../resources/dynamodb/types';
import { defineRule, fail, pass } from '../define-rule';

export const ddbTablePitr = defineRule<DynamoDbTableSnapshot>({
  id: 'ddb-table-pitr',
  title: 'DynamoDB table has point-in-time recovery enabled',
  severity: 'MEDIUM',
  kind: DYNAMODB_TABLE_KIND,
  anchors: { securityHub: ['DynamoDB.2'], fsbp: true, prowler: ['dynamodb_tables_pitr_enabled'] },
  trigger: 'E',
  reads: [TABLE_READ_ACTIONS.continuousBackups],
  remediation: {
    text: 'Turn on point-in-time recovery so that the table can be restored to any second of the recovery window. Restored and imported tables start with it off.',
    cli: 'aws dynamodb update-continuous-backups --table-name <table> --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true',
  },
  rationale: 'Without point-in-time recovery, accidental writes or deletes cannot be undone from continuous backups.',
  evaluate(table) {
    const status = table.pointInTimeRecoveryStatus ?? 'DISABLED';
    const evidence = [{ message: `point-in-time recovery is ${status}`, field: 'pointInTimeRecoveryStatus', value: status }];
    return status === 'ENABLED'
      ? pass(`table ${table.name} has point-in-time recovery enabled`, evidence)
      : fail(`table ${table.name}: point-in-time recovery is ${status}`, evidence);
  },
});
