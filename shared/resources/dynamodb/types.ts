/**
 * Canonical snapshots of the dynamodb family: DynamoDB tables and DAX clusters. SDK-independent; absent fields are `null`.
 * The live collector and the AWS Config normaliser both produce these types.
 */

export const DYNAMODB_TABLE_KIND = 'AWS::DynamoDB::Table';
/** Live-only: AWS Config does not record DAX clusters (catalogue §3). */
export const DAX_CLUSTER_KIND = 'AWS::DAX::Cluster';

export const BillingMode = { PROVISIONED: 'PROVISIONED', PAY_PER_REQUEST: 'PAY_PER_REQUEST' } as const;
export type BillingMode = (typeof BillingMode)[keyof typeof BillingMode];

export interface ProvisionedCapacity {
  readonly readCapacityUnits: number | null;
  readonly writeCapacityUnits: number | null;
}

export interface GlobalSecondaryIndexSnapshot {
  readonly name: string;
  readonly provisionedThroughput: ProvisionedCapacity | null;
}

/** Server-side encryption as DescribeTable reports it. `null` on the table = no SSEDescription = AWS owned key. */
export interface TableSseSnapshot {
  /** ENABLED, ENABLING, DISABLED, DISABLING, UPDATING, INACCESSIBLE_ENCRYPTION_CREDENTIALS. */
  readonly status: string | null;
  /** KMS (AWS managed or customer managed key) or AES256 (legacy). */
  readonly type: string | null;
  readonly kmsKeyArn: string | null;
  /** KeyMetadata.KeyManager of the key (AWS or CUSTOMER); null when not known. */
  readonly keyManager: 'AWS' | 'CUSTOMER' | null;
}

/** An Application Auto Scaling scalable target of namespace dynamodb (`table/<name>` or `table/<name>/index/<gsi>`). */
export interface ScalableTargetSnapshot {
  readonly resourceId: string;
  /** dynamodb:table:ReadCapacityUnits, dynamodb:index:WriteCapacityUnits, ... */
  readonly scalableDimension: string;
  readonly minCapacity: number | null;
  readonly maxCapacity: number | null;
}

export interface ScalingPolicySnapshot {
  readonly policyName: string;
  readonly resourceId: string;
  readonly scalableDimension: string;
  /** TargetTrackingScaling, StepScaling, ... */
  readonly policyType: string;
  /** Target utilisation of a target-tracking policy. */
  readonly targetValue: number | null;
}

export interface AutoScalingSnapshot {
  readonly targets: readonly ScalableTargetSnapshot[];
  readonly policies: readonly ScalingPolicySnapshot[];
}

export interface BackupSelectionCondition {
  /** STRINGEQUALS for ListOfTags; StringEquals / StringLike / StringNotEquals / StringNotLike for Conditions. */
  readonly operator: string;
  /** As written: `aws:ResourceTag/<key>` in Conditions, the bare tag key (or that form) in ListOfTags. */
  readonly key: string;
  readonly value: string;
}

/** One AWS Backup resource selection with what the coverage check needs. Account-wide: the same list for every table. */
export interface BackupSelectionSnapshot {
  readonly planId: string;
  readonly planName: string | null;
  readonly selectionId: string;
  readonly selectionName: string | null;
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  /** OR-ed tag conditions (legacy ListOfTags). */
  readonly listOfTags: readonly BackupSelectionCondition[];
  /** AND-ed conditions. */
  readonly conditions: readonly BackupSelectionCondition[];
  /** Vaults the plan's rules write to, with their lock state (null when unknown). */
  readonly targetVaults: readonly { readonly name: string; readonly locked: boolean | null }[];
}

export interface DynamoDbTableSnapshot {
  readonly name: string;
  readonly arn: string;
  /** ACTIVE, CREATING, UPDATING, DELETING, ARCHIVED, ... */
  readonly status: string | null;
  /** Absent BillingModeSummary means the table was always PROVISIONED. */
  readonly billingMode: BillingMode;
  readonly provisionedThroughput: ProvisionedCapacity | null;
  readonly globalSecondaryIndexes: readonly GlobalSecondaryIndexSnapshot[];
  readonly sse: TableSseSnapshot | null;
  /** PointInTimeRecoveryStatus (ENABLED / DISABLED); null when no description was returned. */
  readonly pointInTimeRecoveryStatus: string | null;
  readonly deletionProtectionEnabled: boolean;
  /** Resource-based policy of the table, JSON text; null = none. */
  readonly resourcePolicy: string | null;
  readonly latestStreamArn: string | null;
  /** Resource-based policy of the latest stream, JSON text; null = none or no stream. */
  readonly streamPolicy: string | null;
  readonly autoScaling: AutoScalingSnapshot;
  readonly backupSelections: readonly BackupSelectionSnapshot[];
  readonly tags: Readonly<Record<string, string>>;
}

export interface DaxNodeSnapshot {
  readonly id: string;
  readonly availabilityZone: string | null;
  readonly status: string | null;
}

export interface DaxClusterSnapshot {
  readonly name: string;
  readonly arn: string;
  readonly status: string | null;
  /** SSEDescription.Status (ENABLED, DISABLED, ...); null when absent (never enabled). */
  readonly sseStatus: string | null;
  /** ClusterEndpointEncryptionType: NONE or TLS; absent = NONE (clusters created before TLS support). */
  readonly endpointEncryptionType: string;
  readonly nodes: readonly DaxNodeSnapshot[];
  readonly tags: Readonly<Record<string, string>>;
}
