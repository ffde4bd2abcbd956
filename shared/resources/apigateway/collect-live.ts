/**
 * Live collectors of the apigateway family. Every API Gateway read is the IAM action `apigateway:GET`; the WAF cross-check
 * of REST stages is `wafv2:GetWebACLForResource`. Reads run concurrently through runReads (absent → null, denied → `denied`,
 * NotFoundException on the resource itself → gone); list reads are paginated.
 */
import {
  APIGatewayClient,
  GetAccountCommand,
  GetAuthorizersCommand,
  GetBasePathMappingsCommand,
  GetDomainNameCommand,
  GetDomainNamesCommand,
  GetGatewayResponsesCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetStageCommand,
  GetStagesCommand,
  GetUsagePlansCommand,
} from '@aws-sdk/client-api-gateway';
import {
  ApiGatewayV2Client,
  GetApiCommand,
  GetApiMappingsCommand,
  GetApisCommand,
  GetAuthorizersCommand as GetV2AuthorizersCommand,
  GetDomainNamesCommand as GetV2DomainNamesCommand,
  GetIntegrationsCommand,
  GetRoutesCommand,
  GetStageCommand as GetV2StageCommand,
  GetStagesCommand as GetV2StagesCommand,
} from '@aws-sdk/client-apigatewayv2';
import type * as Wafv2Sdk from '@aws-sdk/client-wafv2';
import { CollectError, type Observation, type ResourceRef } from '../../core';
import { awsErrorCode, classifyAwsError, runReads } from '../aws-errors';
import type { ClientFactory } from '../clients';
import type { KindCollector, ResourceKind } from '../types';
import { ApigatewayKind, domainNameKind, httpApiKind, httpStageKind, restApiKind, restStageKind, splitStageId } from './kinds';
import { normaliseDomainName, normaliseHttpApi, normaliseHttpStage, normaliseRestApi, normaliseRestStage, usagePlansCovering } from './normalise';
import type { CustomDomainMapping } from './types';
import { lazyModule } from '../lazy-sdk';
import { WHOLE_SNAPSHOT } from '../gaps';

/** WAFv2 only cross-checks a stage's web ACL: loaded on first use. */
const wafv2Sdk = lazyModule(() => require('@aws-sdk/client-wafv2') as typeof Wafv2Sdk);

/** The IAM action of every API Gateway read (v1 and v2). */
export const APIGATEWAY_GET = 'apigateway:GET';
export const WAFV2_GET_WEB_ACL_FOR_RESOURCE = 'wafv2:GetWebACLForResource';
const NOT_FOUND = ['NotFoundException'] as const;
/** Upper bound on pages of one listing: a guard against a service that keeps returning a token. */
const MAX_PAGES = 1000;

export interface ApigatewayCollectorOptions {
  /** Clock for observedAt (taken before the reads). */
  readonly now?: () => Date;
}

/** Follows `position` / `NextToken` until the last page. */
export const allPages = async <T>(fetch: (token: string | undefined) => Promise<{ items: readonly T[] | undefined; next: string | undefined }>): Promise<T[]> => {
  const out: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, next } = await fetch(token);
    out.push(...(items ?? []));
    if (!next || next === token) return out;
    token = next;
  }
  return out;
};

const v1 = (clients: ClientFactory, region: string) => clients.get(APIGatewayClient, region);
const v2 = (clients: ClientFactory, region: string) => clients.get(ApiGatewayV2Client, region);

