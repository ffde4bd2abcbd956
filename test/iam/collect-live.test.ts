import { AccessAnalyzerClient, GetAnalyzerCommand, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
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
  GetPolicyCommand,
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
  ListGroupsForUserCommand,
  ListMFADevicesCommand,
  ListOpenIDConnectProvidersCommand,
  ListOrganizationsFeaturesCommand,
  ListPoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListSAMLProvidersCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { CollectError } from '../../shared/core';
import { evaluateObservation } from '../../shared/engine';
import { iamFamily } from '../../shared/families/iam';
import { IAM_KINDS } from '../../shared/resources/iam/kinds';
import { createClientFactory } from '../../shared/resources/clients';
import { createIamCollectors } from '../../shared/resources/iam/live';
import type {
  AccessAnalyzerRegionSnapshot,
  IamAccountSnapshot,
  IamGroupSnapshot,
  IamManagedPolicySnapshot,
  IamRoleSnapshot,
  IamServerCertificateSnapshot,
  IamUserSnapshot,
} from '../../shared/resources/iam/types';
import { api, awsError, canonical, configOf, ctx, recordedError, ref, urlEncoded } from './helpers';
import { gapsOf } from '../helpers/gaps';

const iam = mockClient(IAMClient);
const analyzer = mockClient(AccessAnalyzerClient);
const OBSERVED = new Date('2026-11-26T10:00:00.000Z');
const noWait = jest.fn(async () => undefined);
const collectors = (options: { maxPolls?: number; serviceLastAccessed?: boolean } = {}) =>
  createIamCollectors({ now: () => OBSERVED, sleep: noWait, maxPolls: options.maxPolls ?? 3, serviceLastAccessed: options.serviceLastAccessed ?? true });
const clients = () => createClientFactory({ region: 'us-east-1' });

const ADMIN_DOC = { Version: '2012-10-17', Statement: [{ Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' }] };
const managedPolicy = (arn: string, versionId = 'v1') => ({ Policy: { PolicyName: arn.slice(arn.lastIndexOf('/') + 1), Arn: arn, DefaultVersionId: versionId, AttachmentCount: 1 } });

beforeEach(() => {
  iam.reset();
  analyzer.reset();
  noWait.mockClear();
});

describe('Role collector', () => {
  const role = api('iam.GetRole.trust-root-and-user-and-services.custodian.json');
  const inlineDoc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:*', Resource: '*' }] };
  const mockRole = () => {
    iam.on(GetRoleCommand, { RoleName: 'CloudCustodianRole' }).resolves(role);
    iam.on(ListRolePoliciesCommand).resolves(api('iam.ListRolePolicies.one-inline.custodian.json'));
    iam.on(GetRolePolicyCommand).resolves({ RoleName: 'CloudCustodianRole', PolicyName: 'oneClick_lambda_basic_execution_1466943062384', PolicyDocument: urlEncoded(inlineDoc) });
    iam.on(ListAttachedRolePoliciesCommand).resolves(api('iam.ListAttachedRolePolicies.custodian.json'));
    iam.on(GetPolicyCommand, { PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }).resolves(managedPolicy('arn:aws:iam::aws:policy/AdministratorAccess'));
    iam.on(GetPolicyCommand, { PolicyArn: 'arn:aws:iam::aws:policy/IAMFullAccess' }).resolves(managedPolicy('arn:aws:iam::aws:policy/IAMFullAccess', 'v2'));
    iam.on(GetPolicyVersionCommand, { PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }).resolves(api('iam.GetPolicyVersion.allow-star-star.custodian.json'));
    iam.on(GetPolicyVersionCommand, { PolicyArn: 'arn:aws:iam::aws:policy/IAMFullAccess', VersionId: 'v2' }).resolves(api('iam.GetPolicyVersion.codebuild.custodian.json'));
    iam.on(GenerateServiceLastAccessedDetailsCommand).resolves({ JobId: 'job-1' });
    iam
      .on(GetServiceLastAccessedDetailsCommand)
      .resolvesOnce({ JobStatus: 'IN_PROGRESS', ServicesLastAccessed: [], JobCreationDate: OBSERVED })
      .resolves({
        JobStatus: 'COMPLETED',
        JobCreationDate: OBSERVED,
        JobCompletionDate: OBSERVED,
        ServicesLastAccessed: [
          { ServiceName: 'Amazon S3', ServiceNamespace: 's3', LastAuthenticated: new Date('2026-11-01T00:00:00Z') },
          { ServiceName: 'Amazon Bedrock', ServiceNamespace: 'bedrock' },
        ],
      });
  };

  it('reads the trust policy, inline and attached policies (with their default documents, URL-decoded) and Access Advisor', async () => {
    mockRole();
    const obs = await collectors()['AWS::IAM::Role'].collect(ref('AWS::IAM::Role', 'CloudCustodianRole', '644160558196'), clients());
    const config = configOf<IamRoleSnapshot>(obs);
    expect(obs).toMatchObject({ state: 'present', gaps: [], observedAt: OBSERVED.toISOString(), source: 'live' });
    expect(config).toMatchObject({
      type: 'role',
      name: 'CloudCustodianRole',
      arn: 'arn:aws:iam::644160558196:role/CloudCustodianRole',
      principalId: 'AROAI7ZS26HIW5UKQGHRM',
      createDate: '2016-10-29T19:39:43.000Z',
      tags: { Environment: 'Development', CostCenter: 'TeamB', Owner: 'SharedServices' },
      permissionsBoundaryArn: null,
      serviceLinked: false,
      lastUsedDate: '2026-04-06T12:23:56.000Z',
    });
    expect(config.trustPolicy).toBe(canonical(decodeURIComponent(role.Role.AssumeRolePolicyDocument)));
    expect(JSON.parse(config.trustPolicy!).Statement[0].Principal.AWS).toContain('arn:aws:iam::644160558196:root');
    expect(config.inlinePolicies).toEqual([{ name: 'oneClick_lambda_basic_execution_1466943062384', document: canonical(inlineDoc) }]);
    expect(config.attachedPolicies.map((p) => [p.name, p.awsManaged, p.document && JSON.parse(p.document).Statement.length])).toEqual([
      ['AdministratorAccess', true, 1],
      ['IAMFullAccess', true, 5],
    ]);
    expect(config.attachedPolicies[0].document).toBe(canonical(ADMIN_DOC));
    expect(config.serviceLastAccessed).toEqual([
      { namespace: 'bedrock', lastAuthenticated: null },
      { namespace: 's3', lastAuthenticated: '2026-11-01T00:00:00.000Z' },
    ]);
    expect(noWait).toHaveBeenCalledTimes(1);
  });

  it('NoSuchEntity on GetRole (recorded 404) → gone', async () => {
    mockRole();
    iam.on(GetRoleCommand).rejects(recordedError('iam.GetRole.NoSuchEntity-404.custodian.json'));
    const obs = await collectors()['AWS::IAM::Role'].collect(ref('AWS::IAM::Role', 'c7n_test_check_permissions'), clients());
    expect(obs).toEqual({ state: 'gone', ref: ref('AWS::IAM::Role', 'c7n_test_check_permissions'), observedAt: OBSERVED.toISOString(), source: 'live' });
  });

  it('AccessDenied on an inline policy → a failed read of the inline documents, the document unknown (never an empty policy)', async () => {
    mockRole();
    iam.on(GetRolePolicyCommand).rejects(awsError('AccessDenied', 403));
    const obs = await collectors({ serviceLastAccessed: false })['AWS::IAM::Role'].collect(ref('AWS::IAM::Role', 'CloudCustodianRole', '644160558196'), clients());
    expect(gapsOf(obs)).toEqual(['failed GetRolePolicy: inlinePolicies.document']);
    expect(configOf<IamRoleSnapshot>(obs).inlinePolicies).toEqual([{ name: 'oneClick_lambda_basic_execution_1466943062384', document: null }]);
    expect(configOf<IamRoleSnapshot>(obs).serviceLastAccessed).toBeNull();
    expect(iam).not.toHaveReceivedCommand(GenerateServiceLastAccessedDetailsCommand);
  });

  it('throttling past the SDK retries → CollectError (the queue retries)', async () => {
    mockRole();
    iam.on(GetRoleCommand).rejects(awsError('Throttling', 400));
    await expect(collectors()['AWS::IAM::Role'].collect(ref('AWS::IAM::Role', 'CloudCustodianRole'), clients())).rejects.toBeInstanceOf(CollectError);
  });

  it('an Access Advisor job that never completes fails the collection after the bounded polls', async () => {
    mockRole();
    iam.on(GetServiceLastAccessedDetailsCommand).resolves({ JobStatus: 'IN_PROGRESS', JobCreationDate: OBSERVED, ServicesLastAccessed: [] });
    const error = await collectors({ maxPolls: 3 })['AWS::IAM::Role'].collect(ref('AWS::IAM::Role', 'CloudCustodianRole'), clients()).catch((e: Error) => e);
    expect(error).toBeInstanceOf(CollectError);
    expect(((error as Error).cause as Error).message).toMatch(/not ready after 3 polls/);
    expect(iam).toHaveReceivedCommandTimes(GetServiceLastAccessedDetailsCommand, 3);
  });

  it('lists roles by name with global refs', async () => {
    iam.on(ListRolesCommand).resolves({ Roles: [role.Role], IsTruncated: false });
    expect(await collectors()['AWS::IAM::Role'].list({ accountId: '644160558196', region: 'us-east-1', partition: 'aws' }, clients())).toEqual([
      ref('AWS::IAM::Role', 'CloudCustodianRole', '644160558196'),
    ]);
  });
});

describe('User collector', () => {
  const user = api('iam.GetUser.tags-passwordlastused.custodian.json');
  const keys = api('iam.ListAccessKeys.two-active.custodian.json');
  const mockUser = () => {
    iam.on(GetUserCommand).resolves(user);
    iam.on(ListUserPoliciesCommand).resolves({ PolicyNames: ['direct'] });
    iam.on(GetUserPolicyCommand).resolves({ UserName: 'kapil', PolicyName: 'direct', PolicyDocument: urlEncoded({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }) });
    iam.on(ListAttachedUserPoliciesCommand).resolves({ AttachedPolicies: [] });
    iam.on(ListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'admins', Arn: 'arn:aws:iam::644160558196:group/admins', Path: '/', GroupId: 'AGPA1', CreateDate: new Date() }] });
    iam.on(ListGroupPoliciesCommand).resolves({ PolicyNames: ['group-inline'] });
    iam.on(GetGroupPolicyCommand).resolves({ GroupName: 'admins', PolicyName: 'group-inline', PolicyDocument: urlEncoded({ Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }] }) });
    iam.on(ListAttachedGroupPoliciesCommand).resolves({ AttachedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] });
    iam.on(GetPolicyCommand).resolves(managedPolicy('arn:aws:iam::aws:policy/AdministratorAccess'));
    iam.on(GetPolicyVersionCommand).resolves(api('iam.GetPolicyVersion.allow-star-star.custodian.json'));
    iam.on(GetLoginProfileCommand).resolves({ LoginProfile: { UserName: 'kapil', CreateDate: new Date('2016-05-16T19:10:00Z') } });
    iam.on(ListMFADevicesCommand).resolves({
      MFADevices: [
        { UserName: 'kapil', SerialNumber: 'arn:aws:iam::644160558196:mfa/kapil-phone', EnableDate: new Date('2020-01-01T00:00:00Z') },
        { UserName: 'kapil', SerialNumber: 'GAHT12345678', EnableDate: new Date('2021-01-01T00:00:00Z') },
      ],
    });
    iam.on(ListVirtualMFADevicesCommand).resolves({ VirtualMFADevices: [{ SerialNumber: 'arn:aws:iam::644160558196:mfa/kapil-phone' }] });
    iam.on(ListAccessKeysCommand).resolves(keys);
    iam.on(GetAccessKeyLastUsedCommand, { AccessKeyId: 'AKIAJRLD3ESRQSWUHEWA' }).resolves({ UserName: 'kapil', AccessKeyLastUsed: { LastUsedDate: new Date('2026-11-20T00:00:00Z'), ServiceName: 's3', Region: 'us-east-1' } });
    iam.on(GetAccessKeyLastUsedCommand, { AccessKeyId: 'AKIAJRLD3ESRQSWUHEGG' }).resolves({ UserName: 'kapil', AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });
    iam.on(GenerateServiceLastAccessedDetailsCommand).resolves({ JobId: 'job-u' });
    iam.on(GetServiceLastAccessedDetailsCommand).resolves({ JobStatus: 'COMPLETED', JobCreationDate: OBSERVED, JobCompletionDate: OBSERVED, ServicesLastAccessed: [{ ServiceName: 'IAM', ServiceNamespace: 'iam', LastAuthenticated: new Date('2026-11-25T00:00:00Z') }] });
  };

  it('reads credentials (login profile, MFA with virtual flags, keys with last use), groups with their policies, and tags', async () => {
    mockUser();
    const obs = await collectors()['AWS::IAM::User'].collect(ref('AWS::IAM::User', 'kapil', '644160558196'), clients());
    const config = configOf<IamUserSnapshot>(obs);
    expect(gapsOf(obs)).toEqual([]);
    expect(config).toMatchObject({ type: 'user', name: 'kapil', tags: { Role: 'Contributor' }, createDate: '2016-05-16T19:03:36.000Z' });
    expect(config.credentials).toEqual({
      passwordEnabled: true,
      passwordCreateDate: '2016-05-16T19:10:00.000Z',
      passwordLastUsed: '2019-02-22T02:50:00.000Z',
      mfaDevices: [
        { serialNumber: 'GAHT12345678', enableDate: '2021-01-01T00:00:00.000Z', virtual: false },
        { serialNumber: 'arn:aws:iam::644160558196:mfa/kapil-phone', enableDate: '2020-01-01T00:00:00.000Z', virtual: true },
      ],
      accessKeys: [
        { accessKeyId: 'AKIAJRLD3ESRQSWUHEGG', status: 'Active', createDate: '2017-05-08T19:36:32.000Z', lastUsedDate: null, lastUsedService: null },
        { accessKeyId: 'AKIAJRLD3ESRQSWUHEWA', status: 'Active', createDate: '2016-12-08T19:36:32.000Z', lastUsedDate: '2026-11-20T00:00:00.000Z', lastUsedService: 's3' },
      ],
    });
    expect(config.inlinePolicies.map((p) => p.name)).toEqual(['direct']);
    expect(config.groups).toEqual([
      {
        name: 'admins',
        recorded: true,
        inlinePolicies: [{ name: 'group-inline', document: canonical({ Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }] }) }],
        attachedPolicies: [{ name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess', awsManaged: true, document: canonical(ADMIN_DOC) }],
      },
    ]);
    expect(config.serviceLastAccessed).toEqual([{ namespace: 'iam', lastAuthenticated: '2026-11-25T00:00:00.000Z' }]);
  });

  it('NoSuchEntity on GetLoginProfile means "no console password" (absent), not a deleted user', async () => {
    mockUser();
    iam.on(GetLoginProfileCommand).rejects(awsError('NoSuchEntity', 404));
    const obs = await collectors()['AWS::IAM::User'].collect(ref('AWS::IAM::User', 'kapil'), clients());
    expect(configOf<IamUserSnapshot>(obs).credentials).toMatchObject({ passwordEnabled: false, passwordCreateDate: null });
  });

  it('NoSuchEntity on GetUser → gone; AccessDenied on ListMFADevices → only the MFA rules give ERROR', async () => {
    mockUser();
    iam.on(ListMFADevicesCommand).rejects(awsError('AccessDenied', 403));
    const denied = await collectors()['AWS::IAM::User'].collect(ref('AWS::IAM::User', 'kapil'), clients());
    expect(gapsOf(denied)).toEqual(['failed ListMFADevices: credentials.mfaDevices']);
    const verdicts = evaluateObservation(denied, iamFamily.rules, IAM_KINDS.find((k) => k.kind === 'AWS::IAM::User'), ctx());
    const errors = verdicts.filter((v) => v.status === 'ERROR').map((v) => v.ruleId);
    expect(errors).toEqual(expect.arrayContaining(['iam-user-mfa-enabled', 'iam-user-console-mfa', 'iam-user-hardware-mfa']));
    expect(errors).not.toContain('iam-access-key-rotated-90d');
    expect(errors).not.toContain('iam-user-tagged');
    iam.on(GetUserCommand).rejects(awsError('NoSuchEntity', 404));
    expect((await collectors()['AWS::IAM::User'].collect(ref('AWS::IAM::User', 'kapil'), clients())).state).toBe('gone');
  });

  it('lists users', async () => {
    iam.on(ListUsersCommand).resolvesOnce({ Users: [user.User], IsTruncated: true, Marker: 'm' }).resolves({ Users: [{ ...user.User, UserName: 'devbot' }], IsTruncated: false });
    const refs = await collectors()['AWS::IAM::User'].list({ accountId: '644160558196', region: 'us-east-1', partition: 'aws' }, clients());
    expect(refs.map((r) => r.id)).toEqual(['kapil', 'devbot']);
  });
});

