/**
 * AWS Config items of type AWS::DynamoDB::Table → the same observations the live collector yields.
 * Config records the table description, SSE and PITR, but not the resource policy, Application Auto Scaling targets or
 * AWS Backup selections: those reads are listed in `denied`, so the rules that need them give ERROR (never a false PASS).
 */
import type { Observation, ResourceRef } from '../../core';
import { isDeletedItem, type ConfigIndex, type ConfigItem } from '../config-item';
import type { ConfigNormaliser } from '../types';
import { BACKUP_READ_ACTIONS, TABLE_READ_ACTIONS } from './reads';
import { normaliseTableConfig, partitionOfRegion, tableArn } from './normalise';
import { DYNAMODB_TABLE_KIND } from './types';

/** Reads whose data AWS Config does not carry for a table. */
export const TABLE_READS_NOT_IN_CONFIG = [TABLE_READ_ACTIONS.resourcePolicy, ...BACKUP_READ_ACTIONS] as const;
const SCALING_READS = [TABLE_READ_ACTIONS.scalableTargets, TABLE_READ_ACTIONS.scalingPolicies] as const;

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
    // An on-demand table cannot have scalable targets, so "no targets" is a fact there; for provisioned ones it is unknown.
    const denied = [...TABLE_READS_NOT_IN_CONFIG, ...(config.billingMode === 'PROVISIONED' ? SCALING_READS : [])].sort();
    return [{ state: 'present', ref, config, denied, observedAt: item.captureTime, source: 'config' }];
  },
};
