/**
 * Live collector of DynamoDB tables: SDK reads only; ./normalise turns the answers into the snapshot.
 * Reads run concurrently through runReads (absent → null, denied → `denied`, gone → `{state:'gone'}`, else throw → retry).
 */
import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
} from '@aws-sdk/client-application-auto-scaling';
import {
  BackupClient,
  DescribeBackupVaultCommand,
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  ListBackupPlansCommand,
  ListBackupSelectionsCommand,
} from '@aws-sdk/client-backup';
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetResourcePolicyCommand,
  ListTablesCommand,
  ListTagsOfResourceCommand,
} from '@aws-sdk/client-dynamodb';
import type * as KmsSdk from '@aws-sdk/client-kms';
import type { Observation, ResourceRef } from '../../core';
import { classifyAwsError, runReads, type ReadSpec } from '../aws-errors';
import { mergeGaps } from '../gaps';
import type { ClientFactory } from '../clients';
import { lazyModule } from '../lazy-sdk';
import { paginate } from '../paginate';
import type { KindCollector } from '../types';
import { keyManagerFromArn, normaliseBackupSelection, normaliseTableLive, partitionOfRegion, tableArn, tableNameFromArnOrName } from './normalise';
import { TABLE_READ_ACTIONS } from './reads';
import { DYNAMODB_TABLE_KIND, type BackupSelectionSnapshot, type DynamoDbTableSnapshot } from './types';

/** KMS is read only for tables encrypted with a key whose manager the ARN does not tell: loaded on first use. */
const kmsSdk = lazyModule(() => require('@aws-sdk/client-kms') as typeof KmsSdk);

const GONE = ['ResourceNotFoundException', 'TableNotFoundException'];

/** Snapshot fields DescribeTable fills (a denied DescribeTable leaves them unknown). */
const TABLE_DESCRIPTION_FIELDS = ['status', 'billingMode', 'provisionedThroughput', 'globalSecondaryIndexes', 'sse', 'deletionProtectionEnabled', 'latestStreamArn', 'streamPolicy', 'autoScaling'];
/** The backup coverage read: every AWS Backup call it makes (one failure leaves the selections unknown). */
export const BACKUP_COMMANDS = 'ListBackupPlans/GetBackupPlan/ListBackupSelections/GetBackupSelection';

/** Every backup selection of the account with its plan's target vaults (account-wide, the same for every table). */
export const readBackupSelections = async (backup: BackupClient): Promise<BackupSelectionSnapshot[]> => {
  const plans = await paginate(async (NextToken) => {
    const r = await backup.send(new ListBackupPlansCommand({ NextToken }));
    return { items: r.BackupPlansList ?? [], next: r.NextToken };
  });
  const vaultLocks = new Map<string, Promise<boolean | null>>();
  const vaultLocked = (name: string): Promise<boolean | null> => {
    let p = vaultLocks.get(name);
    if (!p) {
      p = backup.send(new DescribeBackupVaultCommand({ BackupVaultName: name })).then(
        (v) => v.Locked === true,
        (error: unknown) => {
          // The lock state only matters with backupVaultLockCheck; an unreadable vault is "unknown", never "unlocked".
          if (classifyAwsError(error, { absent: ['ResourceNotFoundException'] }) === 'retry') throw error;
          return null;
        },
      );
      vaultLocks.set(name, p);
    }
    return p;
  };
  const perPlan = await Promise.all(
    plans.map(async (plan) => {
      const planId = plan.BackupPlanId;
      if (!planId) return [];
      const [detail, selections] = await Promise.all([
        backup.send(new GetBackupPlanCommand({ BackupPlanId: planId })),
        paginate(async (NextToken) => {
          const r = await backup.send(new ListBackupSelectionsCommand({ BackupPlanId: planId, NextToken }));
          return { items: r.BackupSelectionsList ?? [], next: r.NextToken };
        }),
      ]);
      const vaultNames = [...new Set((detail.BackupPlan?.Rules ?? []).map((r) => r.TargetBackupVaultName).filter((n): n is string => !!n))];
      const targetVaults = await Promise.all(vaultNames.map(async (name) => ({ name, locked: await vaultLocked(name) })));
      return Promise.all(
        selections
          .filter((s) => !!s.SelectionId)
          .map(async (s) => {
            const full = await backup.send(new GetBackupSelectionCommand({ BackupPlanId: planId, SelectionId: s.SelectionId! }));
            return normaliseBackupSelection({
              planId,
              planName: plan.BackupPlanName ?? detail.BackupPlan?.BackupPlanName ?? null,
              selectionId: s.SelectionId!,
              selection: full.BackupSelection ?? {},
              targetVaults,
            });
          }),
      );
    }),
  );
  return perPlan.flat();
};

