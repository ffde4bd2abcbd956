/**
 * Trigger catalogue slice of the dynamodb family (catalogue §6.7, ids §7.4): DynamoDB control-plane calls, Application Auto
 * Scaling calls on namespace `dynamodb`, and AWS Backup plan/selection/vault-lock calls (fan-out to every table: selections
 * may be tag- or wildcard-based). Data events (PutItem, ...) and read-only calls (DescribeTable, ListTables) are not listed,
 * and the parser drops them before the catalogue is consulted.
 */
import { DAX_CLUSTER_KIND, DYNAMODB_TABLE_KIND } from '../../resources/dynamodb/types';
import type { CloudTrailDetail, TriggerRow } from '../types';
import { valueAtPath } from '../names';

const TABLE_ARN = /^arn:([^:]+):dynamodb:([^:]*):(\d{12}):table\/([^/]+)/;

/**
 * The table an identifier names: a table name, or a table / index / stream / export ARN. A table in another account than the
 * event's keeps its unqualified table ARN, so the reference gets the owner's account.
 */
export const tableIdFrom = (value: unknown, detail: CloudTrailDetail): string | undefined => {
  if (typeof value !== 'string' || value.length === 0) return undefined;
  const m = TABLE_ARN.exec(value);
  if (!m) return value.startsWith('arn:') ? undefined : value;
  const [, partition, region, account, name] = m;
  return detail.recipientAccountId && account !== detail.recipientAccountId ? `arn:${partition}:dynamodb:${region}:${account}:table/${name}` : name;
};

/** First path that yields a table; then the `resources[]` array CloudTrail adds to DynamoDB records (§7 rule 3). */
const tableAt =
  (...paths: string[]) =>
  (detail: CloudTrailDetail): string | undefined => {
    for (const path of paths) {
      const id = tableIdFrom(valueAtPath(detail, path), detail);
      if (id) return id;
    }
    for (const r of detail.resources ?? []) {
      if (r.type === 'AWS::DynamoDB::Table' || (r.ARN && TABLE_ARN.test(r.ARN))) {
        const id = tableIdFrom(r.ARN, detail);
        if (id) return id;
      }
    }
    return undefined;
  };

/** Application Auto Scaling resource id `table/<name>` or `table/<name>/index/<gsi>` of namespace dynamodb; others decline. */
export const scalingTableFrom = (detail: CloudTrailDetail): string | undefined => {
  const params = detail.requestParameters ?? {};
  if (params.serviceNamespace !== 'dynamodb') return undefined;
  const m = typeof params.resourceId === 'string' ? /^table\/([^/]+)/.exec(params.resourceId) : null;
  return m ? m[1] : undefined;
};

const DDB = 'dynamodb.amazonaws.com';

export const dynamodbTriggers: readonly TriggerRow[] = [
  {
    eventSource: DDB,
    eventNames: ['CreateTable', 'UpdateTable', 'DeleteTable', 'UpdateContinuousBackups', 'UpdateTableReplicaAutoScaling'],
    kind: DYNAMODB_TABLE_KIND,
    // UpdateTable records do not always repeat tableName in the request (AWS documentation sample): use the response.
    id: { resolve: tableAt('requestParameters.tableName', 'responseElements.tableDescription.tableName', 'responseElements.tableDescription.tableArn') },
  },
  {
    eventSource: DDB,
    eventNames: ['TagResource', 'UntagResource', 'PutResourcePolicy', 'DeleteResourcePolicy'],
    kind: DYNAMODB_TABLE_KIND,
    id: { resolve: tableAt('requestParameters.resourceArn') },
  },
  {
    eventSource: DDB,
    eventNames: ['RestoreTableFromBackup', 'RestoreTableToPointInTime'],
    kind: DYNAMODB_TABLE_KIND,
    id: { resolve: tableAt('requestParameters.targetTableName', 'responseElements.tableDescription.tableArn') },
  },
  {
    eventSource: DDB,
    eventNames: ['ImportTable'],
    kind: DYNAMODB_TABLE_KIND,
    id: { resolve: tableAt('requestParameters.tableCreationParameters.tableName', 'responseElements.importTableDescription.tableArn') },
  },
  {
    eventSource: DDB,
    eventNames: ['CreateGlobalTable', 'UpdateGlobalTable', 'UpdateGlobalTableSettings'],
    kind: DYNAMODB_TABLE_KIND,
    id: { resolve: tableAt('requestParameters.globalTableName') },
  },
  {
    // Application Auto Scaling calls are logged with eventSource `autoscaling.amazonaws.com` (EventBridge source
    // `aws.autoscaling`) and `additionalEventData.service: "application-autoscaling"`, not
    // `application-autoscaling.amazonaws.com`: AWS's own sample record and pattern in "Monitor Application Auto Scaling
    // events using Amazon EventBridge" (https://docs.aws.amazon.com/autoscaling/application/userguide/monitoring-eventbridge.html).
    // EC2 Auto Scaling shares the source and the names PutScalingPolicy / DeleteScalingPolicy; scalingTableFrom declines
    // anything whose serviceNamespace is not dynamodb.
    eventSource: 'autoscaling.amazonaws.com',
    eventNames: ['RegisterScalableTarget', 'DeregisterScalableTarget', 'PutScalingPolicy', 'DeleteScalingPolicy'],
    kind: DYNAMODB_TABLE_KIND,
    id: { resolve: scalingTableFrom },
  },
  {
    eventSource: 'backup.amazonaws.com',
    eventNames: [
      'CreateBackupPlan',
      'UpdateBackupPlan',
      'DeleteBackupPlan',
      'CreateBackupSelection',
      'DeleteBackupSelection',
      'PutBackupVaultLockConfiguration',
      'DeleteBackupVaultLockConfiguration',
    ],
    kind: DYNAMODB_TABLE_KIND,
    id: { resolve: () => undefined },
    fanOut: [DYNAMODB_TABLE_KIND],
  },
];

/**
 * DAX rows (§6.7, §7.4). Not wired into the family yet: the DAX live collector needs @aws-sdk/client-dax, which is not
 * installed; an event without a collector would only fail. Add these to the family's triggers together with the collector.
 */
export const daxTriggers: readonly TriggerRow[] = [
  {
    eventSource: 'dax.amazonaws.com',
    eventNames: ['CreateCluster', 'DeleteCluster', 'UpdateCluster', 'IncreaseReplicationFactor', 'DecreaseReplicationFactor'],
    kind: DAX_CLUSTER_KIND,
    id: { paths: ['requestParameters.clusterName', 'responseElements.cluster.clusterName'] },
  },
  {
    eventSource: 'dax.amazonaws.com',
    eventNames: ['TagResource', 'UntagResource'],
    kind: DAX_CLUSTER_KIND,
    id: {
      resolve: (detail) => {
        const arn = detail.requestParameters?.resourceName;
        const m = typeof arn === 'string' ? /:cache\/([^/]+)$/.exec(arn) : null;
        return m ? m[1] : undefined;
      },
    },
  },
];
