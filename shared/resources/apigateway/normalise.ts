/**
 * Pure normalisers: raw API Gateway shapes (SDK v3 outputs, or AWS Config `configuration` objects) → canonical snapshots.
 * v2 field names are PascalCase in the SDK and camelCase in Config items; `field()` reads either spelling, so one function
 * serves both sources and they cannot drift apart. Stage variable values are run through the secret detector here and
 * dropped: only names and detector hits leave this module.
 */
import { detectSecrets } from '../secrets/detector';
import type {
  AccessLogSettings,
  CorsSummary,
  CustomDomainMapping,
  DomainNameSnapshot,
  GatewayResponseSummary,
  HttpApiSnapshot,
  HttpAuthorizer,
  HttpIntegration,
  HttpRoute,
  HttpRouteSettings,
  HttpStageSnapshot,
  RestApiSnapshot,
  RestAuthorizer,
  RestMethod,
  RestMethodSetting,
  RestResource,
  RestStageSnapshot,
  StageVariablesSummary,
  UsagePlanCoverage,
} from './types';

type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
const rec = (v: unknown): Rec => (isRec(v) ? v : {});

/** Value of `name` in either spelling (`apiId` / `ApiId`). */
export const field = (obj: unknown, name: string): unknown => {
  if (!isRec(obj)) return undefined;
  if (obj[name] !== undefined) return obj[name];
  const other = name[0] === name[0].toUpperCase() ? name[0].toLowerCase() + name.slice(1) : name[0].toUpperCase() + name.slice(1);
  return obj[other];
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const bool = (v: unknown): boolean => v === true || v === 'true';
/** A number; Config sometimes writes `5000.0` as text. */
const num = (v: unknown): number | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
};
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const stringMap = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, value] of Object.entries(rec(v))) if (typeof value === 'string') out[k] = value;
  return out;
};
const sortedKeys = <T>(m: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(m).sort(([a], [b]) => a.localeCompare(b)));

/**
 * Decodes a REST API resource policy. GetRestApi (and Config) return it as JSON whose quotes and slashes are
 * backslash-escaped (`{\"Version\":...\/*}`); plain and URL-encoded JSON are accepted too. Returns compact JSON text, or
 * the input unchanged when it cannot be decoded (the policy engine then reports the parse error; never guessed away).
 */
export const decodeRestApiPolicy = (raw: unknown): string | null => {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const attempts: (() => unknown)[] = [
    () => JSON.parse(raw),
    () => JSON.parse(JSON.parse(`"${raw}"`) as string),
    () => JSON.parse(decodeURIComponent(raw)),
  ];
  for (const attempt of attempts) {
    try {
      let value = attempt();
      if (typeof value === 'string') value = JSON.parse(value);
      if (isRec(value)) return JSON.stringify(value);
    } catch {
      // try the next spelling
    }
  }
  return raw;
};

/** Runs the secret detector over stage variables and keeps names + hits only. */
export const summariseVariables = (variables: unknown): StageVariablesSummary => {
  const entries: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(rec(variables))) entries[name] = typeof value === 'string' ? value : value == null ? undefined : String(value);
  const names = Object.keys(entries).sort();
  return { names, secrets: names.length > 0 ? detectSecrets(entries) : [] };
};

const accessLog = (v: unknown): AccessLogSettings | null => {
  if (!isRec(v)) return null;
  const destinationArn = str(field(v, 'destinationArn'));
  const format = str(field(v, 'format'));
  return destinationArn || format ? { destinationArn, format } : null;
};

// ---- REST (v1) -------------------------------------------------------------------------------------------------------------

const methodSetting = (v: unknown): RestMethodSetting => ({
  loggingLevel: str(field(v, 'loggingLevel')),
  dataTraceEnabled: bool(field(v, 'dataTraceEnabled')),
  metricsEnabled: bool(field(v, 'metricsEnabled')),
  cachingEnabled: bool(field(v, 'cachingEnabled')),
  cacheDataEncrypted: bool(field(v, 'cacheDataEncrypted')),
  throttlingRateLimit: num(field(v, 'throttlingRateLimit')),
  throttlingBurstLimit: num(field(v, 'throttlingBurstLimit')),
});

