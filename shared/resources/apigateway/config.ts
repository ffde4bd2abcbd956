/**
 * AWS Config normalisers of the apigateway family. Config records REST APIs and stages, v2 APIs and stages (and, in
 * current Regions, v2 integrations); it has no methods, resources, authorizers, routes, usage plans or account settings,
 * so those snapshot fields are `null` (unknown) with a not-told gap: the rules that need them give INSUFFICIENT_DATA.
 */
import type { InputGap, Observation, ResourceRef } from '../../core';
import { partitionOf } from '../../events/names';
import { configItemGaps, isDeletedItem, notInConfig, type ConfigIndex, type ConfigItem } from '../config-item';
import { liveReadHint, notTold, WHOLE_SNAPSHOT } from '../gaps';
import type { ConfigNormaliser, ResourceKind } from '../types';
import { domainNameKind, HTTP_INTEGRATION_CONFIG_TYPE, httpApiKind, httpStageKind, parseApigatewayArn, restApiKind, restStageKind } from './kinds';
import { field, normaliseDomainName, normaliseHttpApi, normaliseHttpStage, normaliseRestApi, normaliseRestStage } from './normalise';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** The item's ARN: `arn`/`ARN`, or the resource id when Config uses the ARN as id (API Gateway items do). */
const itemArn = (item: ConfigItem): string | undefined => item.arn ?? (item.resourceId.startsWith('arn:') ? item.resourceId : undefined);

/** Region of the item: from its ARN when present (SelectResourceConfig results carry no awsRegion). */
const itemRegion = (item: ConfigItem): string => parseApigatewayArn(itemArn(item))?.region || item.region;

const refOf = (kind: ResourceKind, item: ConfigItem, id: string): ResourceRef => {
  const region = itemRegion(item);
  return { kind: kind.kind, id, arn: kind.arn({ partition: partitionOf(region), accountId: item.accountId, region, id }), accountId: item.accountId, region };
};

const FAMILY = 'apigateway';

/**
 * The observation of an item. Everything but the identity comes from `configuration` (an item without it is unknown);
 * `liveOnly` names the fields Config does not record, with the SDK command that reads them.
 */
const observation = (item: ConfigItem, ref: ResourceRef, config: unknown, liveOnly: Readonly<Record<string, readonly string[]>> = {}, extra: readonly InputGap[] = []): Observation =>
  isDeletedItem(item)
    ? { state: 'gone', ref, observedAt: item.captureTime, source: 'config' }
    : {
        state: 'present',
        ref,
        config,
        gaps: [
          ...configItemGaps(item, FAMILY, { configuration: [WHOLE_SNAPSHOT] }, ref.region),
          ...Object.entries(liveOnly).map(([read, inputs]) => notInConfig(inputs, read, FAMILY, ref.region)),
          ...extra,
        ],
        observedAt: item.captureTime,
        source: 'config',
      };

const REST_API_LIVE_ONLY = {
  GetResources: ['resources'],
  GetAuthorizers: ['authorizers'],
  GetGatewayResponses: ['gatewayResponses'],
  GetStages: ['stageNames'],
  'GetDomainNames/GetBasePathMappings': ['customDomainMappings'],
} as const;
const REST_STAGE_LIVE_ONLY = { GetAccount: ['account'], GetUsagePlans: ['usagePlans'] } as const;
const HTTP_API_LIVE_ONLY = { GetRoutes: ['routes'], GetAuthorizers: ['authorizers'], 'GetDomainNames/GetApiMappings': ['customDomainMappings'] } as const;

/** The related item of `type` (Config relationship "Is contained in"), or the item whose ARN is `arn`. */
const related = (item: ConfigItem, index: ConfigIndex, type: string, arn: string | undefined): ConfigItem | undefined => {
  for (const r of item.relationships) {
    if (r.resourceType !== type) continue;
    const found = (r.resourceId && index.find(type, r.resourceId)) || (r.resourceName && index.find(type, r.resourceName));
    if (found) return found;
  }
  return arn ? index.find(type, arn) : undefined;
};

export const restApiConfigNormaliser: ConfigNormaliser = {
  configType: 'AWS::ApiGateway::RestApi',
  toObservations(item) {
    const id = text(item.configuration.id) ?? parseApigatewayArn(itemArn(item))?.restApiId ?? item.resourceName ?? item.resourceId;
    const tagGaps = configItemGaps(item, FAMILY, { tags: ['tags'] });
    return [observation(item, refOf(restApiKind, item, id), normaliseRestApi(id, item.configuration, { tags: item.tags }), REST_API_LIVE_ONLY, tagGaps)];
  },
};

