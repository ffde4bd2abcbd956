import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetUserCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListMFADevicesCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  ListVirtualMFADevicesCommand,
  GetLoginProfileCommand,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import type { Observation } from '../../shared/core';
import { createClientFactory } from '../../shared/resources/clients';
import { createConfigIndex, normaliseConfigItem, type ConfigItem } from '../../shared/resources/config-item';
import { IAM_CONFIG_NORMALISERS } from '../../shared/resources/iam/config';
import { createIamCollectors } from '../../shared/resources/iam/live';
import type { IamGroupSnapshot, IamManagedPolicySnapshot, IamRoleSnapshot, IamUserSnapshot } from '../../shared/resources/iam/types';
import { loadApiResponse, loadFixture } from '../helpers/fixtures';
import { awsError, canonical, configOf, ref, urlEncoded } from './helpers';

const normalise = (item: ConfigItem, items: ConfigItem[] = [item]): Observation[] => {
  const normaliser = IAM_CONFIG_NORMALISERS.find((n) => n.configType === item.resourceType);
  if (!normaliser) throw new Error(`no normaliser for ${item.resourceType}`);
  return normaliser.toObservations(item, createConfigIndex(items));
};
const rdk = (name: string): ConfigItem => normaliseConfigItem(loadFixture(`config-items/${name}`));
/** SelectResourceConfig returns JSON text per result, without the item's envelope fields: add the ones the query did not select. */
const selected = (name: string, envelope: Record<string, unknown>): ConfigItem =>
  normaliseConfigItem({ ...envelope, ...JSON.parse(loadApiResponse<{ Results: string[] }>(name).Results[0]) });