describe('Group collector', () => {
  it('reads members and their MFA count (a member deleted meanwhile → unknown), inline and attached policies', async () => {
    iam.on(GetGroupCommand).resolves({
      Group: { GroupName: 'admins', GroupId: 'AGPA1', Arn: 'arn:aws:iam::111122223333:group/admins', Path: '/', CreateDate: new Date('2020-01-01T00:00:00Z') },
      Users: [
        { UserName: 'alice', UserId: 'A', Arn: 'arn:aws:iam::111122223333:user/alice', Path: '/', CreateDate: new Date() },
        { UserName: 'bob', UserId: 'B', Arn: 'arn:aws:iam::111122223333:user/bob', Path: '/', CreateDate: new Date() },
      ],
      IsTruncated: false,
    });
    iam.on(ListGroupPoliciesCommand).resolves({ PolicyNames: [] });
    iam.on(ListAttachedGroupPoliciesCommand).resolves({ AttachedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] });
    iam.on(GetPolicyCommand).resolves(managedPolicy('arn:aws:iam::aws:policy/AdministratorAccess'));
    iam.on(GetPolicyVersionCommand).resolves(api('iam.GetPolicyVersion.allow-star-star.custodian.json'));
    iam.on(ListMFADevicesCommand, { UserName: 'alice' }).resolves({ MFADevices: [{ UserName: 'alice', SerialNumber: 'GAHT1', EnableDate: new Date() }] });
    iam.on(ListMFADevicesCommand, { UserName: 'bob' }).rejects(awsError('NoSuchEntity', 404));
    const config = configOf<IamGroupSnapshot>(await collectors()['AWS::IAM::Group'].collect(ref('AWS::IAM::Group', 'admins'), clients()));
    expect(config.members).toEqual([
      { name: 'alice', mfaDevices: 1 },
      { name: 'bob', mfaDevices: null },
    ]);
    expect(config.attachedPolicies[0]).toMatchObject({ arn: 'arn:aws:iam::aws:policy/AdministratorAccess', document: canonical(ADMIN_DOC) });
  });
});

