import type { Check, Observation, ResourceRef, Rule, RuleContext, Verdict } from '../../shared/core';
import { evaluateObservation } from '../../shared/engine/evaluate';
import { iamRef, type IamKind } from '../../shared/resources/iam/kinds';
import { UnobservedInputError } from '../../shared/rules/define-rule';
import { expandKinds } from '../../shared/rules/iam/lib/kinds';
import { createConfigIndex, normaliseConfigItem } from '../../shared/resources/config-item';
import { IAM_CONFIG_NORMALISERS } from '../../shared/resources/iam/config';
import type { IamAccountSnapshot, IamRoleSnapshot, IamUserCredentials, IamUserSnapshot } from '../../shared/resources/iam/types';
import { loadApiResponse, loadFixture } from '../helpers/fixtures';

export { reviveDates, sdkResponse as api } from '../helpers/fixtures';

/**
 * An AWS error as SDK v3 raises it for IAM (query protocol): `name` is the exception class, `Code` the wire code
 * (`NoSuchEntityException` / `NoSuchEntity`). From a recorded custodian error response, or from a code.
 */
export const awsError = (code: string, httpStatusCode = 400): Error =>
  Object.assign(new Error(code), { name: code.endsWith('Exception') ? code : `${code}Exception`, Code: code, $metadata: { httpStatusCode } });

export const recordedError = (name: string): Error => {
  const raw = loadFixture<{ status_code: number; data: { Error: { Code: string; Message: string } } }>(`api-responses/${name}`);
  return Object.assign(awsError(raw.data.Error.Code, raw.status_code), { message: raw.data.Error.Message });
};

export const urlEncoded = (document: unknown): string => encodeURIComponent(JSON.stringify(document));
export const canonical = (document: unknown): string => JSON.stringify(typeof document === 'string' ? JSON.parse(document) : document);

export const ACCOUNT = '111122223333';
export const NOW = new Date('2026-11-26T12:00:00.000Z');
export const ctx = (params: Record<string, unknown> = {}, now = NOW): RuleContext => ({
  accountId: ACCOUNT,
  now,
  params: { trustedAccountIds: [], ...params },
});
export const ref = (kind: IamKind, id: string, accountId = ACCOUNT, region = 'global'): ResourceRef => iamRef(kind, id, accountId, 'aws', region);
export const daysAgo = (days: number, now = NOW): string => new Date(now.getTime() - days * 86_400_000).toISOString();

export const configOf = <C>(observation: Observation): C => {
  if (observation.state !== 'present') throw new Error(`expected a present observation of ${observation.ref.id}, got ${observation.state}`);
  return observation.config as C;
};

export const expectStatus = (check: Check, status: Check['status']): Check => {
  if (check.status !== status) throw new Error(`expected ${status}, got ${check.status}: ${check.message} ${JSON.stringify(check.evidence)}`);
  return check;
};

/**
 * A rule whose input is missing from the snapshot (credentials, Access Advisor data, a document, ... not recorded) throws
 * UnobservedInputError — not any other error — and the engine reports it as an INSUFFICIENT_DATA verdict carrying the rule's
 * message: never PASS, never NOT_APPLICABLE (which would resolve an open finding). Multi-kind rules are expanded per
 * kind as the IAM family does. Returns the verdict.
 */
export const expectUnobserved = <C>(rule: Rule<C>, config: C, context: RuleContext, at: ResourceRef, message?: RegExp): Verdict => {
  expect(() => rule.evaluate(config, context, at)).toThrow(UnobservedInputError);
  if (message) expect(() => rule.evaluate(config, context, at)).toThrow(message);
  const verdicts = evaluateObservation({ state: 'present', ref: at, config, gaps: [], observedAt: context.now.toISOString(), source: 'config' }, expandKinds([rule]), undefined, context);
  expect(verdicts.map((v) => [v.ruleId, v.status])).toEqual([[rule.id, 'INSUFFICIENT_DATA']]);
  if (message) expect(verdicts[0].message).toMatch(message);
  return verdicts[0];
};

// ── Baseline snapshots built from recorded inputs, for rule tests (mutate copies for the negative cases) ─────────────


const selectedItem = (name: string, envelope: Record<string, unknown>) =>
  normaliseConfigItem({ ...envelope, ...JSON.parse(loadApiResponse<{ Results: string[] }>(name).Results[0]) });

/** User faizan.ahmed (SelectResourceConfig, tagged, in group Admins, no policy of its own) with the given live credentials. */
export const baseUser = (credentials: Partial<IamUserCredentials> | null = {}): IamUserSnapshot => {
  const item = selectedItem('config.SelectResourceConfig.iam-user-group.custodian.json', { resourceType: 'AWS::IAM::User', accountId: ACCOUNT, resourceId: 'AIDAIFSHVFT46NXYGWMEI', awsRegion: 'global' });
  const [obs] = IAM_CONFIG_NORMALISERS.find((n) => n.configType === 'AWS::IAM::User')!.toObservations(item, createConfigIndex([item]));
  const user = configOf<IamUserSnapshot>(obs);
  return {
    ...user,
    createDate: daysAgo(400),
    credentials: credentials && { passwordEnabled: false, passwordCreateDate: null, passwordLastUsed: null, mfaDevices: [], accessKeys: [], ...credentials },
  };
};

/** Role custodian-testing (SelectResourceConfig: a Lambda service role) with the given trust policy. */
export const baseRole = (trust?: unknown): IamRoleSnapshot => {
  const item = selectedItem('config.SelectResourceConfig.iam-role.custodian.json', { resourceType: 'AWS::IAM::Role', accountId: ACCOUNT, resourceName: 'custodian-testing', awsRegion: 'global' });
  const [obs] = IAM_CONFIG_NORMALISERS.find((n) => n.configType === 'AWS::IAM::Role')!.toObservations(item, createConfigIndex([item]));
  const role = configOf<IamRoleSnapshot>(obs);
  return trust === undefined ? role : { ...role, trustPolicy: canonical(trust) };
};

/** A compliant account: strong password policy, root with hardware MFA and no keys, support / audit roles, SSO provider. */
export const baseAccount = (): IamAccountSnapshot => ({
  type: 'account',
  accountId: ACCOUNT,
  passwordPolicy: {
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
  },
  summary: { accountMfaEnabled: true, accountAccessKeysPresent: false, accountSigningCertificatesPresent: false },
  rootVirtualMfa: false,
  credentialReport: {
    generatedAt: daysAgo(0),
    rows: [
      { user: '<root_account>', arn: `arn:aws:iam::${ACCOUNT}:root`, password_enabled: 'not_supported', password_last_used: daysAgo(30), mfa_active: 'true', access_key_1_active: 'false', access_key_1_last_used_date: 'N/A', access_key_2_active: 'false', access_key_2_last_used_date: 'N/A' },
      { user: 'deploy', arn: `arn:aws:iam::${ACCOUNT}:user/deploy`, password_enabled: 'false', password_last_used: 'N/A', mfa_active: 'false', access_key_1_active: 'true', access_key_1_last_used_date: daysAgo(1), access_key_2_active: 'false', access_key_2_last_used_date: 'N/A' },
    ],
  },
  policyEntities: {
    AWSSupportAccess: { users: [], groups: [], roles: ['support'] },
    SecurityAudit: { users: [], groups: [], roles: ['audit'] },
    AWSCloudShellFullAccess: { users: [], groups: [], roles: [] },
  },
  samlProviders: [`arn:aws:iam::${ACCOUNT}:saml-provider/AWSSSO_1234_DO_NOT_DELETE`],
  oidcProviders: [],
  organizationsFeatures: null,
});
