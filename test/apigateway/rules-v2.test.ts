import { apigwv2ApiHasAuthorizer } from '../../shared/rules/apigateway/apigwv2-api-has-authorizer';
import { apigwv2BackendHttps } from '../../shared/rules/apigateway/apigwv2-backend-https';
import { apigwv2CorsNotWildcard } from '../../shared/rules/apigateway/apigwv2-cors-not-wildcard';
import { apigwv2IntegrationPrivateHttps } from '../../shared/rules/apigateway/apigwv2-integration-private-https';
import { apigwv2NoDataTrace } from '../../shared/rules/apigateway/apigwv2-no-data-trace';
import { apigwv2PublicApiWafFronted } from '../../shared/rules/apigateway/apigwv2-public-api-waf-fronted';
import { apigwv2RouteAuthorization } from '../../shared/rules/apigateway/apigwv2-route-authorization';
import { apigwv2StageAccessLogging } from '../../shared/rules/apigateway/apigwv2-stage-access-logging';
import { apigwv2StageNoSecretsInVariables } from '../../shared/rules/apigateway/apigwv2-stage-no-secrets-in-variables';
import { apigwv2StageThrottling } from '../../shared/rules/apigateway/apigwv2-stage-throttling';
import { apigwv2WebsocketStageExecutionLogging } from '../../shared/rules/apigateway/apigwv2-websocket-stage-execution-logging';
import { normaliseHttpApi } from '../../shared/resources/apigateway/normalise';
import { loadApiResponse } from '../helpers/fixtures';
import { expectStatus, expectUnobserved, httpApi, httpApis, httpStage, refOf, ruleContext } from './helpers';

const ctx = ruleContext();
const apiRef = refOf('AWS::ApiGatewayV2::Api', 'a1b4gsuyib');
const stageRef = refOf('AWS::ApiGatewayV2::Stage', '0mt9yx690a/production');
const loggingOff = () => (loadApiResponse('apigatewayv2.GetStages.logging-off.custodian.json').Items as Record<string, any>[])[0];
const defaultStage = () => loadApiResponse('apigatewayv2.GetStage.default-stage.custodian.json');
const route = (RouteKey: string, AuthorizationType: string, RouteId = RouteKey) => ({ RouteId, RouteKey, AuthorizationType, ApiKeyRequired: false });

describe('Rule: apigwv2-websocket-stage-execution-logging', () => {
  it('fails for the recorded WebSocket stage with LoggingLevel OFF', () => {
    expect(expectStatus(apigwv2WebsocketStageExecutionLogging.evaluate(httpStage(loggingOff()), ctx, stageRef), 'FAIL').evidence[0].value).toBe('OFF');
  });
  it('passes at ERROR and fails when a route setting turns logging OFF', () => {
    const raw = loggingOff();
    raw.DefaultRouteSettings.LoggingLevel = 'ERROR';
    expectStatus(apigwv2WebsocketStageExecutionLogging.evaluate(httpStage(raw), ctx, stageRef), 'PASS');
    raw.RouteSettings = { sendMessage: { LoggingLevel: 'OFF' } };
    expect(expectStatus(apigwv2WebsocketStageExecutionLogging.evaluate(httpStage(raw), ctx, stageRef), 'FAIL').evidence[0].value).toEqual(['sendMessage']);
  });
  it('is not applicable to HTTP APIs; an ERROR when the protocol is unknown', () => {
    expectStatus(apigwv2WebsocketStageExecutionLogging.evaluate(httpStage(loggingOff(), 'HTTP'), ctx, stageRef), 'NOT_APPLICABLE');
    expectUnobserved(apigwv2WebsocketStageExecutionLogging, httpStage(loggingOff(), null), ctx, stageRef, /protocol/);
  });
});

describe('Rule: apigwv2-stage-access-logging', () => {
  it('fails for the recorded stages without AccessLogSettings', () => {
    expectStatus(apigwv2StageAccessLogging.evaluate(httpStage(loggingOff()), ctx, stageRef), 'FAIL');
    expectStatus(apigwv2StageAccessLogging.evaluate(httpStage(defaultStage(), 'HTTP'), ctx, stageRef), 'FAIL');
  });
  it('fails with a destination but no format, passes with both', () => {
    const raw = defaultStage();
    raw.AccessLogSettings = { DestinationArn: 'arn:aws:logs:us-east-1:123456789012:log-group:access' };
    expect(expectStatus(apigwv2StageAccessLogging.evaluate(httpStage(raw, 'HTTP'), ctx, stageRef), 'FAIL').evidence.map((e) => e.field)).toEqual(['accessLogSettings.format']);
    raw.AccessLogSettings.Format = '$context.requestId';
    expectStatus(apigwv2StageAccessLogging.evaluate(httpStage(raw, 'HTTP'), ctx, stageRef), 'PASS');
  });
});

