import type { IamAccountSnapshot, PasswordPolicy } from '../../shared/resources/iam/types';
import { iamFederationCentral } from '../../shared/rules/iam/iam-federation-central';
import { iamPasswordPolicyLowercase } from '../../shared/rules/iam/iam-password-policy-lowercase';
import { iamPasswordPolicyMaxAge90 } from '../../shared/rules/iam/iam-password-policy-max-age-90';
import { iamPasswordPolicyMinLength14 } from '../../shared/rules/iam/iam-password-policy-min-length-14';
import { iamPasswordPolicyNumber } from '../../shared/rules/iam/iam-password-policy-number';
import { iamPasswordPolicyPci } from '../../shared/rules/iam/iam-password-policy-pci';
import { iamPasswordPolicyReuse24 } from '../../shared/rules/iam/iam-password-policy-reuse-24';
import { iamPasswordPolicyStrong } from '../../shared/rules/iam/iam-password-policy-strong';
import { iamPasswordPolicySymbol } from '../../shared/rules/iam/iam-password-policy-symbol';
import { iamPasswordPolicyUppercase } from '../../shared/rules/iam/iam-password-policy-uppercase';
import { iamRootCredentialsCentrallyManaged } from '../../shared/rules/iam/iam-root-credentials-centrally-managed';
import { iamRootHardwareMfa } from '../../shared/rules/iam/iam-root-hardware-mfa';
import { iamRootMfa } from '../../shared/rules/iam/iam-root-mfa';
import { iamRootNoAccessKeys } from '../../shared/rules/iam/iam-root-no-access-keys';
import { iamRootNotUsed } from '../../shared/rules/iam/iam-root-not-used';
import { iamSecurityAuditRoleExists } from '../../shared/rules/iam/iam-security-audit-role-exists';
import { iamSupportRoleExists } from '../../shared/rules/iam/iam-support-role-exists';
import { ACCOUNT, baseAccount, ctx, daysAgo, expectStatus, expectUnobserved, ref } from './helpers';

const accountRef = ref('AWS::IAM::Account', ACCOUNT);
const withPolicy = (changes: Partial<PasswordPolicy> | null): IamAccountSnapshot => {
  const account = baseAccount();
  return { ...account, passwordPolicy: changes === null ? null : { ...account.passwordPolicy!, ...changes } };
};
const withRoot = (changes: Record<string, string>): IamAccountSnapshot => {
  const account = baseAccount();
  const rows = account.credentialReport!.rows.map((r) => (r.user === '<root_account>' ? { ...r, ...changes } : r));
  return { ...account, credentialReport: { ...account.credentialReport!, rows } };
};

