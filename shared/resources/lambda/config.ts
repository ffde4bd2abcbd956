/**
 * AWS Config items of type AWS::Lambda::Function → the same observations the live collector yields.
 * Config records the function configuration, its resource policy (supplementaryConfiguration.Policy), reserved
 * concurrency and tags. Subnets, security groups, the execution role and its policies come from their own items in the
 * same snapshot when present. Config does not record function URLs, asynchronous invocation configuration, log groups,
 * trails' selectors or environment variables: those inputs are not-told gaps (rules needing them give INSUFFICIENT_DATA),
 * and the environment is "not observed" unless the item happens to carry it (then only names and detector hits are kept).
 */
import type { InputGap, Observation, ResourceRef } from '../../core';
import { configItemGaps, isDeletedItem, notInConfig, type ConfigIndex, type ConfigItem } from '../config-item';
import { liveReadHint, notTold, WHOLE_SNAPSHOT } from '../gaps';
import type { ConfigNormaliser } from '../types';
import { functionArn, partitionOfRegion } from './names';
import { normaliseFunction, num, obj, pick } from './normalise';
import { readExecutionRoleConfig } from './role';
import { LAMBDA_FUNCTION_KIND } from './types';

const FAMILY = 'lambda';

/** Inputs a Lambda function's Config item never carries, by the live read that gives them. */
export const FUNCTION_INPUTS_NOT_IN_CONFIG: Readonly<Record<string, readonly string[]>> = {
  ListFunctionUrlConfigs: ['functionUrls'],
  GetFunctionEventInvokeConfig: ['eventInvokeConfig'],
  DescribeLogGroups: ['logGroup'],
  'DescribeTrails/GetEventSelectors': ['trails'],
  'ListAliases/GetPolicy': ['aliasPolicies'],
};

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

/**
 * Config writes Policy and Concurrency only when set (a function without a resource policy has no key, see
 * test/fixtures/config-items/lambda-function.rdk-example.json); Tags also lives in the item's `tags`.
 */
const SUPPLEMENTARY_WHEN_SET = ['Policy', 'Concurrency', 'Tags'];

export const lambdaFunctionConfigNormaliser: ConfigNormaliser = {
  configType: 'AWS::Lambda::Function',
  supplementaryWhenSet: SUPPLEMENTARY_WHEN_SET,
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
    const region = item.region;
    // Related items the snapshot lacks: their data is unknown, never "none".
    const missingItem = (inputs: readonly string[], type: string): InputGap => notTold(inputs, type, `the snapshot has no ${type} item the function refers to; ${liveReadHint(FAMILY, region)}`);
    const unknownDocuments = role?.policies.some((p) => !p.awsManaged && p.document === null) ?? false;
    const gaps: InputGap[] = [
      ...configItemGaps(item, FAMILY, {
        configuration: [WHOLE_SNAPSHOT], // without its configuration a function is unknown
        supplementary: { Policy: ['policy'], Concurrency: ['reservedConcurrency'], Tags: ['tags'] },
        supplementaryWhenSet: SUPPLEMENTARY_WHEN_SET,
        tags: ['tags'],
      }),
      ...Object.entries(FUNCTION_INPUTS_NOT_IN_CONFIG)
        // With a dead-letter queue the asynchronous-failure verdict no longer depends on the invoke config Config lacks.
        .filter(([read]) => !(read === 'GetFunctionEventInvokeConfig' && config.deadLetterTargetArn))
        .map(([read, inputs]) => notInConfig(inputs, read, FAMILY, region)),
      ...(config.environment === null ? [notInConfig(['environment'], 'GetFunctionConfiguration', FAMILY, region)] : []),
      ...(subnets.missing ? [missingItem(['subnets'], 'AWS::EC2::Subnet')] : []),
      ...(groups.missing ? [missingItem(['securityGroups'], 'AWS::EC2::SecurityGroup')] : []),
      ...(roleArn !== null && !role ? [missingItem(['executionRole'], 'AWS::IAM::Role')] : []),
      ...(unknownDocuments ? [missingItem(['executionRole.policies.document'], 'AWS::IAM::Policy')] : []),
    ];
    return [{ state: 'present', ref: { ...ref, arn: config.arn || arn }, config, gaps, observedAt: item.captureTime, source: 'config' }];
  },
};
