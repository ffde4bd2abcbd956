import { BACKUP_READ_ACTIONS, TABLE_READ_ACTIONS } from '../../resources/dynamodb/reads';
import { DYNAMODB_TABLE_KIND, type DynamoDbTableSnapshot } from '../../resources/dynamodb/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';
import { selectionCovers } from './helpers';

export const ddbTableInBackupPlan = defineRule<DynamoDbTableSnapshot>({
  id: 'ddb-table-in-backup-plan',
  title: 'DynamoDB table is covered by an AWS Backup plan',
  severity: 'MEDIUM',
  kind: DYNAMODB_TABLE_KIND,
  anchors: { securityHub: ['DynamoDB.4'], fsbp: false, prowler: ['dynamodb_table_protected_by_backup_plan'] },
  // E* (+P): selections change through Backup API calls, but organisation backup policies are invisible to member APIs.
  trigger: 'E+P',
  reads: [TABLE_READ_ACTIONS.describeTable, TABLE_READ_ACTIONS.tags, ...BACKUP_READ_ACTIONS],
  remediation: {
    text: 'Assign the table to an AWS Backup plan, by ARN or through a tag the plan selects; with backupVaultLockCheck, target a locked vault.',
    cli: 'aws backup create-backup-selection --backup-plan-id <plan-id> --backup-selection \'{"SelectionName":"ddb","IamRoleArn":"<role-arn>","Resources":["<table-arn>"]}\'',
  },
  rationale: 'Backups kept apart from the table (and, with Vault Lock, immutable) are what recovers data after deletion, corruption or ransomware.',
  evaluate(table, ctx) {
    if (table.status !== null && table.status !== 'ACTIVE') return notApplicable(`table ${table.name} is ${table.status}; only ACTIVE tables are checked`);
    const covering = table.backupSelections.flatMap((s) => {
      const reason = selectionCovers(s, table.arn, table.tags);
      return reason ? [{ selection: s, reason }] : [];
    });
    if (covering.length === 0) {
      return fail(`table ${table.name} is not selected by any of ${table.backupSelections.length} AWS Backup selection(s)`, [
        { message: 'no backup selection covers the table ARN or its tags', field: 'backupSelections', value: table.backupSelections.length },
      ]);
    }
    const label = (c: (typeof covering)[number]) => `${c.selection.planName ?? c.selection.planId}/${c.selection.selectionName ?? c.selection.selectionId} (${c.reason})`;
    if (ctx.params.backupVaultLockCheck === true || ctx.params.backupVaultLockCheck === 'true') {
      const locked = covering.filter((c) => c.selection.targetVaults.length > 0 && c.selection.targetVaults.every((v) => v.locked === true));
      if (locked.length === 0) {
        return fail(`table ${table.name} is backed up only to vaults without Vault Lock`, covering.map((c) => ({
          message: `${label(c)} targets ${c.selection.targetVaults.map((v) => `${v.name} (${v.locked === null ? 'lock unknown' : v.locked ? 'locked' : 'unlocked'})`).join(', ') || 'no vault'}`,
          field: 'backupSelections',
          value: c.selection.selectionId,
        })));
      }
      return pass(`table ${table.name} is backed up to a locked vault by ${label(locked[0]!)}`, locked.map((c) => ({ message: label(c), field: 'backupSelections', value: c.selection.selectionId })));
    }
    return pass(`table ${table.name} is covered by ${label(covering[0]!)}`, covering.map((c) => ({ message: label(c), field: 'backupSelections', value: c.selection.selectionId })));
  },
});
