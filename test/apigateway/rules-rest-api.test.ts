import { apigwBackendHttps } from '../../shared/rules/apigateway/apigw-backend-https';
import { apigwDefaultEndpointDisabled } from '../../shared/rules/apigateway/apigw-default-endpoint-disabled';
import { apigwDomainPqcTls } from '../../shared/rules/apigateway/apigw-domain-pqc-tls';
import { apigwDomainTlsPolicy } from '../../shared/rules/apigateway/apigw-domain-tls-policy';
import { apigwGatewayResponsesGeneric } from '../../shared/rules/apigateway/apigw-gateway-responses-generic';
import { apigwPublicRestapiHasAuthorizer } from '../../shared/rules/apigateway/apigw-public-restapi-has-authorizer';
import { apigwRestapiAuthorization } from '../../shared/rules/apigateway/apigw-restapi-authorization';
import { apigwRestapiPrivateEndpoint } from '../../shared/rules/apigateway/apigw-restapi-private-endpoint';
import { normaliseDomainName, normaliseRestApi } from '../../shared/resources/apigateway/normalise';
import { loadApiResponse } from '../helpers/fixtures';
import { expectStatus, expectUnobserved, refOf, restApi, ruleContext } from './helpers';

const ref = refOf('AWS::ApiGateway::RestApi', 'tdnq9tsx1i');
const ctx = ruleContext();
const AUTHORIZER = { id: 'auth1', name: 'jwt', type: 'COGNITO_USER_POOLS' };
/** The REST API of the recorded GetRestApis response as Config gives it: no methods, no authorizers. */
const configOnly = () => normaliseRestApi('tdnq9tsx1i', (loadApiResponse('apigateway.GetRestApis.cross-account.custodian.json').items as unknown[])[1]);

describe('Rule: apigw-restapi-authorization', () => {
  it('fails listing path → METHOD pairs when no authorizer exists and a method has NONE (recorded GetMethod)', () => {
    const api = restApi([['/pets', 'ANY', 'NONE'], ['/pets', 'OPTIONS', 'NONE'], ['/admin', 'POST', 'AWS_IAM']]);
    const check = expectStatus(apigwRestapiAuthorization.evaluate(api, ctx, ref), 'FAIL');
    expect(check.evidence[0].value).toEqual(['/pets → ANY']);
  });
  it('passes when the API has an authorizer (Prowler API-level test)', () => {
    expectStatus(apigwRestapiAuthorization.evaluate(restApi([['/pets', 'ANY', 'NONE']], { authorizers: [AUTHORIZER] }), ctx, ref), 'PASS');
  });
  it('passes without authorizer when every method is authorized (OPTIONS allow-listed)', () => {
    expectStatus(apigwRestapiAuthorization.evaluate(restApi([['/pets', 'ANY', 'AWS_IAM'], ['/pets', 'OPTIONS', 'NONE']]), ctx, ref), 'PASS');
  });
  it('is an ERROR, never a PASS, on a Config snapshot (methods are live-only)', () => {
    expectUnobserved(apigwRestapiAuthorization, configOnly(), ctx, ref, /AWS Config does not record/);
  });
});

describe('Rule: apigw-restapi-private-endpoint', () => {
  it('fails for the recorded REGIONAL API', () => {
    expect(expectStatus(apigwRestapiPrivateEndpoint.evaluate(configOnly(), ctx, ref), 'FAIL').evidence[0].value).toEqual(['REGIONAL']);
  });
  it('passes for the recorded PRIVATE API', () => {
    const api = normaliseRestApi('6l7usy5kjh', (loadApiResponse('apigateway.GetRestApis.private-with-policy.custodian.json').items as unknown[])[0]);
    expectStatus(apigwRestapiPrivateEndpoint.evaluate(api, ctx, ref), 'PASS');
  });
  it('is not applicable for an API tagged intentionally public', () => {
    const api = normaliseRestApi('tdnq9tsx1i', { ...(loadApiResponse('apigateway.GetRestApis.cross-account.custodian.json').items as any[])[1], tags: { 'vigil:public-api': 'true' } });
    expectStatus(apigwRestapiPrivateEndpoint.evaluate(api, ctx, ref), 'NOT_APPLICABLE');
    expectStatus(apigwRestapiPrivateEndpoint.evaluate(api, ruleContext({ apigwPublicApiTag: 'other' }), ref), 'FAIL');
  });
});

