import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetPolicyCommand as IamGetPolicyCommand, GetPolicyVersionCommand, GetRoleCommand, GetRolePolicyCommand, IAMClient, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand } from '@aws-sdk/client-iam';
import {
  GetFunctionConcurrencyCommand,
  GetFunctionConfigurationCommand,
  GetFunctionEventInvokeConfigCommand,
  GetPolicyCommand,
  LambdaClient,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListFunctionUrlConfigsCommand,
  ListTagsCommand,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { CollectError, type ResourceRef } from '../../shared/core';
import { createClientFactory } from '../../shared/resources/clients';
import { createLambdaFunctionCollector } from '../../shared/resources/lambda/collect-live';
import type { LambdaFunctionSnapshot } from '../../shared/resources/lambda/types';
import { loadApiResponse, loadFixture } from '../helpers/fixtures';
import { gapsOf } from '../helpers/gaps';
import { evaluateObservation } from '../../shared/engine/evaluate';
import { lambdaFamily } from '../../shared/families/lambda';

const lambda = mockClient(LambdaClient);
const ec2 = mockClient(EC2Client);
const logs = mockClient(CloudWatchLogsClient);
const iam = mockClient(IAMClient);
const trail = mockClient(CloudTrailClient);

const NOW = new Date('2026-03-01T12:00:00.000Z');
const collector = createLambdaFunctionCollector({ now: () => NOW });
const clients = () => createClientFactory({ region: 'us-west-2', maxAttempts: 1 });

/** An AWS error shaped from a recorded `{status_code, data: {Error}}` answer (or a bare code). */
const awsError = (codeOrFixture: string) => {
  const code = codeOrFixture.endsWith('.json') ? loadApiResponse(codeOrFixture).Error.Code : codeOrFixture;
  return Object.assign(new Error(code), { name: code, $metadata: { httpStatusCode: 400 } });
};

const envFunction = () => loadApiResponse('lambda.GetFunction.env-kms.custodian.json').Configuration;
const ARN = 'arn:aws:lambda:us-west-2:644160558196:function:custodian-ec2-ssm-query';
const ref: ResourceRef = { kind: 'AWS::Lambda::Function', id: 'custodian-ec2-ssm-query', arn: ARN, accountId: '644160558196', region: 'us-west-2' };

beforeEach(() => {
  for (const m of [lambda, ec2, logs, iam, trail]) m.reset();
  lambda.on(GetFunctionConfigurationCommand).resolves(envFunction());
  lambda.on(GetPolicyCommand).rejects(awsError('lambda.GetPolicy.ResourceNotFound-404.custodian.json'));
  lambda.on(ListFunctionUrlConfigsCommand).resolves({ FunctionUrlConfigs: [] });
  lambda.on(ListAliasesCommand).resolves({ Aliases: [] });
  lambda.on(ListTagsCommand).resolves({ Tags: loadApiResponse('lambda.GetFunction.env-kms.custodian.json').Tags });
  lambda.on(GetFunctionEventInvokeConfigCommand).rejects(awsError('ResourceNotFoundException'));
  lambda.on(GetFunctionConcurrencyCommand).resolves({});
  logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [] });
  iam.on(GetRoleCommand).rejects(awsError('iam.GetRole.NoSuchEntity-404.custodian.json'));
  trail.on(DescribeTrailsCommand).resolves({ trailList: [] });
});

const present = async (r: ResourceRef = ref) => {
  const obs = await collector.collect(r, clients());
  if (obs.state !== 'present') throw new Error(`expected present, got ${obs.state}`);
  return { obs, fn: obs.config as LambdaFunctionSnapshot };
};

