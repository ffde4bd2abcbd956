import { parseEventBridgeEvent, resolveTargets, toEventPatterns, type CloudTrailDetail } from '../../shared/events';
import { apigatewayTriggers } from '../../shared/events/triggers/apigateway';
import { apigatewayKinds } from '../../shared/resources/apigateway/kinds';
import { loadCloudTrailRecords, loadFixture, toEventBridge } from '../helpers/fixtures';

const catalogue = { rows: apigatewayTriggers, kinds: apigatewayKinds };
const record = (file: string): Record<string, any> => loadCloudTrailRecords(`cloudtrail/${file}`)[0];
/** "kind id" of every ref, sorted, plus the fan-out kinds. */
const targetsOf = (detail: Record<string, any>) => {
  const { refs, fanOut } = resolveTargets(detail as CloudTrailDetail, apigatewayTriggers, apigatewayKinds);
  return { refs: refs.map((r) => `${r.kind} ${r.id}`).sort(), fanOut: fanOut.map((f) => f.kind).sort(), arns: refs.map((r) => r.arn).sort() };
};
/** A mutated copy of the real custodian CreateStage record (v1 shapes that have no recorded sample). */
const mutated = (eventName: string, requestParameters: unknown, responseElements: unknown = null): Record<string, any> => ({
  ...record('apigateway-CreateStage.custodian.json'),
  eventName,
  requestParameters,
  responseElements,
});

describe('Triggers: real v1 records', () => {
  it('CreateStage (custodian): stage from createStageInput.stageName, and its REST API', () => {
    expect(targetsOf(record('apigateway-CreateStage.custodian.json'))).toEqual({
      refs: ['AWS::ApiGateway::RestApi abcdef74gh', 'AWS::ApiGateway::Stage abcdef74gh/latest'],
      fanOut: [],
      arns: ['arn:aws:apigateway:us-east-1::/restapis/abcdef74gh', 'arn:aws:apigateway:us-east-1::/restapis/abcdef74gh/stages/latest'],
    });
  });
  it('CreateStage (console SSO, through the EventBridge envelope)', () => {
    const parsed = parseEventBridgeEvent(toEventBridge(record('apigateway-CreateStage-console-sso.lookupevents.json')), catalogue);
    expect(parsed.type === 'cloudtrail' && parsed.posture && parsed.targets.refs.map((r) => `${r.kind} ${r.id} ${r.accountId}`).sort()).toEqual([
      'AWS::ApiGateway::RestApi 67ge356u6d 657907747545',
      'AWS::ApiGateway::Stage 67ge356u6d/new 657907747545',
    ]);
  });
  it('CreateDeployment: stage from createDeploymentInput.stageName; the deployment id (responseElements.id) is not taken as an API id', () => {
    expect(targetsOf(record('apigateway-CreateDeployment-console-sso.lookupevents.json')).refs).toEqual([
      'AWS::ApiGateway::RestApi 67ge356u6d',
      'AWS::ApiGateway::Stage 67ge356u6d/test',
    ]);
  });
  it('TagResource on a REST stage ARN (EventBridge envelope): the stage and its API, nothing of v2 or domains', () => {
    const parsed = parseEventBridgeEvent(loadFixture('eventbridge/apigateway-TagResource-stage.custodian.json'), catalogue);
    if (parsed.type !== 'cloudtrail') throw new Error(parsed.type);
    expect(parsed.targets.refs.map((r) => `${r.kind} ${r.id}`).sort()).toEqual(['AWS::ApiGateway::RestApi abcdef74gh', 'AWS::ApiGateway::Stage abcdef74gh/test2']);
  });
  it('a failed call re-evaluates nothing', () => {
    const failed = { ...record('apigateway-CreateStage.custodian.json'), errorCode: 'BadRequestException' };
    const parsed = parseEventBridgeEvent(toEventBridge(failed), catalogue);
    expect(parsed).toMatchObject({ type: 'cloudtrail', posture: false, targets: { refs: [], fanOut: [] } });
  });
});

