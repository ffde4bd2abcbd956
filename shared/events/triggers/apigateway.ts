/**
 * Trigger catalogue slice of the apigateway family (catalogue §6.8, §7.5). REST (v1) and HTTP/WebSocket (v2) share the
 * event source and several names (CreateStage, UpdateStage, CreateAuthorizer, TagResource, ...): every row resolves its id
 * with a resolver that declines unless the event carries its version's marker — v1 `requestParameters.restApiId` (or a
 * `/restapis/` ARN, or the response of CreateRestApi/ImportRestApi), v2 `requestParameters.apiId` (or an `/apis/` ARN, or
 * the response of CreateApi/ImportApi). v1 shapes are uncertain (§9.3), so ids are taken from every place they can be:
 * plain request fields, the `create*Input` wrappers, the response and its `self` link, and resource ARNs.
 * A stage-level change re-evaluates the stage and its API (API-level rules such as method authorization live on the API).
 */
import { ApigatewayKind, parseApigatewayArn } from '../../resources/apigateway/kinds';
import type { CloudTrailDetail, TriggerRow } from '../types';

const SOURCE = 'apigateway.amazonaws.com';

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : {});
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const first = (...values: unknown[]): string | undefined => values.map(text).find((v) => v !== undefined);

const request = (d: CloudTrailDetail): Rec => rec(d.requestParameters);
const response = (d: CloudTrailDetail): Rec => rec(d.responseElements);
/** The body wrapper v1 records use (`createStageInput`, `createDeploymentInput`, `createDomainNameInput`, ...). */
const wrapped = (d: CloudTrailDetail, field: string): string | undefined => {
  for (const [key, value] of Object.entries(request(d))) if (/Input$/.test(key) && text(rec(value)[field])) return text(rec(value)[field]);
  return undefined;
};
const resourceArn = (d: CloudTrailDetail) => parseApigatewayArn(first(request(d).resourceArn, request(d).ResourceArn));

// ---- v1 ----------------------------------------------------------------------------------------------------------------------

const V1_CREATES = new Set(['CreateRestApi', 'ImportRestApi']);

/** REST API id: request `restApiId`, a `/restapis/<id>` ARN, the `self` link, or (CreateRestApi/ImportRestApi) `responseElements.id`. */
export const restApiIdOf = (d: CloudTrailDetail): string | undefined => {
  const req = request(d);
  if (text(req.apiId) && !text(req.restApiId)) return undefined; // a v2 event
  return first(
    req.restApiId,
    wrapped(d, 'restApiId'),
    resourceArn(d)?.restApiId,
    V1_CREATES.has(d.eventName) ? response(d).id : undefined,
    rec(response(d).self).restApiId,
    response(d).restApiId,
  );
};

/** REST stage name: request `stageName`, `createStageInput.stageName` / `createDeploymentInput.stageName`, response, or ARN. */
export const restStageNameOf = (d: CloudTrailDetail): string | undefined =>
  first(request(d).stageName, wrapped(d, 'stageName'), response(d).stageName, rec(response(d).self).stageName, resourceArn(d)?.stageName);

const restStageId = (d: CloudTrailDetail): string | undefined => {
  const api = restApiIdOf(d);
  const stage = restStageNameOf(d);
  return api && stage ? `${api}/${stage}` : undefined;
};

// ---- v2 ----------------------------------------------------------------------------------------------------------------------

const V2_CREATES = new Set(['CreateApi', 'ImportApi']);

/** v2 API id: request `apiId`, an `/apis/<id>` ARN, or (CreateApi/ImportApi) `responseElements.apiId`. */
export const httpApiIdOf = (d: CloudTrailDetail): string | undefined =>
  first(request(d).apiId, resourceArn(d)?.apiId, V2_CREATES.has(d.eventName) ? first(response(d).apiId, response(d).ApiId) : undefined);

export const httpStageNameOf = (d: CloudTrailDetail): string | undefined =>
  first(request(d).stageName, wrapped(d, 'stageName'), response(d).stageName, resourceArn(d)?.stageName);

const httpStageId = (d: CloudTrailDetail): string | undefined => {
  const api = httpApiIdOf(d);
  const stage = httpStageNameOf(d);
  return api && stage ? `${api}/${stage}` : undefined;
};

/** Custom domain name (shared by v1 and v2): request field, create-input wrapper, response, or `/domainnames/<name>` ARN. */
export const domainNameOf = (d: CloudTrailDetail): string | undefined =>
  first(request(d).domainName, wrapped(d, 'domainName'), response(d).domainName, resourceArn(d)?.domainName);

/** A v1 stage named by a WAF association's resource ARN; other resource types (ALB, AppSync, ...) decline. */
const wafStageId = (d: CloudTrailDetail): string | undefined => {
  const parts = resourceArn(d);
  return parts?.restApiId && parts.stageName ? `${parts.restApiId}/${parts.stageName}` : undefined;
};