describe('Rule: apigwv2-route-authorization (aggregated per API)', () => {
  it('fails per offending HTTP route and allow-lists OPTIONS pre-flight routes', () => {
    const api = httpApi('HTTP', { routes: [route('GET /pets', 'NONE', 'r1'), route('OPTIONS /pets', 'NONE'), route('POST /pets', 'JWT')] });
    const check = expectStatus(apigwv2RouteAuthorization.evaluate(api, ctx, apiRef), 'FAIL');
    expect(check.evidence.map((e) => e.value)).toEqual([{ routeKey: 'GET /pets', routeId: 'r1' }]);
  });
  it('passes when every non-pre-flight route is authorized', () => {
    expectStatus(apigwv2RouteAuthorization.evaluate(httpApi('HTTP', { routes: [route('GET /pets', 'AWS_IAM'), route('$default', 'CUSTOM')] }), ctx, apiRef), 'PASS');
  });
  it('requires the authorizationType parameter when set', () => {
    const api = httpApi('HTTP', { routes: [route('GET /pets', 'AWS_IAM')] });
    expectStatus(apigwv2RouteAuthorization.evaluate(api, ruleContext({ apigwv2AuthorizationType: 'JWT' }), apiRef), 'FAIL');
    expectStatus(apigwv2RouteAuthorization.evaluate(api, ruleContext({ apigwv2AuthorizationType: 'AWS_IAM' }), apiRef), 'PASS');
  });
  it('judges only $connect on WebSocket APIs and fails when there is none', () => {
    const ws = (routes: unknown[]) => httpApi('WEBSOCKET', { routes });
    expectStatus(apigwv2RouteAuthorization.evaluate(ws([route('$connect', 'CUSTOM'), route('sendMessage', 'NONE')]), ctx, apiRef), 'PASS');
    expectStatus(apigwv2RouteAuthorization.evaluate(ws([route('$connect', 'NONE')]), ctx, apiRef), 'FAIL');
    expect(expectStatus(apigwv2RouteAuthorization.evaluate(ws([route('$default', 'NONE')]), ctx, apiRef), 'FAIL').message).toMatch(/no \$connect route/);
  });
  it('is not applicable without routes; an ERROR, never a PASS, on Config snapshots (routes are live-only)', () => {
    expectStatus(apigwv2RouteAuthorization.evaluate(httpApi('HTTP'), ctx, apiRef), 'NOT_APPLICABLE');
    expectUnobserved(apigwv2RouteAuthorization, httpApi('HTTP', { routes: null }), ctx, apiRef, /routes not available in this snapshot/);
  });
});