describe('Triggers: mutated shapes (§9.3 — no recorded sample)', () => {
  it('v2 CreateStage with requestParameters.apiId + stageName is a v2 stage (and its API), never v1', () => {
    const v2 = mutated('CreateStage', { apiId: 'a1b4gsuyib', stageName: 'prod', autoDeploy: true }, { stageName: 'prod', autoDeploy: true });
    expect(targetsOf(v2).refs).toEqual(['AWS::ApiGatewayV2::Api a1b4gsuyib', 'AWS::ApiGatewayV2::Stage a1b4gsuyib/prod']);
    expect(targetsOf(v2).arns).toContain('arn:aws:apigateway:us-east-1::/apis/a1b4gsuyib/stages/prod');
  });
  it('v2 CreateStage with a wrapped body (createStageInput.stageName)', () => {
    expect(targetsOf(mutated('CreateStage', { apiId: 'a1b4gsuyib', createStageInput: { stageName: '$default' } })).refs).toContain('AWS::ApiGatewayV2::Stage a1b4gsuyib/$default');
  });
  it('v1 UpdateStage / DeleteStage (path parameters, null response)', () => {
    const patch = { restApiId: 'abcdef74gh', stageName: 'latest', updateStageInput: { patchOperations: [{ op: 'replace', path: '/*/*/logging/loglevel', value: 'OFF' }] } };
    expect(targetsOf(mutated('UpdateStage', patch)).refs).toEqual(['AWS::ApiGateway::RestApi abcdef74gh', 'AWS::ApiGateway::Stage abcdef74gh/latest']);
    expect(targetsOf(mutated('DeleteStage', { restApiId: 'abcdef74gh', stageName: 'latest' })).refs).toEqual(['AWS::ApiGateway::RestApi abcdef74gh', 'AWS::ApiGateway::Stage abcdef74gh/latest']);
  });
  it('v1 CreateRestApi / ImportRestApi: the new id from responseElements.id', () => {
    const created = mutated('CreateRestApi', { createRestApiInput: { name: 'pets' } }, { id: 'n3wap1d000', name: 'pets', self: { restApiId: 'n3wap1d000' } });
    expect(targetsOf(created).refs).toEqual(['AWS::ApiGateway::RestApi n3wap1d000']);
    expect(targetsOf({ ...created, eventName: 'ImportRestApi', responseElements: { self: { restApiId: 'n3wap1d000' } } }).refs).toEqual(['AWS::ApiGateway::RestApi n3wap1d000']);
  });
  it('v1 PutMethod / UpdateRestApi change the REST API only', () => {
    expect(targetsOf(mutated('PutMethod', { restApiId: 'abcdef74gh', resourceId: 'r1', httpMethod: 'GET', putMethodInput: { authorizationType: 'NONE' } })).refs).toEqual([
      'AWS::ApiGateway::RestApi abcdef74gh',
    ]);
    expect(targetsOf(mutated('UpdateRestApi', { restApiId: 'abcdef74gh', updateRestApiInput: {} })).refs).toEqual(['AWS::ApiGateway::RestApi abcdef74gh']);
  });
  it('shared names split by marker: v2 CreateAuthorizer / UpdateIntegration go to the v2 API', () => {
    expect(targetsOf(mutated('CreateAuthorizer', { apiId: 'a1b4gsuyib', name: 'jwt' }, { authorizerId: 'x1' })).refs).toEqual(['AWS::ApiGatewayV2::Api a1b4gsuyib']);
    expect(targetsOf(mutated('UpdateIntegration', { restApiId: 'abcdef74gh', resourceId: 'r1', httpMethod: 'GET' })).refs).toEqual(['AWS::ApiGateway::RestApi abcdef74gh']);
    expect(targetsOf(mutated('UpdateIntegration', { apiId: 'a1b4gsuyib', integrationId: 'i1' })).refs).toEqual(['AWS::ApiGatewayV2::Api a1b4gsuyib']);
  });
  it('v2 CreateApi (responseElements.apiId), CreateRoute, DeleteRouteSettings', () => {
    expect(targetsOf(mutated('CreateApi', { name: 'pets', protocolType: 'HTTP' }, { apiId: 'n3wv2ap1d0', name: 'pets' })).refs).toEqual(['AWS::ApiGatewayV2::Api n3wv2ap1d0']);
    expect(targetsOf(mutated('CreateRoute', { apiId: 'a1b4gsuyib', routeKey: 'GET /pets' }, { routeId: 'r1' })).refs).toEqual(['AWS::ApiGatewayV2::Api a1b4gsuyib']);
    expect(targetsOf(mutated('DeleteRouteSettings', { apiId: 'a1b4gsuyib', stageName: 'prod', routeKey: 'GET /pets' })).refs).toEqual([
      'AWS::ApiGatewayV2::Api a1b4gsuyib',
      'AWS::ApiGatewayV2::Stage a1b4gsuyib/prod',
    ]);
  });
  it('TagResource on v2 stage and domain-name ARNs', () => {
    expect(targetsOf(mutated('TagResource', { resourceArn: 'arn:aws:apigateway:us-east-1::/apis/a1b4gsuyib/stages/prod', tags: {} })).refs).toEqual([
      'AWS::ApiGatewayV2::Api a1b4gsuyib',
      'AWS::ApiGatewayV2::Stage a1b4gsuyib/prod',
    ]);
    expect(targetsOf(mutated('UntagResource', { resourceArn: 'arn:aws:apigateway:us-east-1::/domainnames/api.example.com', tagKeys: ['a'] })).refs).toEqual([
      'AWS::ApiGateway::DomainName api.example.com',
    ]);
  });
  it('CreateDomainName (wrapped v1 body or plain v2 field) and UpdateDomainName', () => {
    expect(targetsOf(mutated('CreateDomainName', { createDomainNameInput: { domainName: 'api.example.com', securityPolicy: 'TLS_1_2' } })).refs).toEqual(['AWS::ApiGateway::DomainName api.example.com']);
    expect(targetsOf(mutated('UpdateDomainName', { domainName: 'api.example.com' })).refs).toEqual(['AWS::ApiGateway::DomainName api.example.com']);
  });
  it('account, certificate and usage-plan events fan out to every REST stage; mapping changes to every API', () => {
    expect(targetsOf(mutated('UpdateAccount', { updateAccountInput: { patchOperations: [] } }))).toEqual({ refs: [], fanOut: ['AWS::ApiGateway::Stage'], arns: [] });
    expect(targetsOf(mutated('DeleteClientCertificate', { clientCertificateId: 'abc' })).fanOut).toEqual(['AWS::ApiGateway::Stage']);
    expect(targetsOf(mutated('DeleteBasePathMapping', { domainName: 'api.example.com', basePath: '(none)' })).fanOut).toEqual(['AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api']);
  });
  it('CreateBasePathMapping takes the REST API from the wrapped body', () => {
    expect(targetsOf(mutated('CreateBasePathMapping', { domainName: 'api.example.com', createBasePathMappingInput: { restApiId: 'abcdef74gh', stage: 'latest' } })).refs).toEqual([
      'AWS::ApiGateway::RestApi abcdef74gh',
    ]);
  });
});

