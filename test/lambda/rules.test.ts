import type { ResourceRef, RuleContext } from '../../shared/core';
import { evaluateObservation } from '../../shared/engine/evaluate';
import { normaliseFunction, type FunctionSideReads } from '../../shared/resources/lambda/normalise';
import type { CodeScanSnapshot, LambdaFunctionCodeSnapshot, LambdaFunctionSnapshot, LambdaLayerVersionSnapshot, TrailSelectorsSnapshot } from '../../shared/resources/lambda/types';
import {
  lambdaAsyncFailureHandling,
  lambdaEnvVarsCmk,
  lambdaExecRoleLeastPrivilege,
  lambdaFunctionNotPublic,
  lambdaFunctionTagged,
  lambdaFunctionUrlAuth,
  lambdaFunctionUrlCors,
  lambdaInVpc,
  lambdaInvokeDataEventsLogged,
  lambdaLayerNoSecrets,
  lambdaLogRetention,
  lambdaNoCrossAccountLayers,
  lambdaNoSecretsInCode,
  lambdaNoSecretsInEnv,
  lambdaSupportedRuntime,
  lambdaVpcMultiAz,
  lambdaVpcSgNoIngress,
  lambdaXrayActive,
} from '../../shared/rules/lambda';
import { RUNTIME_LIFECYCLE, SECURITY_HUB_SUPPORTED_RUNTIMES } from '../../shared/rules/lambda/runtimes';
import { loadApiResponse, loadFixture } from '../helpers/fixtures';

const ACCOUNT = '644160558196';
const ctx = (params: Record<string, unknown> = {}, now = '2026-03-01T00:00:00Z'): RuleContext => ({ accountId: ACCOUNT, now: new Date(now), params: { trustedAccountIds: [], ...params } });
const ref: ResourceRef = { kind: 'AWS::Lambda::Function', id: 'custodian-ec2-ssm-query', arn: `arn:aws:lambda:us-west-2:${ACCOUNT}:function:custodian-ec2-ssm-query`, accountId: ACCOUNT, region: 'us-west-2' };

const side = (over: Partial<FunctionSideReads> = {}): FunctionSideReads => ({
  policy: null,
  aliasPolicies: [],
  urlConfigs: [],
  tags: {},
  subnets: [],
  securityGroups: [],
  logGroup: null,
  executionRole: null,
  eventInvokeConfig: null,
  reservedConcurrency: null,
  trails: [],
  ...over,
});
/** The recorded custodian function (python3.7, CMK-encrypted environment, no VPC, PassThrough tracing). */
const fn = (over: Partial<FunctionSideReads> = {}, configuration: Record<string, unknown> = {}): LambdaFunctionSnapshot =>
  normaliseFunction({ ...loadApiResponse('lambda.GetFunction.env-kms.custodian.json').Configuration, ...configuration }, side(over));
const policyOf = (file: string) => loadApiResponse(file).Policy as string;
const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const FN_ARN = ref.arn;