describe('Config normalisers: RDK example items (snapshot / API form, documents decoded as in the example)', () => {
  it('AWS::IAM::Policy: default version document, counts, attachments from relationships, ref by ARN', () => {
    const [obs] = normalise(rdk('iam-policy.rdk-example.json'));
    expect(obs.ref).toEqual(ref('AWS::IAM::Policy', 'arn:aws:iam::264683526309:policy/ELB-policy', '264683526309'));
    expect(obs).toMatchObject({ state: 'present', source: 'config', gaps: [], observedAt: '2016-09-24T17:32:17.358Z' });
    expect(configOf<IamManagedPolicySnapshot>(obs)).toEqual({
      type: 'policy',
      name: 'ELB-policy',
      arn: 'arn:aws:iam::264683526309:policy/ELB-policy',
      policyId: 'ANPAIJWML3NX3NT6UAGO4',
      path: '/',
      awsManaged: false,
      defaultVersionId: 'v1',
      document: canonical({ Version: '2012-10-17', Statement: [{ Sid: 'Stmt1461949544000', Effect: 'Allow', Action: ['elasticloadbalancing:Describe*'], Resource: ['*'] }] }),
      attachmentCount: 4,
      permissionsBoundaryUsageCount: 0,
      isAttachable: true,
      attachedTo: { users: [], groups: [], roles: ['config-role', 'config-role-ezcrc', 'config-role-ezcrc2', 'config-role-ezcrc3'] },
      tags: {},
    });
  });

  it('AWS::IAM::Role: trust policy, service-role path, attached customer documents from the snapshot, AWS-managed documents unknown', () => {
    const role = rdk('iam-role.rdk-example.json');
    const [obs] = normalise(role, [role, rdk('iam-policy.rdk-example.json')]);
    expect(obs.ref).toEqual(ref('AWS::IAM::Role', 'config-role-ezcrc2', '264683526309'));
    const config = configOf<IamRoleSnapshot>(obs);
    expect(config).toMatchObject({ name: 'config-role-ezcrc2', arn: 'arn:aws:iam::264683526309:role/service-role/config-role-ezcrc2', path: '/service-role/', serviceLinked: false, serviceLastAccessed: null });
    expect(JSON.parse(config.trustPolicy!).Statement[0].Principal).toEqual({ Service: 'config.amazonaws.com' });
    expect(config.attachedPolicies.map((p) => [p.name, p.awsManaged, p.document === null])).toEqual([
      ['ELB-policy', false, false],
      ['config-role-ezcrc2-AWSConfigDeliveryPermissions-us-west-2', false, true],
      ['AWS_ConfigRole', true, true],
    ]);
  });

  it('AWS::IAM::User (event form): inline policies, attached, groups resolved through the snapshot (unrecorded → recorded: false), no credentials', () => {
    const user = rdk('iam-user.rdk-example.json');
    const group = { ...rdk('iam-group.rdk-example.json'), accountId: '112233445566' };
    const [obs] = normalise(user, [user, group]);
    const config = configOf<IamUserSnapshot>(obs);
    expect(obs.ref).toEqual(ref('AWS::IAM::User', 'johndoe', '112233445566'));
    expect(config.inlinePolicies.map((p) => p.name)).toEqual(['policygen-johndoe-201611060951']);
    expect(JSON.parse(config.inlinePolicies[0].document!).Statement[0].Action).toEqual(['codedeploy:*']);
    expect(config.attachedPolicies.map((p) => p.name)).toEqual(['ELB-policy', 'config-role-ap-northeast-1_AWSConfigDeliveryPermissions_ap-northeast-1', 'AdministratorAccess']);
    expect(config.groups).toEqual([
      { name: 'MyTestGroup', recorded: true, inlinePolicies: [], attachedPolicies: [{ name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess', awsManaged: true, document: null }] },
    ]);
    expect(config.credentials).toBeNull();
    expect(configOf<IamUserSnapshot>(normalise(user)[0]).groups).toEqual([{ name: 'MyTestGroup', recorded: false, inlinePolicies: [], attachedPolicies: [] }]);
  });

  it('AWS::IAM::Group: members from relationships (MFA unknown), attached policies', () => {
    const config = configOf<IamGroupSnapshot>(normalise(rdk('iam-group.rdk-example.json'))[0]);
    expect(config.members).toEqual([
      { name: 'FalconConsoleUser', mfaDevices: null },
      { name: 'aaronfre', mfaDevices: null },
      { name: 'aaronkhoo', mfaDevices: null },
    ]);
    expect(config.attachedPolicies.map((p) => p.arn)).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
  });

  it('a deleted item is gone', () => {
    const deleted = { ...rdk('iam-role.rdk-example.json'), status: 'ResourceDeleted', configuration: {} };
    expect(normalise(deleted)).toEqual([{ state: 'gone', ref: ref('AWS::IAM::Role', 'config-role-ezcrc2', '264683526309'), observedAt: '2016-11-06T03:41:52.719Z', source: 'config' }]);
  });
});

describe('Config normalisers: SelectResourceConfig results (URL-encoded documents, tags as a list)', () => {
  it('role: the URL-encoded trust policy is decoded', () => {
    const item = selected('config.SelectResourceConfig.iam-role.custodian.json', { resourceType: 'AWS::IAM::Role', accountId: '644160558196', resourceName: 'custodian-testing', awsRegion: 'global' });
    const config = configOf<IamRoleSnapshot>(normalise(item)[0]);
    expect(config.trustPolicy).toBe(canonical({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }));
    expect(config.attachedPolicies).toEqual([{ name: 'DeleteMe', arn: 'arn:aws:iam::644160558196:policy/DeleteMe', awsManaged: false, document: null }]);
  });
  it('user: groups from groupList, tags from the configuration list', () => {
    const item = selected('config.SelectResourceConfig.iam-user-group.custodian.json', { resourceType: 'AWS::IAM::User', accountId: '644160558196', resourceId: 'AIDAIFSHVFT46NXYGWMEI', awsRegion: 'global' });
    const [obs] = normalise(item);
    expect(obs.ref.id).toBe('faizan.ahmed');
    expect(configOf<IamUserSnapshot>(obs)).toMatchObject({ tags: { Owner: 'Samson.Shi' }, groups: [{ name: 'Admins', recorded: false }], attachedPolicies: [], inlinePolicies: [] });
  });
});

describe('Live and Config inputs describing the same resource normalise to the same snapshot', () => {
  const iam = mockClient(IAMClient);
  const collectors = createIamCollectors({ now: () => new Date('2026-11-26T00:00:00Z'), sleep: async () => undefined, serviceLastAccessed: false });
  const deleteMeDoc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::scratch/*' }] };
  const deleteMeItem = normaliseConfigItem({
    resourceType: 'AWS::IAM::Policy',
    resourceId: 'ANPADELETEME',
    resourceName: 'DeleteMe',
    accountId: '644160558196',
    arn: 'arn:aws:iam::644160558196:policy/DeleteMe',
    awsRegion: 'global',
    configuration: JSON.stringify({ policyName: 'DeleteMe', arn: 'arn:aws:iam::644160558196:policy/DeleteMe', defaultVersionId: 'v2', policyVersionList: [{ document: urlEncoded(deleteMeDoc), versionId: 'v2', isDefaultVersion: true }] }),
  });
  beforeEach(() => iam.reset());

  it('role custodian-testing (SelectResourceConfig vs GetRole / ListAttachedRolePolicies / GetPolicyVersion)', async () => {
    const item = selected('config.SelectResourceConfig.iam-role.custodian.json', { resourceType: 'AWS::IAM::Role', accountId: '644160558196', resourceName: 'custodian-testing', awsRegion: 'global' });
    const fromConfig = normalise(item, [item, deleteMeItem])[0];
    iam.on(GetRoleCommand).resolves({
      Role: {
        RoleName: 'custodian-testing',
        RoleId: 'AROAY5Y4D45RMKKKBXNQ3',
        Arn: 'arn:aws:iam::644160558196:role/custodian-testing',
        Path: '/',
        CreateDate: new Date('2021-12-16T18:06:50.000Z'),
        AssumeRolePolicyDocument: String(item.configuration.assumeRolePolicyDocument),
        Tags: [],
        RoleLastUsed: {},
      },
    });
    iam.on(ListRolePoliciesCommand).resolves({ PolicyNames: [] });
    iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [{ PolicyName: 'DeleteMe', PolicyArn: 'arn:aws:iam::644160558196:policy/DeleteMe' }] });
    iam.on(GetPolicyCommand).resolves({ Policy: { PolicyName: 'DeleteMe', Arn: 'arn:aws:iam::644160558196:policy/DeleteMe', DefaultVersionId: 'v2' } });
    iam.on(GetPolicyVersionCommand).resolves({ PolicyVersion: { Document: urlEncoded(deleteMeDoc), VersionId: 'v2', IsDefaultVersion: true } });
    const live = await collectors['AWS::IAM::Role'].collect(ref('AWS::IAM::Role', 'custodian-testing', '644160558196'), createClientFactory());
    expect(live.ref).toEqual(fromConfig.ref);
    expect(configOf<IamRoleSnapshot>(live)).toEqual(configOf<IamRoleSnapshot>(fromConfig));
  });

  it('user faizan.ahmed in group Admins (credentials are live-only and excluded from the comparison)', async () => {
    const item = selected('config.SelectResourceConfig.iam-user-group.custodian.json', { resourceType: 'AWS::IAM::User', accountId: '644160558196', resourceId: 'AIDAIFSHVFT46NXYGWMEI', awsRegion: 'global' });
    const adminsItem = normaliseConfigItem({
      resourceType: 'AWS::IAM::Group',
      resourceId: 'AGPAADMINS',
      resourceName: 'Admins',
      accountId: '644160558196',
      awsRegion: 'global',
      configuration: { groupName: 'Admins', groupPolicyList: [], attachedManagedPolicies: [{ policyName: 'DeleteMe', policyArn: 'arn:aws:iam::644160558196:policy/DeleteMe' }] },
    });
    const fromConfig = normalise(item, [item, adminsItem, deleteMeItem])[0];
    iam.on(GetUserCommand).resolves({ User: { UserName: 'faizan.ahmed', UserId: 'AIDAIFSHVFT46NXYGWMEI', Arn: 'arn:aws:iam::644160558196:user/faizan.ahmed', Path: '/', CreateDate: new Date('2018-08-20T14:19:28.000Z'), Tags: [{ Key: 'Owner', Value: 'Samson.Shi' }] } });
    iam.on(ListUserPoliciesCommand).resolves({ PolicyNames: [] });
    iam.on(ListAttachedUserPoliciesCommand).resolves({ AttachedPolicies: [] });
    iam.on(ListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'Admins', GroupId: 'AGPAADMINS', Arn: 'arn:aws:iam::644160558196:group/Admins', Path: '/', CreateDate: new Date() }] });
    iam.on(ListGroupPoliciesCommand).resolves({ PolicyNames: [] });
    iam.on(ListAttachedGroupPoliciesCommand).resolves({ AttachedPolicies: [{ PolicyName: 'DeleteMe', PolicyArn: 'arn:aws:iam::644160558196:policy/DeleteMe' }] });
    iam.on(GetPolicyCommand).resolves({ Policy: { PolicyName: 'DeleteMe', Arn: 'arn:aws:iam::644160558196:policy/DeleteMe', DefaultVersionId: 'v2' } });
    iam.on(GetPolicyVersionCommand).resolves({ PolicyVersion: { Document: urlEncoded(deleteMeDoc), VersionId: 'v2', IsDefaultVersion: true } });
    iam.on(GetLoginProfileCommand).rejects(awsError('NoSuchEntity', 404));
    iam.on(ListMFADevicesCommand).resolves({ MFADevices: [] });
    iam.on(ListVirtualMFADevicesCommand).resolves({ VirtualMFADevices: [] });
    iam.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [] });
    const live = configOf<IamUserSnapshot>(await collectors['AWS::IAM::User'].collect(ref('AWS::IAM::User', 'faizan.ahmed', '644160558196'), createClientFactory()));
    expect(live.credentials).toEqual({ passwordEnabled: false, passwordCreateDate: null, passwordLastUsed: null, mfaDevices: [], accessKeys: [] });
    expect({ ...live, credentials: null }).toEqual(configOf<IamUserSnapshot>(fromConfig));
  });
});
