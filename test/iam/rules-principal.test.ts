import { analyzePolicy } from '../../shared/policy';
import { fromAuthorizationDetails } from '../../shared/resources/iam/authorization-details';
import { createConfigIndex, normaliseConfigItem } from '../../shared/resources/config-item';
import { IAM_CONFIG_NORMALISERS } from '../../shared/resources/iam/config';
import type { IamGroupSnapshot, IamPrincipalSnapshot, IamRoleSnapshot, IamUserSnapshot } from '../../shared/resources/iam/types';
import { iamAdminGroupMembersMfa } from '../../shared/rules/iam/iam-admin-group-members-mfa';
import { iamGroupNoAdministratoraccess } from '../../shared/rules/iam/iam-group-no-administratoraccess';
import { iamInlinePolicyNoAdminStar } from '../../shared/rules/iam/iam-inline-policy-no-admin-star';
import { iamInlinePolicyNoKmsDecryptAll } from '../../shared/rules/iam/iam-inline-policy-no-kms-decrypt-all';
import { iamInlinePolicyNoPrivilegeEscalation } from '../../shared/rules/iam/iam-inline-policy-no-privilege-escalation';
import { iamNoCloudshellFullAccess } from '../../shared/rules/iam/iam-no-cloudshell-full-access';
import { iamPrincipalNoAdminAccess } from '../../shared/rules/iam/iam-principal-no-admin-access';
import { iamPrincipalNoPrivilegeEscalation } from '../../shared/rules/iam/iam-principal-no-privilege-escalation';
import { WELL_KNOWN_AWS_POLICIES } from '../../shared/rules/iam/lib/well-known';
import { loadApiResponse, loadFixture } from '../helpers/fixtures';
import { canonical, configOf, ctx, expectStatus, expectUnobserved, ref } from './helpers';

const ACCOUNT = '200611803367';
const dump = loadApiResponse<Record<string, any[]>>('iam.GetAccountAuthorizationDetails.cloudsplaining-example.json');
const observations = fromAuthorizationDetails(dump, { observedAt: '2026-11-26T00:00:00Z' });
const principal = <T extends IamPrincipalSnapshot>(kind: string, name: string): T => configOf<T>(observations.find((o) => o.ref.kind === kind && o.ref.id === name)!);
const user = (name: string) => principal<IamUserSnapshot>('AWS::IAM::User', name);
const role = (name: string) => principal<IamRoleSnapshot>('AWS::IAM::Role', name);
const refOf = (p: IamPrincipalSnapshot) => ref(`AWS::IAM::${p.type === 'user' ? 'User' : p.type === 'role' ? 'Role' : 'Group'}` as 'AWS::IAM::User', p.name, ACCOUNT);
const c = ctx();
const rdkRole = (): IamRoleSnapshot => {
  const item = normaliseConfigItem(loadFixture('config-items/iam-role.rdk-example.json'));
  return configOf(IAM_CONFIG_NORMALISERS.find((n) => n.configType === 'AWS::IAM::Role')!.toObservations(item, createConfigIndex([item]))[0]);
};
const rdkGroup = (): IamGroupSnapshot => {
  const item = normaliseConfigItem(loadFixture('config-items/iam-group.rdk-example.json'));
  return configOf(IAM_CONFIG_NORMALISERS.find((n) => n.configType === 'AWS::IAM::Group')!.toObservations(item, createConfigIndex([item]))[0]);
};

