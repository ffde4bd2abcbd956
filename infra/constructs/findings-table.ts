import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { baselineLedgerId } from '../../shared/findings/baseline';
import { FINDINGS_TABLE_SCHEMA } from '../../shared/findings/schema';

/** Logical id of the table in the template: frozen, because a new id would replace the table and lose every finding. */
export const FINDINGS_TABLE_LOGICAL_ID = 'FindingsTable';

/**
 * Table actions the findings store's `reconcile` uses: a consistent GetItem of the current finding, then a conditional
 * PutItem (retried on a lost race). It queries no index; test/infra pins this list to the commands reconcile sends.
 */
export const RECONCILE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem'] as const;

/** The index the sweeps query for the unresolved findings of resources that no longer exist (FindingsStore.list by status). */
export const SWEEP_QUERY_INDEX = 'byStatus';

/** Keys of the baseline ledgers (shared/findings/baseline.ts): the only items UpdateItem may touch. */
export const BASELINE_LEDGER_KEYS = baselineLedgerId('*');

export interface FindingsTableProps {
  /** Customer-managed key for the table and its stream. */
  readonly encryptionKey: kms.IKey;
}

/**
 * The findings table: key schema and indexes from FINDINGS_TABLE_SCHEMA (shared with the embedded store), on-demand,
 * point-in-time recovery, a NEW_AND_OLD_IMAGES stream for the notifier, a customer-managed key, retained on delete and
 * protected against deletion. None of these can be switched off.
 */
export class FindingsTable extends dynamodb.Table {
  private readonly key: kms.IKey;

  constructor(scope: Construct, id: string, props: FindingsTableProps) {
    super(scope, id, {
      partitionKey: { name: FINDINGS_TABLE_SCHEMA.partitionKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
    });
    this.key = props.encryptionKey;
    for (const index of FINDINGS_TABLE_SCHEMA.indexes) {
      this.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    (this.node.defaultChild as dynamodb.CfnTable).overrideLogicalId(FINDINGS_TABLE_LOGICAL_ID);
  }

  /**
   * The baseline ledgers' counters: UpdateItem, only on items whose key is `baseline#…` (dynamodb:LeadingKeys,
   * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html).
   */
  grantBaselineProgress(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'BaselineLedgerCounters',
        actions: ['dynamodb:UpdateItem'],
        resources: [this.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [BASELINE_LEDGER_KEYS] } },
      }),
    );
  }

  /** What a sweep needs besides reconcile: the baseline ledger, and a query of the findings by status (deleted resources). */
  grantSweep(grantee: iam.IGrantable): void {
    this.grantReconcile(grantee);
    this.grantBaselineProgress(grantee);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'FindingsByStatus', actions: ['dynamodb:Query'], resources: [`${this.tableArn}/index/${SWEEP_QUERY_INDEX}`] }),
    );
  }

  /** Exactly what `reconcile` needs: RECONCILE_ACTIONS on the table (no index), and the key to read and write its items. */
  grantReconcile(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'FindingsTableReconcile', actions: [...RECONCILE_ACTIONS], resources: [this.tableArn] }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'FindingsTableKey', actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [this.key.keyArn] }),
    );
  }
}
