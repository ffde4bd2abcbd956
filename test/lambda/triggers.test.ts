import { matchingRows, parseEventBridgeEvent, resolveTargets, toEventPatterns } from '../../shared/events';
import { functionIdFrom, lambdaTriggers } from '../../shared/events/triggers/lambda';
import { lambdaFunctionCodeKind, lambdaFunctionKind, lambdaLayerVersionKind } from '../../shared/resources/lambda/kinds';
import { loadCloudTrailRecords, toEventBridge } from '../helpers/fixtures';

const kinds = [lambdaFunctionKind, lambdaFunctionCodeKind, lambdaLayerVersionKind];
const catalogue = { rows: lambdaTriggers, kinds };
const record = (file: string, index = 0) => structuredClone(loadCloudTrailRecords(`cloudtrail/${file}`)[index]);
const refsOf = (detail: any) => resolveTargets(detail, lambdaTriggers, kinds).refs.map((r) => `${r.kind} ${r.id} ${r.arn}`);

describe('lambda trigger rows', () => {
  it('matches AddPermission20150331v2 by prefix and resolves the public-grant event of Stratus', () => {
    const parsed = parseEventBridgeEvent(toEventBridge(record('lambda-AddPermission20150331v2.stratus.json')), catalogue);
    expect(parsed.type === 'cloudtrail' && parsed.targets.refs).toEqual([
      {
        kind: 'AWS::Lambda::Function',
        id: 'stratus-red-team-backdoor-f-func',
        arn: 'arn:aws:lambda:ca-centralnorth-1r:880896431042:function:stratus-red-team-backdoor-f-func',
        accountId: '880896431042',
        region: 'ca-centralnorth-1r',
      },
    ]);
  });

  it('resolves the SNS AddPermission event by function name', () => {
    expect(refsOf(record('lambda-AddPermission20150331v2-sns.elastic.json'))).toEqual(['AWS::Lambda::Function cloudtrail-events-test arn:aws:lambda:us-east-1:000000000:function:cloudtrail-events-test']);
  });

  it('re-evaluates both the configuration and the package on CreateFunction20150331', () => {
    expect(refsOf(record('lambda-CreateFunction20150331.elastic.json'))).toEqual([
      'AWS::Lambda::Function cloudtrail-events-test arn:aws:lambda:us-east-1:1010101010101:function:cloudtrail-events-test',
      'AWS::Lambda::Function::Code cloudtrail-events-test arn:aws:lambda:us-east-1:1010101010101:function:cloudtrail-events-test',
    ]);
  });

  it('normalises a full function ARN (UpdateFunctionCode20150331v2) to the function name, configuration and package', () => {
    const detail = record('lambda-UpdateFunctionCode20150331v2.stratus.json');
    expect(detail.requestParameters.functionName).toMatch(/^arn:aws:lambda:/);
    expect(refsOf(detail).map((r) => r.split(' ').slice(0, 2).join(' '))).toEqual([
      'AWS::Lambda::Function stratus-red-team-olc-func-vayhjqkdav',
      'AWS::Lambda::Function::Code stratus-red-team-olc-func-vayhjqkdav',
    ]);
  });

  it.each(['lambda-UpdateFunctionConfiguration20150331v2.stratus.json', 'lambda-UpdateFunctionConfiguration20150331v2-layers.panther.json'])(
    'resolves UpdateFunctionConfiguration20150331v2 from %s to the configuration only',
    (file) => {
      const refs = resolveTargets(record(file), lambdaTriggers, kinds).refs;
      expect(refs.map((r) => r.kind)).toEqual(['AWS::Lambda::Function']);
      expect(refs[0]!.id).not.toMatch(/^arn:/);
    },
  );

  it('ignores the failed GetFunction and resolves the bare DeleteFunction name of the 2015 documentation sample', () => {
    const [getFunction, deleteFunction] = loadCloudTrailRecords('cloudtrail/lambda-GetFunction-DeleteFunction.awsdocs.json');
    const failed = parseEventBridgeEvent(toEventBridge(getFunction), catalogue);
    expect(failed).toMatchObject({ type: 'cloudtrail', posture: false, targets: { refs: [] } });
    expect(refsOf(deleteFunction)).toEqual([
      'AWS::Lambda::Function basic-node-task arn:aws:lambda:us-east-1:999999999999:function:basic-node-task',
      'AWS::Lambda::Function::Code basic-node-task arn:aws:lambda:us-east-1:999999999999:function:basic-node-task',
    ]);
  });

  it('matches function URL events without a date suffix, and the hypothetical suffixed spelling too', () => {
    const detail = record('lambda-AddPermission20150331v2-sns.elastic.json');
    detail.eventName = 'CreateFunctionUrlConfig';
    detail.requestParameters = { functionName: 'cloudtrail-events-test', authType: 'NONE' };
    expect(refsOf(detail)).toEqual(['AWS::Lambda::Function cloudtrail-events-test arn:aws:lambda:us-east-1:000000000:function:cloudtrail-events-test']);
    detail.eventName = 'CreateFunctionUrlConfig20211031';
    expect(matchingRows(detail, lambdaTriggers)).toHaveLength(1);
    // CreateFunction is a prefix of CreateFunctionUrlConfig: dispatch is exact on the stripped name, so the package row stays out.
    expect(matchingRows(detail, lambdaTriggers).map((r) => r.kind)).toEqual(['AWS::Lambda::Function']);
  });

  it.each([
    ['a qualified name', 'my-fn:prod', 'my-fn'],
    ['a partial ARN', '123456789012:function:my-fn', 'my-fn'],
    ['a qualified full ARN', 'arn:aws:lambda:us-east-1:123456789012:function:my-fn:$LATEST', 'my-fn'],
    ['a function of another account', 'arn:aws:lambda:us-east-1:444455556666:function:shared:live', 'arn:aws:lambda:us-east-1:444455556666:function:shared'],
    ['a partial ARN of another account', '444455556666:function:shared', 'arn:aws:lambda:us-east-1:444455556666:function:shared'],
  ])('normalises %s', (_what, value, expected) => {
    expect(functionIdFrom(value, { eventSource: 'lambda.amazonaws.com', eventName: 'x', eventTime: '', awsRegion: 'us-east-1', recipientAccountId: '123456789012' })).toBe(expected);
  });

  it('gives a function of another account its owner account', () => {
    const detail = record('lambda-AddPermission20150331v2-sns.elastic.json');
    detail.recipientAccountId = '123456789012';
    detail.requestParameters.functionName = 'arn:aws:lambda:us-east-1:444455556666:function:shared';
    expect(resolveTargets(detail, lambdaTriggers, kinds).refs[0]).toMatchObject({ id: 'arn:aws:lambda:us-east-1:444455556666:function:shared', accountId: '444455556666' });
  });

  it('maps TagResource on a function ARN, and declines tags on event source mappings', () => {
    const detail = record('lambda-AddPermission20150331v2.stratus.json');
    detail.eventName = 'TagResource20170331v2';
    detail.requestParameters = { resource: 'arn:aws:lambda:ca-centralnorth-1r:880896431042:function:stratus-red-team-backdoor-f-func', tags: { a: 'b' } };
    expect(refsOf(detail)).toEqual([
      'AWS::Lambda::Function stratus-red-team-backdoor-f-func arn:aws:lambda:ca-centralnorth-1r:880896431042:function:stratus-red-team-backdoor-f-func',
    ]);
    detail.requestParameters = { resource: 'arn:aws:lambda:ca-centralnorth-1r:880896431042:event-source-mapping:6d9bce8e', tags: { a: 'b' } };
    expect(refsOf(detail)).toEqual([]);
  });

  it('maps log group retention changes of /aws/lambda/<name> to the function and declines other groups', () => {
    const detail = record('lambda-AddPermission20150331v2-sns.elastic.json');
    detail.eventSource = 'logs.amazonaws.com';
    detail.eventName = 'DeleteRetentionPolicy';
    detail.requestParameters = { logGroupName: '/aws/lambda/cloudtrail-events-test' };
    expect(refsOf(detail)).toEqual(['AWS::Lambda::Function cloudtrail-events-test arn:aws:lambda:us-east-1:000000000:function:cloudtrail-events-test']);
    detail.requestParameters = { logGroupName: '/ecs/web' };
    expect(refsOf(detail)).toEqual([]);
  });

  it('maps layer publication and deletion to the layer version', () => {
    const detail = record('lambda-AddPermission20150331v2.stratus.json');
    detail.eventName = 'PublishLayerVersion20181031';
    detail.requestParameters = { layerName: 'shared-utils' };
    detail.responseElements = { layerVersionArn: 'arn:aws:lambda:ca-centralnorth-1r:880896431042:layer:shared-utils:3' };
    expect(refsOf(detail)).toEqual(['AWS::Lambda::LayerVersion arn:aws:lambda:ca-centralnorth-1r:880896431042:layer:shared-utils:3 arn:aws:lambda:ca-centralnorth-1r:880896431042:layer:shared-utils:3']);
    detail.eventName = 'DeleteLayerVersion20181031';
    detail.requestParameters = { layerName: 'shared-utils', versionNumber: 2 };
    detail.responseElements = null;
    expect(resolveTargets(detail, lambdaTriggers, kinds).refs.map((r) => r.arn)).toEqual(['arn:aws:lambda:ca-centralnorth-1r:880896431042:layer:shared-utils:2']);
  });

  it('fans security-group and trail changes out to the functions of the Region', () => {
    const detail = record('lambda-AddPermission20150331v2-sns.elastic.json');
    detail.eventSource = 'ec2.amazonaws.com';
    detail.eventName = 'AuthorizeSecurityGroupIngress';
    detail.requestParameters = { groupId: 'sg-1' };
    expect(resolveTargets(detail, lambdaTriggers, kinds)).toEqual({ refs: [], fanOut: [{ kind: 'AWS::Lambda::Function', accountId: '000000000', region: 'us-east-1' }] });
    detail.eventSource = 'cloudtrail.amazonaws.com';
    detail.eventName = 'PutEventSelectors';
    expect(resolveTargets(detail, lambdaTriggers, kinds).fanOut).toHaveLength(1);
  });

  it('generates prefix patterns for Lambda and exact ones for the other sources', () => {
    const patterns = toEventPatterns(lambdaTriggers);
    const lambdaNames = patterns.filter((p) => p.detail.eventSource[0] === 'lambda.amazonaws.com').flatMap((p) => p.detail.eventName);
    expect(lambdaNames).toContainEqual({ prefix: 'AddPermission' });
    expect(lambdaNames).toContainEqual({ prefix: 'CreateFunctionUrlConfig' });
    expect(lambdaNames.every((n) => typeof n !== 'string')).toBe(true);
    const logs = patterns.find((p) => p.detail.eventSource[0] === 'logs.amazonaws.com')!;
    expect(logs.detail.eventName).toContain('PutRetentionPolicy');
  });
});
