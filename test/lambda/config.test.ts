import { createConfigIndex, normaliseConfigItem } from '../../shared/resources/config-item';
import { lambdaFunctionConfigNormaliser } from '../../shared/resources/lambda/config';
import { normaliseFunction } from '../../shared/resources/lambda/normalise';
import type { LambdaFunctionSnapshot } from '../../shared/resources/lambda/types';
import { loadApiResponse, loadFixture } from '../helpers/fixtures';
import { gapsOf } from '../helpers/gaps';

const rdkItem = () => loadFixture('config-items/lambda-function.rdk-example.json')[0];
const observe = (raw: unknown, related: unknown[] = []) => {
  const items = [raw, ...related].map(normaliseConfigItem);
  return lambdaFunctionConfigNormaliser.toObservations(items[0]!, createConfigIndex(items));
};
const only = (raw: unknown, related: unknown[] = []) => {
  const [obs] = observe(raw, related);
  if (obs?.state !== 'present') throw new Error('expected present');
  return { obs, fn: obs.config as LambdaFunctionSnapshot };
};

const subnetItem = (id: string, az: string) => ({ version: '1.3', accountId: '823362693882', resourceType: 'AWS::EC2::Subnet', resourceId: id, awsRegion: 'us-east-1', configuration: { subnetId: id, availabilityZone: az } });
const sgItem = (id: string, cidr: string) => ({
  version: '1.3',
  accountId: '823362693882',
  resourceType: 'AWS::EC2::SecurityGroup',
  resourceId: id,
  awsRegion: 'us-east-1',
  configuration: { groupId: id, ipPermissions: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipv4Ranges: [{ cidrIp: cidr }], ipRanges: [cidr], ipv6Ranges: [], userIdGroupPairs: [], prefixListIds: [] }] },
});
const roleItem = () => ({
  version: '1.3',
  accountId: '823362693882',
  resourceType: 'AWS::IAM::Role',
  resourceId: 'AROAEXAMPLE',
  resourceName: 'lambda_basic_execution',
  arn: 'arn:aws:iam::823362693882:role/lambda_basic_execution',
  awsRegion: 'global',
  configuration: {
    roleName: 'lambda_basic_execution',
    arn: 'arn:aws:iam::823362693882:role/lambda_basic_execution',
    assumeRolePolicyDocument: '%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22lambda.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D',
    attachedManagedPolicies: [{ policyName: 'AWSLambdaBasicExecutionRole', policyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }],
    rolePolicyList: [{ policyName: 'logs', policyDocument: '%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D' }],
  },
});