describe('Rule: apigw-public-restapi-has-authorizer', () => {
  it('fails for a public API without authorizer', () => {
    expectStatus(apigwPublicRestapiHasAuthorizer.evaluate(restApi([['/pets', 'ANY', 'NONE']]), ctx, ref), 'FAIL');
  });
  it('passes with an authorizer', () => {
    expectStatus(apigwPublicRestapiHasAuthorizer.evaluate(restApi([['/pets', 'ANY', 'NONE']], { authorizers: [AUTHORIZER] }), ctx, ref), 'PASS');
  });
  it('accepts IAM authorization on every method as an authorizer (our variant)', () => {
    expectStatus(apigwPublicRestapiHasAuthorizer.evaluate(restApi([['/pets', 'ANY', 'AWS_IAM'], ['/pets', 'OPTIONS', 'NONE']]), ctx, ref), 'PASS');
    expectStatus(apigwPublicRestapiHasAuthorizer.evaluate(restApi([['/pets', 'ANY', 'AWS_IAM'], ['/a', 'GET', 'NONE']]), ctx, ref), 'FAIL');
  });
  it('is not applicable for private APIs', () => {
    expectStatus(apigwPublicRestapiHasAuthorizer.evaluate(restApi([['/pets', 'ANY', 'NONE']], { api: { endpointConfiguration: { types: ['PRIVATE'] } } }), ctx, ref), 'NOT_APPLICABLE');
  });
  it('is an ERROR, never a PASS, on a Config snapshot (authorizers and methods are live-only)', () => {
    expectUnobserved(apigwPublicRestapiHasAuthorizer, configOnly(), ctx, ref, /AWS Config does not record/);
  });
});

describe('Rule: apigw-default-endpoint-disabled', () => {
  it('fails when a custom domain maps the API and the default endpoint is on', () => {
    const api = { ...restApi([]), customDomainMappings: [{ domainName: 'api.example.com', basePath: '(none)', stage: 'prod' }] };
    expect(expectStatus(apigwDefaultEndpointDisabled.evaluate(api, ctx, ref), 'FAIL').message).toContain('api.example.com');
  });
  it('passes when the default endpoint is disabled', () => {
    expectStatus(apigwDefaultEndpointDisabled.evaluate(restApi([], { api: { disableExecuteApiEndpoint: true } }), ctx, ref), 'PASS');
  });
  it('is not applicable without custom domain; an ERROR when mappings are unknown (Config)', () => {
    expectStatus(apigwDefaultEndpointDisabled.evaluate(restApi([]), ctx, ref), 'NOT_APPLICABLE');
    expectUnobserved(apigwDefaultEndpointDisabled, configOnly(), ctx, ref, /custom domain mappings not available/);
  });
});

describe('Rule: apigw-backend-https', () => {
  it('is not applicable when integrations are Lambda proxies (recorded AWS_PROXY)', () => {
    expectStatus(apigwBackendHttps.evaluate(restApi([['/pets', 'ANY', 'NONE']]), ctx, ref), 'NOT_APPLICABLE');
  });
  it('fails for an HTTP_PROXY integration to http://', () => {
    const api = restApi([['/pets', 'GET', 'NONE']], { integration: { type: 'HTTP_PROXY', uri: 'http://backend.example.com/pets', connectionType: 'INTERNET' } });
    expect(expectStatus(apigwBackendHttps.evaluate(api, ctx, ref), 'FAIL').evidence[0].value).toBe('/pets → GET');
  });
  it('passes for https:// and notes URIs hidden behind stage variables', () => {
    expectStatus(apigwBackendHttps.evaluate(restApi([['/pets', 'GET', 'NONE']], { integration: { type: 'HTTP', uri: 'https://backend.example.com/pets' } }), ctx, ref), 'PASS');
    const hidden = expectStatus(apigwBackendHttps.evaluate(restApi([['/pets', 'GET', 'NONE']], { integration: { type: 'HTTP', uri: '${stageVariables.backend}/pets' } }), ctx, ref), 'PASS');
    expect(hidden.evidence[1].message).toMatch(/^note: scheme not visible/);
  });
  it('is an ERROR, never a PASS, on a Config snapshot (integrations are live-only)', () => {
    expectUnobserved(apigwBackendHttps, configOnly(), ctx, ref, /AWS Config does not record/);
  });
});

