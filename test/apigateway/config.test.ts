import { APIGatewayClient, GetAccountCommand, GetStageCommand, GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, GetApiCommand, GetStageCommand as GetV2StageCommand } from '@aws-sdk/client-apigatewayv2';
import { GetWebACLForResourceCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { mockClient } from 'aws-sdk-client-mock';
import type { Observation } from '../../shared/core';
import { createConfigIndex, normaliseConfigItem } from '../../shared/resources/config-item';
import { createClientFactory } from '../../shared/resources/clients';
import { createApigatewayCollectors } from '../../shared/resources/apigateway/collect-live';
import { apigatewayConfigNormalisers } from '../../shared/resources/apigateway/config';
import { normaliseHttpApi, normaliseRestApi } from '../../shared/resources/apigateway/normalise';
import type { HttpApiSnapshot, HttpStageSnapshot, RestApiSnapshot, RestStageSnapshot } from '../../shared/resources/apigateway/types';
import { evaluateObservation } from '../../shared/engine/evaluate';
import { apigatewayRules } from '../../shared/rules/apigateway';
import { UnobservedInputError } from '../../shared/rules/define-rule';
import { loadApiResponse, loadFixture } from '../helpers/fixtures';
import { ruleContext } from './helpers';

/** Observations of items, each normalised with an index holding all of them (as a snapshot scan does; types without a normaliser are skipped). */
const observe = (raws: unknown[]): Observation[] => {
  const items = raws.map(normaliseConfigItem);
  const index = createConfigIndex(items);
  return items.flatMap((item) => apigatewayConfigNormalisers.filter((n) => n.configType === item.resourceType).flatMap((n) => n.toObservations(item, index)));
};
const configOf = <C>(obs: Observation): C => {
  if (obs.state !== 'present') throw new Error(`expected present, got ${obs.state}`);
  return obs.config as C;
};
const selectResults = (): Record<string, any>[] =>
  (loadApiResponse('config.SelectResourceConfig.apigateway-stage.custodian.json').Results as string[]).map((r) => ({
    ...JSON.parse(r),
    // SelectResourceConfig returns only the selected fields: add what any item carries.
    resourceType: 'AWS::ApiGateway::Stage',
    accountId: '123456789012',
    configurationItemCaptureTime: '2020-12-24T19:05:00.000Z',
  }));

describe('Config normalisers (RDK example items)', () => {
  it('AWS::ApiGateway::RestApi → REST API snapshot with live-only fields unknown', () => {
    const [obs] = observe([loadFixture('config-items/apigateway-restapi.rdk-example.json')]);
    expect(obs).toMatchObject({
      state: 'present',
      source: 'config',
      observedAt: '2022-02-21T18:36:56.299Z',
      ref: { kind: 'AWS::ApiGateway::RestApi', id: 'test', arn: 'arn:aws:apigateway:us-east-2::/restapis/test', accountId: '123456789012', region: 'us-east-2' },
    });
    expect(configOf<RestApiSnapshot>(obs)).toMatchObject({ id: 'test', endpointTypes: ['REGIONAL'], policy: null, resources: null, authorizers: null, gatewayResponses: null, customDomainMappings: null });
  });

  it('AWS::ApiGateway::Stage → stage snapshot with id <restApiId>/<stage>', () => {
    const [obs] = observe([loadFixture('config-items/apigateway-stage.rdk-example.json')]);
    expect(obs.ref).toEqual({ kind: 'AWS::ApiGateway::Stage', id: 'test/test', arn: 'arn:aws:apigateway:us-east-2::/restapis/test/stages/test', accountId: '123456789012', region: 'us-east-2' });
    expect(configOf<RestStageSnapshot>(obs)).toMatchObject({ restApiId: 'test', stageName: 'test', methodSettings: {}, tracingEnabled: false, account: null, usagePlans: null });
  });

  it('AWS::ApiGatewayV2::Stage takes the protocol from the API item in the snapshot, or leaves it unknown', () => {
    const api = loadFixture('config-items/apigatewayv2-api.rdk-example.json');
    const stage = loadFixture('config-items/apigatewayv2-stage.rdk-example.json');
    const withApi = observe([api, stage]).find((o) => o.ref.kind === 'AWS::ApiGatewayV2::Stage')!;
    expect(withApi.ref).toMatchObject({ id: 'test/$default', arn: 'arn:aws:apigateway:us-east-2::/apis/test/stages/$default' });
    expect(configOf<HttpStageSnapshot>(withApi)).toMatchObject({ protocolType: 'HTTP', autoDeploy: true, defaultRouteSettings: { detailedMetricsEnabled: false, loggingLevel: null } });
    expect(configOf<HttpStageSnapshot>(observe([stage])[0]).protocolType).toBeNull();
  });

  it('AWS::ApiGatewayV2::Api uses the item tags (not Config\'s internal configuration.tags) and folds in integration items', () => {
    const api = loadFixture('config-items/apigatewayv2-api.rdk-example.json');
    const [alone] = observe([api]);
    expect(configOf<HttpApiSnapshot>(alone)).toMatchObject({ apiId: 'test', protocolType: 'HTTP', tags: {}, routes: null, integrations: null });
    // An AWS::ApiGatewayV2::Integration item (CloudFormation-style fields, as the catalogue names them) of this API.
    const integration = {
      ...structuredClone(api),
      resourceType: 'AWS::ApiGatewayV2::Integration',
      resourceId: 'test|int1',
      arn: undefined,
      configuration: { ApiId: 'test', IntegrationId: 'int1', IntegrationType: 'HTTP_PROXY', ConnectionType: 'VPC_LINK', IntegrationUri: 'arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/x/1/2' },
    };
    const withIntegration = observe([api, integration]);
    expect(withIntegration).toHaveLength(1); // the integration item yields no observation of its own
    expect(configOf<HttpApiSnapshot>(withIntegration[0]).integrations).toEqual([
      { integrationId: 'int1', integrationType: 'HTTP_PROXY', connectionType: 'VPC_LINK', integrationUri: 'arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/x/1/2', tlsConfig: null },
    ]);
  });

  it('a deleted item gives a gone observation', () => {
    const item = loadFixture('config-items/apigateway-stage.rdk-example.json');
    item.configurationItemStatus = 'ResourceDeleted';
    item.configuration = null;
    expect(observe([item])[0]).toMatchObject({ state: 'gone', ref: { id: 'test/test' } });
  });

  it('AWS::ApiGateway::DomainName reads securityPolicy in either spelling (field unverified)', () => {
    const base = { ...loadFixture('config-items/apigateway-restapi.rdk-example.json'), resourceType: 'AWS::ApiGateway::DomainName', resourceId: 'api.example.com', resourceName: 'api.example.com', arn: 'arn:aws:apigateway:us-east-2::/domainnames/api.example.com' };
    const [camel] = observe([{ ...base, configuration: { domainName: 'api.example.com', securityPolicy: 'TLS_1_2' } }]);
    const [pascal] = observe([{ ...base, configuration: { DomainName: 'api.example.com', SecurityPolicy: 'TLS_1_2' } }]);
    expect(camel.ref.arn).toBe('arn:aws:apigateway:us-east-2::/domainnames/api.example.com');
    expect(configOf(camel)).toEqual(configOf(pascal));
    expect(configOf<{ securityPolicy: string }>(camel).securityPolicy).toBe('TLS_1_2');
  });
});

describe('Config normalisers (SelectResourceConfig results)', () => {
  it('normalises the three recorded stages, with the Region taken from the ARN', () => {
    const obs = observe(selectResults());
    expect(obs.map((o) => [o.ref.id, o.ref.region])).toEqual([
      ['3qcpw4j8pi/dev', 'us-east-2'],
      ['3qcpw4j8pi/prod', 'us-east-2'],
      ['d2vdh748ta/api', 'us-east-2'],
    ]);
    expect(configOf<RestStageSnapshot>(obs[0]).methodSettings['*/*']).toEqual({
      loggingLevel: null, dataTraceEnabled: false, metricsEnabled: false, cachingEnabled: false, cacheDataEncrypted: false, throttlingRateLimit: 10000, throttlingBurstLimit: 5000,
    });
  });
});

describe('Live and Config inputs describing the same settings normalise to equal snapshots', () => {
  const v1 = mockClient(APIGatewayClient);
  const v2 = mockClient(ApiGatewayV2Client);
  const waf = mockClient(WAFV2Client);
  afterAll(() => {
    v1.restore();
    v2.restore();
    waf.restore();
  });
  const collectors = createApigatewayCollectors({ now: () => new Date('2025-01-01T00:00:00Z') });
  const clients = createClientFactory({ region: 'us-east-2', maxAttempts: 1 });

  it('REST stage: live GetStage "dev" vs Config SelectResourceConfig "dev" (live-only account/usage plans aside)', async () => {
    const live = loadApiResponse('apigateway.GetStages.rest-clientcert-tracing.custodian.json').item[0];
    v1.on(GetStageCommand).resolves(live);
    v1.on(GetAccountCommand).resolves({});
    v1.on(GetUsagePlansCommand).resolves({ items: [] });
    waf.on(GetWebACLForResourceCommand).resolves({});
    const fromConfig = observe(selectResults())[0];
    const fromLive = await collectors['AWS::ApiGateway::Stage'].collect(fromConfig.ref, clients);
    expect({ ...configOf<RestStageSnapshot>(fromLive), account: null, usagePlans: null }).toEqual(configOf(fromConfig));
  });

  it('v2 stage: live GetStage "$default" vs the Config stage item set to the same values', async () => {
    const live = loadApiResponse('apigatewayv2.GetStage.default-stage.custodian.json');
    const api = loadFixture('config-items/apigatewayv2-api.rdk-example.json');
    const stage = loadFixture('config-items/apigatewayv2-stage.rdk-example.json');
    stage.configuration.autoDeploy = false; // the recorded live stage has AutoDeploy false
    const fromConfig = observe([api, stage]).find((o) => o.ref.kind === 'AWS::ApiGatewayV2::Stage')!;
    v2.on(GetV2StageCommand).resolves(live);
    v2.on(GetApiCommand).resolves({ ApiId: 'test', Name: 'test', ProtocolType: 'HTTP', RouteSelectionExpression: '$request.method $request.path' });
    const fromLive = await collectors['AWS::ApiGatewayV2::Stage'].collect(fromConfig.ref, clients);
    expect(configOf(fromLive)).toEqual(configOf(fromConfig));
  });

  it('REST API: the recorded private API with its escaped policy, from GetRestApi and from a Config item', () => {
    const live = loadApiResponse('apigateway.GetRestApis.private-with-policy.custodian.json').items[0];
    const item = loadFixture('config-items/apigateway-restapi.rdk-example.json');
    item.configuration = { id: live.id, name: live.name, apiKeySource: live.apiKeySource, endpointConfiguration: live.endpointConfiguration, policy: live.policy, disableExecuteApiEndpoint: false };
    item.arn = item.resourceId = `arn:aws:apigateway:us-east-2::/restapis/${live.id}`;
    const fromConfig = configOf<RestApiSnapshot>(observe([item])[0]);
    const fromLive = normaliseRestApi(live.id, live, {});
    expect(fromLive).toEqual(fromConfig);
    expect(fromConfig.policy).toContain('"aws:sourceVpc":"vpc-011b11111fb2a6b11"');
  });

  it('v2 API: GetApis HTTP item (PascalCase) vs the Config item (camelCase) with the same settings', () => {
    const live = loadApiResponse('apigatewayv2.GetApis.http-and-websocket.custodian.json').Items[1];
    const item = loadFixture('config-items/apigatewayv2-api.rdk-example.json');
    item.configuration = { apiId: live.ApiId, name: live.Name, protocolType: live.ProtocolType, apiEndpoint: live.ApiEndpoint, disableExecuteApiEndpoint: false, routeSelectionExpression: live.RouteSelectionExpression };
    item.tags = live.Tags;
    expect(normaliseHttpApi(live.ApiId, live, {})).toEqual(configOf(observe([item])[0]));
  });
});

describe('Rules on Config snapshots never PASS on live-only data', () => {
  const LIVE_ONLY = new Set([
    'apigw-method-authorization', 'apigw-restapi-authorization', 'apigw-public-restapi-has-authorizer', 'apigw-gateway-responses-generic',
    'apigw-backend-https', 'apigw-default-endpoint-disabled', 'apigwv2-route-authorization', 'apigwv2-api-has-authorizer',
    'apigwv2-integration-private-https', 'apigwv2-backend-https',
  ]);
  it('live-only rules are INSUFFICIENT_DATA (never PASS, never NOT_APPLICABLE), naming the input and the live read, on every recorded Config item', () => {
    const observations = observe([
      loadFixture('config-items/apigateway-restapi.rdk-example.json'),
      loadFixture('config-items/apigateway-stage.rdk-example.json'),
      loadFixture('config-items/apigatewayv2-api.rdk-example.json'),
      loadFixture('config-items/apigatewayv2-stage.rdk-example.json'),
    ]);
    let judged = 0;
    for (const obs of observations) {
      for (const rule of apigatewayRules.filter((r) => r.kind === obs.ref.kind && LIVE_ONLY.has(r.id))) {
        // The rule stops on the missing input (and on nothing else) ...
        expect(() => rule.evaluate(configOf(obs) as never, ruleContext(), obs.ref)).toThrow(UnobservedInputError);
        // ... which the engine reports as INSUFFICIENT_DATA, saying what is missing and how to get it.
        const [verdict, ...others] = evaluateObservation(obs, [rule], undefined, ruleContext());
        expect(others).toEqual([]);
        expect({ id: rule.id, status: verdict.status }).toEqual({ id: rule.id, status: 'INSUFFICIENT_DATA' });
        expect(verdict.message).toMatch(/not known \(Get\w+.*\); AWS Config does not record it; needs a live read: `vigil scan --family apigateway --region [a-z0-9-]+`/);
        judged++;
      }
    }
    expect(judged).toBe(LIVE_ONLY.size);
  });
});