describe('iam-principal-no-privilege-escalation (union of all policies)', () => {
  it('PassRole in one policy and RunInstances in another escalate together, naming both policies', () => {
    const u = user('fn1-privesc3-partial-user');
    const check = expectStatus(iamPrincipalNoPrivilegeEscalation.evaluate(u, c, refOf(u)), 'FAIL');
    expect(check.message).toMatch(/CreateEC2WithExistingIP/);
    expect(check.evidence.map((e) => e.field).sort()).toEqual([
      `attachedPolicies[arn:aws:iam::${ACCOUNT}:policy/fn1-passrole-star].document`,
      `attachedPolicies[arn:aws:iam::${ACCOUNT}:policy/fn1-privesc3-partial].document`,
    ]);
  });
  it('through a group\'s policy (privesc-sre-user ← privesc-sre-group: iam:*), evidence says via which group', () => {
    const u = user('privesc-sre-user');
    const check = expectStatus(iamPrincipalNoPrivilegeEscalation.evaluate(u, c, refOf(u)), 'FAIL');
    expect(check.evidence[0]).toMatchObject({ field: `groups[privesc-sre-group].attachedPolicies[arn:aws:iam::${ACCOUNT}:policy/privesc-sre-admin-policy].document`, value: { viaGroup: 'privesc-sre-group' } });
  });
  it('an explicit Deny in another policy cancels the escalation (deny-all + allow-all); an SSM-only role passes', () => {
    const u = user('fp2-allow-and-deny-multiple-policies-user');
    expectStatus(iamPrincipalNoPrivilegeEscalation.evaluate(u, c, refOf(u)), 'PASS');
    expectStatus(iamPrincipalNoAdminAccess.evaluate(u, c, refOf(u)), 'PASS');
    expectStatus(iamPrincipalNoPrivilegeEscalation.evaluate(role('privesc-ssmSendCommand-role'), c, refOf(role('privesc-ssmSendCommand-role'))), 'PASS');
  });
  it('roles escalate through their attached customer policies', () => {
    expectStatus(iamPrincipalNoPrivilegeEscalation.evaluate(role('privesc9-AttachRolePolicy-role'), c, refOf(role('privesc9-AttachRolePolicy-role'))), 'FAIL');
  });
});