describe('Managed policy collector', () => {
  it('reads GetPolicy, the default version (URL-decoded) and its entities', async () => {
    const policy = api('iam.GetPolicy.customer-managed.custodian.json');
    iam.on(GetPolicyCommand).resolves(policy);
    iam.on(GetPolicyVersionCommand, { PolicyArn: policy.Policy.Arn, VersionId: 'v1' }).resolves(api('iam.GetPolicyVersion.codebuild.custodian.json'));
    iam.on(ListEntitiesForPolicyCommand).resolves({ PolicyRoles: [{ RoleName: 'codebuild-role', RoleId: 'R' }], PolicyUsers: [], PolicyGroups: [] });
    const obs = await collectors()['AWS::IAM::Policy'].collect(ref('AWS::IAM::Policy', policy.Policy.Arn, '644160558196'), clients());
    const config = configOf<IamManagedPolicySnapshot>(obs);
    expect(config).toMatchObject({
      type: 'policy',
      name: 'codebuild-policy',
      path: '/service-role/',
      awsManaged: false,
      defaultVersionId: 'v1',
      attachmentCount: 1,
      permissionsBoundaryUsageCount: 0,
      attachedTo: { users: [], groups: [], roles: ['codebuild-role'] },
    });
    expect(JSON.parse(config.document!).Statement.map((s: { Sid?: string }) => s.Sid ?? null)).toEqual([null, 'CodeCommitPolicy', 'S3GetObjectPolicy', 'S3PutObjectPolicy', null]);
  });
  it('NoSuchEntity → gone; lists customer policies and attached AWS-managed ones', async () => {
    iam.on(GetPolicyCommand).rejects(awsError('NoSuchEntity', 404));
    expect((await collectors()['AWS::IAM::Policy'].collect(ref('AWS::IAM::Policy', 'arn:aws:iam::111122223333:policy/x'), clients())).state).toBe('gone');
    iam.on(ListPoliciesCommand, { Scope: 'Local' }).resolves({ Policies: [{ Arn: 'arn:aws:iam::111122223333:policy/mine' }] });
    iam.on(ListPoliciesCommand, { Scope: 'AWS', OnlyAttached: true }).resolves({ Policies: [{ Arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] });
    const refs = await collectors()['AWS::IAM::Policy'].list({ accountId: '111122223333', region: 'us-east-1', partition: 'aws' }, clients());
    expect(refs.map((r) => `${r.id} ${r.accountId} ${r.region}`)).toEqual([
      'arn:aws:iam::111122223333:policy/mine 111122223333 global',
      'arn:aws:iam::aws:policy/AdministratorAccess 111122223333 global',
    ]);
  });
});

describe('Account collector', () => {
  const CSV = [
    'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
    '<root_account>,arn:aws:iam::111122223333:root,2015-01-01T00:00:00+00:00,not_supported,2026-11-26T08:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
    'alice,arn:aws:iam::111122223333:user/alice,2020-01-01T00:00:00+00:00,true,no_information,2020-01-01T00:00:00+00:00,N/A,false,true,2020-01-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  ].join('\n');
  const mockAccount = () => {
    iam.on(GetAccountPasswordPolicyCommand).rejects(awsError('NoSuchEntity', 404));
    iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, AccountSigningCertificatesPresent: 0, Users: 1 } });
    iam.on(ListVirtualMFADevicesCommand).resolves({ VirtualMFADevices: [{ SerialNumber: 'arn:aws:iam::111122223333:mfa/root-account-mfa-device', User: { Arn: 'arn:aws:iam::111122223333:root', UserName: '', UserId: '111122223333', Path: '/', CreateDate: new Date() } }] });
    iam.on(GenerateCredentialReportCommand).resolves({ State: 'STARTED' });
    iam
      .on(GetCredentialReportCommand)
      .rejectsOnce(awsError('ReportInProgress', 404))
      .resolves({ Content: new TextEncoder().encode(CSV), ReportFormat: 'text/csv', GeneratedTime: new Date('2026-11-26T09:00:00Z') });
    iam.on(ListEntitiesForPolicyCommand, { PolicyArn: 'arn:aws:iam::aws:policy/AWSSupportAccess' }).resolves({ PolicyRoles: [{ RoleName: 'support' }], PolicyUsers: [], PolicyGroups: [] });
    iam.on(ListEntitiesForPolicyCommand, { PolicyArn: 'arn:aws:iam::aws:policy/SecurityAudit' }).resolves({ PolicyRoles: [], PolicyUsers: [{ UserName: 'auditor' }], PolicyGroups: [] });
    iam.on(ListEntitiesForPolicyCommand, { PolicyArn: 'arn:aws:iam::aws:policy/AWSCloudShellFullAccess' }).rejects(awsError('NoSuchEntity', 404));
    iam.on(ListSAMLProvidersCommand).resolves({ SAMLProviderList: [{ Arn: 'arn:aws:iam::111122223333:saml-provider/AWSSSO_abc_DO_NOT_DELETE' }] });
    iam.on(ListOpenIDConnectProvidersCommand).resolves({ OpenIDConnectProviderList: [] });
    iam.on(ListOrganizationsFeaturesCommand).rejects(awsError('AccountNotManagementOrDelegatedAdministratorException', 400));
  };

  it('password policy NoSuchEntity → null; summary, root virtual MFA, credential report (polled, CSV parsed), entities, providers', async () => {
    mockAccount();
    const obs = await collectors()['AWS::IAM::Account'].collect(ref('AWS::IAM::Account', '111122223333'), clients());
    const config = configOf<IamAccountSnapshot>(obs);
    expect(gapsOf(obs)).toEqual([]);
    expect(config).toMatchObject({
      type: 'account',
      accountId: '111122223333',
      passwordPolicy: null,
      summary: { accountMfaEnabled: true, accountAccessKeysPresent: false, accountSigningCertificatesPresent: false },
      rootVirtualMfa: true,
      policyEntities: {
        AWSSupportAccess: { users: [], groups: [], roles: ['support'] },
        SecurityAudit: { users: ['auditor'], groups: [], roles: [] },
        AWSCloudShellFullAccess: null,
      },
      samlProviders: ['arn:aws:iam::111122223333:saml-provider/AWSSSO_abc_DO_NOT_DELETE'],
      oidcProviders: [],
      organizationsFeatures: null,
    });
    expect(config.credentialReport?.generatedAt).toBe('2026-11-26T09:00:00.000Z');
    expect(config.credentialReport?.rows.map((r) => [r.user, r.password_enabled, r.access_key_1_active])).toEqual([
      ['<root_account>', 'not_supported', 'false'],
      ['alice', 'true', 'true'],
    ]);
    expect(iam).toHaveReceivedCommandTimes(GetCredentialReportCommand, 2);
  });

  it('a present password policy and Organizations features are kept', async () => {
    mockAccount();
    iam.on(GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, AllowUsersToChangePassword: true, ExpirePasswords: true, MaxPasswordAge: 90, PasswordReusePrevention: 24 } });
    iam.on(ListOrganizationsFeaturesCommand).resolves({ OrganizationId: 'o-abc', EnabledFeatures: ['RootSessions', 'RootCredentialsManagement'] });
    const config = configOf<IamAccountSnapshot>(await collectors()['AWS::IAM::Account'].collect(ref('AWS::IAM::Account', '111122223333'), clients()));
    expect(config.passwordPolicy).toEqual({
      minimumPasswordLength: 14,
      requireSymbols: true,
      requireNumbers: true,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      allowUsersToChangePassword: true,
      expirePasswords: true,
      maxPasswordAge: 90,
      passwordReusePrevention: 24,
      hardExpiry: false,
    });
    expect(config.organizationsFeatures).toEqual({ organizationId: 'o-abc', enabledFeatures: ['RootCredentialsManagement', 'RootSessions'] });
  });

  it('AccessDenied on the account summary → a failed read (the root rules give ERROR, never PASS)', async () => {
    mockAccount();
    iam.on(GetAccountSummaryCommand).rejects(awsError('AccessDenied', 403));
    const obs = await collectors()['AWS::IAM::Account'].collect(ref('AWS::IAM::Account', '111122223333'), clients());
    expect(gapsOf(obs)).toEqual(['failed GetAccountSummary: summary']);
    expect(configOf<IamAccountSnapshot>(obs).summary).toBeNull();
    const verdicts = evaluateObservation(obs, iamFamily.rules, IAM_KINDS.find((k) => k.kind === 'AWS::IAM::Account'), ctx());
    const statusOf = (id: string) => verdicts.find((v) => v.ruleId === id)?.status;
    expect([statusOf('iam-root-mfa'), statusOf('iam-root-no-access-keys'), statusOf('iam-root-hardware-mfa')]).toEqual(['ERROR', 'ERROR', 'ERROR']);
    expect(statusOf('iam-password-policy-strong')).toBe('FAIL');
    expect(verdicts.find((v) => v.ruleId === 'iam-root-mfa')).toMatchObject({ resourceType: 'AWS::::Account', region: 'global' });
  });

  it('a credential report that never completes → CollectError after the bounded polls', async () => {
    mockAccount();
    iam.on(GetCredentialReportCommand).rejects(awsError('ReportInProgress', 404));
    await expect(collectors({ maxPolls: 2 })['AWS::IAM::Account'].collect(ref('AWS::IAM::Account', '111122223333'), clients())).rejects.toBeInstanceOf(CollectError);
    expect(iam).toHaveReceivedCommandTimes(GetCredentialReportCommand, 2);
  });
});

