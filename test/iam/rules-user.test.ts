import type { IamAccessKey, IamUserSnapshot } from '../../shared/resources/iam/types';
import { iamAccessKeyRotated90d } from '../../shared/rules/iam/iam-access-key-rotated-90d';
import { iamNoAccessKeyAtUserSetup } from '../../shared/rules/iam/iam-no-access-key-at-user-setup';
import { iamUnusedCredentials45d } from '../../shared/rules/iam/iam-unused-credentials-45d';
import { iamUnusedCredentials90d } from '../../shared/rules/iam/iam-unused-credentials-90d';
import { iamUserConsoleMfa } from '../../shared/rules/iam/iam-user-console-mfa';
import { iamUserHardwareMfa } from '../../shared/rules/iam/iam-user-hardware-mfa';
import { iamUserMfaEnabled } from '../../shared/rules/iam/iam-user-mfa-enabled';
import { iamUserNoAdministratoraccess } from '../../shared/rules/iam/iam-user-no-administratoraccess';
import { iamUserNoDirectPolicies } from '../../shared/rules/iam/iam-user-no-direct-policies';
import { iamUserNoLongLivedKeyUsage } from '../../shared/rules/iam/iam-user-no-long-lived-key-usage';
import { iamUserSingleActiveKey } from '../../shared/rules/iam/iam-user-single-active-key';
import { iamUserTagged } from '../../shared/rules/iam/iam-user-tagged';
import { api, baseUser, ctx, daysAgo, expectStatus, expectUnobserved, ref } from './helpers';

const userRef = ref('AWS::IAM::User', 'faizan.ahmed');
const key = (id: string, created: number, lastUsed: number | null, status: IamAccessKey['status'] = 'Active'): IamAccessKey => ({
  accessKeyId: id,
  status,
  createDate: daysAgo(created),
  lastUsedDate: lastUsed === null ? null : daysAgo(lastUsed),
  lastUsedService: lastUsed === null ? null : 's3',
});
/** The two active keys of the recorded ListAccessKeys answer (created 2016-12-08 and 2017-05-08). */
const recordedKeys = (): IamAccessKey[] =>
  api('iam.ListAccessKeys.two-active.custodian.json').AccessKeyMetadata.map((k: { AccessKeyId: string; Status: 'Active'; CreateDate: Date }) => ({
    accessKeyId: k.AccessKeyId,
    status: k.Status,
    createDate: k.CreateDate.toISOString(),
    lastUsedDate: null,
    lastUsedService: null,
  }));
const withAttached = (user: IamUserSnapshot, arn: string): IamUserSnapshot => ({
  ...user,
  attachedPolicies: [{ name: arn.slice(arn.lastIndexOf('/') + 1), arn, awsManaged: arn.includes(':aws:policy/'), document: null }],
});

describe('credential rules are live-only', () => {
  it('a user from AWS Config (no credentials) is an ERROR, never a PASS, for every credential rule, saying why', () => {
    const user = baseUser(null);
    for (const rule of [iamAccessKeyRotated90d, iamUserConsoleMfa, iamUserMfaEnabled, iamUserHardwareMfa, iamUnusedCredentials90d, iamUnusedCredentials45d, iamNoAccessKeyAtUserSetup, iamUserSingleActiveKey, iamUserNoLongLivedKeyUsage]) {
      expectUnobserved(rule, user, ctx(), userRef, /not recorded/);
    }
  });
});