describe('lambda-function-not-public', () => {
  it('passes a function without a resource policy (ResourceNotFoundException)', () => expect(lambdaFunctionNotPublic.evaluate(fn(), ctx(), ref).status).toBe('PASS'));
  it('fails the recorded Principal "*" policy, naming the statement', () => {
    const check = lambdaFunctionNotPublic.evaluate(fn({ policy: policyOf('lambda.GetPolicy.principal-star.custodian.json') }), ctx(), ref);
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0]).toMatchObject({ field: 'policy', statements: [{ index: 0, sid: 'oops' }] });
  });
  it('fails the recorded public-and-cross-account policy on its public statement only', () => {
    const check = lambdaFunctionNotPublic.evaluate(fn({ policy: policyOf('lambda.GetPolicy.public-and-cross-account.custodian.json') }), ctx(), ref);
    expect(check.evidence.flatMap((e) => e.statements ?? []).map((s) => s.sid)).toEqual(['PublicInvoke']);
  });
  it('passes service grants pinned by a source ARN or source account (recorded policies)', () => {
    expect(lambdaFunctionNotPublic.evaluate(fn({ policy: policyOf('lambda.GetPolicy.apigateway-sourcearn.custodian.json') }), ctx(), ref).status).toBe('PASS');
    expect(lambdaFunctionNotPublic.evaluate(fn({ policy: loadFixture('api-responses/lambda.GetPolicy.cloudmapper-demo.json').Policy }), ctx(), ref).status).toBe('PASS');
  });
  it('fails an s3.amazonaws.com grant without aws:SourceAccount (Security Hub), passes it with one', () => {
    const s3Only = doc({ Sid: 's3', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: FN_ARN, Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads' } } });
    const check = lambdaFunctionNotPublic.evaluate(fn({ policy: s3Only }), ctx(), ref);
    expect(check).toMatchObject({ status: 'FAIL', evidence: [{ value: 'confused-deputy', statements: [{ index: 0, sid: 's3' }] }] });
    const pinned = doc({ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: FN_ARN, Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads' }, StringEquals: { 'AWS:SourceAccount': ACCOUNT } } });
    expect(lambdaFunctionNotPublic.evaluate(fn({ policy: pinned }), ctx(), ref).status).toBe('PASS');
  });
  it('passes an unrestricted SNS grant by default and fails it in strict mode (recorded AddPermission statement)', () => {
    const statement = JSON.parse(loadFixture('cloudtrail/lambda-AddPermission20150331v2-sns.elastic.json').responseElements.statement);
    const f = fn({ policy: doc(statement) });
    expect(lambdaFunctionNotPublic.evaluate(f, ctx(), ref).status).toBe('PASS');
    expect(lambdaFunctionNotPublic.evaluate(f, ctx({ strictServicePrincipals: true }), ref).status).toBe('FAIL');
  });
  it('fails an InvokeFunctionUrl grant to "*" with FunctionUrlAuthType NONE', () => {
    const url = doc({ Sid: 'FunctionURLAllowPublicAccess', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunctionUrl', Resource: FN_ARN, Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } } });
    expect(lambdaFunctionNotPublic.evaluate(fn({ policy: url }), ctx(), ref).status).toBe('FAIL');
  });
  it('passes a "*" grant restricted to the organisation, and fails a public alias policy', () => {
    const org = doc({ Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: FN_ARN, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } });
    expect(lambdaFunctionNotPublic.evaluate(fn({ policy: org }), ctx(), ref).status).toBe('PASS');
    const check = lambdaFunctionNotPublic.evaluate(fn({ policy: org, aliasPolicies: [{ qualifier: 'live', policy: policyOf('lambda.GetPolicy.principal-star.custodian.json') }] }), ctx(), ref);
    expect(check).toMatchObject({ status: 'FAIL', evidence: [{ field: 'aliasPolicies', message: expect.stringMatching(/^alias live policy/) }] });
  });
});

describe('lambda-supported-runtime', () => {
  it('fails the recorded python3.7 function (deprecated 2023-12-04)', () => {
    expect(lambdaSupportedRuntime.evaluate(fn(), ctx(), ref)).toMatchObject({ status: 'FAIL', message: expect.stringContaining('deprecated since 2023-12-04') });
  });
  it('uses ctx.now: nodejs20.x passes before 2026-04-30 (with a warning) and fails on that day', () => {
    const node20 = fn({}, { Runtime: 'nodejs20.x' });
    const before = lambdaSupportedRuntime.evaluate(node20, ctx({}, '2026-04-29T23:59:59Z'), ref);
    expect(before).toMatchObject({ status: 'PASS', message: expect.stringContaining('deprecation in 1 day(s)') });
    expect(lambdaSupportedRuntime.evaluate(node20, ctx({}, '2026-04-30T00:00:00Z'), ref).status).toBe('FAIL');
  });
  it('passes a current runtime', () => expect(lambdaSupportedRuntime.evaluate(fn({}, { Runtime: 'python3.13' }), ctx(), ref).status).toBe('PASS'));
  it('fails an unknown runtime and, like Security Hub, the OS-only runtime unless allowed', () => {
    expect(lambdaSupportedRuntime.evaluate(fn({}, { Runtime: 'cobol85' }), ctx(), ref).status).toBe('FAIL');
    const custom = fn({}, { Runtime: 'provided.al2023' });
    expect(lambdaSupportedRuntime.evaluate(custom, ctx(), ref).status).toBe('FAIL');
    expect(lambdaSupportedRuntime.evaluate(custom, ctx({ allowOsOnlyRuntimes: true }), ref).status).toBe('PASS');
  });
  it('is not applicable to container images', () => expect(lambdaSupportedRuntime.evaluate(fn({}, { PackageType: 'Image', Runtime: undefined }), ctx(), ref).status).toBe('NOT_APPLICABLE'));
  it('keeps the runtime data consistent: every Security Hub runtime has a date in the table', () => {
    for (const runtime of SECURITY_HUB_SUPPORTED_RUNTIMES) expect(RUNTIME_LIFECYCLE[runtime]?.deprecatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

const vpcFn = (subnets: [string, string | null][], over: Partial<FunctionSideReads> = {}) =>
  fn(
    { subnets: subnets.filter(([, az]) => az).map(([id, az]) => ({ SubnetId: id, AvailabilityZone: az })), ...over },
    { VpcConfig: { SubnetIds: subnets.map(([id]) => id), SecurityGroupIds: ['sg-1'], VpcId: 'vpc-1' } },
  );

describe('lambda-in-vpc and lambda-vpc-multi-az', () => {
  it('fails a function outside a VPC (recorded) and passes one inside', () => {
    expect(lambdaInVpc.evaluate(fn(), ctx(), ref).status).toBe('FAIL');
    expect(lambdaInVpc.evaluate(vpcFn([['subnet-a', 'us-west-2a']]), ctx(), ref).status).toBe('PASS');
  });
  it('is not applicable to a Lambda@Edge function (recorded role trusting edgelambda.amazonaws.com)', () => {
    const trustPolicy = loadApiResponse('iam.GetRole.trust-root-and-user-and-services.custodian.json').Role.AssumeRolePolicyDocument;
    const edge = fn({ executionRole: { arn: 'arn:aws:iam::644160558196:role/CloudCustodianRole', name: 'CloudCustodianRole', trustPolicy, policies: [] } });
    expect(lambdaInVpc.evaluate(edge, ctx(), ref).status).toBe('NOT_APPLICABLE');
  });
  it('multi-AZ: N/A outside a VPC, FAIL with one zone, PASS with two, and honours availabilityZones', () => {
    expect(lambdaVpcMultiAz.evaluate(fn(), ctx(), ref).status).toBe('NOT_APPLICABLE');
    expect(lambdaVpcMultiAz.evaluate(vpcFn([['subnet-a', 'us-west-2a'], ['subnet-b', 'us-west-2a']]), ctx(), ref).status).toBe('FAIL');
    const two = vpcFn([['subnet-a', 'us-west-2a'], ['subnet-b', 'us-west-2b']]);
    expect(lambdaVpcMultiAz.evaluate(two, ctx(), ref).status).toBe('PASS');
    expect(lambdaVpcMultiAz.evaluate(two, ctx({ availabilityZones: 3 }), ref).status).toBe('FAIL');
  });
  it('multi-AZ: does not count subnets whose zone is unknown', () => {
    const check = lambdaVpcMultiAz.evaluate(vpcFn([['subnet-a', 'us-west-2a'], ['subnet-gone', null]]), ctx(), ref);
    expect(check).toMatchObject({ status: 'FAIL', evidence: [{}, { value: ['subnet-gone'] }] });
  });
});

describe('lambda-function-tagged and lambda-xray-active', () => {
  it('passes the recorded tags, fails none and a missing required key', () => {
    const tagged = fn({ tags: loadApiResponse('lambda.GetFunction.env-kms.custodian.json').Tags });
    expect(lambdaFunctionTagged.evaluate(tagged, ctx(), ref).status).toBe('PASS');
    expect(lambdaFunctionTagged.evaluate(fn(), ctx(), ref).status).toBe('FAIL');
    expect(lambdaFunctionTagged.evaluate(tagged, ctx({ requiredTagKeys: ['owner'] }), ref).status).toBe('FAIL');
  });
  it('fails PassThrough tracing (recorded) and passes Active', () => {
    expect(lambdaXrayActive.evaluate(normaliseFunction(loadApiResponse('lambda.GetFunctionConfiguration.tracing-passthrough.custodian.json'), side()), ctx(), ref).status).toBe('FAIL');
    expect(lambdaXrayActive.evaluate(fn({}, { TracingConfig: { Mode: 'Active' } }), ctx(), ref).status).toBe('PASS');
  });
});

describe('lambda-function-url-auth and lambda-function-url-cors', () => {
  const iamUrl = loadApiResponse('lambda.GetFunctionUrlConfig.aws-iam.custodian.json');
  const noneUrl = { ...loadFixture('api-responses/lambda.GetFunctionUrlConfig.authtype-none.localstack-snapshot.json'), FunctionArn: FN_ARN };
  it('is not applicable without a URL', () => {
    expect(lambdaFunctionUrlAuth.evaluate(fn(), ctx(), ref).status).toBe('NOT_APPLICABLE');
    expect(lambdaFunctionUrlCors.evaluate(fn(), ctx(), ref).status).toBe('NOT_APPLICABLE');
  });
  it('passes an AWS_IAM URL (recorded) and fails an AuthType NONE URL (recorded)', () => {
    expect(lambdaFunctionUrlAuth.evaluate(fn({ urlConfigs: [iamUrl] }), ctx(), ref).status).toBe('PASS');
    const check = lambdaFunctionUrlAuth.evaluate(fn({ urlConfigs: [iamUrl, { ...noneUrl, FunctionArn: `${FN_ARN}:live` }] }), ctx(), ref);
    expect(check).toMatchObject({ status: 'FAIL', evidence: [{ message: expect.stringMatching(/^URL of alias live .*auth type NONE$/), value: 'live' }] });
  });
  it('passes an allow-listed public endpoint', () => {
    expect(lambdaFunctionUrlAuth.evaluate(fn({ urlConfigs: [noneUrl] }), ctx({ publicFunctionUrlAllowList: ['custodian-ec2-ssm-query'] }), ref).status).toBe('PASS');
  });
  it('CORS: fails "*" origins (worse with credentials) and passes named origins', () => {
    const wildcard = lambdaFunctionUrlCors.evaluate(fn({ urlConfigs: [{ ...iamUrl, Cors: { AllowOrigins: ['*'], AllowCredentials: true } }] }), ctx(), ref);
    expect(wildcard).toMatchObject({ status: 'FAIL', message: expect.stringContaining('with credentials') });
    expect(lambdaFunctionUrlCors.evaluate(fn({ urlConfigs: [{ ...iamUrl, Cors: { AllowOrigins: ['https://app.example.com'] } }] }), ctx(), ref).status).toBe('PASS');
  });
});

describe('lambda-no-secrets-in-env and lambda-env-vars-cmk', () => {
  const withEnv = (variables: Record<string, string>, kms: string | null = null) => fn({}, { Environment: { Variables: variables }, KMSKeyArn: kms ?? undefined });
  it('passes the recorded environment (booleans only)', () => expect(lambdaNoSecretsInEnv.evaluate(fn(), ctx(), ref).status).toBe('PASS'));
  it('fails with variable names, detectors and hashes, never values', () => {
    const password = ['hunter', '2-prod'].join('');
    const check = lambdaNoSecretsInEnv.evaluate(withEnv({ DB_PASSWORD: password, STAGE: 'prod', DB_SECRET_ARN: 'arn:aws:secretsmanager:us-west-2:644160558196:secret:db-Ab12Cd' }), ctx(), ref);
    expect(check.status).toBe('FAIL');
    expect(check.message).toContain('DB_PASSWORD');
    expect(check.evidence).toEqual([{ message: expect.stringMatching(/^DB_PASSWORD: name contains "password"/), field: 'environment.variables.DB_PASSWORD', value: { detector: 'key-name', sha256Prefix: expect.stringMatching(/^[0-9a-f]{12}$/) } }]);
    expect(JSON.stringify(check)).not.toContain(password);
  });
  it('is not applicable without variables', () => expect(lambdaNoSecretsInEnv.evaluate(fn({}, { Environment: undefined }), ctx(), ref).status).toBe('NOT_APPLICABLE'));
  it('gives INSUFFICIENT_DATA (through the engine) when the environment was not observed, ERROR when Lambda could not decrypt it', () => {
    const unobserved = { ...fn(), environment: null };
    const undecryptable = fn({}, { Environment: { Error: { ErrorCode: 'KMSAccessDeniedException', Message: 'denied' } } });
    const statusOf = (config: unknown) =>
      evaluateObservation({ state: 'present', ref, config, gaps: [], observedAt: '2026-03-01T00:00:00Z', source: 'config' }, [lambdaNoSecretsInEnv], undefined, ctx())[0]!.status;
    expect([statusOf(unobserved), statusOf(undecryptable)]).toEqual(['INSUFFICIENT_DATA', 'ERROR']);
  });
  it('env CMK: passes the recorded CMK, fails the AWS managed key, N/A without variables, ERROR when unobserved without a CMK', () => {
    expect(lambdaEnvVarsCmk.evaluate(fn(), ctx(), ref).status).toBe('PASS');
    expect(lambdaEnvVarsCmk.evaluate(withEnv({ STAGE: 'prod' }), ctx(), ref).status).toBe('FAIL');
    expect(lambdaEnvVarsCmk.evaluate(fn({}, { Environment: undefined, KMSKeyArn: undefined }), ctx(), ref).status).toBe('NOT_APPLICABLE');
    expect(lambdaEnvVarsCmk.evaluate({ ...fn(), environment: null }, ctx(), ref).status).toBe('PASS');
    expect(() => lambdaEnvVarsCmk.evaluate({ ...fn({}, { KMSKeyArn: undefined }), environment: null }, ctx(), ref)).toThrow(/not observed/);
  });
});

const scan = (hits: CodeScanSnapshot['hits'], state: CodeScanSnapshot['state'] = 'scanned'): CodeScanSnapshot => ({ state, reason: state === 'skipped' ? 'container image package' : null, filesScanned: 3, hits });
const hit = { file: 'app.py', line: 4, detector: 'aws-access-key-id' as const, reason: 'value contains an AWS access key id', sha256Prefix: '0123456789ab' };

describe('lambda-no-secrets-in-code and lambda-layer-no-secrets', () => {
  const code = (s: CodeScanSnapshot): LambdaFunctionCodeSnapshot => ({ name: 'f', arn: FN_ARN, packageType: 'Zip', codeSha256: 'x', scan: s });
  const layer = (s: CodeScanSnapshot): LambdaLayerVersionSnapshot => ({ arn: 'arn:aws:lambda:us-west-2:644160558196:layer:utils:3', layerName: 'utils', version: 3, codeSha256: 'x', scan: s });
  it('pass a clean scan, fail a hit with file and line, and are N/A when the scan was skipped', () => {
    expect(lambdaNoSecretsInCode.evaluate(code(scan([])), ctx(), ref).status).toBe('PASS');
    expect(lambdaNoSecretsInCode.evaluate(code(scan([hit])), ctx(), ref)).toMatchObject({ status: 'FAIL', evidence: [{ message: expect.stringMatching(/^app\.py:4: /) }] });
    expect(lambdaNoSecretsInCode.evaluate(code(scan([], 'skipped')), ctx(), ref).status).toBe('NOT_APPLICABLE');
    expect(lambdaLayerNoSecrets.evaluate(layer(scan([])), ctx(), ref).status).toBe('PASS');
    expect(lambdaLayerNoSecrets.evaluate(layer(scan([hit])), ctx(), ref).message).toMatch(/^layer utils:3: 1 possible secret/);
  });
});

describe('lambda-no-cross-account-layers', () => {
  it('passes the recorded same-account layer and fails a foreign one unless trusted', () => {
    const own = normaliseFunction(loadApiResponse('lambda.GetFunctionConfiguration.pending-layers.custodian.json'), side());
    expect(lambdaNoCrossAccountLayers.evaluate(own, ctx(), ref).status).toBe('PASS');
    const foreign = fn({}, { Layers: [{ Arn: 'arn:aws:lambda:us-west-2:017000801446:layer:AWSLambdaPowertoolsPythonV2:59' }] });
    expect(lambdaNoCrossAccountLayers.evaluate(foreign, ctx(), ref)).toMatchObject({ status: 'FAIL', evidence: [{ value: 'arn:aws:lambda:us-west-2:017000801446:layer:AWSLambdaPowertoolsPythonV2:59' }] });
    expect(lambdaNoCrossAccountLayers.evaluate(foreign, ctx({ trustedLayerAccountIds: ['017000801446'] }), ref).status).toBe('PASS');
    expect(lambdaNoCrossAccountLayers.evaluate(fn(), ctx(), ref).status).toBe('NOT_APPLICABLE');
  });
});

describe('lambda-async-failure-handling', () => {
  it('fails without DLQ or destination, passes with either', () => {
    expect(lambdaAsyncFailureHandling.evaluate(fn(), ctx(), ref).status).toBe('FAIL');
    expect(lambdaAsyncFailureHandling.evaluate(fn({}, { DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-west-2:644160558196:dlq' } }), ctx(), ref).status).toBe('PASS');
    expect(lambdaAsyncFailureHandling.evaluate(fn({ eventInvokeConfig: { DestinationConfig: { OnFailure: { Destination: 'arn:aws:sns:us-west-2:644160558196:failed' } } } }), ctx(), ref).status).toBe('PASS');
  });
});

describe('lambda-invoke-data-events-logged', () => {
  const trail = (over: Partial<TrailSelectorsSnapshot>): TrailSelectorsSnapshot => ({ name: 't', arn: 'arn:aws:cloudtrail:us-east-1:644160558196:trail/t', homeRegion: 'us-east-1', multiRegion: true, isLogging: true, lambdaDataResources: [], advancedSelectors: [], ...over });
  const field = (f: string, equals: string[] = [], extra: Record<string, string[]> = {}) => ({ field: f, equals, notEquals: [], startsWith: [], notStartsWith: [], endsWith: [], notEndsWith: [], ...extra });
  it('passes a multi-Region trail with the basic all-functions selector, fails without trails', () => {
    expect(lambdaInvokeDataEventsLogged.evaluate(fn({ trails: [trail({ lambdaDataResources: ['arn:aws:lambda'] })] }), ctx(), ref).status).toBe('PASS');
    expect(lambdaInvokeDataEventsLogged.evaluate(fn(), ctx(), ref).status).toBe('FAIL');
  });
  it('ignores trails that are stopped or single-Region elsewhere', () => {
    expect(lambdaInvokeDataEventsLogged.evaluate(fn({ trails: [trail({ lambdaDataResources: ['arn:aws:lambda'], isLogging: false })] }), ctx(), ref).status).toBe('FAIL');
    expect(lambdaInvokeDataEventsLogged.evaluate(fn({ trails: [trail({ lambdaDataResources: ['arn:aws:lambda'], multiRegion: false })] }), ctx(), ref).status).toBe('FAIL');
  });
  it('honours advanced selectors, including an ARN exclusion', () => {
    const lambdaData = [field('eventCategory', ['Data']), field('resources.type', ['AWS::Lambda::Function'])];
    expect(lambdaInvokeDataEventsLogged.evaluate(fn({ trails: [trail({ advancedSelectors: [{ name: 'l', fieldSelectors: lambdaData }] })] }), ctx(), ref).status).toBe('PASS');
    const excluded = [...lambdaData, field('resources.ARN', [], { notStartsWith: [FN_ARN] })];
    expect(lambdaInvokeDataEventsLogged.evaluate(fn({ trails: [trail({ advancedSelectors: [{ name: 'l', fieldSelectors: excluded }] })] }), ctx(), ref).status).toBe('FAIL');
    const readOnly = [...lambdaData, field('readOnly', ['true'])];
    expect(lambdaInvokeDataEventsLogged.evaluate(fn({ trails: [trail({ advancedSelectors: [{ name: 'l', fieldSelectors: readOnly }] })] }), ctx(), ref).status).toBe('FAIL');
  });
});

describe('lambda-exec-role-least-privilege', () => {
  const role = (policies: NonNullable<LambdaFunctionSnapshot['executionRole']>['policies']) => fn({ executionRole: { arn: 'arn:aws:iam::644160558196:role/r', name: 'r', trustPolicy: null, policies } });
  it('fails the recorded AdministratorAccess / IAMFullAccess attachments', () => {
    const attached = loadApiResponse('iam.ListAttachedRolePolicies.custodian.json').AttachedPolicies as { PolicyName: string; PolicyArn: string }[];
    const check = lambdaExecRoleLeastPrivilege.evaluate(role(attached.map((p) => ({ name: p.PolicyName, arn: p.PolicyArn, awsManaged: true, document: null }))), ctx(), ref);
    expect(check.status).toBe('FAIL');
    expect(check.evidence.map((e) => e.message)).toEqual(['AWS managed policy IAMFullAccess is attached', 'AWS managed policy AdministratorAccess is attached']);
  });
  it('fails the recorded Allow */* customer managed policy (URL-encoded) as administrator', () => {
    const document = loadApiResponse('iam.GetPolicyVersion.allow-star-star.custodian.json').PolicyVersion.Document;
    const check = lambdaExecRoleLeastPrivilege.evaluate(role([{ name: 'everything', arn: 'arn:aws:iam::644160558196:policy/everything', awsManaged: false, document }]), ctx(), ref);
    expect(check).toMatchObject({ status: 'FAIL', evidence: [{ message: expect.stringMatching(/administrator access/), statements: [{ index: 0, sid: 'Everything' }] }] });
  });
  it('fails a service-wide wildcard action on a single resource, passes named actions', () => {
    const wildcard = doc({ Effect: 'Allow', Action: 'dynamodb:*', Resource: 'arn:aws:dynamodb:us-west-2:644160558196:table/orders' });
    expect(lambdaExecRoleLeastPrivilege.evaluate(role([{ name: 'ddb', arn: null, awsManaged: false, document: wildcard }]), ctx(), ref).evidence[0]!.message).toBe('inline policy ddb allows wildcard actions dynamodb:*');
    const named = doc({ Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem'], Resource: 'arn:aws:dynamodb:us-west-2:644160558196:table/orders' });
    const basic = { name: 'AWSLambdaBasicExecutionRole', arn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', awsManaged: true, document: null };
    expect(lambdaExecRoleLeastPrivilege.evaluate(role([basic, { name: 'ddb', arn: null, awsManaged: false, document: named }]), ctx(), ref).status).toBe('PASS');
  });
  it('is not applicable when the role does not exist', () => expect(lambdaExecRoleLeastPrivilege.evaluate(fn(), ctx(), ref).status).toBe('NOT_APPLICABLE'));
});

describe('lambda-log-retention', () => {
  it('is N/A before the group exists, fails "never expire", passes a retention, honours the parameters', () => {
    expect(lambdaLogRetention.evaluate(fn(), ctx(), ref).status).toBe('NOT_APPLICABLE');
    expect(lambdaLogRetention.evaluate(fn({ logGroup: { logGroupName: '/aws/lambda/custodian-ec2-ssm-query' } }), ctx(), ref).status).toBe('FAIL');
    const thirty = fn({ logGroup: { logGroupName: '/aws/lambda/custodian-ec2-ssm-query', retentionInDays: 30 } });
    expect(lambdaLogRetention.evaluate(thirty, ctx(), ref).status).toBe('PASS');
    expect(lambdaLogRetention.evaluate(thirty, ctx({ minRetentionDays: 90 }), ref).status).toBe('FAIL');
    expect(lambdaLogRetention.evaluate(thirty, ctx({ requireLogGroupKms: true }), ref).status).toBe('FAIL');
  });
});

describe('lambda-vpc-sg-no-ingress', () => {
  const group = (cidr: string) => ({ GroupId: 'sg-1', IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: cidr }] }] });
  it('is N/A outside a VPC, fails 0.0.0.0/0 ingress, passes a private range', () => {
    expect(lambdaVpcSgNoIngress.evaluate(fn(), ctx(), ref).status).toBe('NOT_APPLICABLE');
    expect(lambdaVpcSgNoIngress.evaluate(vpcFn([['subnet-a', 'us-west-2a']], { securityGroups: [group('0.0.0.0/0')] }), ctx(), ref)).toMatchObject({
      status: 'FAIL',
      evidence: [{ message: 'sg-1 allows all traffic from 0.0.0.0/0' }],
    });
    expect(lambdaVpcSgNoIngress.evaluate(vpcFn([['subnet-a', 'us-west-2a']], { securityGroups: [group('10.0.0.0/8')] }), ctx(), ref).status).toBe('PASS');
  });
});
