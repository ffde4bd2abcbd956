import { parseApigatewayArn, splitStageId } from '../../shared/resources/apigateway/kinds';
import { decodeRestApiPolicy, summariseVariables } from '../../shared/resources/apigateway/normalise';
import { loadApiResponse } from '../helpers/fixtures';

describe('Function: decodeRestApiPolicy', () => {
  const recorded = (): string => loadApiResponse('apigateway.GetRestApis.private-with-policy.custodian.json').items[1].policy;
  it('decodes the backslash-escaped form GetRestApi returns (recorded "bad-api-gw")', () => {
    const decoded = JSON.parse(decodeRestApiPolicy(recorded())!);
    expect(decoded.Statement[0].Resource).toBe('arn:aws:execute-api:eu-west-1:123456654321:kjh6l7usy5/*/*/*');
    expect(decoded.Statement[0].Condition.StringEquals['aws:sourceVpc']).toBe('vpc-022b22222fb2a6b22');
  });
  it('gives the same compact JSON for plain, escaped and URL-encoded spellings', () => {
    const plain = decodeRestApiPolicy(recorded());
    expect(decodeRestApiPolicy(plain)).toBe(plain);
    expect(decodeRestApiPolicy(encodeURIComponent(plain!))).toBe(plain);
    expect(decodeRestApiPolicy(JSON.stringify(plain))).toBe(plain);
  });
  it('null for absent or empty, the text unchanged when it cannot be decoded (the policy engine then reports it)', () => {
    expect(decodeRestApiPolicy(undefined)).toBeNull();
    expect(decodeRestApiPolicy('  ')).toBeNull();
    expect(decodeRestApiPolicy('{"Statement": [')).toBe('{"Statement": [');
  });
});

describe('Function: parseApigatewayArn', () => {
  it.each([
    ['arn:aws:apigateway:us-east-1::/restapis/abcdef74gh/stages/test2', { region: 'us-east-1', restApiId: 'abcdef74gh', stageName: 'test2' }],
    ['arn:aws:apigateway:us-east-1::/restapis/abcdef74gh', { region: 'us-east-1', restApiId: 'abcdef74gh' }],
    ['arn:aws:apigateway:us-east-1::/restapis/abcdef74gh/resources/r1/methods/GET', { region: 'us-east-1', restApiId: 'abcdef74gh' }],
    ['arn:aws-cn:apigateway:cn-north-1::/apis/a1b4gsuyib/stages/$default', { region: 'cn-north-1', apiId: 'a1b4gsuyib', stageName: '$default' }],
    ['arn:aws:apigateway:us-east-1::/domainnames/api.example.com', { region: 'us-east-1', domainName: 'api.example.com' }],
  ])('%s', (arn, parts) => expect(parseApigatewayArn(arn)).toEqual(parts));
  it('declines other ARNs and non-strings', () => {
    expect(parseApigatewayArn('arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/x/1')).toBeUndefined();
    expect(parseApigatewayArn(42)).toBeUndefined();
  });
  it('splits stage ids at the first slash', () => {
    expect(splitStageId('abc/$default')).toEqual({ apiId: 'abc', stageName: '$default' });
  });
});

describe('Function: summariseVariables', () => {
  it('keeps sorted names and detector hits, never values', () => {
    const summary = summariseVariables({ zeta: 'plain', apiToken: 'xoxb-' + '123456789012-abcdefghijkl' });
    expect(summary.names).toEqual(['apiToken', 'zeta']);
    expect(summary.secrets.map((s) => s.name)).toEqual(['apiToken']);
    expect(summary.secrets[0].sha256Prefix).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.stringify(summary)).not.toContain('abcdefghijkl');
    expect(summariseVariables(undefined)).toEqual({ names: [], secrets: [] });
  });
});