const never = (): undefined => undefined;

// ---- event names (catalogue §6.8) ----------------------------------------------------------------------------------------------

const STAGE_EVENTS = ['CreateStage', 'UpdateStage', 'DeleteStage', 'CreateDeployment', 'TagResource', 'UntagResource'];

const V1_API_EVENTS = [
  'CreateRestApi', 'ImportRestApi', 'PutRestApi', 'UpdateRestApi', 'DeleteRestApi',
  'CreateResource', 'UpdateResource', 'DeleteResource', 'PutMethod', 'UpdateMethod', 'DeleteMethod',
  'PutIntegration', 'UpdateIntegration', 'DeleteIntegration', 'PutGatewayResponse', 'UpdateGatewayResponse', 'DeleteGatewayResponse',
  'CreateAuthorizer', 'UpdateAuthorizer', 'DeleteAuthorizer', 'UpdateDeployment', 'DeleteDeployment', 'CreateBasePathMapping',
  ...STAGE_EVENTS,
];

const V2_API_EVENTS = [
  'CreateApi', 'ImportApi', 'ReimportApi', 'UpdateApi', 'DeleteApi', 'DeleteCorsConfiguration',
  'CreateRoute', 'UpdateRoute', 'DeleteRoute', 'CreateIntegration', 'UpdateIntegration', 'DeleteIntegration',
  'CreateAuthorizer', 'UpdateAuthorizer', 'DeleteAuthorizer', 'DeleteDeployment', 'CreateApiMapping',
  'DeleteAccessLogSettings', 'DeleteRouteSettings', ...STAGE_EVENTS,
];

const V2_STAGE_EVENTS = [...STAGE_EVENTS, 'DeleteAccessLogSettings', 'DeleteRouteSettings'];

export const apigatewayTriggers: readonly TriggerRow[] = [
  // REST APIs (methods, authorizers, policy, gateway responses, ...) — and the API of every stage-level change.
  { eventSource: SOURCE, eventNames: V1_API_EVENTS, kind: ApigatewayKind.REST_API, id: { resolve: restApiIdOf } },
  // REST stages.
  { eventSource: SOURCE, eventNames: STAGE_EVENTS, kind: ApigatewayKind.REST_STAGE, id: { resolve: restStageId } },
  // Account logging role, client certificates, usage plans: every REST stage may be affected.
  {
    eventSource: SOURCE,
    eventNames: ['UpdateAccount', 'UpdateClientCertificate', 'DeleteClientCertificate', 'CreateUsagePlan', 'UpdateUsagePlan', 'DeleteUsagePlan'],
    kind: ApigatewayKind.REST_STAGE,
    id: { resolve: never },
    fanOut: [ApigatewayKind.REST_STAGE],
  },
  // Mappings that may move between APIs or lose their API (the event may name only the domain; a v2 API mapping may target a
  // REST API): every API's default-endpoint rule.
  {
    eventSource: SOURCE,
    eventNames: ['UpdateBasePathMapping', 'DeleteBasePathMapping', 'CreateApiMapping', 'UpdateApiMapping', 'DeleteApiMapping'],
    kind: ApigatewayKind.REST_API,
    id: { resolve: never },
    fanOut: [ApigatewayKind.REST_API, ApigatewayKind.HTTP_API],
  },
  // Custom domain names (v1 and v2 share them).
  {
    eventSource: SOURCE,
    eventNames: ['CreateDomainName', 'UpdateDomainName', 'DeleteDomainName', 'TagResource', 'UntagResource'],
    kind: ApigatewayKind.DOMAIN_NAME,
    id: { resolve: (d) => (d.eventName.endsWith('TagResource') ? resourceArn(d)?.domainName : domainNameOf(d)) },
  },
  // HTTP / WebSocket APIs (routes, integrations, authorizers, CORS) — and the API of every stage-level change.
  { eventSource: SOURCE, eventNames: V2_API_EVENTS, kind: ApigatewayKind.HTTP_API, id: { resolve: httpApiIdOf } },
  // HTTP / WebSocket stages.
  { eventSource: SOURCE, eventNames: V2_STAGE_EVENTS, kind: ApigatewayKind.HTTP_STAGE, id: { resolve: httpStageId } },
  // WAF associations of REST stages (APIGateway.4).
  { eventSource: 'wafv2.amazonaws.com', eventNames: ['AssociateWebACL', 'DisassociateWebACL'], kind: ApigatewayKind.REST_STAGE, id: { resolve: wafStageId } },
  { eventSource: 'waf-regional.amazonaws.com', eventNames: ['AssociateWebACL', 'DisassociateWebACL'], kind: ApigatewayKind.REST_STAGE, id: { resolve: wafStageId } },
  { eventSource: 'wafv2.amazonaws.com', eventNames: ['DeleteWebACL'], kind: ApigatewayKind.REST_STAGE, id: { resolve: never }, fanOut: [ApigatewayKind.REST_STAGE] },
];
