/**
 * AWS Config items of type AWS::DynamoDB::Table → the same observations the live collector yields.
 * Config records the table description, SSE and PITR, but not the resource policy, Application Auto Scaling targets or
 * AWS Backup selections: those inputs are not-told gaps, so the rules that need them give INSUFFICIENT_DATA (never a false PASS).
 */
import type { InputGap, Observation, ResourceRef } from '../../core';
import { configItemGaps, isDeletedItem, notInConfig, type ConfigIndex, type ConfigItem } from '../config-item';
import { liveReadHint, notTold, WHOLE_SNAPSHOT } from '../gaps';
import type { ConfigNormaliser } from '../types';
import { BACKUP_COMMANDS } from './collect-live';
import { normaliseTableConfig, partitionOfRegion, tableArn } from './normalise';
import { DYNAMODB_TABLE_KIND } from './types';

const FAMILY = 'dynamodb';

const keyManagerFromIndex = (index: ConfigIndex, keyArn: string | null): 'AWS' | 'CUSTOMER' | null => {
  if (!keyArn) return null;
  const key = index.find('AWS::KMS::Key', keyArn) ?? index.find('AWS::KMS::Key', keyArn.slice(keyArn.lastIndexOf('/') + 1));
  const manager = key?.configuration.keyManager;
  return manager === 'AWS' || manager === 'CUSTOMER' ? manager : null;
};

export const dynamodbTableConfigNormaliser: ConfigNormaliser = {
  configType: 'AWS::DynamoDB::Table',
  toObservations(item: ConfigItem, index: ConfigIndex): Observation[] {
    const id = item.resourceName ?? (typeof item.configuration.tableName === 'string' ? item.configuration.tableName : item.resourceId);
    const arn = item.arn ?? tableArn({ partition: partitionOfRegion(item.region), accountId: item.accountId, region: item.region, id });
    const ref: ResourceRef = { kind: DYNAMODB_TABLE_KIND, id, arn, accountId: item.accountId, region: item.region };
    if (isDeletedItem(item)) return [{ state: 'gone', ref, observedAt: item.captureTime, source: 'config' }];
    const sseRaw = (item.configuration.ssedescription ?? item.configuration.SSEDescription) as { kmsmasterKeyArn?: unknown } | undefined;
    const keyArn = typeof sseRaw?.kmsmasterKeyArn === 'string' ? sseRaw.kmsmasterKeyArn : null;
    const config = normaliseTableConfig({
      configuration: item.configuration,
      supplementaryConfiguration: item.supplementaryConfiguration,
      tags: item.tags,
      arn,
      keyManager: keyManagerFromIndex(index, keyArn),
    });
    // An on-demand table has no provisioned capacity to scale, so its scaling is never read; for provisioned ones it is unknown.
    const gaps: InputGap[] = [
      ...configItemGaps(item, FAMILY, {
        configuration: [WHOLE_SNAPSHOT], // without its configuration a table is unknown
        supplementary: { ContinuousBackupsDescription: ['pointInTimeRecoveryStatus'], Tags: ['tags'] },
        tags: ['tags'],
      }),
      notInConfig(['resourcePolicy', 'streamPolicy'], 'GetResourcePolicy', FAMILY, item.region),
      notInConfig(['backupSelections'], BACKUP_COMMANDS, FAMILY, item.region),
      ...(config.billingMode === 'PROVISIONED' ? [notInConfig(['autoScaling'], 'DescribeScalableTargets/DescribeScalingPolicies', FAMILY, item.region)] : []),
      // The key manager comes from the key's AWS::KMS::Key item, when the snapshot has it.
      ...(keyArn && config.sse?.keyManager === null ? [notTold(['sse.keyManager'], 'AWS::KMS::Key', `the snapshot has no item for key ${keyArn}; ${liveReadHint(FAMILY, item.region)}`)] : []),
    ];
    return [{ state: 'present', ref, config, gaps, observedAt: item.captureTime, source: 'config' }];
  },
};
