import type { Evidence } from '../../core';
import { externalGrants } from '../../policy';
import { TABLE_READ_ACTIONS } from '../../resources/dynamodb/reads';
import { DYNAMODB_TABLE_KIND, type DynamoDbTableSnapshot } from '../../resources/dynamodb/types';
import { defineRule, fail, pass } from '../define-rule';

export const ddbTableNoCrossAccountPolicy = defineRule<DynamoDbTableSnapshot>({
  id: 'ddb-table-no-cross-account-policy',
  title: 'DynamoDB table resource policy grants no cross-account or public access',
  severity: 'MEDIUM',
  kind: DYNAMODB_TABLE_KIND,
  anchors: { prowler: ['dynamodb_table_cross_account_access'] },
  trigger: 'E',
  reads: [TABLE_READ_ACTIONS.describeTable, TABLE_READ_ACTIONS.resourcePolicy],
  remediation: {
    text: 'Remove statements that allow principals outside the account (or trusted accounts), or restrict them with aws:PrincipalOrgID / aws:SourceAccount conditions.',
    cli: 'aws dynamodb put-resource-policy --resource-arn <table-arn> --policy file://policy.json   # or: aws dynamodb delete-resource-policy --resource-arn <table-arn>',
  },
  rationale: 'A resource policy can give other accounts read or write access to the table data without any IAM change in this account.',
  evaluate(table, ctx, ref) {
    const policyCtx = { accountId: ref.accountId, orgId: ctx.orgId, trustedAccountIds: ctx.params.trustedAccountIds, resourceArn: table.arn };
    const documents = [
      { field: 'resourcePolicy', what: 'table policy', text: table.resourcePolicy },
      { field: 'streamPolicy', what: 'stream policy', text: table.streamPolicy },
    ].filter((d): d is { field: string; what: string; text: string } => d.text !== null);
    if (documents.length === 0) return pass(`table ${table.name} has no resource policy`, [{ message: 'no resource policy', field: 'resourcePolicy', value: null }]);
    const evidence: Evidence[] = documents.flatMap((d) =>
      externalGrants('table-resource-policy', d.text, policyCtx).map((g) => ({
        message: `${d.what} statement ${g.statement.sid ?? `#${g.statement.index}`}: ${g.reason}`,
        field: d.field,
        statements: [g.statement],
        value: g.principals,
      })),
    );
    if (evidence.length > 0) return fail(`table ${table.name}: resource policy grants access outside the account (${evidence.length} statement${evidence.length === 1 ? '' : 's'})`, evidence);
    return pass(`table ${table.name}: resource policy grants access only within the account or trusted accounts`, documents.map((d) => ({ message: `${d.what} checked`, field: d.field })));
  },
});