describe('Rule: apigw-gateway-responses-generic', () => {
  const DEFAULT_TEMPLATE = { 'application/json': '{"message":$context.error.messageString}' };
  it('passes for the AWS default templates ($context.error.messageString)', () => {
    const api = restApi([], { gatewayResponses: [{ responseType: 'DEFAULT_4XX', defaultResponse: true, responseTemplates: DEFAULT_TEMPLATE }, { responseType: 'DEFAULT_5XX', defaultResponse: true, responseTemplates: DEFAULT_TEMPLATE }] });
    expectStatus(apigwGatewayResponsesGeneric.evaluate(api, ctx, ref), 'PASS');
  });
  it('fails when a response echoes authorizer context or the raw error message', () => {
    const api = restApi([], {
      gatewayResponses: [
        { responseType: 'DEFAULT_4XX', statusCode: '400', responseTemplates: { 'application/json': '{"error":"$context.error.message","who":"$context.authorizer.principalId"}' } },
        { responseType: 'DEFAULT_5XX', defaultResponse: true, responseTemplates: DEFAULT_TEMPLATE },
      ],
    });
    const check = expectStatus(apigwGatewayResponsesGeneric.evaluate(api, ctx, ref), 'FAIL');
    expect(check.evidence.map((e) => e.value)).toEqual(['$context.error.message', '$context.authorizer.*']);
    expect(check.message).not.toContain('DEFAULT_5XX');
  });
  it('is an ERROR, never a PASS, on a Config snapshot (gateway responses are live-only)', () => {
    expectUnobserved(apigwGatewayResponsesGeneric, configOnly(), ctx, ref, /AWS Config does not record/);
  });
});

describe('Rules: apigw-domain-tls-policy and apigw-domain-pqc-tls', () => {
  const dref = refOf('AWS::ApiGateway::DomainName', 'api.example.com');
  const domain = (securityPolicy: string | undefined) => normaliseDomainName('api.example.com', { domainName: 'api.example.com', securityPolicy, endpointConfiguration: { types: ['REGIONAL'] } });
  it('fails legacy TLS_1_0 and TLS_1_2 on both rules', () => {
    for (const p of ['TLS_1_0', 'TLS_1_2']) {
      expectStatus(apigwDomainTlsPolicy.evaluate(domain(p), ctx, dref), 'FAIL');
      expectStatus(apigwDomainPqcTls.evaluate(domain(p), ctx, dref), 'FAIL');
    }
  });
  it('a recommended non-PQ policy passes APIGateway.11 but not the PQC rule', () => {
    expectStatus(apigwDomainTlsPolicy.evaluate(domain('SecurityPolicy_TLS13_1_3_2025_09'), ctx, dref), 'PASS');
    expectStatus(apigwDomainPqcTls.evaluate(domain('SecurityPolicy_TLS13_1_3_2025_09'), ctx, dref), 'FAIL');
  });
  it('a PQ policy in both lists passes both', () => {
    expectStatus(apigwDomainTlsPolicy.evaluate(domain('SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09'), ctx, dref), 'PASS');
    expectStatus(apigwDomainPqcTls.evaluate(domain('SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09'), ctx, dref), 'PASS');
  });
  it('lists are parameters', () => {
    expectStatus(apigwDomainTlsPolicy.evaluate(domain('TLS_1_2'), ruleContext({ apigwDomainTlsPolicies: ['TLS_1_2'] }), dref), 'PASS');
  });
  it('is an ERROR, never a PASS, when the policy is unknown', () => {
    expectUnobserved(apigwDomainTlsPolicy, domain(undefined), ctx, dref, /security policy not present/);
  });
});