describe('Server certificate and Access Analyzer collectors', () => {
  it('keeps the certificate metadata only (never the body)', async () => {
    iam.on(GetServerCertificateCommand).resolves({
      ServerCertificate: {
        ServerCertificateMetadata: { ServerCertificateName: 'old', ServerCertificateId: 'ASCA1', Arn: 'arn:aws:iam::111122223333:server-certificate/old', Path: '/', Expiration: new Date('2020-01-01T00:00:00Z'), UploadDate: new Date('2019-01-01T00:00:00Z') },
        CertificateBody: '-----BEGIN CERTIFICATE-----x',
      },
    });
    const config = configOf<IamServerCertificateSnapshot>(await collectors()['AWS::IAM::ServerCertificate'].collect(ref('AWS::IAM::ServerCertificate', 'old'), clients()));
    expect(config).toEqual({ type: 'server-certificate', name: 'old', arn: 'arn:aws:iam::111122223333:server-certificate/old', path: '/', expiration: '2020-01-01T00:00:00.000Z', uploadDate: '2019-01-01T00:00:00.000Z' });
  });
  it('lists the analyzers of the Region; GetAnalyzer ResourceNotFound → gone', async () => {
    analyzer.on(ListAnalyzersCommand).resolves({ analyzers: [{ name: 'ext', arn: 'arn:aws:access-analyzer:eu-west-1:111122223333:analyzer/ext', type: 'ACCOUNT', status: 'ACTIVE', createdAt: new Date() }] });
    const region = configOf<AccessAnalyzerRegionSnapshot>(await collectors()['AWS::AccessAnalyzer::Region'].collect(ref('AWS::AccessAnalyzer::Region', '111122223333', '111122223333', 'eu-west-1'), clients()));
    expect(region).toEqual({ type: 'analyzer-region', region: 'eu-west-1', analyzers: [{ name: 'ext', arn: 'arn:aws:access-analyzer:eu-west-1:111122223333:analyzer/ext', analyzerType: 'ACCOUNT', status: 'ACTIVE' }] });
    analyzer.on(GetAnalyzerCommand).rejects(awsError('ResourceNotFoundException', 404));
    expect((await collectors()['AWS::AccessAnalyzer::Analyzer'].collect(ref('AWS::AccessAnalyzer::Analyzer', 'ext', '111122223333', 'eu-west-1'), clients())).state).toBe('gone');
  });
});
