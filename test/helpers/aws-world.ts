/**
 * A small AWS account behind aws-sdk-client-mock, for tests that run the live collectors of every family end to end:
 * each SDK client class Vigil uses answers every command its collectors send, with recorded shapes from
 * test/fixtures/api-responses/ where they exist. The answers are rich on purpose: every read that leads to further reads
 * finds something (a function with a URL config, a VPC, layers and an execution role with inline and customer-managed
 * policies; a REST API with stages, methods and a custom domain; a bucket with replication, objects and every setting;
 * users in groups with keys; a table with indexes, a stream, a CMK and a backup plan), so every read is sent.
 *
 * The account is public in places (a bucket ACL granting AllUsers, a public function policy): tests that need a clean
 * account override single commands with `stub.on(Command)`.
 */
import { AccessAnalyzerClient, GetAnalyzerCommand, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
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
import { ApplicationAutoScalingClient, DescribeScalableTargetsCommand, DescribeScalingPoliciesCommand } from '@aws-sdk/client-application-auto-scaling';
import {
  BackupClient,
  DescribeBackupVaultCommand,
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  ListBackupPlansCommand,
  ListBackupSelectionsCommand,
} from '@aws-sdk/client-backup';
import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DAXClient, DescribeClustersCommand, ListTagsCommand as ListDaxTagsCommand } from '@aws-sdk/client-dax';
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetResourcePolicyCommand,
  ListTablesCommand,
  ListTagsOfResourceCommand,
} from '@aws-sdk/client-dynamodb';
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  GenerateCredentialReportCommand,
  GenerateServiceLastAccessedDetailsCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetGroupCommand,
  GetGroupPolicyCommand,
  GetLoginProfileCommand,
  GetPolicyCommand as GetIamPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetServerCertificateCommand,
  GetServiceLastAccessedDetailsCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListGroupPoliciesCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  ListMFADevicesCommand,
  ListOpenIDConnectProvidersCommand,
  ListOrganizationsFeaturesCommand,
  ListPoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListSAMLProvidersCommand,
  ListServerCertificatesCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  GetFunctionConfigurationCommand,
  GetFunctionEventInvokeConfigCommand,
  GetLayerVersionCommand,
  GetPolicyCommand as GetLambdaPolicyCommand,
  LambdaClient,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListFunctionUrlConfigsCommand,
  ListLayersCommand,
  ListTagsCommand as ListLambdaTagsCommand,
} from '@aws-sdk/client-lambda';
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketNotificationConfigurationCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetBucketWebsiteCommand,
  GetObjectAclCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  ListDirectoryBucketsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  GetAccessPointCommand,
  GetMultiRegionAccessPointCommand,
  GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand,
  ListAccessPointsCommand,
  ListMultiRegionAccessPointsCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { GetWebACLForResourceCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { mockClient, type AwsStub } from 'aws-sdk-client-mock';
import { sdkResponse } from './fixtures';

export const WORLD_ACCOUNT = '111122223333';
export const WORLD_REGION = 'us-east-1';
const ACCOUNT = WORLD_ACCOUNT;
const REGION = WORLD_REGION;

export const WORLD = {
  bucket: 'vigil-reports',
  replicaBucket: 'vigil-reports-replica',
  directoryBucket: 'vigil-logs--use1-az4--x-s3',
  accessPoint: 'reports-ap',
  multiRegionAccessPoint: 'reports-global',
  trailArn: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/management`,
  user: 'alice',
  group: 'admins',
  role: 'deployer',
  customerPolicyArn: `arn:aws:iam::${ACCOUNT}:policy/deploy-policy`,
  serverCertificate: 'legacy-cert',
  analyzer: 'account-analyzer',
  table: 'orders',
  daxCluster: 'orders-cache',
  restApiId: '6l7usy5kjh',
  httpApiId: 'a1b4gsuyib',
  domainName: 'api.example.com',
  function: 'reports-export',
  layerArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:layer:shared-libs:3`,
} as const;

/** Every SDK client class the collectors use, by the name tests report it under. */
export const WORLD_CLIENTS = {
  AccessAnalyzer: AccessAnalyzerClient,
  APIGateway: APIGatewayClient,
  ApiGatewayV2: ApiGatewayV2Client,
  ApplicationAutoScaling: ApplicationAutoScalingClient,
  Backup: BackupClient,
  CloudTrail: CloudTrailClient,
  CloudWatchLogs: CloudWatchLogsClient,
  DAX: DAXClient,
  DynamoDB: DynamoDBClient,
  EC2: EC2Client,
  IAM: IAMClient,
  KMS: KMSClient,
  Lambda: LambdaClient,
  S3: S3Client,
  S3Control: S3ControlClient,
  WAFV2: WAFV2Client,
} as const;
export type WorldClient = keyof typeof WORLD_CLIENTS;

/** One command a collector sent: the client it went through, the command's class name (`GetBucketAclCommand`) and input. */
export interface SentCommand {
  readonly client: WorldClient;
  readonly command: string;
  readonly input: Record<string, unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one stub per client class, of different command types
type AnyStub = AwsStub<any, any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- SDK command classes of every client
type CommandClass = abstract new (input: any) => { readonly input: unknown };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are SDK output shapes of many commands
type Answer = (input: any) => unknown;

/** What a test may do to one call before it is answered: return an error to make the call fail with it. */
export type FaultInjector = (call: SentCommand) => Error | undefined;

export interface AwsWorld {
  readonly stubs: { readonly [K in WorldClient]: AnyStub };
  /** Replaces the answer of one command (the fault injector still applies). */
  answer(client: WorldClient, command: CommandClass, answer: Answer): void;
  /** Consulted before every answer; undefined (the default) answers every call. */
  fault: FaultInjector | undefined;
  /** Commands sent since the last `clearHistory`, grouped by client (in order within a client). */
  sent(): SentCommand[];
  clearHistory(): void;
  /** Re-installs the default answers (after a test overrode some) and removes the fault injector. */
  reset(): void;
  restore(): void;
}

/** How installAnswers registers answers: `on(Command)` with a fixed or computed answer, as aws-sdk-client-mock spells it. */
interface Registrar {
  on(command: CommandClass): { resolves(value: unknown): void; callsFake(answer: Answer): void };
}

const policy = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const iamDocument = (statements: unknown[]) => encodeURIComponent(policy(statements));
const CREATED = new Date('2024-03-01T00:00:00Z');
const USED = new Date('2024-05-20T08:00:00Z');

const CREDENTIAL_REPORT = [
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
  `<root_account>,arn:aws:iam::${ACCOUNT}:root,2020-01-01T00:00:00+00:00,not_supported,2024-05-01T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
  `alice,arn:aws:iam::${ACCOUNT}:user/alice,2024-03-01T00:00:00+00:00,true,2024-05-20T08:00:00+00:00,2024-03-01T00:00:00+00:00,N/A,true,true,2024-03-01T00:00:00+00:00,2024-05-20T08:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
].join('\n');

/** The default answer of every command the collectors send. */
const installAnswers = (stubs: Record<WorldClient, Registrar>): void => {
  const { S3, S3Control, CloudTrail, IAM, AccessAnalyzer, DynamoDB, ApplicationAutoScaling, Backup, KMS, DAX, APIGateway, ApiGatewayV2, WAFV2, Lambda, CloudWatchLogs, EC2 } = stubs;

  // ── S3 ────────────────────────────────────────────────────────────────────────────────────────────────────────────────
  // The listing names the bucket; a Prefix lookup (predictable service bucket names) finds none of ours, so HeadBucket runs.
  S3.on(ListBucketsCommand).callsFake((input: { Prefix?: string }) => ({ Buckets: input.Prefix ? [] : [{ Name: WORLD.bucket, BucketRegion: REGION }] }));
  S3.on(GetBucketLocationCommand).resolves({});
  S3.on(GetPublicAccessBlockCommand).resolves(sdkResponse('s3.GetPublicAccessBlock.all-false.custodian.json'));
  S3.on(GetBucketAclCommand).resolves(sdkResponse('s3.GetBucketAcl.AllUsers-WRITE.custodian.json'));
  S3.on(GetBucketOwnershipControlsCommand).resolves({ OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } });
  S3.on(GetBucketPolicyCommand).resolves(sdkResponse('s3.GetBucketPolicy.two-statements.custodian.json'));
  S3.on(GetBucketPolicyStatusCommand).resolves({ PolicyStatus: { IsPublic: false } });
  S3.on(GetBucketEncryptionCommand).resolves(sdkResponse('s3.GetBucketEncryption.kms-key-arn.custodian.json'));
  S3.on(GetBucketVersioningCommand).resolves(sdkResponse('s3.GetBucketVersioning.Enabled.custodian.json'));
  S3.on(GetBucketLifecycleConfigurationCommand).resolves({ Rules: [{ ID: 'expire-old', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: 365 } }] });
  S3.on(GetBucketLoggingCommand).resolves(sdkResponse('s3.GetBucketLogging.enabled.custodian.json'));
  S3.on(GetBucketNotificationConfigurationCommand).resolves({ EventBridgeConfiguration: {} });
  S3.on(GetObjectLockConfigurationCommand).resolves({ ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } });
  S3.on(GetBucketReplicationCommand).resolves({
    ReplicationConfiguration: { Role: `arn:aws:iam::${ACCOUNT}:role/replication`, Rules: [{ ID: 'all', Status: 'Enabled', Priority: 1, Filter: {}, Destination: { Bucket: `arn:aws:s3:::${WORLD.replicaBucket}` } }] },
  });
  S3.on(GetBucketTaggingCommand).resolves({ TagSet: [{ Key: 'team', Value: 'security' }] });
  S3.on(GetBucketWebsiteCommand).resolves({ IndexDocument: { Suffix: 'index.html' } });
  S3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'exports/2024-05.csv', Size: 10 }], KeyCount: 1 });
  S3.on(GetObjectAclCommand).resolves(sdkResponse('s3.GetBucketAcl.owner-only.custodian.json'));
  S3.on(HeadBucketCommand).resolves({});
  S3.on(ListDirectoryBucketsCommand).resolves({ Buckets: [{ Name: WORLD.directoryBucket }] });
  S3Control.on(GetAccountPublicAccessBlockCommand).resolves(sdkResponse('s3control.GetPublicAccessBlock.account-partial.custodian.json'));
  S3Control.on(ListAccessPointsCommand).resolves({ AccessPointList: [{ Name: WORLD.accessPoint, Bucket: WORLD.bucket, NetworkOrigin: 'Internet' }] });
  S3Control.on(GetAccessPointCommand).resolves({
    Name: WORLD.accessPoint,
    Bucket: WORLD.bucket,
    BucketAccountId: ACCOUNT,
    NetworkOrigin: 'Internet',
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
  });
  S3Control.on(ListMultiRegionAccessPointsCommand).resolves({ AccessPoints: [{ Name: WORLD.multiRegionAccessPoint }] });
  S3Control.on(GetMultiRegionAccessPointCommand).resolves({
    AccessPoint: {
      Name: WORLD.multiRegionAccessPoint,
      Alias: 'mfzwi23gnjvgw.mrap',
      Status: 'READY',
      PublicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      Regions: [{ Bucket: WORLD.bucket, Region: REGION }],
    },
  });

  // ── CloudTrail (S3.22/S3.23 and the Lambda data-event rule) ─────────────────────────────────────────────────────────────
  CloudTrail.on(DescribeTrailsCommand).resolves({
    trailList: [{ Name: 'management', TrailARN: WORLD.trailArn, HomeRegion: REGION, IsMultiRegionTrail: true, IsOrganizationTrail: false }],
  });
  CloudTrail.on(GetEventSelectorsCommand).resolves({
    TrailARN: WORLD.trailArn,
    AdvancedEventSelectors: [
      {
        Name: 'data events',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
        ],
      },
    ],
  });
  CloudTrail.on(GetTrailStatusCommand).resolves({ IsLogging: true });

  // ── IAM ───────────────────────────────────────────────────────────────────────────────────────────────────────────────
  const userArn = `arn:aws:iam::${ACCOUNT}:user/${WORLD.user}`;
  const roleArn = `arn:aws:iam::${ACCOUNT}:role/${WORLD.role}`;
  const admin = { PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' };
  const customer = { PolicyName: 'deploy-policy', PolicyArn: WORLD.customerPolicyArn };
  const inlineDocument = iamDocument([{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }]);
  IAM.on(ListUsersCommand).resolves({ Users: [{ UserName: WORLD.user, Arn: userArn, UserId: 'AIDAEXAMPLEALICE', Path: '/', CreateDate: CREATED }] });
  IAM.on(GetUserCommand).resolves({ User: { UserName: WORLD.user, Arn: userArn, UserId: 'AIDAEXAMPLEALICE', Path: '/', CreateDate: CREATED, PasswordLastUsed: USED, Tags: [{ Key: 'team', Value: 'ops' }] } });
  IAM.on(ListUserPoliciesCommand).resolves({ PolicyNames: ['pass-anything'], IsTruncated: false });
  IAM.on(ListAttachedUserPoliciesCommand).resolves({ AttachedPolicies: [customer], IsTruncated: false });
  IAM.on(ListGroupsForUserCommand).resolves({ Groups: [{ GroupName: WORLD.group, Arn: `arn:aws:iam::${ACCOUNT}:group/${WORLD.group}`, GroupId: 'AGPAEXAMPLE', Path: '/', CreateDate: CREATED }] });
  IAM.on(GetLoginProfileCommand).resolves({ LoginProfile: { UserName: WORLD.user, CreateDate: CREATED } });
  IAM.on(ListMFADevicesCommand).resolves({ MFADevices: [{ UserName: WORLD.user, SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/alice-phone`, EnableDate: CREATED }], IsTruncated: false });
  IAM.on(ListAccessKeysCommand).resolves(sdkResponse('iam.ListAccessKeys.two-active.custodian.json'));
  IAM.on(ListVirtualMFADevicesCommand).resolves({
    VirtualMFADevices: [
      { SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/alice-phone`, User: { UserName: WORLD.user, Arn: userArn, UserId: 'AIDAEXAMPLEALICE', Path: '/', CreateDate: CREATED } },
    ],
    IsTruncated: false,
  });
  IAM.on(GetUserPolicyCommand).resolves({ UserName: WORLD.user, PolicyName: 'pass-anything', PolicyDocument: inlineDocument });
  IAM.on(ListGroupPoliciesCommand).resolves({ PolicyNames: ['group-inline'], IsTruncated: false });
  IAM.on(ListAttachedGroupPoliciesCommand).resolves({ AttachedPolicies: [admin], IsTruncated: false });
  IAM.on(GetGroupPolicyCommand).resolves({ GroupName: WORLD.group, PolicyName: 'group-inline', PolicyDocument: inlineDocument });
  IAM.on(GetAccessKeyLastUsedCommand).resolves({ UserName: WORLD.user, AccessKeyLastUsed: { LastUsedDate: USED, ServiceName: 's3', Region: REGION } });
  IAM.on(GetIamPolicyCommand).resolves(sdkResponse('iam.GetPolicy.customer-managed.custodian.json'));
  IAM.on(GetPolicyVersionCommand).resolves(sdkResponse('iam.GetPolicyVersion.allow-star-star.custodian.json'));
  IAM.on(GenerateServiceLastAccessedDetailsCommand).resolves({ JobId: 'job-0001' });
  IAM.on(GetServiceLastAccessedDetailsCommand).resolves({
    JobStatus: 'COMPLETED',
    JobCreationDate: USED,
    JobCompletionDate: USED,
    ServicesLastAccessed: [{ ServiceName: 'Amazon S3', ServiceNamespace: 's3', LastAuthenticated: USED }],
    IsTruncated: false,
  });
  IAM.on(ListRolesCommand).resolves({ Roles: [{ RoleName: WORLD.role, Arn: roleArn, RoleId: 'AROAEXAMPLE', Path: '/', CreateDate: CREATED }], IsTruncated: false });
  IAM.on(GetRoleCommand).resolves(sdkResponse('iam.GetRole.trust-root-and-user-and-services.custodian.json'));
  IAM.on(ListRolePoliciesCommand).resolves(sdkResponse('iam.ListRolePolicies.one-inline.custodian.json'));
  IAM.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [admin, customer], IsTruncated: false });
  IAM.on(GetRolePolicyCommand).resolves({ RoleName: WORLD.role, PolicyName: 'inline', PolicyDocument: inlineDocument });
  IAM.on(ListGroupsCommand).resolves({ Groups: [{ GroupName: WORLD.group, Arn: `arn:aws:iam::${ACCOUNT}:group/${WORLD.group}`, GroupId: 'AGPAEXAMPLE', Path: '/', CreateDate: CREATED }], IsTruncated: false });
  IAM.on(GetGroupCommand).resolves({
    Group: { GroupName: WORLD.group, Arn: `arn:aws:iam::${ACCOUNT}:group/${WORLD.group}`, GroupId: 'AGPAEXAMPLE', Path: '/', CreateDate: CREATED },
    Users: [{ UserName: WORLD.user, Arn: userArn, UserId: 'AIDAEXAMPLEALICE', Path: '/', CreateDate: CREATED }],
    IsTruncated: false,
  });
  IAM.on(ListPoliciesCommand).callsFake((input: { Scope?: string }) => ({
    Policies: [input.Scope === 'AWS' ? { PolicyName: admin.PolicyName, Arn: admin.PolicyArn } : { PolicyName: customer.PolicyName, Arn: customer.PolicyArn }],
    IsTruncated: false,
  }));
  IAM.on(ListEntitiesForPolicyCommand).resolves({ PolicyUsers: [{ UserName: WORLD.user }], PolicyGroups: [{ GroupName: WORLD.group }], PolicyRoles: [{ RoleName: WORLD.role }], IsTruncated: false });
  const certificate = {
    ServerCertificateName: WORLD.serverCertificate,
    ServerCertificateId: 'ASCAEXAMPLE',
    Arn: `arn:aws:iam::${ACCOUNT}:server-certificate/${WORLD.serverCertificate}`,
    Path: '/',
    UploadDate: CREATED,
    Expiration: new Date('2025-03-01T00:00:00Z'),
  };
  IAM.on(ListServerCertificatesCommand).resolves({ ServerCertificateMetadataList: [certificate], IsTruncated: false });
  IAM.on(GetServerCertificateCommand).resolves({ ServerCertificate: { ServerCertificateMetadata: certificate, CertificateBody: '-----BEGIN CERTIFICATE-----' } });
  IAM.on(GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, MaxPasswordAge: 90, PasswordReusePrevention: 24 } });
  IAM.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, AccountSigningCertificatesPresent: 0 } });
  IAM.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
  IAM.on(GetCredentialReportCommand).resolves({ Content: new TextEncoder().encode(CREDENTIAL_REPORT), ReportFormat: 'text/csv', GeneratedTime: USED });
  IAM.on(ListSAMLProvidersCommand).resolves({ SAMLProviderList: [{ Arn: `arn:aws:iam::${ACCOUNT}:saml-provider/corp-idp` }] });
  IAM.on(ListOpenIDConnectProvidersCommand).resolves({ OpenIDConnectProviderList: [{ Arn: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` }] });
  IAM.on(ListOrganizationsFeaturesCommand).resolves({ OrganizationId: 'o-exampleorg', EnabledFeatures: ['RootCredentialsManagement'] });
  const analyzer = { name: WORLD.analyzer, arn: `arn:aws:access-analyzer:${REGION}:${ACCOUNT}:analyzer/${WORLD.analyzer}`, type: 'ACCOUNT' as const, status: 'ACTIVE' as const, createdAt: CREATED, tags: { team: 'security' } };
  AccessAnalyzer.on(ListAnalyzersCommand).resolves({ analyzers: [analyzer] });
  AccessAnalyzer.on(GetAnalyzerCommand).resolves({ analyzer });

  // ── DynamoDB, Application Auto Scaling, AWS Backup, KMS, DAX ────────────────────────────────────────────────────────────
  const tableArn = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${WORLD.table}`;
  const table = sdkResponse('dynamodb.DescribeTable.sse-kms-cmk.custodian.json').Table;
  DynamoDB.on(ListTablesCommand).resolves({ TableNames: [WORLD.table] });
  DynamoDB.on(DescribeTableCommand).resolves({
    // Provisioned capacity (as in dynamodb.DescribeTable.provisioned-stream.custodian.json), so the Auto Scaling reads are made.
    Table: {
      ...table,
      TableName: WORLD.table,
      TableArn: tableArn,
      BillingModeSummary: { BillingMode: 'PROVISIONED' },
      GlobalSecondaryIndexes: [{ IndexName: 'by-customer' }],
      LatestStreamArn: `${tableArn}/stream/2024-03-01T00:00:00.000`,
    },
  });
  DynamoDB.on(DescribeContinuousBackupsCommand).resolves(sdkResponse('dynamodb.DescribeContinuousBackups.pitr-enabled.custodian.json'));
  DynamoDB.on(GetResourcePolicyCommand).resolves({ Policy: policy([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'dynamodb:GetItem', Resource: tableArn }]), RevisionId: '1' });
  DynamoDB.on(ListTagsOfResourceCommand).resolves({ Tags: [{ Key: 'team', Value: 'orders' }] });
  ApplicationAutoScaling.on(DescribeScalableTargetsCommand).resolves({
    ScalableTargets: [{ ServiceNamespace: 'dynamodb', ResourceId: `table/${WORLD.table}`, ScalableDimension: 'dynamodb:table:ReadCapacityUnits', MinCapacity: 1, MaxCapacity: 10, RoleARN: 'x', CreationTime: CREATED }],
  });
  ApplicationAutoScaling.on(DescribeScalingPoliciesCommand).resolves({
    ScalingPolicies: [{ PolicyARN: 'x', PolicyName: 'read', ServiceNamespace: 'dynamodb', ResourceId: `table/${WORLD.table}`, ScalableDimension: 'dynamodb:table:ReadCapacityUnits', PolicyType: 'TargetTrackingScaling', CreationTime: CREATED }],
  });
  Backup.on(ListBackupPlansCommand).resolves({ BackupPlansList: [{ BackupPlanId: 'plan-daily', BackupPlanName: 'daily' }] });
  Backup.on(GetBackupPlanCommand).resolves({ BackupPlanId: 'plan-daily', BackupPlan: { BackupPlanName: 'daily', Rules: [{ RuleName: 'daily', TargetBackupVaultName: 'vault-locked' }] } });
  Backup.on(ListBackupSelectionsCommand).resolves({ BackupSelectionsList: [{ SelectionId: 'selection-all', BackupPlanId: 'plan-daily', SelectionName: 'all-tables' }] });
  Backup.on(GetBackupSelectionCommand).resolves({
    BackupPlanId: 'plan-daily',
    SelectionId: 'selection-all',
    BackupSelection: { SelectionName: 'all-tables', IamRoleArn: `arn:aws:iam::${ACCOUNT}:role/backup`, Resources: ['arn:aws:dynamodb:*:*:table/*'] },
  });
  Backup.on(DescribeBackupVaultCommand).resolves({ BackupVaultName: 'vault-locked', Locked: true });
  KMS.on(DescribeKeyCommand).resolves({ KeyMetadata: { KeyId: '8785aeb9-a616-4e2b-bbd3-df3cde76bcc5', KeyManager: 'CUSTOMER' } });
  DAX.on(DescribeClustersCommand).resolves({
    Clusters: [
      {
        ClusterName: WORLD.daxCluster,
        ClusterArn: `arn:aws:dax:${REGION}:${ACCOUNT}:cache/${WORLD.daxCluster}`,
        SSEDescription: { Status: 'ENABLED' },
        ClusterEndpointEncryptionType: 'TLS',
        Nodes: [{ NodeId: 'a', AvailabilityZone: 'us-east-1a' }, { NodeId: 'b', AvailabilityZone: 'us-east-1b' }],
      },
    ],
  });
  DAX.on(ListDaxTagsCommand).resolves({ Tags: [{ Key: 'team', Value: 'orders' }] });

  // ── API Gateway (REST and HTTP/WebSocket) and WAFv2 ─────────────────────────────────────────────────────────────────────
  const restApis = sdkResponse('apigateway.GetRestApis.private-with-policy.custodian.json');
  APIGateway.on(GetRestApisCommand).resolves(restApis);
  APIGateway.on(GetRestApiCommand).resolves(restApis.items[0]);
  APIGateway.on(GetResourcesCommand).resolves({
    items: [
      {
        id: 'root',
        path: '/',
        resourceMethods: { GET: { httpMethod: 'GET', authorizationType: 'NONE', methodIntegration: { type: 'HTTP_PROXY', uri: 'http://backend.example.com/' } } },
      },
    ],
  });
  APIGateway.on(GetAuthorizersCommand).resolves({ items: [{ id: 'auth1', name: 'tokens', type: 'TOKEN' }] });
  APIGateway.on(GetGatewayResponsesCommand).resolves({ items: [{ responseType: 'DEFAULT_4XX', defaultResponse: true, responseTemplates: { 'application/json': '{"message":$context.error.messageString}' } }] });
  APIGateway.on(GetStagesCommand).resolves(sdkResponse('apigateway.GetStages.rest-methodsettings.custodian.json'));
  APIGateway.on(GetStageCommand).resolves(sdkResponse('apigateway.GetStage.rest-webacl.custodian.json'));
  APIGateway.on(GetDomainNamesCommand).resolves({ items: [{ domainName: WORLD.domainName }] });
  APIGateway.on(GetBasePathMappingsCommand).resolves({ items: [{ basePath: '(none)', restApiId: WORLD.restApiId, stage: 'latest' }] });
  APIGateway.on(GetDomainNameCommand).resolves({ domainName: WORLD.domainName, securityPolicy: 'TLS_1_2', endpointConfiguration: { types: ['REGIONAL'] } });
  APIGateway.on(GetAccountCommand).resolves({ cloudwatchRoleArn: `arn:aws:iam::${ACCOUNT}:role/apigateway-logs` });
  APIGateway.on(GetUsagePlansCommand).resolves({ items: [{ id: 'plan1', apiStages: [{ apiId: WORLD.restApiId, stage: 'latest' }], throttle: { burstLimit: 100, rateLimit: 50 } }] });
  WAFV2.on(GetWebACLForResourceCommand).resolves({ WebACL: { Name: 'api-acl', Id: 'acl-1', ARN: `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/api-acl/acl-1`, DefaultAction: {}, VisibilityConfig: undefined } });
  const httpApis = sdkResponse('apigatewayv2.GetApis.http-and-websocket.custodian.json');
  ApiGatewayV2.on(GetApisCommand).resolves(httpApis);
  ApiGatewayV2.on(GetApiCommand).resolves(httpApis.Items[1]);
  ApiGatewayV2.on(GetRoutesCommand).resolves({ Items: [{ RouteId: 'r1', RouteKey: 'GET /orders', AuthorizationType: 'NONE', Target: 'integrations/i1' }] });
  ApiGatewayV2.on(GetV2AuthorizersCommand).resolves({ Items: [{ AuthorizerId: 'jwt1', Name: 'jwt', AuthorizerType: 'JWT' }] });
  ApiGatewayV2.on(GetIntegrationsCommand).resolves({ Items: [{ IntegrationId: 'i1', IntegrationType: 'HTTP_PROXY', IntegrationUri: 'http://backend.example.com/orders' }] });
  ApiGatewayV2.on(GetV2DomainNamesCommand).resolves({ Items: [{ DomainName: WORLD.domainName }] });
  ApiGatewayV2.on(GetApiMappingsCommand).resolves({ Items: [{ ApiId: WORLD.httpApiId, ApiMappingKey: '', Stage: '$default' }] });
  ApiGatewayV2.on(GetV2StageCommand).resolves(sdkResponse('apigatewayv2.GetStage.default-stage.custodian.json'));
  ApiGatewayV2.on(GetV2StagesCommand).resolves(sdkResponse('apigatewayv2.GetStages.logging-off.custodian.json'));

  // ── Lambda, CloudWatch Logs, EC2 ──────────────────────────────────────────────────────────────────────────────────────
  const functionArn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${WORLD.function}`;
  const configuration = sdkResponse('lambda.GetFunctionConfiguration.pending-layers.custodian.json');
  Lambda.on(ListFunctionsCommand).resolves({ Functions: [{ FunctionName: WORLD.function, FunctionArn: functionArn }] });
  Lambda.on(GetFunctionConfigurationCommand).resolves({
    ...configuration,
    FunctionName: WORLD.function,
    FunctionArn: functionArn,
    Role: roleArn,
    VpcConfig: { SubnetIds: ['subnet-0a1b2c3d'], SecurityGroupIds: ['sg-0a1b2c3d'], VpcId: 'vpc-0a1b2c3d' },
    Layers: [{ Arn: WORLD.layerArn, CodeSize: 1000 }],
    LoggingConfig: { LogFormat: 'JSON', LogGroup: `/aws/lambda/${WORLD.function}` },
  });
  Lambda.on(GetLambdaPolicyCommand).resolves(sdkResponse('lambda.GetPolicy.public-and-cross-account.custodian.json'));
  Lambda.on(ListFunctionUrlConfigsCommand).resolves({ FunctionUrlConfigs: [{ ...sdkResponse('lambda.GetFunctionUrlConfig.aws-iam.custodian.json'), FunctionArn: functionArn }] });
  Lambda.on(ListAliasesCommand).resolves({ Aliases: [{ Name: 'live', AliasArn: `${functionArn}:live`, FunctionVersion: '3' }] });
  Lambda.on(ListLambdaTagsCommand).resolves({ Tags: { team: 'reports' } });
  Lambda.on(GetFunctionEventInvokeConfigCommand).resolves({ FunctionArn: functionArn, DestinationConfig: { OnFailure: { Destination: `arn:aws:sqs:${REGION}:${ACCOUNT}:failures` } } });
  Lambda.on(GetFunctionConcurrencyCommand).resolves({ ReservedConcurrentExecutions: 5 });
  // No Code.Location / Content.Location: the package scan is skipped, so no download is attempted (nothing leaves the process).
  Lambda.on(GetFunctionCommand).resolves({ Configuration: { FunctionName: WORLD.function, FunctionArn: functionArn, PackageType: 'Zip', CodeSha256: 'abc=' }, Code: { RepositoryType: 'S3' } });
  Lambda.on(ListLayersCommand).resolves({ Layers: [{ LayerName: 'shared-libs', LayerArn: WORLD.layerArn.replace(/:3$/, ''), LatestMatchingVersion: { LayerVersionArn: WORLD.layerArn, Version: 3 } }] });
  Lambda.on(GetLayerVersionCommand).resolves({ LayerVersionArn: WORLD.layerArn, Version: 3, Content: { CodeSha256: 'def=', CodeSize: 1000 } });
  CloudWatchLogs.on(DescribeLogGroupsCommand).callsFake((input: { logGroupNamePrefix?: string }) => ({
    logGroups: [{ logGroupName: input.logGroupNamePrefix ?? `/aws/lambda/${WORLD.function}`, retentionInDays: 90 }],
  }));
  EC2.on(DescribeSubnetsCommand).resolves({ Subnets: [{ SubnetId: 'subnet-0a1b2c3d', VpcId: 'vpc-0a1b2c3d', AvailabilityZone: 'us-east-1a', AvailabilityZoneId: 'use1-az1' }] });
  EC2.on(DescribeSecurityGroupsCommand).resolves({
    SecurityGroups: [{ GroupId: 'sg-0a1b2c3d', GroupName: 'reports', VpcId: 'vpc-0a1b2c3d', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }],
  });
};

/** Mocks every client class of WORLD_CLIENTS with the world's answers. Call `restore()` in afterAll. */
export const mockAwsWorld = (): AwsWorld => {
  const stubs = Object.fromEntries(Object.entries(WORLD_CLIENTS).map(([name, ctor]) => [name, mockClient(ctor as never)])) as unknown as AwsWorld['stubs'];
  const answer = (client: WorldClient, command: CommandClass, respond: Answer): void => {
    stubs[client].on(command as never).callsFake(async (input: Record<string, unknown>) => {
      const fault = world.fault?.({ client, command: command.name, input });
      if (fault) throw fault;
      // A fresh copy per call, as the SDK gives: a collector that changed an answer cannot change the next one.
      return structuredClone(await respond(input));
    });
  };
  const registrars = Object.fromEntries(
    Object.keys(stubs).map((client) => [
      client,
      {
        on: (command: CommandClass) => ({
          resolves: (value: unknown) => answer(client as WorldClient, command, () => value),
          callsFake: (respond: Answer) => answer(client as WorldClient, command, respond),
        }),
      },
    ]),
  ) as Record<WorldClient, Registrar>;
  const world: AwsWorld = {
    stubs,
    answer,
    fault: undefined,
    sent: () =>
      (Object.entries(stubs) as [WorldClient, AnyStub][]).flatMap(([client, stub]) =>
        stub.calls().map((call) => {
          const command = call.args[0] as { constructor: { name: string }; input: Record<string, unknown> };
          return { client, command: command.constructor.name, input: command.input };
        }),
      ),
    clearHistory: () => {
      for (const stub of Object.values(stubs)) stub.resetHistory();
    },
    reset: () => {
      world.fault = undefined;
      for (const stub of Object.values(stubs)) stub.reset();
      // The embedded findings store (dynalite, on an explicit loopback endpoint) creates its table with a DynamoDBClient:
      // the commands the world does not answer go to it when the client has such an endpoint, and never to AWS.
      const send = stubs.DynamoDB.send.wrappedMethod as (this: unknown, command: unknown) => Promise<unknown>;
      stubs.DynamoDB.send.callsFake(function (this: { config: { isCustomEndpoint?: boolean } }, command: { constructor: { name: string } }) {
        if (this.config.isCustomEndpoint) return send.call(this, command);
        return Promise.reject(new Error(`the stubbed account does not answer DynamoDB ${command.constructor.name}`));
      });
      installAnswers(registrars);
    },
    restore: () => {
      for (const stub of Object.values(stubs)) stub.restore();
    },
  };
  world.reset();
  return world;
};