describe('access keys', () => {
  it('rotation: the recorded 2016/2017 keys are older than 90 days (ctx.now); a 90-day-old key passes; inactive keys are ignored', () => {
    const check = expectStatus(iamAccessKeyRotated90d.evaluate(baseUser({ accessKeys: recordedKeys() }), ctx(), userRef), 'FAIL');
    expect(check.evidence.map((e) => e.field)).toEqual(['credentials.accessKeys[AKIAJRLD3ESRQSWUHEWA].createDate', 'credentials.accessKeys[AKIAJRLD3ESRQSWUHEGG].createDate']);
    expectStatus(iamAccessKeyRotated90d.evaluate(baseUser({ accessKeys: [key('AKIA1', 90, 1)] }), ctx(), userRef), 'PASS');
    expectStatus(iamAccessKeyRotated90d.evaluate(baseUser({ accessKeys: [key('AKIA1', 400, null, 'Inactive')] }), ctx(), userRef), 'PASS');
    expectStatus(iamAccessKeyRotated90d.evaluate(baseUser({ accessKeys: recordedKeys() }), ctx({}, new Date('2017-06-01T00:00:00Z')), userRef), 'FAIL');
    expectStatus(iamAccessKeyRotated90d.evaluate(baseUser({ accessKeys: recordedKeys() }), ctx({}, new Date('2017-02-01T00:00:00Z')), userRef), 'PASS');
  });
  it('single active key: the recorded two active keys fail; one active and one inactive pass', () => {
    expect(expectStatus(iamUserSingleActiveKey.evaluate(baseUser({ accessKeys: recordedKeys() }), ctx(), userRef), 'FAIL').evidence[0].value).toEqual(['AKIAJRLD3ESRQSWUHEWA', 'AKIAJRLD3ESRQSWUHEGG']);
    expectStatus(iamUserSingleActiveKey.evaluate(baseUser({ accessKeys: [key('A', 1, 1), key('B', 1, null, 'Inactive')] }), ctx(), userRef), 'PASS');
  });
  it('key at setup: a console user\'s never-used active key fails; a used one passes; no console password → N/A', () => {
    expectStatus(iamNoAccessKeyAtUserSetup.evaluate(baseUser({ passwordEnabled: true, accessKeys: [key('A', 3, null)] }), ctx(), userRef), 'FAIL');
    expectStatus(iamNoAccessKeyAtUserSetup.evaluate(baseUser({ passwordEnabled: true, accessKeys: [key('A', 3, 1)] }), ctx(), userRef), 'PASS');
    expectStatus(iamNoAccessKeyAtUserSetup.evaluate(baseUser({ accessKeys: [key('A', 3, null)] }), ctx(), userRef), 'NOT_APPLICABLE');
  });
  it('long-lived keys used beyond IAM/STS fail (Access Advisor); only iam/sts passes; no active key passes', () => {
    const user = (services: string[]) => ({ ...baseUser({ accessKeys: [key('A', 10, 1)] }), serviceLastAccessed: services.map((namespace) => ({ namespace, lastAuthenticated: daysAgo(2) })) });
    expect(expectStatus(iamUserNoLongLivedKeyUsage.evaluate(user(['iam', 's3']), ctx(), userRef), 'FAIL').evidence[0].value).toEqual(['s3']);
    expectStatus(iamUserNoLongLivedKeyUsage.evaluate(user(['iam', 'sts']), ctx(), userRef), 'PASS');
    expectStatus(iamUserNoLongLivedKeyUsage.evaluate({ ...user(['s3']), credentials: { ...user(['s3']).credentials!, accessKeys: [] } }, ctx(), userRef), 'PASS');
  });
});

describe('unused credentials (IAM.8 90 days, IAM.22 45 days)', () => {
  it('a password last used 60 days ago fails 45d and passes 90d', () => {
    const user = baseUser({ passwordEnabled: true, passwordLastUsed: daysAgo(60), passwordCreateDate: daysAgo(300) });
    expect(expectStatus(iamUnusedCredentials45d.evaluate(user, ctx(), userRef), 'FAIL').evidence[0].field).toBe('credentials.passwordLastUsed');
    expectStatus(iamUnusedCredentials90d.evaluate(user, ctx(), userRef), 'PASS');
  });
  it('a never-used password falls back to its creation; a never-used key to its creation; edge at exactly the limit fails', () => {
    const neverUsed = baseUser({ passwordEnabled: true, passwordCreateDate: daysAgo(90) });
    expect(expectStatus(iamUnusedCredentials90d.evaluate(neverUsed, ctx(), userRef), 'FAIL').evidence[0].field).toBe('credentials.passwordCreateDate');
    expectStatus(iamUnusedCredentials90d.evaluate(baseUser({ passwordEnabled: true, passwordCreateDate: daysAgo(89) }), ctx(), userRef), 'PASS');
    const keys = baseUser({ accessKeys: [key('OLD', 200, 100), key('NEW', 10, null), key('OFF', 400, null, 'Inactive')] });
    expect(expectStatus(iamUnusedCredentials90d.evaluate(keys, ctx(), userRef), 'FAIL').evidence.map((e) => e.field)).toEqual(['credentials.accessKeys[OLD]']);
  });
  it('a user without password or active key passes', () => {
    expectStatus(iamUnusedCredentials45d.evaluate(baseUser({}), ctx(), userRef), 'PASS');
  });
});