/** GetStage output / `AWS::ApiGateway::Stage` configuration → snapshot (the live-only context is passed separately). */
export const normaliseRestStage = (
  restApiId: string,
  stage: unknown,
  live: { account?: RestStageSnapshot['account']; usagePlans?: RestStageSnapshot['usagePlans']; webAclArn?: string | null } = {},
): RestStageSnapshot => {
  const methodSettings: Record<string, RestMethodSetting> = {};
  for (const [key, value] of Object.entries(rec(field(stage, 'methodSettings')))) methodSettings[key] = methodSetting(value);
  return {
    restApiId,
    stageName: str(field(stage, 'stageName')) ?? '',
    deploymentId: str(field(stage, 'deploymentId')),
    methodSettings: sortedKeys(methodSettings),
    tracingEnabled: bool(field(stage, 'tracingEnabled')),
    clientCertificateId: str(field(stage, 'clientCertificateId')),
    webAclArn: str(field(stage, 'webAclArn')) ?? live.webAclArn ?? null,
    accessLogSettings: accessLog(field(stage, 'accessLogSettings')),
    cacheClusterEnabled: bool(field(stage, 'cacheClusterEnabled')),
    variables: summariseVariables(field(stage, 'variables')),
    account: live.account ?? null,
    usagePlans: live.usagePlans ?? null,
  };
};

/** Usage plans (GetUsagePlans items) that list `<restApiId>/<stageName>` in their apiStages. */
export const usagePlansCovering = (plans: readonly unknown[], restApiId: string, stageName: string): UsagePlanCoverage[] =>
  plans
    .filter((plan) => (Array.isArray(field(plan, 'apiStages')) ? (field(plan, 'apiStages') as unknown[]) : []).some((s) => field(s, 'apiId') === restApiId && field(s, 'stage') === stageName))
    .map((plan) => {
      const throttle = rec(field(plan, 'throttle'));
      return { id: str(field(plan, 'id')) ?? '', name: str(field(plan, 'name')), rateLimit: num(throttle.rateLimit), burstLimit: num(throttle.burstLimit) };
    });

const restMethod = (httpMethod: string, v: unknown): RestMethod => {
  const integration = field(v, 'methodIntegration');
  return {
    httpMethod: str(field(v, 'httpMethod')) ?? httpMethod,
    authorizationType: str(field(v, 'authorizationType')) ?? 'NONE',
    authorizerId: str(field(v, 'authorizerId')),
    apiKeyRequired: bool(field(v, 'apiKeyRequired')),
    integration: isRec(integration)
      ? { type: str(field(integration, 'type')), uri: str(field(integration, 'uri')), connectionType: str(field(integration, 'connectionType')) }
      : null,
  };
};