/** Custom domain mappings (v1 base path mappings) that point at `restApiId`. A domain deleted meanwhile is skipped. */
const restDomainMappings = async (client: APIGatewayClient, restApiId: string): Promise<CustomDomainMapping[]> => {
  const domains = await allPages((position) => client.send(new GetDomainNamesCommand({ position, limit: 500 })).then((r) => ({ items: r.items, next: r.position })));
  const mappings: CustomDomainMapping[] = [];
  for (const domain of domains) {
    const domainName = domain.domainName;
    if (!domainName) continue;
    try {
      const items = await allPages((position) =>
        client.send(new GetBasePathMappingsCommand({ domainName, position, limit: 500 })).then((r) => ({ items: r.items, next: r.position })),
      );
      for (const m of items) if (m.restApiId === restApiId) mappings.push({ domainName, basePath: m.basePath ?? null, stage: m.stage ?? null });
    } catch (error) {
      if (classifyAwsError(error, { absent: NOT_FOUND }) !== 'absent') throw error;
    }
  }
  return mappings;
};

/** Custom domain mappings (v2 API mappings) that point at `apiId`. */
const httpDomainMappings = async (client: ApiGatewayV2Client, apiId: string): Promise<CustomDomainMapping[]> => {
  const domains = await allPages((NextToken) => client.send(new GetV2DomainNamesCommand({ NextToken })).then((r) => ({ items: r.Items, next: r.NextToken })));
  const mappings: CustomDomainMapping[] = [];
  for (const domain of domains) {
    const DomainName = domain.DomainName;
    if (!DomainName) continue;
    try {
      const items = await allPages((NextToken) => client.send(new GetApiMappingsCommand({ DomainName, NextToken })).then((r) => ({ items: r.Items, next: r.NextToken })));
      for (const m of items) if (m.ApiId === apiId) mappings.push({ domainName: DomainName, basePath: m.ApiMappingKey || null, stage: m.Stage ?? null });
    } catch (error) {
      if (classifyAwsError(error, { absent: NOT_FOUND }) !== 'absent') throw error;
    }
  }
  return mappings;
};

const listed = (what: string, error: unknown): never => {
  throw new CollectError(`${what} failed: ${awsErrorCode(error)}`, { operation: APIGATEWAY_GET, awsCode: awsErrorCode(error) }, { cause: error });
};

const refOf = (kind: ResourceKind, id: string, scope: { accountId: string; region: string; partition: string }): ResourceRef => ({
  kind: kind.kind,
  id,
  arn: kind.arn({ ...scope, id }),
  accountId: scope.accountId,
  region: scope.region,
});

const restApiIds = async (client: APIGatewayClient): Promise<string[]> =>
  (await allPages((position) => client.send(new GetRestApisCommand({ position, limit: 500 })).then((r) => ({ items: r.items, next: r.position }))))
    .map((a) => a.id)
    .filter((id): id is string => typeof id === 'string');

const httpApiIds = async (client: ApiGatewayV2Client): Promise<string[]> =>
  (await allPages((NextToken) => client.send(new GetApisCommand({ NextToken })).then((r) => ({ items: r.Items, next: r.NextToken }))))
    .map((a) => a.ApiId)
    .filter((id): id is string => typeof id === 'string');

const asArray = (v: unknown): unknown[] | null => (Array.isArray(v) ? v : null);

/** Snapshot fields each resource's own Get call fills (the rest come from reads of their own). */
const REST_API_FIELDS = ['name', 'endpointTypes', 'vpcEndpointIds', 'policy', 'disableExecuteApiEndpoint', 'apiKeySource', 'tags'] as const;
const REST_STAGE_FIELDS = ['deploymentId', 'methodSettings', 'tracingEnabled', 'clientCertificateId', 'webAclArn', 'accessLogSettings', 'cacheClusterEnabled', 'variables'] as const;
const HTTP_API_FIELDS = ['name', 'protocolType', 'apiEndpoint', 'disableExecuteApiEndpoint', 'cors', 'tags'] as const;
const HTTP_STAGE_FIELDS = ['autoDeploy', 'accessLogSettings', 'defaultRouteSettings', 'routeSettings', 'variables', 'clientCertificateId'] as const;

