import { parseEventBridgeEvent, resolveTargets, toEventPatterns, type CloudTrailDetail } from '../../shared/events';
import { detectionEventPatterns, detectionTriggers } from '../../shared/events/triggers/detections';
import { ACCESS_ANALYZER_EVENT_NAMES, IAM_EVENT_NAMES, iamTriggers } from '../../shared/events/triggers/iam';
import { IAM_KINDS } from '../../shared/resources/iam/kinds';
import { loadCloudTrailRecords, loadFixture, toEventBridge } from '../helpers/fixtures';

const catalogue = { rows: iamTriggers, kinds: IAM_KINDS };
const records = (file: string): Record<string, any>[] => loadCloudTrailRecords(`cloudtrail/${file}`);
const recordNamed = (file: string, eventName: string): Record<string, any> => {
  const found = records(file).find((r) => r.eventName === eventName);
  if (!found) throw new Error(`${eventName} not in ${file}`);
  return found;
};
const targetsOf = (detail: Record<string, any>) => {
  const { refs, fanOut } = resolveTargets(detail as CloudTrailDetail, iamTriggers, IAM_KINDS);
  return refs.map((r) => `${r.kind} ${r.id}`).sort().concat(fanOut.map((f) => `fanOut ${f.kind}`));
};

describe('IAM trigger catalogue', () => {
  it('covers every mutating iam.amazonaws.com event of §6.1 and every access-analyzer event of §6.2', () => {
    const named = (source: string) => new Set(iamTriggers.filter((r) => r.eventSource === source).flatMap((r) => r.eventNames));
    const iam = named('iam.amazonaws.com');
    expect(Object.values(IAM_EVENT_NAMES).flat().filter((n) => !iam.has(n))).toEqual([]);
    expect(ACCESS_ANALYZER_EVENT_NAMES.filter((n) => !named('access-analyzer.amazonaws.com').has(n))).toEqual([]);
    expect(Object.values(IAM_EVENT_NAMES).flat()).toHaveLength(88);
  });
  it('names only IAM kinds, and every IAM kind except the regional analyzer one is global', () => {
    const kinds = new Set(IAM_KINDS.map((k) => k.kind));
    expect(iamTriggers.every((r) => kinds.has(r.kind))).toBe(true);
    expect(IAM_KINDS.filter((k) => !k.global).map((k) => k.kind).sort()).toEqual(['AWS::AccessAnalyzer::Analyzer', 'AWS::AccessAnalyzer::Region']);
  });
  it('yields one EventBridge pattern per source, failed calls excluded, exact names only', () => {
    const patterns = toEventPatterns(iamTriggers);
    expect(patterns.map((p) => p.detail.eventSource[0])).toEqual(['access-analyzer.amazonaws.com', 'iam.amazonaws.com', 'iam.amazonaws.com']);
    expect(patterns.every((p) => p.detail.errorCode?.[0].exists === false)).toBe(true);
    const names = patterns.flatMap((p) => p.detail.eventName);
    expect(names.every((n) => typeof n === 'string')).toBe(true);
    expect(names).toContain('UpdateAssumeRolePolicy');
    expect(names).toContain('EnableOrganizationsRootCredentialsManagement');
  });
});

