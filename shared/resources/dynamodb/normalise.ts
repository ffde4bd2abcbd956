/**
 * Pure normalisers: SDK responses (live) and AWS Config items → the canonical snapshots of ./types.
 * No SDK imports here: the live inputs are typed structurally, so tests can feed recorded responses directly.
 */
import type {
  BackupSelectionCondition,
  BackupSelectionSnapshot,
  BillingMode,
  DaxClusterSnapshot,
  DynamoDbTableSnapshot,
  GlobalSecondaryIndexSnapshot,
  ProvisionedCapacity,
  ScalableTargetSnapshot,
  ScalingPolicySnapshot,
  TableSseSnapshot,
} from './types';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
/** Case-insensitive property lookup: Config spells the same field `kmsmasterKeyArn`, the API `KMSMasterKeyArn`. */
const pick = (o: Obj, ...names: string[]): unknown => {
  for (const name of names) if (name in o) return o[name];
  const lower = new Map(Object.keys(o).map((k) => [k.toLowerCase(), k]));
  for (const name of names) {
    const key = lower.get(name.toLowerCase());
    if (key !== undefined) return o[key];
  }
  return undefined;
};

export const partitionOfRegion = (region: string): string =>
  region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : region.startsWith('us-iso-') ? 'aws-iso' : region.startsWith('us-isob-') ? 'aws-iso-b' : 'aws';

export const tableArn = (p: { partition: string; accountId: string; region: string; id: string }): string =>
  p.id.startsWith('arn:') ? p.id : `arn:${p.partition}:dynamodb:${p.region}:${p.accountId}:table/${p.id}`;

export const daxClusterArn = (p: { partition: string; accountId: string; region: string; id: string }): string =>
  p.id.startsWith('arn:') ? p.id : `arn:${p.partition}:dax:${p.region}:${p.accountId}:cache/${p.id}`;

/** Table name from a table, index or stream ARN (`arn:aws:dynamodb:r:a:table/Music/stream/2015-...` → `Music`), or the name itself. */
export const tableNameFromArnOrName = (value: string): string => {
  const m = /^arn:[^:]+:dynamodb:[^:]*:[^:]*:table\/([^/]+)/.exec(value);
  return m ? m[1]! : value;
};

const capacity = (raw: unknown): ProvisionedCapacity | null => {
  const o = obj(raw);
  if (Object.keys(o).length === 0) return null;
  return { readCapacityUnits: num(pick(o, 'ReadCapacityUnits')), writeCapacityUnits: num(pick(o, 'WriteCapacityUnits')) };
};

const billingModeOf = (table: Obj): BillingMode =>
  str(pick(obj(pick(table, 'BillingModeSummary')), 'BillingMode')) === 'PAY_PER_REQUEST' ? 'PAY_PER_REQUEST' : 'PROVISIONED';

const gsis = (table: Obj): GlobalSecondaryIndexSnapshot[] =>
  arr(pick(table, 'GlobalSecondaryIndexes'))
    .map((g) => obj(g))
    .map((g) => ({ name: str(pick(g, 'IndexName')) ?? '', provisionedThroughput: capacity(pick(g, 'ProvisionedThroughput')) }))
    .filter((g) => g.name !== '')
    .sort((a, b) => a.name.localeCompare(b.name));