export const createApigatewayCollectors = (options: ApigatewayCollectorOptions = {}): Record<string, KindCollector> => {
  const now = options.now ?? (() => new Date());

  const restApi: KindCollector = {
    async collect(ref, clients): Promise<Observation> {
      const observedAt = now().toISOString();
      const client = v1(clients, ref.region);
      const restApiId = ref.id;
      const reads = await runReads([
        { key: 'api', command: 'GetRestApi', fills: REST_API_FIELDS, iamAction: APIGATEWAY_GET, gone: NOT_FOUND, run: () => client.send(new GetRestApiCommand({ restApiId })) },
        {
          key: 'resources',
          command: 'GetResources',
          iamAction: APIGATEWAY_GET,
          gone: NOT_FOUND,
          run: () =>
            allPages((position) =>
              client.send(new GetResourcesCommand({ restApiId, embed: ['methods'], limit: 500, position })).then((r) => ({ items: r.items, next: r.position })),
            ),
        },
        {
          key: 'authorizers',
          command: 'GetAuthorizers',
          iamAction: APIGATEWAY_GET,
          gone: NOT_FOUND,
          run: () => allPages((position) => client.send(new GetAuthorizersCommand({ restApiId, limit: 500, position })).then((r) => ({ items: r.items, next: r.position }))),
        },
        {
          key: 'gatewayResponses',
          command: 'GetGatewayResponses',
          iamAction: APIGATEWAY_GET,
          gone: NOT_FOUND,
          run: () =>
            allPages((position) => client.send(new GetGatewayResponsesCommand({ restApiId, limit: 500, position })).then((r) => ({ items: r.items, next: r.position }))),
        },
        {
          key: 'stages',
          command: 'GetStages',
          fills: ['stageNames'],
          iamAction: APIGATEWAY_GET,
          gone: NOT_FOUND,
          run: () => client.send(new GetStagesCommand({ restApiId })).then((r) => (r.item ?? []).map((s) => s.stageName).filter((n): n is string => !!n)),
        },
        { key: 'domainMappings', command: 'GetDomainNames/GetBasePathMappings', fills: ['customDomainMappings'], iamAction: APIGATEWAY_GET, run: () => restDomainMappings(client, restApiId) },
      ]);
      if (reads.gone) return { state: 'gone', ref, observedAt, source: 'live' };
      const v = reads.values;
      const config = normaliseRestApi(restApiId, v.api, {
        resources: asArray(v.resources),
        authorizers: asArray(v.authorizers),
        gatewayResponses: asArray(v.gatewayResponses),
        stageNames: asArray(v.stages) as string[] | null,
        customDomainMappings: asArray(v.domainMappings) as CustomDomainMapping[] | null,
      });
      return { state: 'present', ref, config, gaps: reads.failed, observedAt, source: 'live' };
    },
    async list(scope, clients) {
      try {
        return (await restApiIds(v1(clients, scope.region))).map((id) => refOf(restApiKind, id, scope));
      } catch (error) {
        return listed('GetRestApis', error);
      }
    },
  };

  const restStage: KindCollector = {
    async collect(ref, clients): Promise<Observation> {
      const observedAt = now().toISOString();
      const client = v1(clients, ref.region);
      const { apiId: restApiId, stageName } = splitStageId(ref.id);
      const reads = await runReads([
        { key: 'stage', command: 'GetStage', fills: REST_STAGE_FIELDS, iamAction: APIGATEWAY_GET, gone: NOT_FOUND, run: () => client.send(new GetStageCommand({ restApiId, stageName })) },
        { key: 'account', command: 'GetAccount', iamAction: APIGATEWAY_GET, run: () => client.send(new GetAccountCommand({})) },
        {
          key: 'usagePlans',
          command: 'GetUsagePlans',
          iamAction: APIGATEWAY_GET,
          run: () => allPages((position) => client.send(new GetUsagePlansCommand({ position, limit: 500 })).then((r) => ({ items: r.items, next: r.position }))),
        },
        {
          key: 'waf',
          command: 'GetWebACLForResource',
          fills: ['webAclArn'],
          iamAction: WAFV2_GET_WEB_ACL_FOR_RESOURCE,
          absent: ['WAFNonexistentItemException'],
          run: () => {
            const { WAFV2Client, GetWebACLForResourceCommand } = wafv2Sdk();
            return clients.get(WAFV2Client, ref.region).send(new GetWebACLForResourceCommand({ ResourceArn: ref.arn }));
          },
        },
      ]);
      if (reads.gone) return { state: 'gone', ref, observedAt, source: 'live' };
      const v = reads.values;
      const account = v.account as { cloudwatchRoleArn?: string } | undefined;
      const plans = asArray(v.usagePlans);
      const waf = v.waf as { WebACL?: { ARN?: string } } | null | undefined;
      const config = normaliseRestStage(restApiId, v.stage ?? { stageName }, {
        account: account ? { cloudwatchRoleArn: account.cloudwatchRoleArn ?? null } : null,
        usagePlans: plans ? usagePlansCovering(plans, restApiId, stageName) : null,
        webAclArn: waf?.WebACL?.ARN ?? null,
      });
      // The stage names its web ACL itself when GetStage answers: a failed WAF cross-check then leaves nothing unknown.
      const gaps = v.stage && config.webAclArn ? reads.failed.filter((g) => g.read !== 'GetWebACLForResource') : reads.failed;
      return { state: 'present', ref, config, gaps, observedAt, source: 'live' };
    },
    async list(scope, clients) {
      const client = v1(clients, scope.region);
      try {
        const refs: ResourceRef[] = [];
        for (const restApiId of await restApiIds(client)) {
          const stages = await client.send(new GetStagesCommand({ restApiId }));
          for (const s of stages.item ?? []) if (s.stageName) refs.push(refOf(restStageKind, `${restApiId}/${s.stageName}`, scope));
        }
        return refs;
      } catch (error) {
        return listed('GetRestApis/GetStages', error);
      }
    },
  };

  const domainName: KindCollector = {
    async collect(ref, clients): Promise<Observation> {
      const observedAt = now().toISOString();
      const client = v1(clients, ref.region);
      const reads = await runReads([
        { key: 'domain', command: 'GetDomainName', fills: [WHOLE_SNAPSHOT], iamAction: APIGATEWAY_GET, gone: NOT_FOUND, run: () => client.send(new GetDomainNameCommand({ domainName: ref.id })) },
      ]);
      if (reads.gone) return { state: 'gone', ref, observedAt, source: 'live' };
      return { state: 'present', ref, config: normaliseDomainName(ref.id, reads.values.domain), gaps: reads.failed, observedAt, source: 'live' };
    },
    async list(scope, clients) {
      try {
        const domains = await allPages((position) =>
          v1(clients, scope.region).send(new GetDomainNamesCommand({ position, limit: 500 })).then((r) => ({ items: r.items, next: r.position })),
        );
        return domains.map((d) => d.domainName).filter((n): n is string => !!n).map((n) => refOf(domainNameKind, n, scope));
      } catch (error) {
        return listed('GetDomainNames', error);
      }
    },
  };

  const httpApi: KindCollector = {
    async collect(ref, clients): Promise<Observation> {
      const observedAt = now().toISOString();
      const client = v2(clients, ref.region);
      const ApiId = ref.id;
      const reads = await runReads([
        { key: 'api', command: 'GetApi', fills: HTTP_API_FIELDS, iamAction: APIGATEWAY_GET, gone: NOT_FOUND, run: () => client.send(new GetApiCommand({ ApiId })) },
        {
          key: 'routes',
          command: 'GetRoutes',
          iamAction: APIGATEWAY_GET,
          gone: NOT_FOUND,
          run: () => allPages((NextToken) => client.send(new GetRoutesCommand({ ApiId, NextToken })).then((r) => ({ items: r.Items, next: r.NextToken }))),
        },
        {
          key: 'authorizers',
          command: 'GetAuthorizers',
          iamAction: APIGATEWAY_GET,
          gone: NOT_FOUND,
          run: () => allPages((NextToken) => client.send(new GetV2AuthorizersCommand({ ApiId, NextToken })).then((r) => ({ items: r.Items, next: r.NextToken }))),
        },
        {
          key: 'integrations',
          command: 'GetIntegrations',
          iamAction: APIGATEWAY_GET,
          gone: NOT_FOUND,
          run: () => allPages((NextToken) => client.send(new GetIntegrationsCommand({ ApiId, NextToken })).then((r) => ({ items: r.Items, next: r.NextToken }))),
        },
        { key: 'domainMappings', command: 'GetDomainNames/GetApiMappings', fills: ['customDomainMappings'], iamAction: APIGATEWAY_GET, run: () => httpDomainMappings(client, ApiId) },
      ]);
      if (reads.gone) return { state: 'gone', ref, observedAt, source: 'live' };
      const v = reads.values;
      const config = normaliseHttpApi(ApiId, v.api, {
        routes: asArray(v.routes),
        authorizers: asArray(v.authorizers),
        integrations: asArray(v.integrations),
        customDomainMappings: asArray(v.domainMappings) as CustomDomainMapping[] | null,
      });
      return { state: 'present', ref, config, gaps: reads.failed, observedAt, source: 'live' };
    },
    async list(scope, clients) {
      try {
        return (await httpApiIds(v2(clients, scope.region))).map((id) => refOf(httpApiKind, id, scope));
      } catch (error) {
        return listed('GetApis', error);
      }
    },
  };

  const httpStage: KindCollector = {
    async collect(ref, clients): Promise<Observation> {
      const observedAt = now().toISOString();
      const client = v2(clients, ref.region);
      const { apiId: ApiId, stageName: StageName } = splitStageId(ref.id);
      const reads = await runReads([
        { key: 'stage', command: 'GetStage', fills: HTTP_STAGE_FIELDS, iamAction: APIGATEWAY_GET, gone: NOT_FOUND, run: () => client.send(new GetV2StageCommand({ ApiId, StageName })) },
        { key: 'api', command: 'GetApi', fills: ['protocolType'], iamAction: APIGATEWAY_GET, gone: NOT_FOUND, run: () => client.send(new GetApiCommand({ ApiId })) },
      ]);
      if (reads.gone) return { state: 'gone', ref, observedAt, source: 'live' };
      const api = reads.values.api as { ProtocolType?: string } | undefined;
      const config = normaliseHttpStage(ApiId, reads.values.stage ?? { StageName }, api?.ProtocolType ?? null);
      return { state: 'present', ref, config, gaps: reads.failed, observedAt, source: 'live' };
    },
    async list(scope, clients) {
      const client = v2(clients, scope.region);
      try {
        const refs: ResourceRef[] = [];
        for (const ApiId of await httpApiIds(client)) {
          const stages = await allPages((NextToken) => client.send(new GetV2StagesCommand({ ApiId, NextToken })).then((r) => ({ items: r.Items, next: r.NextToken })));
          for (const s of stages) if (s.StageName) refs.push(refOf(httpStageKind, `${ApiId}/${s.StageName}`, scope));
        }
        return refs;
      } catch (error) {
        return listed('GetApis/GetStages', error);
      }
    },
  };

  return {
    [ApigatewayKind.REST_API]: restApi,
    [ApigatewayKind.REST_STAGE]: restStage,
    [ApigatewayKind.DOMAIN_NAME]: domainName,
    [ApigatewayKind.HTTP_API]: httpApi,
    [ApigatewayKind.HTTP_STAGE]: httpStage,
  };
};

export const apigatewayCollectors = createApigatewayCollectors();