describe('IAM triggers on real CloudTrail records', () => {
  it('CreateAccessKey by root (no userName) re-evaluates the account, not a user', () => {
    expect(targetsOf(records('iam-CreateAccessKey-root.panther.json')[0])).toEqual(['AWS::IAM::Account 123456789012']);
  });
  it('CreateAccessKey for another user targets that user (requestParameters.userName), not the caller', () => {
    expect(targetsOf(records('iam-CreateAccessKey-for-other-user.panther.json')[0])).toEqual(['AWS::IAM::User user2']);
    expect(targetsOf(records('iam-CreateAccessKey.stratus.json').find((r) => r.eventName === 'CreateAccessKey')!)).toEqual([
      'AWS::IAM::User stratus-red-team-backdoor-u-user',
    ]);
  });
  it('a self-service CreateAccessKey (no userName) targets the calling IAM user', () => {
    const self = structuredClone(records('iam-CreateAccessKey-for-other-user.panther.json')[0]);
    self.requestParameters = null;
    delete self.responseElements.accessKey.userName;
    expect(targetsOf(self)).toEqual(['AWS::IAM::User user1']);
  });
  it('an errored CreateAccessKey is not re-read for posture (parser: posture false, no targets)', () => {
    const parsed = parseEventBridgeEvent(toEventBridge(records('iam-CreateAccessKey-error.panther.json')[0]), catalogue);
    expect(parsed).toMatchObject({ type: 'cloudtrail', posture: false, targets: { refs: [], fanOut: [] } });
  });
  it('AttachUserPolicy AdministratorAccess: the user and the (AWS-managed) policy in the event account', () => {
    const { refs } = resolveTargets(records('iam-AttachUserPolicy-AdministratorAccess.panther.json')[0] as CloudTrailDetail, iamTriggers, IAM_KINDS);
    expect(refs.map((r) => `${r.kind} ${r.id} ${r.accountId} ${r.region} ${r.arn}`).sort()).toEqual([
      'AWS::IAM::Policy arn:aws:iam::aws:policy/AdministratorAccess 123456789012 global arn:aws:iam::aws:policy/AdministratorAccess',
      'AWS::IAM::User new-user 123456789012 global arn:aws:iam::123456789012:user/new-user',
    ]);
  });
  it('AttachRolePolicy: the role and the policy (stratus, panther)', () => {
    expect(targetsOf(recordNamed('iam-CreateRole-AttachRolePolicy.stratus.json', 'AttachRolePolicy'))).toEqual([
      'AWS::IAM::Policy arn:aws:iam::aws:policy/AdministratorAccess',
      'AWS::IAM::Role stratus-red-team-malicious-iam-role',
    ]);
    expect(targetsOf(records('iam-AttachRolePolicy-AdministratorAccess.panther.json')[0])).toEqual([
      'AWS::IAM::Policy arn:aws:iam::aws:policy/AdministratorAccess',
      'AWS::IAM::Role new-role',
    ]);
  });
  it('CreateRole: the role by name, with a global ref and a path-less ARN', () => {
    const { refs } = resolveTargets(recordNamed('iam-CreateRole-AttachRolePolicy.stratus.json', 'CreateRole') as CloudTrailDetail, iamTriggers, IAM_KINDS);
    expect(refs).toEqual([
      { kind: 'AWS::IAM::Role', id: 'stratus-red-team-malicious-iam-role', arn: 'arn:aws:iam::609418236337:role/stratus-red-team-malicious-iam-role', accountId: '609418236337', region: 'global' },
    ]);
  });
  it('CreateUser, AttachUserPolicy, CreateAccessKey of the stratus sequence all target the new user', () => {
    const file = 'iam-CreateUser-AttachUserPolicy-CreateAccessKey.stratus.json';
    expect(targetsOf(recordNamed(file, 'CreateUser'))).toEqual(['AWS::IAM::User malicious-iam-user']);
    expect(targetsOf(recordNamed(file, 'CreateAccessKey'))).toEqual(['AWS::IAM::User malicious-iam-user']);
    expect(targetsOf(recordNamed(file, 'AttachUserPolicy'))).toContain('AWS::IAM::User malicious-iam-user');
  });
  it('CreateUser (AWS docs example) and AddUserToGroup: user, and group for membership changes; also the account for a new console user', () => {
    const created = loadCloudTrailRecords('cloudtrail/iam-CreateUser.awsdocs.json')[0];
    expect(targetsOf({ ...created, recipientAccountId: '123456789012' })).toEqual(['AWS::IAM::User Bob']);
    const added = loadCloudTrailRecords('cloudtrail/iam-AddUserToGroup.awsdocs.json')[0];
    expect(targetsOf({ ...added, recipientAccountId: '123456789012' })).toEqual(['AWS::IAM::Group admin', 'AWS::IAM::User Bob']);
    expect(targetsOf(recordNamed('iam-CreateLoginProfile.stratus.json', 'CreateLoginProfile'))).toEqual([
      'AWS::IAM::Account 070411556318',
      'AWS::IAM::User stratus-red-team-login-profile-user',
    ]);
  });
  it('CreatePolicy targets the new policy ARN from responseElements', () => {
    expect(targetsOf(records('iam-CreatePolicy.elastic.json')[0])).toEqual(['AWS::IAM::Policy arn:aws:iam::00000000000:policy/PwncloudSNSPublishPolicy']);
  });
  it('PutUserPolicy targets the user; UpdateAssumeRolePolicy the role (stratus)', () => {
    expect(targetsOf(records('iam-PutUserPolicy-AWSExposedCredentialPolicy.panther.json')[0])).toEqual(['AWS::IAM::User compromised_user']);
    expect(targetsOf(records('iam-UpdateAssumeRolePolicy.stratus.json').find((r) => r.eventName === 'UpdateAssumeRolePolicy')!)).toEqual([
      'AWS::IAM::Role stratus-red-team-backdoor-r-role',
    ]);
  });
  it('an UpdateAssumeRolePolicy without roleName (sanitised Panther sample) is rejected as malformed, naming the path', () => {
    expect(() => resolveTargets(records('iam-UpdateAssumeRolePolicy-principal-star.panther.json')[0] as CloudTrailDetail, iamTriggers, IAM_KINDS)).toThrow(
      /requestParameters\.roleName/,
    );
  });
  it('a read-only IAM call (GetUserPolicy) re-reads nothing (only detections see it)', () => {
    const read = { ...loadCloudTrailRecords('cloudtrail/iam-GetUserPolicy.awsdocs.json')[0], readOnly: true, recipientAccountId: '444455556666' };
    expect(parseEventBridgeEvent(toEventBridge(read), catalogue)).toMatchObject({ type: 'cloudtrail', posture: false, targets: { refs: [] } });
    expect(targetsOf({ ...read, readOnly: false })).toEqual([]);
  });
});

