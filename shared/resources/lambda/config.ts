/**
 * AWS Config items of type AWS::Lambda::Function → the same observations the live collector yields.
 * Config records the function configuration, its resource policy (supplementaryConfiguration.Policy), reserved
 * concurrency and tags. Subnets, security groups, the execution role and its policies come from their own items in the
 * same snapshot when present. Config does not record function URLs, asynchronous invocation configuration, log groups,
 * trails' selectors or environment variables: those reads are listed in `denied` (rules needing them give ERROR), and
 * the environment is "not observed" unless the item happens to carry it (then only names and detector hits are kept).
 */
import type { Observation, ResourceRef } from '../../core';
import { isDeletedItem, type ConfigIndex, type ConfigItem } from '../config-item';
import type { ConfigNormaliser } from '../types';
import { functionArn, partitionOfRegion } from './names';
import { normaliseFunction, num, obj, pick } from './normalise';
import { FUNCTION_READ_ACTIONS } from './reads';
import { readExecutionRoleConfig, ROLE_READ_ACTIONS } from './role';
import { LAMBDA_FUNCTION_KIND } from './types';

/** Reads whose data a Lambda function's Config item never carries. */
export const FUNCTION_READS_NOT_IN_CONFIG = [
  FUNCTION_READ_ACTIONS.urlConfigs,
  FUNCTION_READ_ACTIONS.eventInvokeConfig,
  FUNCTION_READ_ACTIONS.logGroups,
  FUNCTION_READ_ACTIONS.trails,
  FUNCTION_READ_ACTIONS.aliases,
] as const;

const policyText = (value: unknown): string | null => {
  if (value === undefined || value === null || value === '') return null;
  // normaliseConfigItem parses JSON-string values; rules expect the policy as text again.
  return typeof value === 'string' ? value : JSON.stringify(value);
};

const configurationsOf = (index: ConfigIndex, type: string, ids: readonly string[]): { found: unknown[]; missing: boolean } => {
  const found: unknown[] = [];
  let missing = false;
  for (const id of ids) {
    const item = index.find(type, id);
    if (item) found.push(item.configuration);
    else missing = true;
  }
  return { found, missing };
};

export const lambdaFunctionConfigNormaliser: ConfigNormaliser = {
  configType: 'AWS::Lambda::Function',
  toObservations(item: ConfigItem, index: ConfigIndex): Observation[] {
    const c = item.configuration;
    const id = item.resourceName ?? (typeof c.functionName === 'string' ? c.functionName : item.resourceId);
    const arn = functionArn({ partition: partitionOfRegion(item.region), accountId: item.accountId, region: item.region, id: item.arn ?? id });
    const ref: ResourceRef = { kind: LAMBDA_FUNCTION_KIND, id, arn, accountId: item.accountId, region: item.region };
    if (isDeletedItem(item)) return [{ state: 'gone', ref, observedAt: item.captureTime, source: 'config' }];

    const vpc = obj(pick(c, 'VpcConfig'));
    const subnetIds = (Array.isArray(pick(vpc, 'SubnetIds')) ? (pick(vpc, 'SubnetIds') as unknown[]) : []).filter((s): s is string => typeof s === 'string');
    const groupIds = (Array.isArray(pick(vpc, 'SecurityGroupIds')) ? (pick(vpc, 'SecurityGroupIds') as unknown[]) : []).filter((s): s is string => typeof s === 'string');
    const subnets = configurationsOf(index, 'AWS::EC2::Subnet', subnetIds);
    const groups = configurationsOf(index, 'AWS::EC2::SecurityGroup', groupIds);
    const roleArn = typeof pick(c, 'Role') === 'string' ? (pick(c, 'Role') as string) : null;
    const role = roleArn ? readExecutionRoleConfig(index, roleArn) : undefined;
    const supplementary = item.supplementaryConfiguration;
    const supplementaryTags = obj(pick(supplementary, 'Tags'));

    const config = normaliseFunction(
      c,
      {
        policy: policyText(pick(supplementary, 'Policy')),
        aliasPolicies: [],
        urlConfigs: [],
        tags: { ...Object.fromEntries(Object.entries(supplementaryTags).filter((e): e is [string, string] => typeof e[1] === 'string')), ...item.tags },
        subnets: subnets.found,
        securityGroups: groups.found,
        logGroup: null,
        executionRole: role ?? null,
        eventInvokeConfig: null,
        reservedConcurrency: num(pick(obj(pick(supplementary, 'Concurrency')), 'reservedConcurrentExecutions')),
        trails: [],
      },
      { environment: 'unobserved', arn },
    );
    const roleIncomplete = roleArn !== null && (!role || role.policies.some((p) => !p.awsManaged && p.document === null));
    // With a dead-letter queue the asynchronous-failure verdict no longer depends on the invoke config Config lacks.
    const notInConfig = config.deadLetterTargetArn ? FUNCTION_READS_NOT_IN_CONFIG.filter((a) => a !== FUNCTION_READ_ACTIONS.eventInvokeConfig) : FUNCTION_READS_NOT_IN_CONFIG;
    const denied = [
      ...notInConfig,
      ...(subnets.missing ? [FUNCTION_READ_ACTIONS.subnets] : []),
      ...(groups.missing ? [FUNCTION_READ_ACTIONS.securityGroups] : []),
      ...(roleIncomplete ? ROLE_READ_ACTIONS : []),
    ].sort();
    return [{ state: 'present', ref: { ...ref, arn: config.arn || arn }, config, denied, observedAt: item.captureTime, source: 'config' }];
  },
};
