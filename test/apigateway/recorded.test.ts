import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CollectError, ConfigError, type Check, type Observation, type ResourceRef, type Rule } from '../../shared/core';
import { evaluateObservation } from '../../shared/engine/evaluate';
import { createConfigSource } from '../../shared/engine/sources';
import { apigatewayFamily } from '../../shared/families/apigateway';
import { apigatewayCollectors } from '../../shared/resources/apigateway/collect-live';
import { fromRecordedResponses } from '../../shared/resources/apigateway/recorded';
import { apigatewayRules } from '../../shared/rules/apigateway';
import { ruleContext } from './helpers';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const readExample = (name: string): any => JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8'));
const SCOPE = { accountId: '111122223333', region: 'us-east-1', partition: 'aws' };
const ctx = { ...ruleContext(), accountId: '111122223333' };

/** Every resource of every kind, collected through the live collectors from the recorded responses. */
const collectAll = async (): Promise<Observation[]> => {
  const clients = fromRecordedResponses(readExample('apigateway-live.json'));
  const out: Observation[] = [];
  for (const collector of Object.values(apigatewayCollectors)) for (const ref of await collector.list(SCOPE, clients)) out.push(await collector.collect(ref, clients));
  return out;
};
const ruleById = (id: string): Rule<unknown> => {
  const rule = apigatewayRules.find((r) => r.id === id);
  if (!rule) throw new Error(id);
  return rule as Rule<unknown>;
};
const judge = (observations: Observation[], ruleId: string, resourceId: string): Check => {
  const rule = ruleById(ruleId);
  const obs = observations.find((o) => o.ref.kind === rule.kind && o.ref.id === resourceId);
  if (!obs || obs.state !== 'present') throw new Error(`${rule.kind} ${resourceId} not collected`);
  return rule.evaluate(obs.config, ctx, obs.ref);
};