describe('Lambda function Config normaliser', () => {
  it('normalises the RDK example item; subnet zones and groups come from the related items', () => {
    const { obs, fn } = only(rdkItem(), [subnetItem('subnet-8dee48a7', 'us-east-1a'), subnetItem('subnet-23deb22f', 'us-east-1b'), sgItem('sg-e463c89c', '10.0.0.0/8'), roleItem()]);
    expect(obs.ref).toEqual({ kind: 'AWS::Lambda::Function', id: 'test-function', arn: 'arn:aws:lambda:us-east-1:823362693882:function:test-function', accountId: '823362693882', region: 'us-east-1' });
    expect(obs.observedAt).toBe('2018-05-11T17:53:48.872Z');
    expect(fn).toMatchObject({
      name: 'test-function',
      runtime: 'nodejs6.10',
      packageType: 'Zip',
      role: 'arn:aws:iam::823362693882:role/lambda_basic_execution',
      vpc: { vpcId: null, subnetIds: ['subnet-23deb22f', 'subnet-8dee48a7'], securityGroupIds: ['sg-e463c89c'] },
      subnets: [
        { id: 'subnet-23deb22f', availabilityZone: 'us-east-1b' },
        { id: 'subnet-8dee48a7', availabilityZone: 'us-east-1a' },
      ],
      tracingMode: 'PassThrough',
      policy: null,
      environment: null,
      tags: { test: 'value' },
    });
    expect(fn.securityGroups[0]!.ingress[0]).toMatchObject({ protocol: 'tcp', fromPort: 22, toPort: 22, ipv4Ranges: ['10.0.0.0/8'] });
    expect(fn.executionRole?.policies.map((p) => p.name)).toEqual(['AWSLambdaBasicExecutionRole', 'logs']);
    // Inputs Config never carries; subnets, groups and role were found, so they are known.
    expect(gapsOf(obs)).toEqual([
      'not-told DescribeLogGroups: logGroup',
      'not-told DescribeTrails/GetEventSelectors: trails',
      'not-told GetFunctionConfiguration: environment',
      'not-told GetFunctionEventInvokeConfig: eventInvokeConfig',
      'not-told ListAliases/GetPolicy: aliasPolicies',
      'not-told ListFunctionUrlConfigs: functionUrls',
    ]);
  });

  it('marks subnets, security groups and role as not told when their items are missing from the snapshot', () => {
    const { obs, fn } = only(rdkItem());
    expect(gapsOf(obs)).toEqual(expect.arrayContaining(['not-told AWS::EC2::Subnet: subnets', 'not-told AWS::EC2::SecurityGroup: securityGroups', 'not-told AWS::IAM::Role: executionRole']));
    expect(fn.subnets.every((s) => s.availabilityZone === null)).toBe(true);
    expect(fn.executionRole).toBeNull();
  });

  it('reads the SelectResourceConfig answer (policy as JSON text, kmskeyArn spelling, Tags)', () => {
    const result = JSON.parse(loadApiResponse('config.SelectResourceConfig.lambda-function.custodian.json').Results[0]);
    const item = { ...result, resourceType: 'AWS::Lambda::Function', resourceId: 'omnissm-handle-registrations', accountId: '644160558196', awsRegion: 'us-east-2' };
    item.configuration.kmskeyArn = 'arn:aws:kms:us-east-2:644160558196:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const { fn } = only(item);
    expect(fn.arn).toBe('arn:aws:lambda:us-east-2:644160558196:function:omnissm-handle-registrations');
    expect(fn.runtime).toBe('go1.x');
    expect(fn.tracingMode).toBe('Active');
    expect(fn.kmsKeyArn).toBe('arn:aws:kms:us-east-2:644160558196:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    expect(fn.tags).toEqual({ 'lambda:createdBy': 'SAM' });
    expect(typeof fn.policy).toBe('string');
    expect(JSON.parse(fn.policy!).Statement).toHaveLength(4);
  });

  it('runs the detector over environment variables an item happens to carry, and drops the values', () => {
    const item = rdkItem();
    const leaked = ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('');
    item.configuration.environment = { variables: { STAGE: 'prod', LEGACY_KEY: leaked } };
    const { fn } = only(item);
    expect(fn.environment?.variableNames).toEqual(['LEGACY_KEY', 'STAGE']);
    expect(fn.environment?.secretHits.map((h) => [h.name, h.detector])).toEqual([['LEGACY_KEY', 'aws-access-key-id']]);
    expect(JSON.stringify(fn)).not.toContain(leaked);
  });

  it('turns a deleted item into a gone observation', () => {
    const item = rdkItem();
    item.configurationItemStatus = 'ResourceDeleted';
    expect(observe(item)[0]).toMatchObject({ state: 'gone', source: 'config', ref: { id: 'test-function' } });
  });

  it('yields the same snapshot as the live reads for the same function (environment aside: Config does not record it)', () => {
    const live = loadFixture('api-responses/lambda.ListFunctions.cloudmapper-demo.json').Functions[0];
    const fromLive = normaliseFunction(live, {
      policy: loadFixture('api-responses/lambda.GetPolicy.cloudmapper-demo.json').Policy,
      aliasPolicies: [],
      urlConfigs: [],
      tags: { team: 'web' },
      subnets: [{ SubnetId: 'subnet-00000003', AvailabilityZone: 'us-east-1a' }, { SubnetId: 'subnet-00000004', AvailabilityZone: 'us-east-1c' }],
      securityGroups: [{ GroupId: 'sg-09920178', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }],
      logGroup: null,
      executionRole: null,
      eventInvokeConfig: null,
      reservedConcurrency: null,
      trails: [],
    });
    const item = rdkItem();
    Object.assign(item, { accountId: '123456789012', resourceId: 'invpclambda', resourceName: 'invpclambda', arn: live.FunctionArn, tags: { team: 'web' }, relationships: [] });
    item.supplementaryConfiguration = { Policy: loadFixture('api-responses/lambda.GetPolicy.cloudmapper-demo.json').Policy };
    Object.assign(item.configuration, {
      functionName: 'invpclambda',
      functionArn: live.FunctionArn,
      runtime: live.Runtime,
      role: live.Role,
      vpcConfig: { subnetIds: live.VpcConfig.SubnetIds, securityGroupIds: live.VpcConfig.SecurityGroupIds, vpcId: live.VpcConfig.VpcId },
    });
    const related = [
      { ...subnetItem('subnet-00000003', 'us-east-1a'), accountId: '123456789012' },
      { ...subnetItem('subnet-00000004', 'us-east-1c'), accountId: '123456789012' },
      { ...sgItem('sg-09920178', '10.0.0.0/8'), accountId: '123456789012' },
    ];
    const { fn } = only(item, related);
    const { environment: _configEnv, ...fromConfig } = fn;
    const { environment: _liveEnv, ...fromLiveRest } = fromLive;
    expect(fromConfig).toEqual(fromLiveRest);
  });
});