/** `alias/aws/dynamodb` is the AWS managed key; anything else needs DescribeKey (live) or the key's Config item. */
export const keyManagerFromArn = (keyArn: string | null): 'AWS' | null => (keyArn && /:alias\/aws\//.test(keyArn) ? 'AWS' : null);

const sse = (table: Obj, keyManager: 'AWS' | 'CUSTOMER' | null): TableSseSnapshot | null => {
  const d = obj(pick(table, 'SSEDescription'));
  if (Object.keys(d).length === 0) return null;
  const kmsKeyArn = str(pick(d, 'KMSMasterKeyArn'));
  return { status: str(pick(d, 'Status')), type: str(pick(d, 'SSEType')), kmsKeyArn, keyManager: keyManager ?? keyManagerFromArn(kmsKeyArn) };
};

export const tagsFromList = (list: unknown): Record<string, string> => {
  const tags: Record<string, string> = {};
  for (const t of arr(list)) {
    const o = obj(t);
    const key = str(pick(o, 'Key'));
    const value = pick(o, 'Value');
    if (key) tags[key] = typeof value === 'string' ? value : '';
  }
  return tags;
};

const sortedTags = (tags: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export const normaliseScalableTargets = (raw: readonly unknown[]): ScalableTargetSnapshot[] =>
  raw
    .map((t) => obj(t))
    .map((t) => ({
      resourceId: str(pick(t, 'ResourceId')) ?? '',
      scalableDimension: str(pick(t, 'ScalableDimension')) ?? '',
      minCapacity: num(pick(t, 'MinCapacity')),
      maxCapacity: num(pick(t, 'MaxCapacity')),
    }))
    .sort((a, b) => `${a.resourceId}|${a.scalableDimension}`.localeCompare(`${b.resourceId}|${b.scalableDimension}`));

export const normaliseScalingPolicies = (raw: readonly unknown[]): ScalingPolicySnapshot[] =>
  raw
    .map((p) => obj(p))
    .map((p) => ({
      policyName: str(pick(p, 'PolicyName')) ?? '',
      resourceId: str(pick(p, 'ResourceId')) ?? '',
      scalableDimension: str(pick(p, 'ScalableDimension')) ?? '',
      policyType: str(pick(p, 'PolicyType')) ?? '',
      targetValue: num(pick(obj(pick(p, 'TargetTrackingScalingPolicyConfiguration')), 'TargetValue')),
    }))
    .sort((a, b) => `${a.resourceId}|${a.scalableDimension}|${a.policyName}`.localeCompare(`${b.resourceId}|${b.scalableDimension}|${b.policyName}`));

const conditionList = (operator: string, list: unknown): BackupSelectionCondition[] =>
  arr(list).map((c) => {
    const o = obj(c);
    return { operator: str(pick(o, 'ConditionType')) ?? operator, key: str(pick(o, 'ConditionKey')) ?? '', value: typeof pick(o, 'ConditionValue') === 'string' ? (pick(o, 'ConditionValue') as string) : '' };
  });

/** A GetBackupSelection answer plus its plan's target vaults → selection snapshot. */
export const normaliseBackupSelection = (input: {
  readonly planId: string;
  readonly planName: string | null;
  readonly selectionId: string;
  readonly selection: unknown;
  readonly targetVaults: readonly { readonly name: string; readonly locked: boolean | null }[];
}): BackupSelectionSnapshot => {
  const s = obj(input.selection);
  const c = obj(pick(s, 'Conditions'));
  return {
    planId: input.planId,
    planName: input.planName,
    selectionId: input.selectionId,
    selectionName: str(pick(s, 'SelectionName')),
    resources: arr(pick(s, 'Resources')).filter((r): r is string => typeof r === 'string'),
    notResources: arr(pick(s, 'NotResources')).filter((r): r is string => typeof r === 'string'),
    listOfTags: conditionList('STRINGEQUALS', pick(s, 'ListOfTags')),
    conditions: [
      ...conditionList('StringEquals', pick(c, 'StringEquals')),
      ...conditionList('StringLike', pick(c, 'StringLike')),
      ...conditionList('StringNotEquals', pick(c, 'StringNotEquals')),
      ...conditionList('StringNotLike', pick(c, 'StringNotLike')),
    ],
    targetVaults: [...input.targetVaults].sort((a, b) => a.name.localeCompare(b.name)),
  };
};

/** Live reads of one table. `null` = the read answered "absent" (no policy, no description). */
export interface TableLiveInput {
  /** DescribeTable.Table */
  readonly table: unknown;
  /** DescribeContinuousBackups answer */
  readonly continuousBackups: unknown;
  readonly resourcePolicy: string | null;
  readonly streamPolicy: string | null;
  /** ListTagsOfResource.Tags (all pages) */
  readonly tags: readonly unknown[];
  readonly scalableTargets: readonly unknown[];
  readonly scalingPolicies: readonly unknown[];
  readonly backupSelections: readonly BackupSelectionSnapshot[];
  /** DescribeKey.KeyMetadata.KeyManager of the table's key, when read. */
  readonly keyManager: 'AWS' | 'CUSTOMER' | null;
}

const pitrStatus = (continuousBackups: unknown): string | null => {
  const root = obj(continuousBackups);
  const description = obj(pick(root, 'ContinuousBackupsDescription'));
  const base = Object.keys(description).length > 0 ? description : root;
  return str(pick(obj(pick(base, 'PointInTimeRecoveryDescription')), 'PointInTimeRecoveryStatus'));
};

export const normaliseTableLive = (input: TableLiveInput): DynamoDbTableSnapshot => {
  const t = obj(input.table);
  const name = str(pick(t, 'TableName')) ?? '';
  return {
    name,
    arn: str(pick(t, 'TableArn')) ?? '',
    status: str(pick(t, 'TableStatus')),
    billingMode: billingModeOf(t),
    provisionedThroughput: capacity(pick(t, 'ProvisionedThroughput')),
    globalSecondaryIndexes: gsis(t),
    sse: sse(t, input.keyManager),
    pointInTimeRecoveryStatus: pitrStatus(input.continuousBackups),
    deletionProtectionEnabled: pick(t, 'DeletionProtectionEnabled') === true,
    resourcePolicy: input.resourcePolicy,
    latestStreamArn: str(pick(t, 'LatestStreamArn')),
    streamPolicy: input.streamPolicy,
    autoScaling: { targets: normaliseScalableTargets(input.scalableTargets), policies: normaliseScalingPolicies(input.scalingPolicies) },
    backupSelections: [...input.backupSelections].sort((a, b) => `${a.planId}|${a.selectionId}`.localeCompare(`${b.planId}|${b.selectionId}`)),
    tags: sortedTags(tagsFromList(input.tags)),
  };
};

/**
 * AWS Config item (`configuration` + `supplementaryConfiguration`, already parsed) → snapshot. Config spells SSE as
 * `ssedescription.ssetype` / `.kmsmasterKeyArn`; the case-insensitive lookup maps both spellings. Data Config does not
 * record (resource policy, scaling targets, backup selections) is returned empty; the caller lists those reads as unavailable.
 */
export const normaliseTableConfig = (input: {
  readonly configuration: Obj;
  readonly supplementaryConfiguration: Obj;
  readonly tags: Record<string, string>;
  readonly arn: string;
  readonly keyManager: 'AWS' | 'CUSTOMER' | null;
}): DynamoDbTableSnapshot => {
  const c = input.configuration;
  const supplementaryTags = tagsFromList(pick(input.supplementaryConfiguration, 'Tags'));
  return {
    name: str(pick(c, 'TableName')) ?? '',
    arn: str(pick(c, 'TableArn')) ?? input.arn,
    status: str(pick(c, 'TableStatus')),
    billingMode: billingModeOf(c),
    provisionedThroughput: capacity(pick(c, 'ProvisionedThroughput')),
    globalSecondaryIndexes: gsis(c),
    sse: sse(c, input.keyManager),
    pointInTimeRecoveryStatus: pitrStatus(input.supplementaryConfiguration),
    // Config items written before the feature (2023) lack the field: absent = not enabled.
    deletionProtectionEnabled: pick(c, 'DeletionProtectionEnabled') === true,
    resourcePolicy: null,
    latestStreamArn: str(pick(c, 'LatestStreamArn')),
    streamPolicy: null,
    autoScaling: { targets: [], policies: [] },
    backupSelections: [],
    tags: sortedTags({ ...supplementaryTags, ...input.tags }),
  };
};

/** DAX DescribeClusters `Clusters[]` entry (+ ListTags) → snapshot. */
export const normaliseDaxCluster = (cluster: unknown, tags: readonly unknown[] = []): DaxClusterSnapshot => {
  const c = obj(cluster);
  return {
    name: str(pick(c, 'ClusterName')) ?? '',
    arn: str(pick(c, 'ClusterArn')) ?? '',
    status: str(pick(c, 'Status')),
    sseStatus: str(pick(obj(pick(c, 'SSEDescription')), 'Status')),
    endpointEncryptionType: str(pick(c, 'ClusterEndpointEncryptionType')) ?? 'NONE',
    nodes: arr(pick(c, 'Nodes'))
      .map((n) => obj(n))
      .map((n) => ({ id: str(pick(n, 'NodeId')) ?? '', availabilityZone: str(pick(n, 'AvailabilityZone')), status: str(pick(n, 'NodeStatus')) }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    tags: sortedTags(tagsFromList(tags)),
  };
};

