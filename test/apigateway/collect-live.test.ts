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
import { GetWebACLForResourceCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { CollectError, type Observation } from '../../shared/core';
import { createClientFactory } from '../../shared/resources/clients';
import { createApigatewayCollectors } from '../../shared/resources/apigateway/collect-live';
import type { DomainNameSnapshot, HttpApiSnapshot, HttpStageSnapshot, RestApiSnapshot, RestStageSnapshot } from '../../shared/resources/apigateway/types';
import { loadApiResponse } from '../helpers/fixtures';
import { gapsOf } from '../helpers/gaps';
import { refOf } from './helpers';

const v1 = mockClient(APIGatewayClient);
const v2 = mockClient(ApiGatewayV2Client);
const waf = mockClient(WAFV2Client);
const NOW = new Date('2025-03-04T05:06:07.000Z');
const collectors = createApigatewayCollectors({ now: () => NOW });
const clients = () => createClientFactory({ region: 'us-east-1', maxAttempts: 1 });
const awsError = (name: string) => Object.assign(new Error(name), { name, $metadata: {} });
const data = <T = any>(name: string): T => {
  const d = loadApiResponse(name);
  delete d.ResponseMetadata;
  return d as T;
};
const present = <C>(obs: Observation): C => {
  if (obs.state !== 'present') throw new Error(`expected present, got ${obs.state}`);
  return obs.config as C;
};

beforeEach(() => {
  v1.reset();
  v2.reset();
  waf.reset();
});

describe('Collector: AWS::ApiGateway::RestApi', () => {
  const ref = refOf('AWS::ApiGateway::RestApi', '6l7usy5kjh');
  const methodNone = () => data('apigateway.GetMethod.authorization-NONE.custodian.json');
  const methodIam = () => data('apigateway.GetMethod.authorization-AWS_IAM.custodian.json');
  const happyPath = () => {
    v1.on(GetRestApiCommand).resolves(data('apigateway.GetRestApis.private-with-policy.custodian.json').items[0]);
    v1.on(GetResourcesCommand)
      .resolvesOnce({ items: [{ id: 'root', path: '/', resourceMethods: { ANY: methodNone() } }], position: 'page2' })
      .resolvesOnce({ items: [{ id: 'r1', path: '/admin', resourceMethods: { ANY: methodIam(), OPTIONS: { ...methodNone(), httpMethod: 'OPTIONS' } } }] });
    v1.on(GetAuthorizersCommand).resolves({ items: [] });
    v1.on(GetGatewayResponsesCommand).resolves({ items: [{ responseType: 'DEFAULT_4XX', defaultResponse: true, responseTemplates: { 'application/json': '{"message":$context.error.messageString}' } }] });
    v1.on(GetStagesCommand).resolves(data('apigateway.GetStages.rest-clientcert-tracing.custodian.json'));
    v1.on(GetDomainNamesCommand).resolves({ items: [{ domainName: 'api.example.com' }, { domainName: 'gone.example.com' }] });
    v1.on(GetBasePathMappingsCommand, { domainName: 'api.example.com' }).resolves({ items: [{ basePath: '(none)', restApiId: '6l7usy5kjh', stage: 'dev' }, { basePath: 'v2', restApiId: 'other', stage: 'prod' }] });
    v1.on(GetBasePathMappingsCommand, { domainName: 'gone.example.com' }).rejects(awsError('NotFoundException'));
  };

  it('reads the API, paginated resources with embedded methods, authorizers, gateway responses, stages and domain mappings', async () => {
    happyPath();
    const obs = await collectors['AWS::ApiGateway::RestApi'].collect(ref, clients());
    expect(obs).toMatchObject({ state: 'present', observedAt: NOW.toISOString(), source: 'live', gaps: [] });
    const api = present<RestApiSnapshot>(obs);
    expect(api.endpointTypes).toEqual(['PRIVATE']);
    expect(api.resources?.map((r) => [r.path, r.methods.map((m) => `${m.httpMethod}:${m.authorizationType}`)])).toEqual([
      ['/', ['ANY:NONE']],
      ['/admin', ['ANY:AWS_IAM', 'OPTIONS:NONE']],
    ]);
    expect(api.resources?.[0].methods[0].integration).toEqual({ type: 'AWS_PROXY', uri: expect.stringContaining('function:glenns_test'), connectionType: null });
    expect(api.authorizers).toEqual([]);
    expect(api.gatewayResponses?.[0]).toMatchObject({ responseType: 'DEFAULT_4XX', defaultResponse: true });
    expect(api.stageNames).toEqual(['dev', 'prod']);
    expect(api.customDomainMappings).toEqual([{ domainName: 'api.example.com', basePath: '(none)', stage: 'dev' }]);
    expect(v1).toHaveReceivedCommandWith(GetResourcesCommand, { restApiId: '6l7usy5kjh', embed: ['methods'] });
    expect(v1).toHaveReceivedCommandWith(GetResourcesCommand, { position: 'page2' });
  });

  it('decodes the escaped resource policy of GetRestApi into JSON text', async () => {
    happyPath();
    const api = present<RestApiSnapshot>(await collectors['AWS::ApiGateway::RestApi'].collect(ref, clients()));
    const policy = JSON.parse(api.policy ?? 'null');
    expect(policy.Statement[0]).toMatchObject({ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:eu-west-1:123456654321:6l7usy5kjh/*/*/*' });
    expect(policy.Statement[0].Condition).toEqual({ StringEquals: { 'aws:sourceVpc': 'vpc-011b11111fb2a6b11' } });
  });

  it('is gone when GetRestApi says NotFoundException', async () => {
    happyPath();
    v1.on(GetRestApiCommand).rejects(awsError('NotFoundException'));
    expect(await collectors['AWS::ApiGateway::RestApi'].collect(ref, clients())).toMatchObject({ state: 'gone', observedAt: NOW.toISOString() });
  });

  it('attributes a denied read to its command (not to apigateway:GET) and leaves its field unknown (null)', async () => {
    happyPath();
    v1.on(GetAuthorizersCommand).rejects(awsError('AccessDeniedException'));
    const obs = await collectors['AWS::ApiGateway::RestApi'].collect(ref, clients());
    expect(gapsOf(obs)).toEqual(['failed GetAuthorizers: authorizers']);
    expect(present<RestApiSnapshot>(obs).authorizers).toBeNull();
  });

  it('throws a CollectError (to be retried) when throttled', async () => {
    happyPath();
    v1.on(GetStagesCommand).rejects(awsError('TooManyRequestsException'));
    await expect(collectors['AWS::ApiGateway::RestApi'].collect(ref, clients())).rejects.toBeInstanceOf(CollectError);
  });

  it('lists REST APIs page by page', async () => {
    const items = data('apigateway.GetRestApis.cross-account.custodian.json').items;
    v1.on(GetRestApisCommand).resolvesOnce({ items: [items[0]], position: 'p2' }).resolvesOnce({ items: [items[1]] });
    const refs = await collectors['AWS::ApiGateway::RestApi'].list({ accountId: '123456789012', region: 'eu-west-1', partition: 'aws' }, clients());
    expect(refs).toEqual([
      { kind: 'AWS::ApiGateway::RestApi', id: 'qo85yzn6qd', arn: 'arn:aws:apigateway:eu-west-1::/restapis/qo85yzn6qd', accountId: '123456789012', region: 'eu-west-1' },
      { kind: 'AWS::ApiGateway::RestApi', id: 'tdnq9tsx1i', arn: 'arn:aws:apigateway:eu-west-1::/restapis/tdnq9tsx1i', accountId: '123456789012', region: 'eu-west-1' },
    ]);
  });
});

describe('Collector: AWS::ApiGateway::Stage', () => {
  const ref = refOf('AWS::ApiGateway::Stage', 'abcdef74gh/latest');
  const happyPath = () => {
    v1.on(GetStageCommand).resolves(data('apigateway.GetStage.rest-webacl.custodian.json'));
    v1.on(GetAccountCommand).resolves({ cloudwatchRoleArn: 'arn:aws:iam::123456789012:role/apigw-logs' });
    v1.on(GetUsagePlansCommand).resolves({
      items: [
        { id: 'up1', name: 'gold', apiStages: [{ apiId: 'abcdef74gh', stage: 'latest' }], throttle: { rateLimit: 10, burstLimit: 5 } },
        { id: 'up2', name: 'other', apiStages: [{ apiId: 'abcdef74gh', stage: 'noop' }] },
      ],
    });
    waf.on(GetWebACLForResourceCommand).resolves({});
  };

  it('reads the stage, the account logging role, covering usage plans and the WAF association', async () => {
    happyPath();
    const obs = await collectors['AWS::ApiGateway::Stage'].collect(ref, clients());
    const stage = present<RestStageSnapshot>(obs);
    expect(stage).toMatchObject({ restApiId: 'abcdef74gh', stageName: 'latest', tracingEnabled: false, clientCertificateId: null, account: { cloudwatchRoleArn: 'arn:aws:iam::123456789012:role/apigw-logs' } });
    expect(stage.webAclArn).toBe('arn:aws:wafv2:us-east-1:1234567890:regional/webacl/test/791f9fc9-16bb-4d32-8f6a-b55e9b6f11c8');
    expect(stage.methodSettings['*/*']).toEqual({ loggingLevel: 'INFO', dataTraceEnabled: true, metricsEnabled: false, cachingEnabled: false, cacheDataEncrypted: false, throttlingRateLimit: 1000, throttlingBurstLimit: 2000 });
    expect(stage.usagePlans).toEqual([{ id: 'up1', name: 'gold', rateLimit: 10, burstLimit: 5 }]);
    expect(waf).toHaveReceivedCommandWith(GetWebACLForResourceCommand, { ResourceArn: 'arn:aws:apigateway:us-east-1::/restapis/abcdef74gh/stages/latest' });
    expect(v1).toHaveReceivedCommandWith(GetStageCommand, { restApiId: 'abcdef74gh', stageName: 'latest' });
  });

  it('takes the web ACL from WAFv2 when the stage does not show it, and treats WAFNonexistentItemException as none', async () => {
    happyPath();
    const raw = data('apigateway.GetStage.rest-webacl.custodian.json');
    delete raw.webAclArn;
    v1.on(GetStageCommand).resolves(raw);
    waf.on(GetWebACLForResourceCommand).resolves({ WebACL: { ARN: 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/w/1', Name: 'w', Id: '1', DefaultAction: {}, VisibilityConfig: undefined as never } });
    expect(present<RestStageSnapshot>(await collectors['AWS::ApiGateway::Stage'].collect(ref, clients())).webAclArn).toBe('arn:aws:wafv2:us-east-1:123456789012:regional/webacl/w/1');
    waf.on(GetWebACLForResourceCommand).rejects(awsError('WAFNonexistentItemException'));
    const obs = await collectors['AWS::ApiGateway::Stage'].collect(ref, clients());
    expect(obs).toMatchObject({ gaps: [] });
    expect(present<RestStageSnapshot>(obs).webAclArn).toBeNull();
  });

  it('a denied WAF cross-check leaves the web ACL unknown only when the stage does not name one', async () => {
    happyPath();
    waf.on(GetWebACLForResourceCommand).rejects(awsError('AccessDeniedException'));
    expect(gapsOf(await collectors['AWS::ApiGateway::Stage'].collect(ref, clients()))).toEqual([]);
    const raw = data('apigateway.GetStage.rest-webacl.custodian.json');
    delete raw.webAclArn;
    v1.on(GetStageCommand).resolves(raw);
    expect(gapsOf(await collectors['AWS::ApiGateway::Stage'].collect(ref, clients()))).toEqual(['failed GetWebACLForResource: webAclArn']);
  });

  it('keeps stage variable names and detector hits only', async () => {
    happyPath();
    const raw = data('apigateway.GetStage.rest-webacl.custodian.json');
    const secret = '-----BEGIN RSA PRIVATE KEY-----MIIEowIBAAKCAQEA';
    raw.variables = { signingKey: secret, backend: 'https://internal.example.com' };
    v1.on(GetStageCommand).resolves(raw);
    const stage = present<RestStageSnapshot>(await collectors['AWS::ApiGateway::Stage'].collect(ref, clients()));
    expect(stage.variables.names).toEqual(['backend', 'signingKey']);
    expect(stage.variables.secrets.map((s) => s.name)).toEqual(['signingKey']);
    expect(JSON.stringify(stage)).not.toContain('MIIEowIBAAKCAQEA');
  });

  it('is gone when the stage no longer exists', async () => {
    happyPath();
    v1.on(GetStageCommand).rejects(awsError('NotFoundException'));
    expect(await collectors['AWS::ApiGateway::Stage'].collect(ref, clients())).toMatchObject({ state: 'gone' });
  });

  it('lists stages of every REST API', async () => {
    v1.on(GetRestApisCommand).resolves({ items: [{ id: 'abcdef74gh' }] });
    v1.on(GetStagesCommand).resolves(data('apigateway.GetStages.rest-methodsettings.custodian.json'));
    const refs = await collectors['AWS::ApiGateway::Stage'].list({ accountId: '123456789012', region: 'us-east-1', partition: 'aws' }, clients());
    expect(refs.map((r) => [r.id, r.arn])).toEqual([
      ['abcdef74gh/latest', 'arn:aws:apigateway:us-east-1::/restapis/abcdef74gh/stages/latest'],
      ['abcdef74gh/noop', 'arn:aws:apigateway:us-east-1::/restapis/abcdef74gh/stages/noop'],
    ]);
  });
});

describe('Collector: AWS::ApiGateway::DomainName', () => {
  const ref = refOf('AWS::ApiGateway::DomainName', 'api.example.com');
  it('reads the security policy', async () => {
    v1.on(GetDomainNameCommand).resolves({ domainName: 'api.example.com', securityPolicy: 'TLS_1_2', endpointConfiguration: { types: ['REGIONAL'] } });
    expect(present<DomainNameSnapshot>(await collectors['AWS::ApiGateway::DomainName'].collect(ref, clients()))).toEqual({
      domainName: 'api.example.com',
      securityPolicy: 'TLS_1_2',
      endpointTypes: ['REGIONAL'],
      mutualTlsEnabled: false,
    });
  });
  it('is gone on NotFoundException, and lists domains', async () => {
    v1.on(GetDomainNameCommand).rejects(awsError('NotFoundException'));
    expect(await collectors['AWS::ApiGateway::DomainName'].collect(ref, clients())).toMatchObject({ state: 'gone' });
    v1.on(GetDomainNamesCommand).resolves({ items: [{ domainName: 'api.example.com' }] });
    expect((await collectors['AWS::ApiGateway::DomainName'].list({ accountId: '123456789012', region: 'us-east-1', partition: 'aws' }, clients()))[0].arn).toBe(
      'arn:aws:apigateway:us-east-1::/domainnames/api.example.com',
    );
  });
});

describe('Collector: AWS::ApiGatewayV2::Api', () => {
  const ref = refOf('AWS::ApiGatewayV2::Api', 'a1b4gsuyib');
  const httpApi = () => data('apigatewayv2.GetApis.http-and-websocket.custodian.json').Items[1];
  const happyPath = () => {
    v2.on(GetApiCommand).resolves(httpApi());
    v2.on(GetRoutesCommand)
      .resolvesOnce({ Items: [{ RouteId: 'r1', RouteKey: 'GET /pets', AuthorizationType: 'NONE' }], NextToken: 't2' })
      .resolvesOnce({ Items: [{ RouteId: 'r2', RouteKey: 'POST /pets', AuthorizationType: 'JWT', AuthorizerId: 'a1' }] });
    v2.on(GetV2AuthorizersCommand).resolves({ Items: [{ AuthorizerId: 'a1', Name: 'cognito', AuthorizerType: 'JWT' }] });
    v2.on(GetIntegrationsCommand).resolves({ Items: [{ IntegrationId: 'i1', IntegrationType: 'HTTP_PROXY', ConnectionType: 'VPC_LINK', IntegrationUri: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/x/1/2', TlsConfig: { ServerNameToVerify: 'internal.example.com' } }] });
    v2.on(GetV2DomainNamesCommand).resolves({ Items: [{ DomainName: 'api.example.com' }] });
    v2.on(GetApiMappingsCommand).resolves({ Items: [{ ApiId: 'a1b4gsuyib', ApiMappingKey: '', Stage: '$default' }] });
  };

  it('reads the API with paginated routes, authorizers, integrations and API mappings', async () => {
    happyPath();
    const api = present<HttpApiSnapshot>(await collectors['AWS::ApiGatewayV2::Api'].collect(ref, clients()));
    expect(api).toMatchObject({ apiId: 'a1b4gsuyib', protocolType: 'HTTP', disableExecuteApiEndpoint: false, tags: { name: 'test-http' }, cors: null });
    expect(api.routes?.map((r) => `${r.routeKey}:${r.authorizationType}`)).toEqual(['GET /pets:NONE', 'POST /pets:JWT']);
    expect(api.authorizers).toEqual([{ id: 'a1', name: 'cognito', type: 'JWT' }]);
    expect(api.integrations?.[0]).toMatchObject({ connectionType: 'VPC_LINK', tlsConfig: { serverNameToVerify: 'internal.example.com' } });
    expect(api.customDomainMappings).toEqual([{ domainName: 'api.example.com', basePath: null, stage: '$default' }]);
    expect(v2).toHaveReceivedCommandWith(GetRoutesCommand, { ApiId: 'a1b4gsuyib', NextToken: 't2' });
  });

  it('is gone on NotFoundException and lists APIs', async () => {
    happyPath();
    v2.on(GetApiCommand).rejects(awsError('NotFoundException'));
    expect(await collectors['AWS::ApiGatewayV2::Api'].collect(ref, clients())).toMatchObject({ state: 'gone' });
    v2.on(GetApisCommand).resolves(data('apigatewayv2.GetApis.http-and-websocket.custodian.json'));
    expect((await collectors['AWS::ApiGatewayV2::Api'].list({ accountId: '123456789012', region: 'us-east-1', partition: 'aws' }, clients())).map((r) => r.id)).toEqual(['0mt9yx690a', 'a1b4gsuyib']);
  });
});

describe('Collector: AWS::ApiGatewayV2::Stage', () => {
  const ref = refOf('AWS::ApiGatewayV2::Stage', '0mt9yx690a/production');
  it('reads the stage and the protocol of its API', async () => {
    v2.on(GetV2StageCommand).resolves(data('apigatewayv2.GetStages.logging-off.custodian.json').Items[0]);
    v2.on(GetApiCommand).resolves(data('apigatewayv2.GetApis.http-and-websocket.custodian.json').Items[0]);
    const stage = present<HttpStageSnapshot>(await collectors['AWS::ApiGatewayV2::Stage'].collect(ref, clients()));
    expect(stage).toMatchObject({ apiId: '0mt9yx690a', stageName: 'production', protocolType: 'WEBSOCKET', accessLogSettings: null });
    expect(stage.defaultRouteSettings).toEqual({ loggingLevel: 'OFF', dataTraceEnabled: false, detailedMetricsEnabled: false, throttlingRateLimit: null, throttlingBurstLimit: null });
    expect(v2).toHaveReceivedCommandWith(GetV2StageCommand, { ApiId: '0mt9yx690a', StageName: 'production' });
  });
  it('lists stages of every v2 API', async () => {
    v2.on(GetApisCommand).resolves({ Items: [{ ApiId: '0mt9yx690a', Name: 'x', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '' }] });
    v2.on(GetV2StagesCommand).resolves(data('apigatewayv2.GetStages.logging-off.custodian.json'));
    const refs = await collectors['AWS::ApiGatewayV2::Stage'].list({ accountId: '123456789012', region: 'us-east-1', partition: 'aws' }, clients());
    expect(refs.map((r) => r.arn)).toEqual(['arn:aws:apigateway:us-east-1::/apis/0mt9yx690a/stages/production']);
  });
});