export const restStageConfigNormaliser: ConfigNormaliser = {
  configType: 'AWS::ApiGateway::Stage',
  toObservations(item) {
    const parts = parseApigatewayArn(itemArn(item));
    const stageName = text(item.configuration.stageName) ?? parts?.stageName ?? item.resourceName;
    const restApiId = parts?.restApiId ?? text(item.configuration.restApiId);
    if (!restApiId || !stageName) return [];
    const ref = refOf(restStageKind, item, `${restApiId}/${stageName}`);
    return [observation(item, ref, normaliseRestStage(restApiId, { ...item.configuration, stageName }), REST_STAGE_LIVE_ONLY)];
  },
};

/** Config's `AWS::ApiGateway::DomainName` (field spelling unverified: `securityPolicy` and CloudFormation-style `SecurityPolicy` are both read). */
export const domainNameConfigNormaliser: ConfigNormaliser = {
  configType: 'AWS::ApiGateway::DomainName',
  toObservations(item) {
    const name = text(field(item.configuration, 'domainName')) ?? parseApigatewayArn(itemArn(item))?.domainName ?? item.resourceName ?? item.resourceId;
    return [observation(item, refOf(domainNameKind, item, name), normaliseDomainName(name, item.configuration))];
  },
};

export const httpApiConfigNormaliser: ConfigNormaliser = {
  configType: 'AWS::ApiGatewayV2::Api',
  toObservations(item, index) {
    const id = text(field(item.configuration, 'apiId')) ?? parseApigatewayArn(itemArn(item))?.apiId ?? item.resourceName ?? item.resourceId;
    // Integrations come from `AWS::ApiGatewayV2::Integration` items of this API when the snapshot has any; otherwise unknown.
    const integrations = index
      .byType(HTTP_INTEGRATION_CONFIG_TYPE)
      .filter((i) => !isDeletedItem(i) && (field(i.configuration, 'apiId') === id || related(i, index, 'AWS::ApiGatewayV2::Api', undefined) === item))
      .map((i) => i.configuration);
    const config = normaliseHttpApi(id, item.configuration, { tags: item.tags, integrations: integrations.length > 0 ? integrations : null });
    const ref = refOf(httpApiKind, item, id);
    const extra = [
      ...configItemGaps(item, FAMILY, { tags: ['tags'] }),
      ...(config.integrations === null ? [notInConfig(['integrations'], 'GetIntegrations (or AWS::ApiGatewayV2::Integration items)', FAMILY, ref.region)] : []),
    ];
    return [observation(item, ref, config, HTTP_API_LIVE_ONLY, extra)];
  },
};

export const httpStageConfigNormaliser: ConfigNormaliser = {
  configType: 'AWS::ApiGatewayV2::Stage',
  toObservations(item, index) {
    const parts = parseApigatewayArn(itemArn(item));
    const stageName = text(field(item.configuration, 'stageName')) ?? parts?.stageName ?? item.resourceName;
    const apiId = parts?.apiId ?? text(field(item.configuration, 'apiId'));
    if (!apiId || !stageName) return [];
    const region = itemRegion(item);
    const apiArn = httpApiKind.arn({ partition: partitionOf(region), accountId: item.accountId, region, id: apiId });
    const api = related(item, index, 'AWS::ApiGatewayV2::Api', apiArn);
    const protocolType = api && !isDeletedItem(api) ? (text(field(api.configuration, 'protocolType')) ?? null) : null;
    const ref = refOf(httpStageKind, item, `${apiId}/${stageName}`);
    // The protocol is the API's: unknown when the snapshot lacks the API's item (or its configuration).
    const apiUnknown = protocolType === null ? [notTold(['protocolType'], 'AWS::ApiGatewayV2::Api', `the snapshot has no item for API ${apiId}; ${liveReadHint(FAMILY, ref.region)}`)] : [];
    return [observation(item, ref, normaliseHttpStage(apiId, { ...item.configuration, stageName }, protocolType), {}, apiUnknown)];
  },
};

export const apigatewayConfigNormalisers: readonly ConfigNormaliser[] = [
  restApiConfigNormaliser,
  restStageConfigNormaliser,
  domainNameConfigNormaliser,
  httpApiConfigNormaliser,
  httpStageConfigNormaliser,
];