describe('MFA', () => {
  const virtual = { serialNumber: 'arn:aws:iam::111122223333:mfa/phone', enableDate: daysAgo(10), virtual: true };
  const hardware = { serialNumber: 'GAHT12345678', enableDate: daysAgo(10), virtual: false };
  it('console MFA: password without MFA fails; with MFA passes; no password → N/A', () => {
    expectStatus(iamUserConsoleMfa.evaluate(baseUser({ passwordEnabled: true }), ctx(), userRef), 'FAIL');
    expectStatus(iamUserConsoleMfa.evaluate(baseUser({ passwordEnabled: true, mfaDevices: [virtual] }), ctx(), userRef), 'PASS');
    expectStatus(iamUserConsoleMfa.evaluate(baseUser({}), ctx(), userRef), 'NOT_APPLICABLE');
  });
  it('every user MFA (IAM.19) fails programmatic users too', () => {
    expectStatus(iamUserMfaEnabled.evaluate(baseUser({}), ctx(), userRef), 'FAIL');
    expectStatus(iamUserMfaEnabled.evaluate(baseUser({ mfaDevices: [virtual] }), ctx(), userRef), 'PASS');
  });
  it('hardware MFA: only virtual fails; any hardware passes; none fails', () => {
    expectStatus(iamUserHardwareMfa.evaluate(baseUser({ mfaDevices: [virtual] }), ctx(), userRef), 'FAIL');
    expectStatus(iamUserHardwareMfa.evaluate(baseUser({ mfaDevices: [virtual, hardware] }), ctx(), userRef), 'PASS');
    expectStatus(iamUserHardwareMfa.evaluate(baseUser({}), ctx(), userRef), 'FAIL');
  });
});

describe('policies and tags of users', () => {
  it('direct policies: none passes (faizan.ahmed gets permissions from group Admins); attached or inline fails; a boundary does not count', () => {
    expectStatus(iamUserNoDirectPolicies.evaluate(baseUser(), ctx(), userRef), 'PASS');
    expectStatus(iamUserNoDirectPolicies.evaluate({ ...baseUser(), permissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/boundary' }, ctx(), userRef), 'PASS');
    expectStatus(iamUserNoDirectPolicies.evaluate(withAttached(baseUser(), 'arn:aws:iam::111122223333:policy/x'), ctx(), userRef), 'FAIL');
    expectStatus(iamUserNoDirectPolicies.evaluate({ ...baseUser(), inlinePolicies: [{ name: 'inline', document: '{}' }] }, ctx(), userRef), 'FAIL');
  });
  it('AdministratorAccess attached (any partition) fails; other AWS policies pass', () => {
    expectStatus(iamUserNoAdministratoraccess.evaluate(withAttached(baseUser(), 'arn:aws:iam::aws:policy/AdministratorAccess'), ctx(), userRef), 'FAIL');
    expectStatus(iamUserNoAdministratoraccess.evaluate(withAttached(baseUser(), 'arn:aws-cn:iam::aws:policy/AdministratorAccess'), ctx(), userRef), 'FAIL');
    expectStatus(iamUserNoAdministratoraccess.evaluate(withAttached(baseUser(), 'arn:aws:iam::aws:policy/ReadOnlyAccess'), ctx(), userRef), 'PASS');
    expectStatus(iamUserNoAdministratoraccess.evaluate(withAttached(baseUser(), 'arn:aws:iam::111122223333:policy/AdministratorAccess'), ctx(), userRef), 'PASS');
  });
  it('tags: a user tag passes; no tag or only aws: tags fail; required keys are checked', () => {
    expectStatus(iamUserTagged.evaluate(baseUser(), ctx(), userRef), 'PASS');
    expectStatus(iamUserTagged.evaluate({ ...baseUser(), tags: {} }, ctx(), userRef), 'FAIL');
    expectStatus(iamUserTagged.evaluate({ ...baseUser(), tags: { 'aws:cloudformation:stack-name': 's' } }, ctx(), userRef), 'FAIL');
    expect(expectStatus(iamUserTagged.evaluate(baseUser(), ctx({ requiredTagKeys: ['Owner', 'CostCenter'] }), userRef), 'FAIL').evidence[0].value).toEqual({ present: ['Owner'], missing: ['CostCenter'] });
  });
});