describe('IAM triggers on real EventBridge events', () => {
  it('CreatePolicyVersion (setAsDefault): the policy', () => {
    const parsed = parseEventBridgeEvent(loadFixture('eventbridge/iam-CreatePolicyVersion.rust-fixture.json'), catalogue);
    if (parsed.type !== 'cloudtrail') throw new Error(parsed.type);
    expect(parsed.posture).toBe(true);
    expect(parsed.targets.refs.map((r) => `${r.kind} ${r.id} ${r.region}`)).toEqual(['AWS::IAM::Policy arn:aws:iam::014824332634:policy/Dome9CloudBots global']);
    expect(parsed.actor.principalArn).toBe('arn:aws:iam::014824332634:user/thien');
  });
  it('PutRolePolicy and DeleteRolePolicy: the role', () => {
    for (const file of ['iam-PutRolePolicy.rust-fixture.json', 'iam-DeleteRolePolicy.rust-fixture.json']) {
      const parsed = parseEventBridgeEvent(loadFixture(`eventbridge/${file}`), catalogue);
      expect(parsed.type === 'cloudtrail' && parsed.targets.refs.map((r) => `${r.kind} ${r.id} ${r.accountId}`)).toEqual([
        'AWS::IAM::Role practicum_test_role_inline 014824332634',
      ]);
    }
  });
});

describe('IAM triggers on mutated shapes (no recorded sample)', () => {
  const base = () => structuredClone(loadFixture('eventbridge/iam-PutRolePolicy.rust-fixture.json').detail);
  const withEvent = (eventName: string, requestParameters: unknown, extra: Record<string, unknown> = {}) => ({ ...base(), eventName, requestParameters, ...extra });
  it('UpdateUser renames: both the old and the new name are re-read', () => {
    expect(targetsOf(withEvent('UpdateUser', { userName: 'old', newUserName: 'new' }))).toEqual(['AWS::IAM::User new', 'AWS::IAM::User old']);
  });
  it('root EnableMFADevice → the account; a user EnableMFADevice → that user', () => {
    expect(targetsOf(withEvent('EnableMFADevice', { serialNumber: 'arn:aws:iam::014824332634:mfa/root-account-mfa-device' }, { userIdentity: { type: 'Root', arn: 'arn:aws:iam::014824332634:root', accountId: '014824332634' } }))).toEqual([
      'AWS::IAM::Account 014824332634',
    ]);
    expect(targetsOf(withEvent('EnableMFADevice', { userName: 'alice', serialNumber: 'arn:aws:iam::014824332634:mfa/alice' }))).toEqual(['AWS::IAM::User alice']);
  });
  it('attaching AWSSupportAccess also re-evaluates the account (support-role rule); another policy does not', () => {
    expect(targetsOf(withEvent('AttachRolePolicy', { roleName: 'support', policyArn: 'arn:aws:iam::aws:policy/AWSSupportAccess' }))).toEqual([
      'AWS::IAM::Account 014824332634',
      'AWS::IAM::Policy arn:aws:iam::aws:policy/AWSSupportAccess',
      'AWS::IAM::Role support',
    ]);
    expect(targetsOf(withEvent('AttachRolePolicy', { roleName: 'x', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }))).not.toContain('AWS::IAM::Account 014824332634');
  });
  it('password policy, identity providers and root-credential management → the account', () => {
    for (const name of ['UpdateAccountPasswordPolicy', 'CreateSAMLProvider', 'EnableOrganizationsRootCredentialsManagement']) {
      expect(targetsOf(withEvent(name, {}))).toEqual(['AWS::IAM::Account 014824332634']);
    }
  });
  it('server certificates by name (rename → both); CreateServiceLinkedRole from the response; instance profiles decline without a role', () => {
    expect(targetsOf(withEvent('UpdateServerCertificate', { serverCertificateName: 'a', newServerCertificateName: 'b' }))).toEqual([
      'AWS::IAM::ServerCertificate a',
      'AWS::IAM::ServerCertificate b',
    ]);
    expect(targetsOf(withEvent('CreateServiceLinkedRole', { aWSServiceName: 'elasticbeanstalk.amazonaws.com' }, { responseElements: { role: { roleName: 'AWSServiceRoleForElasticBeanstalk' } } }))).toEqual([
      'AWS::IAM::Role AWSServiceRoleForElasticBeanstalk',
    ]);
    expect(targetsOf(withEvent('CreateInstanceProfile', { instanceProfileName: 'p' }))).toEqual([]);
  });
  it('access-analyzer (regional): CreateAnalyzer → analyzer and Region kinds in the event Region; TagResource by ARN', () => {
    const detail = { ...withEvent('CreateAnalyzer', { analyzerName: 'external', type: 'ACCOUNT' }), eventSource: 'access-analyzer.amazonaws.com', awsRegion: 'eu-west-1' };
    const { refs } = resolveTargets(detail as CloudTrailDetail, iamTriggers, IAM_KINDS);
    expect(refs.map((r) => `${r.kind} ${r.region} ${r.arn}`).sort()).toEqual([
      'AWS::AccessAnalyzer::Analyzer eu-west-1 arn:aws:access-analyzer:eu-west-1:014824332634:analyzer/external',
      'AWS::AccessAnalyzer::Region eu-west-1 arn:aws:access-analyzer:eu-west-1:014824332634:analyzer/*',
    ]);
    const tag = { ...detail, eventName: 'TagResource', requestParameters: { resourceArn: 'arn:aws:access-analyzer:eu-west-1:014824332634:analyzer/external', tags: {} } };
    expect(resolveTargets(tag as CloudTrailDetail, iamTriggers, IAM_KINDS).refs.map((r) => r.arn)).toEqual(['arn:aws:access-analyzer:eu-west-1:014824332634:analyzer/external']);
  });
});