describe('Lambda function live collector', () => {
  it('normalises the recorded function and keeps only environment variable names', async () => {
    const { obs, fn } = await present();
    expect(obs.observedAt).toBe(NOW.toISOString());
    expect(obs.gaps).toEqual([]);
    expect(fn).toMatchObject({
      name: 'custodian-ec2-ssm-query',
      arn: ARN,
      runtime: 'python3.7',
      packageType: 'Zip',
      role: 'arn:aws:iam::644160558196:role/CloudCustodianRole',
      vpc: { vpcId: null, subnetIds: [], securityGroupIds: [] },
      tracingMode: 'PassThrough',
      kmsKeyArn: 'arn:aws:kms:us-west-2:644160558196:key/798bc4bb-3079-4a9a-bc27-2c7f2b6c91d0',
      policy: null,
      functionUrls: [],
      eventInvokeConfig: null,
      executionRole: null,
      reservedConcurrency: null,
      tags: { 'custodian-info': 'mode=config-rule:version=0.8.44.2' },
      logGroup: { name: '/aws/lambda/custodian-ec2-ssm-query', exists: false, retentionInDays: null, kmsKeyId: null },
    });
    expect(fn.environment).toEqual({ variableNames: ['DISABLE_ACTIONS', 'DISABLE_OUTPUT_PARAMETERS', 'VERBOSE'], secretHits: [], error: null });
    // No value of the environment reaches the snapshot.
    expect(JSON.stringify(fn)).not.toMatch(/"(true|false)"/);
  });

  it('replaces secret values with detector hits (name, detector, reason, hash prefix)', async () => {
    const configuration = envFunction();
    const secret = ['postgres://app:', 'Sup3r', 'Secret', '@db.internal:5432/app'].join('');
    configuration.Environment.Variables.DATABASE_URL = secret;
    lambda.on(GetFunctionConfigurationCommand).resolves(configuration);
    const { fn } = await present();
    expect(fn.environment?.secretHits).toEqual([
      { name: 'DATABASE_URL', detector: 'connection-string-credentials', reason: expect.stringContaining('connection string'), sha256Prefix: expect.stringMatching(/^[0-9a-f]{12}$/) },
    ]);
    expect(JSON.stringify(fn)).not.toContain('Sup3rSecret');
  });

  it('keeps Environment.Error (KMS decrypt failure) so that the environment rules report ERROR', async () => {
    const configuration = envFunction();
    configuration.Environment = { Error: { ErrorCode: 'KMSAccessDeniedException', Message: 'Lambda was unable to decrypt the environment variables' } };
    lambda.on(GetFunctionConfigurationCommand).resolves(configuration);
    expect((await present()).fn.environment).toEqual({ variableNames: [], secretHits: [], error: { code: 'KMSAccessDeniedException', message: 'Lambda was unable to decrypt the environment variables' } });
  });

  it('reads the resource policy, alias policies and function URLs of the recorded answers', async () => {
    const policy = loadApiResponse('lambda.GetPolicy.principal-star.custodian.json').Policy;
    lambda.on(GetPolicyCommand, { FunctionName: ARN }).resolves({ Policy: policy });
    lambda.on(ListAliasesCommand).resolves({ Aliases: [{ Name: 'live' }, { Name: 'beta' }] });
    lambda.on(GetPolicyCommand, { FunctionName: ARN, Qualifier: 'live' }).resolves({ Policy: loadApiResponse('lambda.GetPolicy.apigateway-sourcearn.custodian.json').Policy });
    lambda.on(GetPolicyCommand, { FunctionName: ARN, Qualifier: 'beta' }).rejects(awsError('ResourceNotFoundException'));
    const iamUrl = loadApiResponse('lambda.GetFunctionUrlConfig.aws-iam.custodian.json');
    const noneUrl = loadFixture('api-responses/lambda.GetFunctionUrlConfig.authtype-none.localstack-snapshot.json');
    lambda.on(ListFunctionUrlConfigsCommand).resolvesOnce({ FunctionUrlConfigs: [{ ...iamUrl, Cors: { AllowOrigins: ['*'], AllowCredentials: true } }], NextMarker: 'm' }).resolves({
      FunctionUrlConfigs: [{ ...noneUrl, FunctionArn: `${ARN}:live`, FunctionUrl: 'https://abc.lambda-url.us-west-2.on.aws/' }],
    });
    const { fn } = await present();
    expect(fn.policy).toBe(policy);
    expect(fn.aliasPolicies.map((p) => p.qualifier)).toEqual(['live']);
    expect(fn.functionUrls).toEqual([
      { qualifier: null, url: 'https://hello-custodian.lambda-url.us-west-2.on.aws/', authType: 'AWS_IAM', cors: { allowOrigins: ['*'], allowCredentials: true } },
      { qualifier: 'live', url: 'https://abc.lambda-url.us-west-2.on.aws/', authType: 'NONE', cors: null },
    ]);
    expect(lambda).toHaveReceivedCommandWith(ListFunctionUrlConfigsCommand, { FunctionName: ARN, Marker: 'm' });
  });

  it('reads subnet zones, security groups, log group, event invoke config and concurrency', async () => {
    const fromList = loadFixture('api-responses/lambda.ListFunctions.cloudmapper-demo.json').Functions[0];
    const vpcRef: ResourceRef = { ...ref, id: 'invpclambda', arn: 'arn:aws:lambda:us-east-1:123456789012:function:invpclambda', accountId: '123456789012', region: 'us-east-1' };
    lambda.on(GetFunctionConfigurationCommand).resolves(fromList);
    ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [{ SubnetId: 'subnet-00000003', AvailabilityZone: 'us-east-1a' }, { SubnetId: 'subnet-00000004', AvailabilityZone: 'us-east-1b' }] });
    ec2.on(DescribeSecurityGroupsCommand).resolves({
      SecurityGroups: [{ GroupId: 'sg-09920178', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], UserIdGroupPairs: [], PrefixListIds: [] }] }],
    });
    logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: '/aws/lambda/invpclambda-old' }, { logGroupName: '/aws/lambda/invpclambda', retentionInDays: 30 }] });
    lambda.on(GetFunctionEventInvokeConfigCommand).resolves({ DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:failed' } }, MaximumRetryAttempts: 1 });
    lambda.on(GetFunctionConcurrencyCommand).resolves({ ReservedConcurrentExecutions: 5 });
    const { fn } = await present(vpcRef);
    expect(fn.subnets).toEqual([
      { id: 'subnet-00000003', availabilityZone: 'us-east-1a' },
      { id: 'subnet-00000004', availabilityZone: 'us-east-1b' },
    ]);
    expect(fn.securityGroups).toEqual([{ id: 'sg-09920178', ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, ipv4Ranges: ['0.0.0.0/0'], ipv6Ranges: [], sourceGroups: [], prefixLists: [] }] }]);
    expect(fn.logGroup).toEqual({ name: '/aws/lambda/invpclambda', exists: true, retentionInDays: 30, kmsKeyId: null });
    expect(fn.eventInvokeConfig).toEqual({ onFailureDestination: 'arn:aws:sqs:us-east-1:123456789012:failed', onSuccessDestination: null, maximumRetryAttempts: 1 });
    expect(fn.reservedConcurrency).toBe(5);
    expect(fn.environment).toEqual({ variableNames: [], secretHits: [], error: null });
  });

  it('reads the execution role with its managed and inline policies', async () => {
    iam.on(GetRoleCommand).resolves(loadApiResponse('iam.GetRole.trust-root-and-user-and-services.custodian.json'));
    iam.on(ListAttachedRolePoliciesCommand).resolves({
      AttachedPolicies: [...loadApiResponse('iam.ListAttachedRolePolicies.custodian.json').AttachedPolicies, { PolicyName: 'codebuild-policy', PolicyArn: 'arn:aws:iam::644160558196:policy/service-role/codebuild-policy' }],
    });
    iam.on(IamGetPolicyCommand).resolves(loadApiResponse('iam.GetPolicy.customer-managed.custodian.json'));
    iam.on(GetPolicyVersionCommand).resolves(loadApiResponse('iam.GetPolicyVersion.allow-star-star.custodian.json'));
    iam.on(ListRolePoliciesCommand).resolves(loadApiResponse('iam.ListRolePolicies.one-inline.custodian.json'));
    iam.on(GetRolePolicyCommand).resolves({ RoleName: 'CloudCustodianRole', PolicyName: 'oneClick_lambda_basic_execution_1466943062384', PolicyDocument: '%7B%7D' });
    const { fn } = await present();
    expect(iam).toHaveReceivedCommandWith(GetRoleCommand, { RoleName: 'CloudCustodianRole' });
    expect(fn.executionRole?.trustPolicy).toContain('edgelambda.amazonaws.com');
    expect(fn.executionRole?.policies.map((p) => [p.name, p.awsManaged, p.document === null])).toEqual([
      ['AdministratorAccess', true, true],
      ['IAMFullAccess', true, true],
      ['codebuild-policy', false, false],
      ['oneClick_lambda_basic_execution_1466943062384', false, false],
    ]);
  });

  it('collects trails with their Lambda data-event selectors from the home Region', async () => {
    trail.on(DescribeTrailsCommand).resolves({
      trailList: [{ Name: 'org', TrailARN: 'arn:aws:cloudtrail:us-east-1:644160558196:trail/org', HomeRegion: 'us-east-1', IsMultiRegionTrail: true }],
    });
    trail.on(GetEventSelectorsCommand).resolves({
      EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] }, { Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }],
    });
    trail.on(GetTrailStatusCommand).resolves({ IsLogging: true });
    const { fn } = await present();
    expect(fn.trails).toEqual([
      { name: 'org', arn: 'arn:aws:cloudtrail:us-east-1:644160558196:trail/org', homeRegion: 'us-east-1', multiRegion: true, isLogging: true, lambdaDataResources: ['arn:aws:lambda'], advancedSelectors: [] },
    ]);
  });

  it('reports denied trail selectors as a denied read (ERROR), never as "no selectors" (a false FAIL)', async () => {
    trail.on(DescribeTrailsCommand).resolves({ trailList: [{ Name: 'org', TrailARN: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org', HomeRegion: 'us-east-1', IsMultiRegionTrail: true }] });
    trail.on(GetEventSelectorsCommand).rejects(awsError('AccessDeniedException'));
    trail.on(GetTrailStatusCommand).resolves({ IsLogging: true });
    const { obs } = await present();
    expect(gapsOf(obs)).toEqual(['failed DescribeTrails/GetEventSelectors: trails']);
  });

  it('attributes denied reads to their commands and inputs, and still returns the snapshot', async () => {
    lambda.on(GetPolicyCommand).rejects(awsError('AccessDeniedException'));
    lambda.on(ListFunctionUrlConfigsCommand).rejects(awsError('AccessDeniedException'));
    const { obs } = await present();
    expect(gapsOf(obs)).toEqual(['failed GetPolicy: policy', 'failed ListFunctionUrlConfigs: functionUrls']);
    // Only the rules that read a failed input give ERROR: the function URL rules and the public-policy rule, not X-Ray.
    const verdicts = evaluateObservation(obs, lambdaFamily.rules, undefined, { accountId: '644160558196', now: NOW, params: { trustedAccountIds: [] } });
    expect(verdicts.filter((v) => v.status === 'ERROR').map((v) => v.ruleId).sort()).toEqual(['lambda-function-not-public', 'lambda-function-url-auth', 'lambda-function-url-cors']);
  });

  it('reports a deleted function as gone', async () => {
    lambda.on(GetFunctionConfigurationCommand).rejects(awsError('ResourceNotFoundException'));
    lambda.on(ListFunctionUrlConfigsCommand).rejects(awsError('ResourceNotFoundException'));
    lambda.on(ListTagsCommand).rejects(awsError('ResourceNotFoundException'));
    lambda.on(ListAliasesCommand).rejects(awsError('ResourceNotFoundException'));
    lambda.on(GetFunctionConcurrencyCommand).rejects(awsError('ResourceNotFoundException'));
    expect(await collector.collect(ref, clients())).toEqual({ state: 'gone', ref, observedAt: NOW.toISOString(), source: 'live' });
  });

  it('throws a CollectError when throttled past the SDK retries', async () => {
    lambda.on(ListTagsCommand).rejects(awsError('TooManyRequestsException'));
    await expect(collector.collect(ref, clients())).rejects.toBeInstanceOf(CollectError);
  });

  it('accepts qualified and partial-ARN ids and reads the unqualified function', async () => {
    const obs = await collector.collect({ ...ref, id: '644160558196:function:custodian-ec2-ssm-query:prod' }, clients());
    expect(obs.ref.id).toBe('custodian-ec2-ssm-query');
    expect(lambda).toHaveReceivedCommandWith(GetFunctionConfigurationCommand, { FunctionName: ARN });
  });

  it('lists functions across pages', async () => {
    lambda.on(ListFunctionsCommand).resolvesOnce({ Functions: [{ FunctionName: 'a' }], NextMarker: 'n' }).resolves(loadFixture('api-responses/lambda.ListFunctions.cloudmapper-demo.json'));
    const refs = await collector.list({ accountId: '123456789012', region: 'us-east-1', partition: 'aws' }, clients());
    expect(refs.map((r) => r.arn)).toEqual(['arn:aws:lambda:us-east-1:123456789012:function:a', 'arn:aws:lambda:us-east-1:123456789012:function:invpclambda']);
  });
});