describe('Demo: examples/apigateway-live.json served by fromRecordedResponses', () => {
  let observations: Observation[];
  beforeAll(async () => {
    observations = await collectAll();
  });

  it('lists and collects every resource of the demo account', () => {
    expect(observations.map((o) => `${o.state} ${o.ref.kind} ${o.ref.id}`).sort()).toEqual([
      'present AWS::ApiGateway::DomainName api.example.com',
      'present AWS::ApiGateway::RestApi a1b2c3d4e5',
      'present AWS::ApiGateway::RestApi f6g7h8i9j0',
      'present AWS::ApiGateway::Stage a1b2c3d4e5/prod',
      'present AWS::ApiGateway::Stage f6g7h8i9j0/internal',
      'present AWS::ApiGatewayV2::Api k1l2m3n4o5',
      'present AWS::ApiGatewayV2::Api p6q7r8s9t0',
      'present AWS::ApiGatewayV2::Stage k1l2m3n4o5/$default',
      'present AWS::ApiGatewayV2::Stage p6q7r8s9t0/production',
    ]);
    expect(observations.every((o) => o.state === 'present' && o.gaps.length === 0)).toBe(true);
  });

  it('shows a REST method reachable without authorization, as path → METHOD pairs', () => {
    const check = judge(observations, 'apigw-method-authorization', 'a1b2c3d4e5');
    expect(check.status).toBe('FAIL');
    expect(check.evidence.map((e) => e.value)).toEqual(['/orders → GET', '/orders/{id} → GET']);
    expect(check.evidence[1].message).toMatch(/API key is required, which is not authentication/);
  });

  it('shows HTTP and WebSocket routes without authorization', () => {
    expect(judge(observations, 'apigwv2-route-authorization', 'k1l2m3n4o5')).toMatchObject({ status: 'FAIL', evidence: [{ value: { routeKey: 'GET /products', routeId: 'rte0001' } }] });
    expect(judge(observations, 'apigwv2-route-authorization', 'p6q7r8s9t0')).toMatchObject({ status: 'FAIL', evidence: [{ value: { routeKey: '$connect', routeId: 'ws00001' } }] });
  });

  it('shows the other live-only findings', () => {
    const status = (rule: string, id: string) => judge(observations, rule, id).status;
    expect({
      backendHttps: status('apigw-backend-https', 'a1b2c3d4e5'),
      defaultEndpoint: status('apigw-default-endpoint-disabled', 'a1b2c3d4e5'),
      responsesOrders: status('apigw-gateway-responses-generic', 'a1b2c3d4e5'),
      responsesAdmin: status('apigw-gateway-responses-generic', 'f6g7h8i9j0'),
      restAuthorizer: status('apigw-restapi-authorization', 'a1b2c3d4e5'),
      privateTls: status('apigwv2-integration-private-https', 'k1l2m3n4o5'),
      v2Backend: status('apigwv2-backend-https', 'k1l2m3n4o5'),
      v2Authorizer: status('apigwv2-api-has-authorizer', 'k1l2m3n4o5'),
      domainTls: status('apigw-domain-tls-policy', 'api.example.com'),
      logging: status('apigw-stage-execution-logging', 'a1b2c3d4e5/prod'),
      loggingAdmin: status('apigw-stage-execution-logging', 'f6g7h8i9j0/internal'),
      secrets: status('apigw-stage-no-secrets-in-variables', 'a1b2c3d4e5/prod'),
    }).toEqual({
      backendHttps: 'FAIL', defaultEndpoint: 'FAIL', responsesOrders: 'FAIL', responsesAdmin: 'PASS', restAuthorizer: 'FAIL', privateTls: 'FAIL',
      v2Backend: 'FAIL', v2Authorizer: 'PASS', domainTls: 'FAIL', logging: 'FAIL', loggingAdmin: 'PASS', secrets: 'FAIL',
    });
    expect(judge(observations, 'apigw-stage-execution-logging', 'f6g7h8i9j0/internal').evidence[1].field).toBe('account.cloudwatchRoleArn');
  });

  it('the private admin API is restricted by its SourceVpce resource policy (policy engine)', () => {
    expect(judge(observations, 'apigw-method-authorization', 'f6g7h8i9j0').status).toBe('PASS');
    expect(judge(observations, 'apigw-private-api-policy', 'f6g7h8i9j0').status).toBe('PASS');
  });

  it('through the engine: every rule gives a verdict and none is ERROR', () => {
    const verdicts = observations.flatMap((o) => evaluateObservation(o, apigatewayFamily.rules, apigatewayFamily.kinds.find((k) => k.kind === o.ref.kind), ctx));
    expect(verdicts).toHaveLength(observations.reduce((n, o) => n + apigatewayFamily.rules.filter((r) => r.kind === o.ref.kind).length, 0));
    expect(verdicts.filter((v) => v.status === 'ERROR').map((v) => `${v.ruleId} ${v.message}`)).toEqual([]);
  });

  it('a denied GetUsagePlans makes ERROR only the rules that read usage plans, naming the command, not apigateway:GET', async () => {
    // Prepare: the same recording with GetUsagePlans answering AccessDeniedException (first match wins), and a variant
    // where the internal stage sets no throttling (so that the throttling rule needs the usage plans).
    const recording = readExample('apigateway-live.json');
    const deniedPlans = { service: 'apigateway', operation: 'GetUsagePlans', error: 'AccessDeniedException' };
    const internal = recording.calls.find((c: any) => c.operation === 'GetStage' && c.input?.stageName === 'internal');
    const unthrottled = { ...internal, output: { ...internal.output, methodSettings: { '*/*': { ...internal.output.methodSettings['*/*'], throttlingBurstLimit: undefined, throttlingRateLimit: undefined } } } };
    const statuses = async (calls: unknown[]) => {
      const clients = fromRecordedResponses({ ...recording, calls: [...calls, ...recording.calls] });
      const out = new Map<string, { status: string; message: string }>();
      for (const collector of Object.values(apigatewayCollectors)) {
        for (const ref of await collector.list(SCOPE, clients)) {
          const obs = await collector.collect(ref, clients);
          for (const v of evaluateObservation(obs, apigatewayFamily.rules, apigatewayFamily.kinds.find((k) => k.kind === obs.ref.kind), ctx)) out.set(`${v.ruleId} ${v.resourceId}`, v);
        }
      }
      return out;
    };
    // Act
    const healthy = await statuses([]);
    const denied = await statuses([deniedPlans]);
    const deniedUnthrottled = await statuses([deniedPlans, unthrottled]);
    // Assess: both demo stages are throttled, so nothing reads the usage plans: every verdict is as before.
    expect([...denied].map(([k, v]) => `${k} ${v.status}`)).toEqual([...healthy].map(([k, v]) => `${k} ${v.status}`));
    // An unthrottled stage needs them: only its throttling verdict is ERROR, naming the command; xray, logging and the
    // API's private-endpoint rule are judged as usual.
    const errors = [...deniedUnthrottled].filter(([, v]) => v.status === 'ERROR');
    expect(errors.map(([k, v]) => [k, v.message])).toEqual([
      ['apigw-stage-throttling f6g7h8i9j0/internal', 'could not evaluate f6g7h8i9j0/internal: GetUsagePlans failed (AccessDeniedException; needs apigateway:GET)'],
    ]);
    for (const key of ['apigw-stage-xray f6g7h8i9j0/internal', 'apigw-stage-execution-logging f6g7h8i9j0/internal', 'apigw-restapi-private-endpoint f6g7h8i9j0']) {
      expect(deniedUnthrottled.get(key)?.status).toBe(healthy.get(key)?.status);
    }
  });

  it('a throttled read is retried (the collection throws, for the queue to redeliver), never turned into ERROR verdicts', async () => {
    const recording = readExample('apigateway-live.json');
    const throttled = { ...recording, calls: [{ service: 'apigateway', operation: 'GetUsagePlans', error: 'TooManyRequestsException' }, ...recording.calls] };
    const clients = fromRecordedResponses(throttled);
    const stage = (await apigatewayCollectors['AWS::ApiGateway::Stage'].list(SCOPE, clients))[0];
    await expect(apigatewayCollectors['AWS::ApiGateway::Stage'].collect(stage, clients)).rejects.toThrow(CollectError);
    // The API itself does not read usage plans: collected as usual.
    const api = (await apigatewayCollectors['AWS::ApiGateway::RestApi'].list(SCOPE, clients))[0];
    const obs = await apigatewayCollectors['AWS::ApiGateway::RestApi'].collect(api, clients);
    expect(obs.state === 'present' && obs.gaps).toEqual([]);
  });

  it('describes the same settings as examples/apigateway-snapshot-items.json (Config)', () => {
    const source = createConfigSource([apigatewayFamily], readExample('apigateway-snapshot-items.json').configurationItems);
    const fromConfig = source.all();
    expect(fromConfig).toHaveLength(8);
    const LIVE_ONLY = ['account', 'usagePlans', 'resources', 'authorizers', 'gatewayResponses', 'stageNames', 'customDomainMappings', 'routes', 'integrations'];
    const strip = (o: Observation) => (o.state === 'present' ? Object.fromEntries(Object.entries(o.config as object).filter(([k]) => !LIVE_ONLY.includes(k))) : o.state);
    for (const obs of fromConfig) {
      const live = observations.find((l) => l.ref.kind === obs.ref.kind && l.ref.arn === obs.ref.arn);
      expect({ ref: obs.ref, config: strip(obs) }).toEqual({ ref: live?.ref, config: live && strip(live) });
    }
  });
});