describe('Triggers: WAF associations', () => {
  const waf = (eventSource: string, eventName: string, resourceArn: string) => ({ ...mutated(eventName, { webACLArn: 'arn:aws:wafv2:us-east-1:012345678901:regional/webacl/w/1', resourceArn }), eventSource });
  it('wafv2 and waf-regional Associate/DisassociateWebACL on a REST stage ARN re-evaluate that stage', () => {
    const stageArn = 'arn:aws:apigateway:us-east-1::/restapis/abcdef74gh/stages/latest';
    for (const [source, name] of [['wafv2.amazonaws.com', 'AssociateWebACL'], ['wafv2.amazonaws.com', 'DisassociateWebACL'], ['waf-regional.amazonaws.com', 'AssociateWebACL']]) {
      expect(targetsOf(waf(source, name, stageArn)).refs).toEqual(['AWS::ApiGateway::Stage abcdef74gh/latest']);
    }
  });
  it('an association of another resource type (ALB) is declined without error', () => {
    expect(targetsOf(waf('wafv2.amazonaws.com', 'AssociateWebACL', 'arn:aws:elasticloadbalancing:us-east-1:012345678901:loadbalancer/app/x/1'))).toEqual({ refs: [], fanOut: [], arns: [] });
  });
  it('wafv2 DeleteWebACL fans out to every REST stage', () => {
    expect(targetsOf({ ...mutated('DeleteWebACL', { name: 'w', id: '1', scope: 'REGIONAL' }), eventSource: 'wafv2.amazonaws.com' }).fanOut).toEqual(['AWS::ApiGateway::Stage']);
  });
});

describe('Triggers: EventBridge patterns', () => {
  it('cover the three sources, with shared names listed once and failed calls excluded', () => {
    const patterns = toEventPatterns(apigatewayTriggers);
    expect(patterns.map((p) => p.detail.eventSource[0]).sort()).toEqual(['apigateway.amazonaws.com', 'waf-regional.amazonaws.com', 'wafv2.amazonaws.com']);
    const names = patterns.filter((p) => p.detail.eventSource[0] === 'apigateway.amazonaws.com').flatMap((p) => p.detail.eventName);
    expect(names.filter((n) => n === 'CreateStage')).toHaveLength(1);
    for (const n of ['PutMethod', 'CreateRoute', 'UpdateAccount', 'DeleteCorsConfiguration', 'DeleteAccessLogSettings', 'CreateApiMapping']) expect(names).toContain(n);
    expect(patterns.every((p) => p.detail.errorCode?.[0].exists === false)).toBe(true);
  });
  it('every kind of the family is reachable from some event', () => {
    const reachable = new Set(apigatewayTriggers.flatMap((row) => [row.kind, ...(row.fanOut ?? [])]));
    expect([...reachable].sort()).toEqual(apigatewayKinds.map((k) => k.kind).sort());
  });
});
