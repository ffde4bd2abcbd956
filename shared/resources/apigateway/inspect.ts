/**
 * Pure accessors over apigateway snapshots, shared by several rules (method lists, pre-flight allow-list, throttle and
 * backend-scheme checks, rule parameters). No policy logic here: resource-policy judgments go through shared/policy.
 */
import type { RuleContext } from '../../core';
import type { HttpRoute, RestApiSnapshot, RestMethod, RestMethodSetting } from './types';

/** Key of the stage-wide entry of a REST stage's methodSettings. */
export const STAGE_DEFAULT_KEY = '*/*';

/** Message of rules whose input exists only in live reads (Config has no methods, resources, authorizers or routes). */
export const liveOnly = (what: string): string =>
  `${what} not available in this snapshot (AWS Config does not record them; evaluate with live reads)`;

/** CORS pre-flight methods legitimately need no authorization. */
export const isPreflightMethod = (httpMethod: string): boolean => httpMethod.toUpperCase() === 'OPTIONS';
/** HTTP API route keys look like `OPTIONS /pets`. */
export const isPreflightRoute = (route: Pick<HttpRoute, 'routeKey'>): boolean => /^OPTIONS\s/i.test(route.routeKey);

export interface MethodAt {
  readonly path: string;
  readonly method: RestMethod;
}

/** Every method of every resource, with its path. */
export const restMethods = (api: Pick<RestApiSnapshot, 'resources'>): MethodAt[] =>
  (api.resources ?? []).flatMap((r) => r.methods.map((method) => ({ path: r.path, method })));

/** Methods without authorization (authorizationType NONE), CORS pre-flight OPTIONS excluded. */
export const unauthorizedRestMethods = (api: Pick<RestApiSnapshot, 'resources'>): MethodAt[] =>
  restMethods(api).filter(({ method }) => method.authorizationType.toUpperCase() === 'NONE' && !isPreflightMethod(method.httpMethod));

/** `path → METHOD`, the form evidence lists methods in. */
export const methodLabel = ({ path, method }: MethodAt): string => `${path} → ${method.httpMethod}`;

export const isPrivateRestApi = (api: Pick<RestApiSnapshot, 'endpointTypes'>): boolean =>
  api.endpointTypes.length > 0 && api.endpointTypes.every((t) => t.toUpperCase() === 'PRIVATE');

/** Method settings that override the stage default (every key but `*\/*`). */
export const methodOverrides = (settings: Readonly<Record<string, RestMethodSetting>>): [string, RestMethodSetting][] =>
  Object.entries(settings).filter(([key]) => key !== STAGE_DEFAULT_KEY);

/** A throttle limit counts as set when it is a positive number (API Gateway writes -1 for "inherit"). */
export const limitIsSet = (limit: number | null): limit is number => limit !== null && limit > 0;

/** Checks a rate/burst pair against optional ceilings; returns the problems (empty = acceptable). */
export const throttleProblems = (
  rate: number | null,
  burst: number | null,
  ceilings: { readonly maxRate?: number; readonly maxBurst?: number },
  where: string,
): string[] => {
  const problems: string[] = [];
  if (!limitIsSet(rate)) problems.push(`${where}: throttling rate limit is not set`);
  else if (ceilings.maxRate !== undefined && rate > ceilings.maxRate) problems.push(`${where}: rate limit ${rate} is above the ceiling ${ceilings.maxRate}`);
  if (!limitIsSet(burst)) problems.push(`${where}: throttling burst limit is not set`);
  else if (ceilings.maxBurst !== undefined && burst > ceilings.maxBurst) problems.push(`${where}: burst limit ${burst} is above the ceiling ${ceilings.maxBurst}`);
  return problems;
};

/** Scheme of a backend URI: `https`, `http`, or `unknown` (stage variables, ARNs, empty). */
export const backendScheme = (uri: string | null): 'https' | 'http' | 'unknown' => {
  if (!uri) return 'unknown';
  if (/^https:\/\//i.test(uri)) return 'https';
  if (/^http:\/\//i.test(uri)) return 'http';
  return 'unknown';
};

// ---- rule parameters (ctx.params; never process.env) -------------------------------------------------------------------------

const stringParam = (ctx: RuleContext, name: string): string | undefined => {
  const v = ctx.params[name];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
};
const numberParam = (ctx: RuleContext, name: string): number | undefined => {
  const v = ctx.params[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};
const listParam = (ctx: RuleContext, name: string): string[] | undefined => {
  const v = ctx.params[name];
  return Array.isArray(v) && v.every((x) => typeof x === 'string') && v.length > 0 ? (v as string[]) : undefined;
};

export const ApigatewayParam = {
  /** SH APIGateway.1 `loggingLevel`: `ERROR` or `INFO` (default: either). */
  LOGGING_LEVEL: 'apigwLoggingLevel',
  /** SH APIGateway.8 `authorizationType`: `AWS_IAM`, `CUSTOM` or `JWT` (default: anything but NONE). */
  ROUTE_AUTHORIZATION_TYPE: 'apigwv2AuthorizationType',
  /** Ceilings of stage throttling (default: any positive limit). */
  MAX_RATE_LIMIT: 'apigwMaxThrottlingRateLimit',
  MAX_BURST_LIMIT: 'apigwMaxThrottlingBurstLimit',
  /** Tag key that marks a REST API as intentionally public (value `true`); default `vigil:public-api`. */
  PUBLIC_API_TAG: 'apigwPublicApiTag',
  /** Replace the SH APIGateway.11 / Prowler PQC security-policy lists. */
  DOMAIN_TLS_POLICIES: 'apigwDomainTlsPolicies',
  DOMAIN_PQC_TLS_POLICIES: 'apigwDomainPqcTlsPolicies',
} as const;

export const loggingLevelsAllowed = (ctx: RuleContext): string[] => {
  const level = stringParam(ctx, ApigatewayParam.LOGGING_LEVEL)?.toUpperCase();
  return level === 'ERROR' || level === 'INFO' ? [level] : ['ERROR', 'INFO'];
};
export const requiredRouteAuthorization = (ctx: RuleContext): string | undefined => stringParam(ctx, ApigatewayParam.ROUTE_AUTHORIZATION_TYPE)?.toUpperCase();
export const throttleCeilings = (ctx: RuleContext): { maxRate?: number; maxBurst?: number } => ({
  maxRate: numberParam(ctx, ApigatewayParam.MAX_RATE_LIMIT),
  maxBurst: numberParam(ctx, ApigatewayParam.MAX_BURST_LIMIT),
});
export const publicApiTag = (ctx: RuleContext): string => stringParam(ctx, ApigatewayParam.PUBLIC_API_TAG) ?? 'vigil:public-api';
export const listParamOr = (ctx: RuleContext, name: string, fallback: readonly string[]): readonly string[] => listParam(ctx, name) ?? fallback;

/** True when the API carries the intentionally-public tag with value `true`. */
export const isIntentionallyPublic = (api: Pick<RestApiSnapshot, 'tags'>, ctx: RuleContext): boolean =>
  (api.tags[publicApiTag(ctx)] ?? '').toLowerCase() === 'true';
