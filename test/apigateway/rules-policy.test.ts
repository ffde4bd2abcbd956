import { apigwMethodAuthorization } from '../../shared/rules/apigateway/apigw-method-authorization';
import { apigwPrivateApiPolicy } from '../../shared/rules/apigateway/apigw-private-api-policy';
import { normaliseRestApi } from '../../shared/resources/apigateway/normalise';
import type { RestApiSnapshot } from '../../shared/resources/apigateway/types';
import { loadApiResponse } from '../helpers/fixtures';
import { expectStatus, refOf, restApi, ruleContext } from './helpers';

const ctx = ruleContext();
/** The recorded PRIVATE API "good-api-gw" (escaped policy: Principal *, execute-api:Invoke, StringEquals aws:sourceVpc). */
const recordedPrivate = (): Record<string, any> => loadApiResponse('apigateway.GetRestApis.private-with-policy.custodian.json').items[0];
const ref = refOf('AWS::ApiGateway::RestApi', '6l7usy5kjh', 'eu-west-1', '123456654321');
const policyText = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:eu-west-1:123456654321:6l7usy5kjh/*', ...statement }] });
/** A REST API with the recorded NONE method on /pets and the given endpoint type and policy. */
const withPolicy = (types: string[], policy: string | undefined, methods: [string, string, string][] = [['/pets', 'ANY', 'NONE']]): RestApiSnapshot =>
  restApi(methods, { api: { id: '6l7usy5kjh', endpointConfiguration: { types }, ...(policy === undefined ? {} : { policy }) } });

describe('Rule: apigw-method-authorization', () => {
  it('fails per method with authorization NONE on a public API without resource policy', () => {
    const check = expectStatus(apigwMethodAuthorization.evaluate(withPolicy(['REGIONAL'], undefined, [['/pets', 'ANY', 'NONE'], ['/pets', 'OPTIONS', 'NONE'], ['/admin', 'GET', 'AWS_IAM']]), ctx, ref), 'FAIL');
    expect(check.evidence.map((e) => e.value)).toEqual(['/pets → ANY']);
  });
  it('passes when every method is authorized (recorded AWS_IAM method), OPTIONS allow-listed', () => {
    expectStatus(apigwMethodAuthorization.evaluate(withPolicy(['REGIONAL'], undefined, [['/pets', 'ANY', 'AWS_IAM'], ['/pets', 'OPTIONS', 'NONE']]), ctx, ref), 'PASS');
  });
  it('passes for the recorded PRIVATE API whose policy restricts aws:sourceVpc', () => {
    const api = normaliseRestApi('6l7usy5kjh', recordedPrivate(), { resources: [{ id: 'r', path: '/pets', resourceMethods: { ANY: { httpMethod: 'ANY', authorizationType: 'NONE' } } }], authorizers: [] });
    expect(expectStatus(apigwMethodAuthorization.evaluate(api, ctx, ref), 'PASS').message).toMatch(/resource policy restricts/);
  });
  it('passes for a PRIVATE API with a SourceVpce-restricted policy', () => {
    expectStatus(apigwMethodAuthorization.evaluate(withPolicy(['PRIVATE'], policyText({ Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0123456789abcdef0' } } })), ctx, ref), 'PASS');
  });
  it('passes for a public API whose policy limits callers to a CIDR', () => {
    expectStatus(apigwMethodAuthorization.evaluate(withPolicy(['REGIONAL'], policyText({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })), ctx, ref), 'PASS');
  });
  it('fails when the policy lets anyone invoke, citing the statement', () => {
    const check = expectStatus(apigwMethodAuthorization.evaluate(withPolicy(['REGIONAL'], policyText({ Sid: 'Open' })), ctx, ref), 'FAIL');
    expect(check.evidence.find((e) => e.field === 'policy')?.statements).toEqual([{ index: 0, sid: 'Open' }]);
  });
  it('a wildcard condition value does not restrict (SourceVpce vpce-*)', () => {
    expectStatus(apigwMethodAuthorization.evaluate(withPolicy(['PRIVATE'], policyText({ Condition: { StringLike: { 'aws:SourceVpce': 'vpce-*' } } })), ctx, ref), 'FAIL');
  });
  it('treats a PRIVATE API without policy as not invocable', () => {
    expectStatus(apigwMethodAuthorization.evaluate(withPolicy(['PRIVATE'], undefined), ctx, ref), 'PASS');
  });
  it('an API key alone is not authorization', () => {
    const api = withPolicy(['REGIONAL'], undefined);
    const keyed = { ...api, resources: api.resources!.map((r) => ({ ...r, methods: r.methods.map((m) => ({ ...m, apiKeyRequired: true })) })) };
    expect(expectStatus(apigwMethodAuthorization.evaluate(keyed, ctx, ref), 'FAIL').evidence[0].message).toMatch(/API key is required, which is not authentication/);
  });
  it('throws on an unparsable policy (the engine reports ERROR, never PASS)', () => {
    expect(() => apigwMethodAuthorization.evaluate(withPolicy(['REGIONAL'], '{"Statement": 42'), ctx, ref)).toThrow();
  });
});

describe('Rule: apigw-private-api-policy', () => {
  it('passes for the recorded PRIVATE API restricted to a source VPC', () => {
    expectStatus(apigwPrivateApiPolicy.evaluate(normaliseRestApi('6l7usy5kjh', recordedPrivate()), ctx, ref), 'PASS');
  });
  it('fails for a PRIVATE API whose policy allows anyone without condition', () => {
    const raw = recordedPrivate();
    raw.policy = policyText({});
    expectStatus(apigwPrivateApiPolicy.evaluate(normaliseRestApi('6l7usy5kjh', raw), ctx, ref), 'FAIL');
  });
  it('fails for a PRIVATE API without resource policy', () => {
    const raw = recordedPrivate();
    delete raw.policy;
    expect(expectStatus(apigwPrivateApiPolicy.evaluate(normaliseRestApi('6l7usy5kjh', raw), ctx, ref), 'FAIL').evidence[0]).toMatchObject({ field: 'policy', value: null });
  });
  it('public APIs: N/A without policy, FAIL with an open policy, PASS with a restricted one', () => {
    expectStatus(apigwPrivateApiPolicy.evaluate(withPolicy(['EDGE'], undefined), ctx, ref), 'NOT_APPLICABLE');
    expectStatus(apigwPrivateApiPolicy.evaluate(withPolicy(['EDGE'], policyText({})), ctx, ref), 'FAIL');
    expectStatus(apigwPrivateApiPolicy.evaluate(withPolicy(['EDGE'], policyText({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })), ctx, ref), 'PASS');
  });
});
