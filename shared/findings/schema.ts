/**
 * Key schema of the findings table — the single source for the CDK table and the embedded (dynalite) store.
 * All key attributes are strings.
 */
export const FINDINGS_TABLE_SCHEMA = {
  partitionKey: 'findingId',
  indexes: [
    /** List by status, newest and most severe first: sort key `${severityRank}#${lastSeenAt}`. */
    { indexName: 'byStatus', partitionKey: 'status', sortKey: 'severitySortKey' },
    /** Every finding of one resource. */
    { indexName: 'byResource', partitionKey: 'resourceArn', sortKey: 'ruleId' },
    /** Every finding of one rule. */
    { indexName: 'byRule', partitionKey: 'ruleId', sortKey: 'resourceArn' },
  ],
} as const;

export type FindingsIndexName = (typeof FINDINGS_TABLE_SCHEMA.indexes)[number]['indexName'];