/** GetResources (embed=methods) items → resources with methods, sorted by path. */
export const normaliseRestResources = (items: readonly unknown[]): RestResource[] =>
  items
    .map((item) => ({
      id: str(field(item, 'id')) ?? '',
      path: str(field(item, 'path')) ?? '/',
      methods: Object.entries(rec(field(item, 'resourceMethods')))
        .map(([verb, method]) => restMethod(verb, method))
        .sort((a, b) => a.httpMethod.localeCompare(b.httpMethod)),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));

export const normaliseRestAuthorizers = (items: readonly unknown[]): RestAuthorizer[] =>
  items.map((a) => ({ id: str(field(a, 'id')) ?? '', name: str(field(a, 'name')), type: str(field(a, 'type')) }));

export const normaliseGatewayResponses = (items: readonly unknown[]): GatewayResponseSummary[] =>
  items
    .map((r) => ({
      responseType: str(field(r, 'responseType')) ?? '',
      statusCode: str(field(r, 'statusCode')),
      defaultResponse: bool(field(r, 'defaultResponse')),
      templates: stringMap(field(r, 'responseTemplates')),
    }))
    .sort((a, b) => a.responseType.localeCompare(b.responseType));

/** GetRestApi output / `AWS::ApiGateway::RestApi` configuration (+ live-only parts, null when unknown) → snapshot. */
export const normaliseRestApi = (
  id: string,
  api: unknown,
  live: {
    resources?: readonly unknown[] | null;
    authorizers?: readonly unknown[] | null;
    gatewayResponses?: readonly unknown[] | null;
    stageNames?: readonly string[] | null;
    customDomainMappings?: readonly CustomDomainMapping[] | null;
    tags?: Record<string, string>;
  } = {},
): RestApiSnapshot => {
  const endpoint = rec(field(api, 'endpointConfiguration'));
  return {
    id: str(field(api, 'id')) ?? id,
    name: str(field(api, 'name')),
    endpointTypes: strings(endpoint.types).sort(),
    vpcEndpointIds: strings(endpoint.vpcEndpointIds).sort(),
    policy: decodeRestApiPolicy(field(api, 'policy')),
    disableExecuteApiEndpoint: bool(field(api, 'disableExecuteApiEndpoint')),
    apiKeySource: str(field(api, 'apiKeySource')),
    tags: sortedKeys({ ...stringMap(field(api, 'tags')), ...(live.tags ?? {}) }),
    resources: live.resources ? normaliseRestResources(live.resources) : null,
    authorizers: live.authorizers ? normaliseRestAuthorizers(live.authorizers) : null,
    gatewayResponses: live.gatewayResponses ? normaliseGatewayResponses(live.gatewayResponses) : null,
    stageNames: live.stageNames ? [...live.stageNames].sort() : null,
    customDomainMappings: live.customDomainMappings ? sortMappings(live.customDomainMappings) : null,
  };
};

const sortMappings = (mappings: readonly CustomDomainMapping[]): CustomDomainMapping[] =>
  [...mappings].sort((a, b) => `${a.domainName}/${a.basePath ?? ''}`.localeCompare(`${b.domainName}/${b.basePath ?? ''}`));

/** GetDomainName output / Config configuration (`securityPolicy` or CloudFormation-style `SecurityPolicy`) → snapshot. */
export const normaliseDomainName = (domainName: string, v: unknown): DomainNameSnapshot => {
  const endpoint = rec(field(v, 'endpointConfiguration'));
  const mtls = rec(field(v, 'mutualTlsAuthentication'));
  return {
    domainName: str(field(v, 'domainName')) ?? domainName,
    securityPolicy: str(field(v, 'securityPolicy')),
    endpointTypes: strings(field(endpoint, 'types')).sort(),
    mutualTlsEnabled: str(field(mtls, 'truststoreUri')) !== null,
  };
};

// ---- HTTP / WebSocket (v2) -------------------------------------------------------------------------------------------------

const routeSettings = (v: unknown): HttpRouteSettings => ({
  loggingLevel: str(field(v, 'loggingLevel')),
  dataTraceEnabled: bool(field(v, 'dataTraceEnabled')),
  detailedMetricsEnabled: bool(field(v, 'detailedMetricsEnabled')),
  throttlingRateLimit: num(field(v, 'throttlingRateLimit')),
  throttlingBurstLimit: num(field(v, 'throttlingBurstLimit')),
});

/** v2 GetStage output / `AWS::ApiGatewayV2::Stage` configuration → snapshot. */
export const normaliseHttpStage = (apiId: string, stage: unknown, protocolType: string | null): HttpStageSnapshot => {
  const perRoute: Record<string, HttpRouteSettings> = {};
  for (const [key, value] of Object.entries(rec(field(stage, 'routeSettings')))) perRoute[key] = routeSettings(value);
  const defaults = field(stage, 'defaultRouteSettings');
  return {
    apiId,
    stageName: str(field(stage, 'stageName')) ?? '',
    protocolType,
    autoDeploy: bool(field(stage, 'autoDeploy')),
    accessLogSettings: accessLog(field(stage, 'accessLogSettings')),
    defaultRouteSettings: isRec(defaults) ? routeSettings(defaults) : null,
    routeSettings: sortedKeys(perRoute),
    variables: summariseVariables(field(stage, 'stageVariables')),
    clientCertificateId: str(field(stage, 'clientCertificateId')),
  };
};

export const normaliseHttpRoutes = (items: readonly unknown[]): HttpRoute[] =>
  items
    .map((r) => ({
      routeId: str(field(r, 'routeId')),
      routeKey: str(field(r, 'routeKey')) ?? '',
      authorizationType: str(field(r, 'authorizationType')) ?? 'NONE',
      authorizerId: str(field(r, 'authorizerId')),
      apiKeyRequired: bool(field(r, 'apiKeyRequired')),
      target: str(field(r, 'target')),
    }))
    .sort((a, b) => a.routeKey.localeCompare(b.routeKey));

export const normaliseHttpAuthorizers = (items: readonly unknown[]): HttpAuthorizer[] =>
  items.map((a) => ({ id: str(field(a, 'authorizerId')) ?? '', name: str(field(a, 'name')), type: str(field(a, 'authorizerType')) }));

export const normaliseHttpIntegrations = (items: readonly unknown[]): HttpIntegration[] =>
  items
    .map((i) => {
      const tls = field(i, 'tlsConfig');
      return {
        integrationId: str(field(i, 'integrationId')),
        integrationType: str(field(i, 'integrationType')),
        connectionType: str(field(i, 'connectionType')),
        integrationUri: str(field(i, 'integrationUri')),
        tlsConfig: isRec(tls) ? { serverNameToVerify: str(field(tls, 'serverNameToVerify')) } : null,
      };
    })
    .sort((a, b) => (a.integrationId ?? '').localeCompare(b.integrationId ?? ''));

const cors = (v: unknown): CorsSummary | null =>
  isRec(v)
    ? {
        allowOrigins: strings(field(v, 'allowOrigins')),
        allowCredentials: bool(field(v, 'allowCredentials')),
        allowMethods: strings(field(v, 'allowMethods')),
        allowHeaders: strings(field(v, 'allowHeaders')),
      }
    : null;

/** v2 GetApi output / `AWS::ApiGatewayV2::Api` configuration (+ live-only parts, null when unknown) → snapshot. */
export const normaliseHttpApi = (
  id: string,
  api: unknown,
  parts: {
    routes?: readonly unknown[] | null;
    authorizers?: readonly unknown[] | null;
    integrations?: readonly unknown[] | null;
    customDomainMappings?: readonly CustomDomainMapping[] | null;
    tags?: Record<string, string>;
  } = {},
): HttpApiSnapshot => ({
  apiId: str(field(api, 'apiId')) ?? id,
  name: str(field(api, 'name')),
  protocolType: str(field(api, 'protocolType')),
  apiEndpoint: str(field(api, 'apiEndpoint')),
  disableExecuteApiEndpoint: bool(field(api, 'disableExecuteApiEndpoint')),
  cors: cors(field(api, 'corsConfiguration')),
  tags: sortedKeys(parts.tags ?? stringMap(field(api, 'tags'))),
  routes: parts.routes ? normaliseHttpRoutes(parts.routes) : null,
  authorizers: parts.authorizers ? normaliseHttpAuthorizers(parts.authorizers) : null,
  integrations: parts.integrations ? normaliseHttpIntegrations(parts.integrations) : null,
  customDomainMappings: parts.customDomainMappings ? sortMappings(parts.customDomainMappings) : null,
});