describe('iam-principal-no-admin-access (any policy, AWS-managed included)', () => {
  it('AdministratorAccess attached to a role (document from the dump) fails', () => {
    const r = role('AWS-QuickSetup-StackSet-Local-ExecutionRole');
    const check = expectStatus(iamPrincipalNoAdminAccess.evaluate(r, c, refOf(r)), 'FAIL');
    expect(check.evidence[0]).toMatchObject({ field: 'attachedPolicies[arn:aws:iam::aws:policy/AdministratorAccess].document', statements: [{ index: 0 }] });
    expect(check.evidence[0].message).not.toMatch(/known by name/);
  });
  it('a Config role with AdministratorAccess (no document in Config) is judged by name; unknown AWS policies make it an ERROR, never PASS', () => {
    const config = rdkRole();
    const withAdmin = { ...config, attachedPolicies: [...config.attachedPolicies, { name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess', awsManaged: true, document: null }] };
    expect(expectStatus(iamPrincipalNoAdminAccess.evaluate(withAdmin, c, refOf(withAdmin)), 'FAIL').evidence[0].message).toMatch(/known by name/);
    expectUnobserved(iamPrincipalNoAdminAccess, config, c, refOf(config), /AWS_ConfigRole/);
  });
  it('service wildcards through a group (privesc-sre-user) are not admin; AdministratorAccess (obama) is; service-linked roles are N/A', () => {
    const sreAdminGroupUser = user('privesc-sre-user');
    expectStatus(iamPrincipalNoAdminAccess.evaluate(sreAdminGroupUser, c, refOf(sreAdminGroupUser)), 'PASS');
    const obama = user('obama');
    expectStatus(iamPrincipalNoAdminAccess.evaluate(obama, c, refOf(obama)), 'FAIL');
    const slr = { ...role('privesc-high-priv-service-role'), serviceLinked: true };
    expectStatus(iamPrincipalNoAdminAccess.evaluate(slr, c, refOf(slr)), 'NOT_APPLICABLE');
  });
  it('Vigil\'s copies of IAMFullAccess and PowerUserAccess give the same admin / privesc verdicts as the real documents in the dump', () => {
    for (const name of ['AdministratorAccess', 'IAMFullAccess', 'PowerUserAccess']) {
      const real = dump.Policies.find((p) => p.Arn === `arn:aws:iam::aws:policy/${name}`)!.PolicyVersionList.find((v: { IsDefaultVersion: boolean }) => v.IsDefaultVersion).Document;
      const copy = WELL_KNOWN_AWS_POLICIES[name].document!;
      const judge = (doc: unknown) => {
        const v = analyzePolicy('identity-policy', doc, { accountId: ACCOUNT });
        return { admin: v.admin.value, privesc: v.privesc.value };
      };
      expect({ name, ...judge(copy) }).toEqual({ name, ...judge(real) });
    }
  });
});

describe('inline-policy rules', () => {
  const withInline = (document: unknown): IamRoleSnapshot => ({ ...role('privesc-ssmSendCommand-role'), inlinePolicies: [{ name: 'inline', document: canonical(document) }] });
  const r = ref('AWS::IAM::Role', 'privesc-ssmSendCommand-role', ACCOUNT);
  it('admin: an inline "*" on "*" fails; a managed admin policy does not count (inline only); no inline → N/A', () => {
    expect(expectStatus(iamInlinePolicyNoAdminStar.evaluate(withInline({ Version: '2012-10-17', Statement: [{ Sid: 'All', Effect: 'Allow', Action: '*', Resource: '*' }] }), c, r), 'FAIL').evidence[0]).toMatchObject({
      field: 'inlinePolicies[inline].document',
      statements: [{ index: 0, sid: 'All' }],
    });
    expectStatus(iamInlinePolicyNoAdminStar.evaluate(withInline({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }), c, r), 'PASS');
    expectStatus(iamInlinePolicyNoAdminStar.evaluate(role('AWS-QuickSetup-StackSet-Local-ExecutionRole'), c, r), 'NOT_APPLICABLE');
  });
  it('privilege escalation: the PutUserPolicy of the recorded CloudTrail event is a Deny (quarantine) and passes; iam:PutUserPolicy allowed fails', () => {
    const quarantine = loadFixture('cloudtrail/iam-PutUserPolicy-AWSExposedCredentialPolicy.panther.json').requestParameters.policyDocument;
    expectStatus(iamInlinePolicyNoPrivilegeEscalation.evaluate(withInline(quarantine), c, r), 'PASS');
    const check = expectStatus(iamInlinePolicyNoPrivilegeEscalation.evaluate(withInline({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:PutUserPolicy', Resource: '*' }] }), c, r), 'FAIL');
    expect((check.evidence[0].value as { methods: string[] }).methods).toEqual(['PutUserPolicy']);
  });
  it('KMS.2: the QuickSetup role\'s inline kms:Decrypt on "*" fails; a principal whose inline grants are scoped passes', () => {
    const quick = role('AWS-QuickSetup-EnableCRecording-1clff_us-east-1');
    expect(expectStatus(iamInlinePolicyNoKmsDecryptAll.evaluate(quick, c, refOf(quick)), 'FAIL').evidence[0].field).toMatch(/^inlinePolicies\[AWS-QuickSetup-CFGRecording/);
    expectStatus(iamInlinePolicyNoKmsDecryptAll.evaluate(withInline({ Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:200611803367:key/abc' }] }), c, r), 'PASS');
  });
});

describe('AdministratorAccess / CloudShell on identities, administrator groups', () => {
  it('group with AdministratorAccess (RDK group) fails and names its members', () => {
    const group = rdkGroup();
    expect(expectStatus(iamGroupNoAdministratoraccess.evaluate(group, c, refOf(group)), 'FAIL').evidence[0].value).toMatchObject({ members: ['FalconConsoleUser', 'aaronfre', 'aaronkhoo'] });
    expectStatus(iamGroupNoAdministratoraccess.evaluate({ ...group, attachedPolicies: [] }, c, refOf(group)), 'PASS');
  });
  it('admin group members MFA: a member without MFA fails; all with MFA pass; unknown (Config) → ERROR; non-admin group → N/A', () => {
    const group = rdkGroup();
    expectUnobserved(iamAdminGroupMembersMfa, group, c, refOf(group), /MFA devices of .* are not in this snapshot/);
    const live = { ...group, members: [{ name: 'aaronfre', mfaDevices: 1 }, { name: 'aaronkhoo', mfaDevices: 0 }] };
    expect(expectStatus(iamAdminGroupMembersMfa.evaluate(live, c, refOf(group)), 'FAIL').evidence[0].value).toEqual(['aaronkhoo']);
    expectStatus(iamAdminGroupMembersMfa.evaluate({ ...live, members: [{ name: 'aaronfre', mfaDevices: 2 }] }, c, refOf(group)), 'PASS');
    expectStatus(iamAdminGroupMembersMfa.evaluate({ ...live, attachedPolicies: [] }, c, refOf(group)), 'NOT_APPLICABLE');
  });
  it('AWSCloudShellFullAccess attached fails per identity; other policies pass', () => {
    const group = rdkGroup();
    const withShell = { ...group, attachedPolicies: [{ name: 'AWSCloudShellFullAccess', arn: 'arn:aws:iam::aws:policy/AWSCloudShellFullAccess', awsManaged: true, document: null }] };
    expectStatus(iamNoCloudshellFullAccess.evaluate(withShell, c, refOf(group)), 'FAIL');
    expectStatus(iamNoCloudshellFullAccess.evaluate(group, c, refOf(group)), 'PASS');
    expect(iamNoCloudshellFullAccess.kinds).toEqual(['AWS::IAM::User', 'AWS::IAM::Role', 'AWS::IAM::Group']);
  });
});