describe('fromRecordedResponses', () => {
  const ref: ResourceRef = { kind: 'AWS::ApiGateway::RestApi', id: 'zzzzzzzzzz', arn: 'arn:aws:apigateway:us-east-1::/restapis/zzzzzzzzzz', accountId: '111122223333', region: 'us-east-1' };
  it('an unrecorded call fails the collection (retry), never passes', async () => {
    const clients = fromRecordedResponses({ calls: [] });
    await expect(apigatewayCollectors['AWS::ApiGateway::RestApi'].collect(ref, clients)).rejects.toBeInstanceOf(CollectError);
  });
  it('a recorded error code behaves like the service (NotFoundException → gone)', async () => {
    const clients = fromRecordedResponses({ calls: [{ service: 'apigateway', operation: 'GetRestApi', error: 'NotFoundException' }, ...readExample('apigateway-live.json').calls] });
    expect(await apigatewayCollectors['AWS::ApiGateway::RestApi'].collect(ref, clients)).toMatchObject({ state: 'gone' });
  });
  it('rejects a recording naming an operation the collectors never send', () => {
    expect(() => fromRecordedResponses({ calls: [{ service: 'apigateway', operation: 'DeleteRestApi' }] })).toThrow(ConfigError);
    expect(() => fromRecordedResponses({})).toThrow(/"calls" array/);
  });
});