describe('Detection trigger rows', () => {
  it('route events only: the parser never turns them into posture targets', () => {
    const detail = loadFixture('eventbridge/iam-PutRolePolicy.rust-fixture.json').detail;
    expect(resolveTargets(detail, detectionTriggers, IAM_KINDS)).toEqual({ refs: [], fanOut: [] });
    expect(detectionTriggers.every((r) => r.kind === 'event')).toBe(true);
  });
  it('list the CIS §4 sources and names', () => {
    const bySource = Object.fromEntries(detectionTriggers.map((r) => [r.eventSource, r.eventNames.length]));
    // No sign-in row: sign-ins never arrive as "AWS API Call via CloudTrail" (the sign-in pattern routes them).
    expect(bySource).toEqual({
      'iam.amazonaws.com': 16,
      's3.amazonaws.com': 9,
      'cloudtrail.amazonaws.com': 6,
      'kms.amazonaws.com': 2,
      'config.amazonaws.com': 4,
    });
  });
  it('come with the patterns rows cannot express: both sign-in detail-types, root activity, failed calls', () => {
    const json = JSON.stringify(detectionEventPatterns);
    expect(json).toContain('AWS Console Sign In via CloudTrail');
    expect(json).toContain('AWS Console Signin via CloudTrail');
    expect(json).toContain('"userIdentity":{"type":["Root"]}');
    expect(json).toContain('{"prefix":"AccessDenied"}');
    expect(detectionEventPatterns.find((p) => p.description.startsWith('det-unauthorized'))!.pattern).not.toHaveProperty('detail.errorCode.0.exists');
  });
});

describe('root MFA calls', () => {
  it('re-evaluate the account (root MFA controls), never an IAM user named "AWS ROOT USER" (AWS documentation sample)', () => {
    const record = loadFixture('cloudtrail/iam-EnableMFADevice-root.awsdocs.json');
    expect(targetsOf(record)).toEqual(['AWS::IAM::Account 111122223333']);
    record.eventName = 'DeactivateMFADevice';
    expect(targetsOf(record)).toEqual(['AWS::IAM::Account 111122223333']);
    // An administrator acting on the root's device name is still about root, not about a user.
    record.userIdentity = { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/admin', accountId: '111122223333', userName: 'admin' };
    expect(targetsOf(record)).toEqual(['AWS::IAM::Account 111122223333']);
    // A real user's MFA still re-evaluates that user.
    record.requestParameters = { userName: 'alice', serialNumber: 'arn:aws:iam::111122223333:mfa/alice' };
    expect(targetsOf(record)).toEqual(['AWS::IAM::User alice']);
  });
});
