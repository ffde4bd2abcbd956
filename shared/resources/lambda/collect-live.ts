/**
 * Live collector of Lambda functions: SDK reads only; ./normalise builds the snapshot (and drops environment values).
 * CloudTrail omits Environment from function events, so the configuration is always re-read here.
 */
import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type * as Ec2Sdk from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import {
  GetFunctionConcurrencyCommand,
  GetFunctionConfigurationCommand,
  GetFunctionEventInvokeConfigCommand,
  GetPolicyCommand,
  LambdaClient,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListFunctionUrlConfigsCommand,
  ListTagsCommand,
} from '@aws-sdk/client-lambda';
import type { Observation, ResourceRef } from '../../core';
import { classifyAwsError, runReads, type ReadSpec } from '../aws-errors';
import { mergeGaps } from '../gaps';
import type { ClientFactory } from '../clients';
import type { KindCollector } from '../types';
import { functionArn, parseFunctionIdentifier, partitionOfRegion } from './names';
import { defaultLogGroupName, normaliseFunction, normaliseTrail } from './normalise';
import { FUNCTION_READ_ACTIONS } from './reads';
import { readExecutionRoleLive } from './role';
import { LAMBDA_FUNCTION_KIND, type ExecutionRoleSnapshot, type TrailSelectorsSnapshot } from './types';
import { lazyModule } from '../lazy-sdk';
import { paginate as pages } from '../paginate';

/** The EC2 SDK takes ~300 ms to load: it is loaded on first use, only for functions attached to a VPC (cold start). */
const ec2Sdk = lazyModule(() => require('@aws-sdk/client-ec2') as typeof Ec2Sdk);

const NOT_FOUND = ['ResourceNotFoundException'];

/** Snapshot fields built from the function's own configuration (a denied GetFunctionConfiguration leaves them unknown). */
const FUNCTION_CONFIGURATION_FIELDS = [
  'runtime', 'packageType', 'role', 'vpc', 'subnets', 'securityGroups', 'tracingMode', 'layers', 'deadLetterTargetArn',
  'kmsKeyArn', 'environment', 'logGroup', 'executionRole',
];

/** Trails of the account (shadow copies of multi-Region and organisation trails included) with their Lambda selectors. */
export const readTrails = async (clients: ClientFactory, region: string): Promise<TrailSelectorsSnapshot[]> => {
  const trails = (await clients.get(CloudTrailClient, region).send(new DescribeTrailsCommand({ includeShadowTrails: true }))).trailList ?? [];
  return Promise.all(
    trails.map(async (trail) => {
      const home = clients.get(CloudTrailClient, trail.HomeRegion ?? region);
      const name = trail.TrailARN ?? trail.Name ?? '';
      // A trail that vanished or whose selectors this account cannot query (unsupported) is kept without selectors;
      // a denied call is re-thrown, so the whole read is listed as denied and the rule gives ERROR, not a false FAIL.
      const tolerate = async <T>(call: () => Promise<T>): Promise<T | undefined> => {
        try {
          return await call();
        } catch (error) {
          if (classifyAwsError(error, { absent: ['TrailNotFoundException', 'UnsupportedOperationException'] }) === 'absent') return undefined;
          throw error;
        }
      };
      const [selectors, status] = await Promise.all([
        tolerate(() => home.send(new GetEventSelectorsCommand({ TrailName: name }))),
        tolerate(() => home.send(new GetTrailStatusCommand({ Name: name }))),
      ]);
      return normaliseTrail(trail, selectors ?? {}, status?.IsLogging ?? null);
    }),
  );
};

export interface CollectorOptions {
  readonly now?: () => Date;
}