describe('Rule: apigwv2-integration-private-https', () => {
  const vpcLink = (id: string, tls?: object) => ({ IntegrationId: id, IntegrationType: 'HTTP_PROXY', ConnectionType: 'VPC_LINK', IntegrationUri: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/x/1/2', ...(tls ? { TlsConfig: tls } : {}) });
  it('fails for a VPC-link integration without TlsConfig', () => {
    expect(expectStatus(apigwv2IntegrationPrivateHttps.evaluate(httpApi('HTTP', { integrations: [vpcLink('i1'), vpcLink('i2', { ServerNameToVerify: 'internal.example.com' })] }), ctx, apiRef), 'FAIL').evidence.map((e) => e.value)).toEqual(['i1']);
  });
  it('passes when every VPC-link integration verifies a server name', () => {
    expectStatus(apigwv2IntegrationPrivateHttps.evaluate(httpApi('HTTP', { integrations: [vpcLink('i2', { ServerNameToVerify: 'internal.example.com' })] }), ctx, apiRef), 'PASS');
  });
  it('is not applicable without private integrations; an ERROR when integrations are unknown', () => {
    expectStatus(apigwv2IntegrationPrivateHttps.evaluate(httpApi('HTTP', { integrations: [{ IntegrationId: 'l', IntegrationType: 'AWS_PROXY', ConnectionType: 'INTERNET' }] }), ctx, apiRef), 'NOT_APPLICABLE');
    expectUnobserved(apigwv2IntegrationPrivateHttps, httpApi('HTTP', { integrations: null }), ctx, apiRef, /integrations not available in this snapshot/);
  });
});

describe('Rule: apigwv2-api-has-authorizer', () => {
  it('fails without authorizer, passes with one, ERROR when unknown', () => {
    expectStatus(apigwv2ApiHasAuthorizer.evaluate(httpApi('HTTP'), ctx, apiRef), 'FAIL');
    expectStatus(apigwv2ApiHasAuthorizer.evaluate(httpApi('HTTP', { authorizers: [{ AuthorizerId: 'a1', Name: 'jwt', AuthorizerType: 'JWT' }] }), ctx, apiRef), 'PASS');
    expectUnobserved(apigwv2ApiHasAuthorizer, httpApi('HTTP', { authorizers: null }), ctx, apiRef, /authorizers not available in this snapshot/);
  });
});

describe('Rule: apigwv2-public-api-waf-fronted', () => {
  it('fails for the recorded APIs (DisableExecuteApiEndpoint false)', () => {
    for (const a of httpApis()) expectStatus(apigwv2PublicApiWafFronted.evaluate(normaliseHttpApi(a.ApiId, a), ctx, apiRef), 'FAIL');
  });
  it('passes when the default endpoint is disabled, noting the domains to verify', () => {
    const api = { ...httpApi('HTTP', { api: { DisableExecuteApiEndpoint: true } }), customDomainMappings: [{ domainName: 'api.example.com', basePath: null, stage: '$default' }] };
    expect(expectStatus(apigwv2PublicApiWafFronted.evaluate(api, ctx, apiRef), 'PASS').evidence[1].message).toContain('api.example.com');
  });
});

describe('Rule: apigwv2-cors-not-wildcard', () => {
  const cors = (c: object) => httpApi('HTTP', { api: { CorsConfiguration: c } });
  it('fails for * with credentials', () => {
    expectStatus(apigwv2CorsNotWildcard.evaluate(cors({ AllowOrigins: ['*'], AllowCredentials: true }), ctx, apiRef), 'FAIL');
  });
  it('passes with a warning for * alone, and plainly for listed origins', () => {
    expect(expectStatus(apigwv2CorsNotWildcard.evaluate(cors({ AllowOrigins: ['*'] }), ctx, apiRef), 'PASS').evidence[0].message).toMatch(/^warning/);
    expectStatus(apigwv2CorsNotWildcard.evaluate(cors({ AllowOrigins: ['https://app.example.com'], AllowCredentials: true }), ctx, apiRef), 'PASS');
  });
  it('is not applicable without CORS configuration (recorded APIs)', () => {
    expectStatus(apigwv2CorsNotWildcard.evaluate(httpApi('HTTP'), ctx, apiRef), 'NOT_APPLICABLE');
  });
});

describe('Companion rules (v2 halves of §8.2 / §4.3 rows)', () => {
  it('apigwv2-stage-throttling fails without DefaultRouteSettings limits and passes with them', () => {
    expectStatus(apigwv2StageThrottling.evaluate(httpStage(loggingOff()), ctx, stageRef), 'FAIL');
    const raw = loggingOff();
    Object.assign(raw.DefaultRouteSettings, { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 50 });
    expectStatus(apigwv2StageThrottling.evaluate(httpStage(raw), ctx, stageRef), 'PASS');
    expectStatus(apigwv2StageThrottling.evaluate(httpStage(raw), ruleContext({ apigwMaxThrottlingBurstLimit: 10 }), stageRef), 'FAIL');
  });
  it('apigwv2-no-data-trace fails on a WebSocket stage with DataTraceEnabled, N/A for HTTP', () => {
    expectStatus(apigwv2NoDataTrace.evaluate(httpStage(loggingOff()), ctx, stageRef), 'PASS');
    const raw = loggingOff();
    raw.RouteSettings = { $connect: { DataTraceEnabled: true } };
    expect(expectStatus(apigwv2NoDataTrace.evaluate(httpStage(raw), ctx, stageRef), 'FAIL').message).toContain('$connect');
    expectStatus(apigwv2NoDataTrace.evaluate(httpStage(raw, 'HTTP'), ctx, stageRef), 'NOT_APPLICABLE');
  });
  it('apigwv2-stage-no-secrets-in-variables fails on a GitHub token and keeps no value', () => {
    const raw = defaultStage();
    const token = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    raw.StageVariables = { deployToken: token, region: 'us-east-1' };
    const stage = httpStage(raw, 'HTTP');
    const check = expectStatus(apigwv2StageNoSecretsInVariables.evaluate(stage, ctx, stageRef), 'FAIL');
    expect(check.evidence.map((e) => e.field)).toEqual(['stageVariables.deployToken']);
    expect(JSON.stringify({ stage, check })).not.toContain(token);
    expectStatus(apigwv2StageNoSecretsInVariables.evaluate(httpStage(defaultStage(), 'HTTP'), ctx, stageRef), 'PASS');
  });
  it('apigwv2-backend-https fails an internet HTTP_PROXY to http:// and ignores VPC-link ones', () => {
    const integrations = [
      { IntegrationId: 'i1', IntegrationType: 'HTTP_PROXY', ConnectionType: 'INTERNET', IntegrationUri: 'http://backend.example.com' },
      { IntegrationId: 'i2', IntegrationType: 'HTTP_PROXY', ConnectionType: 'VPC_LINK', IntegrationUri: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/x/1/2' },
    ];
    expect(expectStatus(apigwv2BackendHttps.evaluate(httpApi('HTTP', { integrations }), ctx, apiRef), 'FAIL').evidence.map((e) => e.value)).toEqual(['i1']);
    expectStatus(apigwv2BackendHttps.evaluate(httpApi('HTTP', { integrations: [{ ...integrations[0], IntegrationUri: 'https://backend.example.com' }] }), ctx, apiRef), 'PASS');
    expectStatus(apigwv2BackendHttps.evaluate(httpApi('HTTP', { integrations: [integrations[1]] }), ctx, apiRef), 'NOT_APPLICABLE');
  });
});