describe('password policy rules', () => {
  const all = [iamPasswordPolicyStrong, iamPasswordPolicyPci, iamPasswordPolicyUppercase, iamPasswordPolicyLowercase, iamPasswordPolicySymbol, iamPasswordPolicyNumber, iamPasswordPolicyMinLength14, iamPasswordPolicyReuse24, iamPasswordPolicyMaxAge90];
  it('a CIS-grade policy passes all nine', () => {
    for (const rule of all) expectStatus(rule.evaluate(baseAccount(), ctx(), accountRef), 'PASS');
  });
  it('no password policy (NoSuchEntity) fails all nine, naming the missing policy', () => {
    for (const rule of all) expect(expectStatus(rule.evaluate(withPolicy(null), ctx(), accountRef), 'FAIL').evidence[0]).toMatchObject({ field: 'passwordPolicy', value: null });
  });
  it.each([
    [iamPasswordPolicyUppercase, { requireUppercaseCharacters: false }, 'passwordPolicy.requireUppercaseCharacters'],
    [iamPasswordPolicyLowercase, { requireLowercaseCharacters: false }, 'passwordPolicy.requireLowercaseCharacters'],
    [iamPasswordPolicySymbol, { requireSymbols: false }, 'passwordPolicy.requireSymbols'],
    [iamPasswordPolicyNumber, { requireNumbers: false }, 'passwordPolicy.requireNumbers'],
    [iamPasswordPolicyMinLength14, { minimumPasswordLength: 13 }, 'passwordPolicy.minimumPasswordLength'],
    [iamPasswordPolicyReuse24, { passwordReusePrevention: 23 }, 'passwordPolicy.passwordReusePrevention'],
    [iamPasswordPolicyMaxAge90, { maxPasswordAge: 91 }, 'passwordPolicy.maxPasswordAge'],
    [iamPasswordPolicyMaxAge90, { expirePasswords: false, maxPasswordAge: null }, 'passwordPolicy.maxPasswordAge'],
  ] as const)('%# fails on its own shortfall', (rule, change, field) => {
    const check = expectStatus(rule.evaluate(withPolicy(change), ctx(), accountRef), 'FAIL');
    expect(check.evidence.map((e) => e.field)).toEqual([field]);
  });
  it('edges: length exactly 14 and age exactly 90 pass', () => {
    expectStatus(iamPasswordPolicyMinLength14.evaluate(withPolicy({ minimumPasswordLength: 14 }), ctx(), accountRef), 'PASS');
    expectStatus(iamPasswordPolicyMaxAge90.evaluate(withPolicy({ maxPasswordAge: 90 }), ctx(), accountRef), 'PASS');
  });
  it('PCI: 7 characters, reuse 4 and 90 days pass; symbols are not required; reuse 3 fails', () => {
    expectStatus(iamPasswordPolicyPci.evaluate(withPolicy({ minimumPasswordLength: 7, passwordReusePrevention: 4, requireSymbols: false }), ctx(), accountRef), 'PASS');
    expect(expectStatus(iamPasswordPolicyPci.evaluate(withPolicy({ passwordReusePrevention: 3, minimumPasswordLength: 6 }), ctx(), accountRef), 'FAIL').evidence.map((e) => e.field)).toEqual([
      'passwordPolicy.minimumPasswordLength',
      'passwordPolicy.passwordReusePrevention',
    ]);
  });
  it('strong: defaults (length 8, all classes; reuse / age unchecked) and Security Hub parameters', () => {
    const weakButDefaultOk = withPolicy({ minimumPasswordLength: 8, passwordReusePrevention: null, expirePasswords: false, maxPasswordAge: null });
    expectStatus(iamPasswordPolicyStrong.evaluate(weakButDefaultOk, ctx(), accountRef), 'PASS');
    expectStatus(iamPasswordPolicyStrong.evaluate(withPolicy({ minimumPasswordLength: 7 }), ctx(), accountRef), 'FAIL');
    expectStatus(iamPasswordPolicyStrong.evaluate(weakButDefaultOk, ctx({ passwordReusePrevention: 12 }), accountRef), 'FAIL');
    expectStatus(iamPasswordPolicyStrong.evaluate(weakButDefaultOk, ctx({ maxPasswordAge: 60 }), accountRef), 'FAIL');
    expectStatus(iamPasswordPolicyStrong.evaluate(withPolicy({ requireSymbols: false }), ctx({ requireSymbols: false }), accountRef), 'PASS');
    expectStatus(iamPasswordPolicyStrong.evaluate(withPolicy({ minimumPasswordLength: 12 }), ctx({ minimumPasswordLength: 14 }), accountRef), 'FAIL');
  });
});

describe('root rules', () => {
  it('root access keys: present fails, absent passes', () => {
    expectStatus(iamRootNoAccessKeys.evaluate(baseAccount(), ctx(), accountRef), 'PASS');
    const keys = { ...baseAccount(), summary: { ...baseAccount().summary!, accountAccessKeysPresent: true } };
    expect(expectStatus(iamRootNoAccessKeys.evaluate(keys, ctx(), accountRef), 'FAIL').evidence[0].field).toBe('summary.accountAccessKeysPresent');
  });
  it('root MFA: off fails; centralized root access (no password, no keys in the report) passes without MFA', () => {
    const noMfa = { ...baseAccount(), summary: { ...baseAccount().summary!, accountMfaEnabled: false } };
    expectStatus(iamRootMfa.evaluate(noMfa, ctx(), accountRef), 'FAIL');
    expectStatus(iamRootHardwareMfa.evaluate(noMfa, ctx(), accountRef), 'FAIL');
    const centralized = { ...withRoot({ password_enabled: 'false' }), summary: noMfa.summary };
    expectStatus(iamRootMfa.evaluate(centralized, ctx(), accountRef), 'PASS');
    expectStatus(iamRootHardwareMfa.evaluate(centralized, ctx(), accountRef), 'PASS');
    // `not_supported` proves nothing: credentials are assumed present.
    expectStatus(iamRootMfa.evaluate({ ...withRoot({ password_enabled: 'not_supported' }), summary: noMfa.summary }, ctx(), accountRef), 'FAIL');
  });
  it('root hardware MFA: a virtual device assigned to root fails; hardware passes', () => {
    expectStatus(iamRootHardwareMfa.evaluate(baseAccount(), ctx(), accountRef), 'PASS');
    expect(expectStatus(iamRootHardwareMfa.evaluate({ ...baseAccount(), rootVirtualMfa: true }, ctx(), accountRef), 'FAIL').evidence[0].field).toBe('rootVirtualMfa');
  });
  it('root not used: a password use within the window fails (ctx.now, default 1 day); older passes; window is a parameter; no credential report → ERROR', () => {
    const recent = withRoot({ password_last_used: daysAgo(0.5) });
    expect(expectStatus(iamRootNotUsed.evaluate(recent, ctx(), accountRef), 'FAIL').evidence[0].field).toBe('credentialReport.<root_account>.password_last_used');
    expectStatus(iamRootNotUsed.evaluate(baseAccount(), ctx(), accountRef), 'PASS');
    expectStatus(iamRootNotUsed.evaluate(baseAccount(), ctx({ rootUsageWindowDays: 45 }), accountRef), 'FAIL');
    expectStatus(iamRootNotUsed.evaluate(withRoot({ access_key_2_last_used_date: daysAgo(0.1) }), ctx(), accountRef), 'FAIL');
    expectUnobserved(iamRootNotUsed, { ...baseAccount(), credentialReport: null }, ctx(), accountRef, /credential report .* not available/);
  });
});