export const createLambdaFunctionCollector = (options: CollectorOptions = {}): KindCollector => {
  const now = options.now ?? (() => new Date());
  return {
    async collect(ref: ResourceRef, clients: ClientFactory): Promise<Observation> {
      const observedAt = now().toISOString();
      const parsed = parseFunctionIdentifier(ref.id);
      const name = parsed?.name ?? ref.id;
      const arn = functionArn({ partition: partitionOfRegion(ref.region), accountId: ref.accountId, region: ref.region, id: ref.id });
      const lambda = clients.get(LambdaClient, ref.region);

      const first = await runReads([
        {
          key: 'configuration',
          command: 'GetFunctionConfiguration',
          fills: FUNCTION_CONFIGURATION_FIELDS,
          iamAction: FUNCTION_READ_ACTIONS.configuration,
          gone: NOT_FOUND,
          run: () => lambda.send(new GetFunctionConfigurationCommand({ FunctionName: arn })),
        },
        { key: 'policy', command: 'GetPolicy', iamAction: FUNCTION_READ_ACTIONS.policy, absent: NOT_FOUND, run: async () => (await lambda.send(new GetPolicyCommand({ FunctionName: arn }))).Policy ?? null },
        {
          key: 'urlConfigs',
          command: 'ListFunctionUrlConfigs',
          fills: ['functionUrls'],
          iamAction: FUNCTION_READ_ACTIONS.urlConfigs,
          gone: NOT_FOUND,
          run: () =>
            pages(async (Marker) => {
              const r = await lambda.send(new ListFunctionUrlConfigsCommand({ FunctionName: arn, Marker }));
              return { items: r.FunctionUrlConfigs ?? [], next: r.NextMarker };
            }),
        },
        {
          key: 'aliasPolicies',
          command: 'ListAliases/GetPolicy',
          iamAction: FUNCTION_READ_ACTIONS.aliases,
          gone: NOT_FOUND,
          run: async () => {
            const aliases = await pages(async (Marker) => {
              const r = await lambda.send(new ListAliasesCommand({ FunctionName: arn, Marker }));
              return { items: r.Aliases ?? [], next: r.NextMarker };
            });
            const policies = await Promise.all(
              aliases.flatMap((a) => (a.Name ? [a.Name] : [])).map(async (qualifier) => {
                try {
                  const policy = (await lambda.send(new GetPolicyCommand({ FunctionName: arn, Qualifier: qualifier }))).Policy;
                  return policy ? [{ qualifier, policy }] : [];
                } catch (error) {
                  if (classifyAwsError(error, { absent: NOT_FOUND }) === 'absent') return [];
                  throw error;
                }
              }),
            );
            return policies.flat();
          },
        },
        { key: 'tags', command: 'ListTags', iamAction: FUNCTION_READ_ACTIONS.tags, gone: NOT_FOUND, run: async () => (await lambda.send(new ListTagsCommand({ Resource: arn }))).Tags ?? {} },
        {
          key: 'eventInvokeConfig',
          command: 'GetFunctionEventInvokeConfig',
          iamAction: FUNCTION_READ_ACTIONS.eventInvokeConfig,
          absent: NOT_FOUND,
          run: () => lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: arn })),
        },
        {
          key: 'concurrency',
          command: 'GetFunctionConcurrency',
          fills: ['reservedConcurrency'],
          iamAction: FUNCTION_READ_ACTIONS.concurrency,
          gone: NOT_FOUND,
          run: async () => (await lambda.send(new GetFunctionConcurrencyCommand({ FunctionName: arn }))).ReservedConcurrentExecutions ?? null,
        },
        { key: 'trails', command: 'DescribeTrails/GetEventSelectors', iamAction: FUNCTION_READ_ACTIONS.trails, run: () => readTrails(clients, ref.region) },
      ]);
      if (first.gone) return { state: 'gone', ref, observedAt, source: 'live' };

      const configuration = (first.values.configuration ?? { FunctionName: name, FunctionArn: arn }) as {
        VpcConfig?: { SubnetIds?: string[]; SecurityGroupIds?: string[] };
        LoggingConfig?: { LogGroup?: string };
        Role?: string;
      };
      const subnetIds = configuration.VpcConfig?.SubnetIds ?? [];
      const groupIds = configuration.VpcConfig?.SecurityGroupIds ?? [];
      const logGroupName = configuration.LoggingConfig?.LogGroup ?? defaultLogGroupName(name);
      const second: ReadSpec[] = [
        {
          key: 'logGroup',
          command: 'DescribeLogGroups',
          iamAction: FUNCTION_READ_ACTIONS.logGroups,
          run: async () => {
            const groups = await pages(async (nextToken) => {
              const r = await clients.get(CloudWatchLogsClient, ref.region).send(new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroupName, nextToken }));
              return { items: r.logGroups ?? [], next: r.nextToken };
            });
            return groups.find((g) => g.logGroupName === logGroupName) ?? null;
          },
        },
      ];
      if (subnetIds.length > 0) {
        second.push({
          key: 'subnets',
          command: 'DescribeSubnets',
          iamAction: FUNCTION_READ_ACTIONS.subnets,
          absent: ['InvalidSubnetID.NotFound'],
          run: async () => {
            const { EC2Client, DescribeSubnetsCommand } = ec2Sdk();
            return (await clients.get(EC2Client, ref.region).send(new DescribeSubnetsCommand({ SubnetIds: subnetIds }))).Subnets ?? [];
          },
        });
      }
      if (groupIds.length > 0) {
        second.push({
          key: 'securityGroups',
          command: 'DescribeSecurityGroups',
          iamAction: FUNCTION_READ_ACTIONS.securityGroups,
          absent: ['InvalidGroup.NotFound'],
          run: async () => {
            const { EC2Client, DescribeSecurityGroupsCommand } = ec2Sdk();
            return (await clients.get(EC2Client, ref.region).send(new DescribeSecurityGroupsCommand({ GroupIds: groupIds }))).SecurityGroups ?? [];
          },
        });
      }
      if (configuration.Role) {
        const roleArn = configuration.Role;
        second.push({ key: 'executionRole', command: 'GetRole/ListAttachedRolePolicies/GetPolicyVersion', iamAction: 'iam:GetRole', absent: ['NoSuchEntity', 'NoSuchEntityException'], run: () => readExecutionRoleLive(clients.get(IAMClient), roleArn) });
      }
      const rest = await runReads(second);

      const config = normaliseFunction(configuration, {
        policy: (first.values.policy as string | null | undefined) ?? null,
        aliasPolicies: (first.values.aliasPolicies as { qualifier: string; policy: string }[] | undefined) ?? [],
        urlConfigs: (first.values.urlConfigs as unknown[] | undefined) ?? [],
        tags: (first.values.tags as Record<string, string> | undefined) ?? {},
        subnets: (rest.values.subnets as unknown[] | null | undefined) ?? [],
        securityGroups: (rest.values.securityGroups as unknown[] | null | undefined) ?? [],
        logGroup: rest.values.logGroup ?? null,
        executionRole: (rest.values.executionRole as ExecutionRoleSnapshot | null | undefined) ?? null,
        eventInvokeConfig: first.values.eventInvokeConfig ?? null,
        reservedConcurrency: (first.values.concurrency as number | null | undefined) ?? null,
        trails: (first.values.trails as TrailSelectorsSnapshot[] | undefined) ?? [],
      });
      return { state: 'present', ref: { ...ref, id: config.name || name, arn: config.arn || arn }, config, gaps: mergeGaps(first.failed, rest.failed), observedAt, source: 'live' };
    },

    async list(scope, clients): Promise<ResourceRef[]> {
      const lambda = clients.get(LambdaClient, scope.region);
      const functions = await pages(async (Marker) => {
        const r = await lambda.send(new ListFunctionsCommand({ Marker }));
        return { items: r.Functions ?? [], next: r.NextMarker };
      });
      return functions
        .filter((f): f is typeof f & { FunctionName: string } => !!f.FunctionName)
        .map((f) => ({
          kind: LAMBDA_FUNCTION_KIND,
          id: f.FunctionName,
          arn: functionArn({ partition: scope.partition, accountId: scope.accountId, region: scope.region, id: f.FunctionArn ?? f.FunctionName }),
          accountId: scope.accountId,
          region: scope.region,
        }));
    },
  };
};

export const lambdaFunctionCollector = createLambdaFunctionCollector();
