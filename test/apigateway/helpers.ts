import type { Check, ResourceRef, Rule, RuleContext, Verdict } from '../../shared/core';
import { evaluateObservation } from '../../shared/engine/evaluate';
import { partitionOf } from '../../shared/events/names';
import { apigatewayKinds } from '../../shared/resources/apigateway/kinds';
import {
  normaliseHttpApi,
  normaliseHttpStage,
  normaliseRestApi,
  normaliseRestStage,
} from '../../shared/resources/apigateway/normalise';
import type { HttpApiSnapshot, HttpStageSnapshot, RestApiSnapshot, RestStageSnapshot } from '../../shared/resources/apigateway/types';
import { UnobservedInputError } from '../../shared/rules/define-rule';
import { loadApiResponse } from '../helpers/fixtures';

export const ACCOUNT = '123456789012';

export const ruleContext = (params: Record<string, unknown> = {}): RuleContext => ({
  accountId: ACCOUNT,
  now: new Date('2025-06-01T00:00:00Z'),
  params: { trustedAccountIds: [], ...params },
});

export const refOf = (kind: string, id: string, region = 'us-east-1', accountId = ACCOUNT): ResourceRef => {
  const k = apigatewayKinds.find((x) => x.kind === kind);
  if (!k) throw new Error(`unknown kind ${kind}`);
  return { kind, id, arn: k.arn({ partition: partitionOf(region), accountId, region, id }), accountId, region };
};

/** A REST stage item of a recorded GetStages response (a fresh copy; mutate freely). */
export const recordedRestStage = (fixture: string, stageName: string): Record<string, any> => {
  const stage = (loadApiResponse(fixture).item as any[]).find((s) => s.stageName === stageName);
  if (!stage) throw new Error(`${fixture}: no stage ${stageName}`);
  return stage;
};

/** Snapshot of a REST stage from raw GetStage output, with live context (no CloudWatch role issue, no usage plans). */
export const restStage = (raw: unknown, restApiId = 'abcdef74gh', live: Partial<Pick<RestStageSnapshot, 'account' | 'usagePlans'>> = {}): RestStageSnapshot =>
  normaliseRestStage(restApiId, raw, { account: { cloudwatchRoleArn: 'arn:aws:iam::123456789012:role/apigw-logs' }, usagePlans: [], ...live });

/** A REST API with one resource per `[path, method, authorizationType]` and no authorizers, as live reads give it. */
export const restApi = (
  methods: readonly (readonly [string, string, string])[],
  overrides: { api?: Record<string, unknown>; authorizers?: unknown[]; gatewayResponses?: unknown[]; integration?: Record<string, unknown> } = {},
): RestApiSnapshot => {
  const api = { ...(loadApiResponse('apigateway.GetRestApis.cross-account.custodian.json').items as any[])[1], ...(overrides.api ?? {}) };
  const recordedMethod = loadApiResponse('apigateway.GetMethod.authorization-NONE.custodian.json');
  delete recordedMethod.ResponseMetadata;
  const byPath = new Map<string, Record<string, unknown>>();
  for (const [path, verb, authorizationType] of methods) {
    const resourceMethods = byPath.get(path) ?? {};
    resourceMethods[verb] = { ...structuredClone(recordedMethod), httpMethod: verb, authorizationType, ...(overrides.integration ? { methodIntegration: overrides.integration } : {}) };
    byPath.set(path, resourceMethods);
  }
  const resources = [...byPath.entries()].map(([path, resourceMethods], i) => ({ id: `r${i}`, path, resourceMethods }));
  return normaliseRestApi(api.id, api, {
    resources,
    authorizers: overrides.authorizers ?? [],
    gatewayResponses: overrides.gatewayResponses ?? [],
    stageNames: [],
    customDomainMappings: [],
  });
};

export const httpApis = (): Record<string, any>[] => loadApiResponse('apigatewayv2.GetApis.http-and-websocket.custodian.json').Items;

export const httpApi = (
  protocol: 'HTTP' | 'WEBSOCKET',
  parts: { routes?: unknown[] | null; authorizers?: unknown[] | null; integrations?: unknown[] | null; api?: Record<string, unknown> } = {},
): HttpApiSnapshot => {
  const api = { ...httpApis().find((a) => a.ProtocolType === protocol)!, ...(parts.api ?? {}) };
  return normaliseHttpApi(api.ApiId, api, {
    routes: parts.routes === undefined ? [] : parts.routes,
    authorizers: parts.authorizers === undefined ? [] : parts.authorizers,
    integrations: parts.integrations === undefined ? [] : parts.integrations,
    customDomainMappings: [],
  });
};

export const httpStage = (raw: unknown, protocol: string | null = 'WEBSOCKET', apiId = '0mt9yx690a'): HttpStageSnapshot => normaliseHttpStage(apiId, raw, protocol);

export const expectStatus = (check: Check, status: Check['status']): Check => {
  if (check.status !== status) throw new Error(`expected ${status}, got ${check.status}: ${check.message}`);
  return check;
};

/**
 * A rule whose input is missing from the snapshot (data AWS Config does not record) throws UnobservedInputError — not
 * any other error — and the engine reports it as an INSUFFICIENT_DATA verdict carrying the rule's message: never PASS,
 * never NOT_APPLICABLE (which would resolve an open finding). Returns the verdict.
 */
export const expectUnobserved = <C>(rule: Rule<C>, config: C, ctx: RuleContext, ref: ResourceRef, message?: RegExp): Verdict => {
  expect(() => rule.evaluate(config, ctx, ref)).toThrow(UnobservedInputError);
  if (message) expect(() => rule.evaluate(config, ctx, ref)).toThrow(message);
  const verdicts = evaluateObservation({ state: 'present', ref, config, gaps: [], observedAt: ctx.now.toISOString(), source: 'config' }, [rule as Rule], undefined, ctx);
  expect(verdicts.map((v) => [v.ruleId, v.status])).toEqual([[rule.id, 'INSUFFICIENT_DATA']]);
  if (message) expect(verdicts[0].message).toMatch(message);
  return verdicts[0];
};