describe('account-level roles, federation and Organizations', () => {
  it('support role: attached to a role passes; to nobody fails; requireRole ignores users', () => {
    expectStatus(iamSupportRoleExists.evaluate(baseAccount(), ctx(), accountRef), 'PASS');
    const onlyUser = { ...baseAccount(), policyEntities: { ...baseAccount().policyEntities, AWSSupportAccess: { users: ['ops'], groups: [], roles: [] } } };
    expectStatus(iamSupportRoleExists.evaluate(onlyUser, ctx(), accountRef), 'PASS');
    expectStatus(iamSupportRoleExists.evaluate(onlyUser, ctx({ supportRoleRequireRole: true }), accountRef), 'FAIL');
    expectStatus(iamSupportRoleExists.evaluate({ ...baseAccount(), policyEntities: { ...baseAccount().policyEntities, AWSSupportAccess: null } }, ctx(), accountRef), 'FAIL');
  });
  it('SecurityAudit role: needs a role (a user does not count)', () => {
    expectStatus(iamSecurityAuditRoleExists.evaluate(baseAccount(), ctx(), accountRef), 'PASS');
    const onlyUser = { ...baseAccount(), policyEntities: { ...baseAccount().policyEntities, SecurityAudit: { users: ['auditor'], groups: [], roles: [] } } };
    expectStatus(iamSecurityAuditRoleExists.evaluate(onlyUser, ctx(), accountRef), 'FAIL');
  });
  it('federation: provider and no console users passes; console users or no provider fail, naming them', () => {
    expectStatus(iamFederationCentral.evaluate(baseAccount(), ctx(), accountRef), 'PASS');
    const account = baseAccount();
    const consoleUser = { ...account, credentialReport: { ...account.credentialReport!, rows: [...account.credentialReport!.rows, { user: 'alice', arn: 'x', password_enabled: 'true' }] } };
    expect(expectStatus(iamFederationCentral.evaluate(consoleUser, ctx(), accountRef), 'FAIL').evidence[0].value).toEqual(['alice']);
    expectStatus(iamFederationCentral.evaluate({ ...account, samlProviders: [] }, ctx(), accountRef), 'FAIL');
  });
  it('root credentials management: N/A outside a management account; enabled passes; not enabled fails', () => {
    expectStatus(iamRootCredentialsCentrallyManaged.evaluate(baseAccount(), ctx(), accountRef), 'NOT_APPLICABLE');
    expectStatus(iamRootCredentialsCentrallyManaged.evaluate({ ...baseAccount(), organizationsFeatures: { organizationId: 'o-1', enabledFeatures: ['RootCredentialsManagement'] } }, ctx(), accountRef), 'PASS');
    expectStatus(iamRootCredentialsCentrallyManaged.evaluate({ ...baseAccount(), organizationsFeatures: { organizationId: 'o-1', enabledFeatures: ['RootSessions'] } }, ctx(), accountRef), 'FAIL');
  });
});