export interface CollectorOptions {
  /** Clock of the collector (observedAt is taken before the reads). */
  readonly now?: () => Date;
}

export const createDynamoDbTableCollector = (options: CollectorOptions = {}): KindCollector => {
  const now = options.now ?? (() => new Date());
  return {
    async collect(ref: ResourceRef, clients: ClientFactory): Promise<Observation> {
      const observedAt = now().toISOString();
      const name = tableNameFromArnOrName(ref.id);
      const arn = ref.arn || tableArn({ partition: partitionOfRegion(ref.region), accountId: ref.accountId, region: ref.region, id: name });
      const ddb = clients.get(DynamoDBClient, ref.region);
      const scaling = clients.get(ApplicationAutoScalingClient, ref.region);

      const first = await runReads([
        { key: 'table', command: 'DescribeTable', fills: TABLE_DESCRIPTION_FIELDS, iamAction: TABLE_READ_ACTIONS.describeTable, gone: GONE, run: async () => (await ddb.send(new DescribeTableCommand({ TableName: name }))).Table ?? {} },
        {
          key: 'continuousBackups',
          command: 'DescribeContinuousBackups',
          fills: ['pointInTimeRecoveryStatus'],
          iamAction: TABLE_READ_ACTIONS.continuousBackups,
          gone: GONE,
          run: () => ddb.send(new DescribeContinuousBackupsCommand({ TableName: name })),
        },
        {
          key: 'resourcePolicy',
          command: 'GetResourcePolicy',
          iamAction: TABLE_READ_ACTIONS.resourcePolicy,
          absent: ['PolicyNotFoundException'],
          gone: ['ResourceNotFoundException'],
          run: async () => (await ddb.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).Policy ?? null,
        },
        {
          key: 'tags',
          command: 'ListTagsOfResource',
          iamAction: TABLE_READ_ACTIONS.tags,
          gone: GONE,
          run: () =>
            paginate(async (NextToken) => {
              const r = await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: arn, NextToken }));
              return { items: r.Tags ?? [], next: r.NextToken };
            }),
        },
        {
          key: 'backupSelections',
          command: BACKUP_COMMANDS,
          iamAction: TABLE_READ_ACTIONS.backupPlans,
          run: () => readBackupSelections(clients.get(BackupClient, ref.region)),
        },
      ]);
      if (first.gone) return { state: 'gone', ref, observedAt, source: 'live' };

      const table = (first.values.table ?? {}) as { GlobalSecondaryIndexes?: { IndexName?: string }[]; LatestStreamArn?: string; SSEDescription?: { SSEType?: string; KMSMasterKeyArn?: string } };
      const scalingIds = [`table/${name}`, ...(table.GlobalSecondaryIndexes ?? []).flatMap((g) => (g.IndexName ? [`table/${name}/index/${g.IndexName}`] : []))];
      const keyArn = table.SSEDescription?.SSEType === 'KMS' ? table.SSEDescription.KMSMasterKeyArn : undefined;
      // An on-demand table has no provisioned capacity to scale (and ddb-table-autoscaling passes it on its billing mode):
      // no Auto Scaling read, so a denied one can never touch it. https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-1
      const onDemand = (first.values.table as { BillingModeSummary?: { BillingMode?: string } } | undefined)?.BillingModeSummary?.BillingMode === 'PAY_PER_REQUEST';
      const scalingReads: ReadSpec[] = [
        {
          key: 'scalableTargets',
          command: 'DescribeScalableTargets',
          fills: ['autoScaling.targets'],
          iamAction: TABLE_READ_ACTIONS.scalableTargets,
          run: () =>
            paginate(async (NextToken) => {
              const r = await scaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'dynamodb', ResourceIds: scalingIds, NextToken }));
              return { items: r.ScalableTargets ?? [], next: r.NextToken };
            }),
        },
        {
          key: 'scalingPolicies',
          command: 'DescribeScalingPolicies',
          fills: ['autoScaling.policies'],
          iamAction: TABLE_READ_ACTIONS.scalingPolicies,
          run: async () =>
            (
              await Promise.all(
                scalingIds.map((ResourceId) =>
                  paginate(async (NextToken) => {
                    const r = await scaling.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: 'dynamodb', ResourceId, NextToken }));
                    return { items: r.ScalingPolicies ?? [], next: r.NextToken };
                  }),
                ),
              )
            ).flat(),
        },
      ];
      const second: ReadSpec[] = onDemand ? [] : scalingReads;
      if (table.LatestStreamArn) {
        const streamArn = table.LatestStreamArn;
        second.push({
          key: 'streamPolicy',
          command: 'GetResourcePolicy (stream)',
          iamAction: TABLE_READ_ACTIONS.resourcePolicy,
          absent: ['PolicyNotFoundException', 'ResourceNotFoundException'],
          run: async () => (await ddb.send(new GetResourcePolicyCommand({ ResourceArn: streamArn }))).Policy ?? null,
        });
      }
      if (keyArn && !keyManagerFromArn(keyArn)) {
        second.push({
          key: 'keyManager',
          command: 'DescribeKey',
          fills: ['sse.keyManager'],
          iamAction: TABLE_READ_ACTIONS.describeKey,
          absent: ['NotFoundException'],
          run: async () => {
            const { KMSClient, DescribeKeyCommand } = kmsSdk();
            return (await clients.get(KMSClient, ref.region).send(new DescribeKeyCommand({ KeyId: keyArn }))).KeyMetadata?.KeyManager ?? null;
          },
        });
      }
      const rest = await runReads(second);
      if (rest.gone) return { state: 'gone', ref, observedAt, source: 'live' };

      const config: DynamoDbTableSnapshot = normaliseTableLive({
        table: first.values.table ?? { TableName: name, TableArn: arn },
        continuousBackups: first.values.continuousBackups ?? null,
        resourcePolicy: (first.values.resourcePolicy as string | null | undefined) ?? null,
        streamPolicy: (rest.values.streamPolicy as string | null | undefined) ?? null,
        tags: (first.values.tags as unknown[] | undefined) ?? [],
        scalableTargets: (rest.values.scalableTargets as unknown[] | undefined) ?? [],
        scalingPolicies: (rest.values.scalingPolicies as unknown[] | undefined) ?? [],
        backupSelections: (first.values.backupSelections as BackupSelectionSnapshot[] | undefined) ?? [],
        keyManager: rest.values.keyManager === 'AWS' || rest.values.keyManager === 'CUSTOMER' ? rest.values.keyManager : null,
      });
      return { state: 'present', ref: { ...ref, id: name, arn: config.arn || arn }, config, gaps: mergeGaps(first.failed, rest.failed), observedAt, source: 'live' };
    },

    async list(scope, clients): Promise<ResourceRef[]> {
      const ddb = clients.get(DynamoDBClient, scope.region);
      const names: string[] = [];
      let start: string | undefined;
      for (let page = 0; page < 10_000; page++) {
        const r = await ddb.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
        names.push(...(r.TableNames ?? []));
        if (!r.LastEvaluatedTableName) break;
        start = r.LastEvaluatedTableName;
      }
      return names.map((id) => ({
        kind: DYNAMODB_TABLE_KIND,
        id,
        arn: tableArn({ partition: scope.partition, accountId: scope.accountId, region: scope.region, id }),
        accountId: scope.accountId,
        region: scope.region,
      }));
    },
  };
};

export const dynamodbTableCollector = createDynamoDbTableCollector();
