import {
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  ListOpenIDConnectProvidersCommand,
  ListOrganizationsFeaturesCommand,
  ListSAMLProvidersCommand,
  type IAMClient,
  type PasswordPolicy as SdkPasswordPolicy,
  type VirtualMFADevice,
} from '@aws-sdk/client-iam';
import { awsErrorCode } from '../../aws-errors';
import type { KindCollector } from '../../types';
import { parseCredentialReport } from '../credential-report';
import { IAM_KIND, iamRef, partitionOfArn } from '../kinds';
import { isoDate } from '../policy-text';
import { TRACKED_AWS_POLICIES, type CredentialReport, type IamAccountSnapshot, type PasswordPolicy, type PolicyAttachments, type TrackedAwsPolicy } from '../types';
import { goneObservation, iamClientFor, NO_SUCH_ENTITY, pollUntil, presentObservation, ReadSession, type ResolvedOptions } from './common';
import { listPolicyEntities } from './policy';
import { listAssignedVirtualMfa } from './user';

export const passwordPolicyFromApi = (p: SdkPasswordPolicy): PasswordPolicy => ({
  minimumPasswordLength: p.MinimumPasswordLength ?? null,
  requireSymbols: p.RequireSymbols ?? false,
  requireNumbers: p.RequireNumbers ?? false,
  requireUppercaseCharacters: p.RequireUppercaseCharacters ?? false,
  requireLowercaseCharacters: p.RequireLowercaseCharacters ?? false,
  allowUsersToChangePassword: p.AllowUsersToChangePassword ?? false,
  expirePasswords: p.ExpirePasswords ?? false,
  maxPasswordAge: p.MaxPasswordAge ?? null,
  passwordReusePrevention: p.PasswordReusePrevention ?? null,
  hardExpiry: p.HardExpiry ?? false,
});

/** The report is being generated, or must be (re)generated: poll again. */
const REPORT_NOT_READY = new Set([
  'ReportInProgress',
  'CredentialReportNotReadyException',
  'ReportNotPresent',
  'CredentialReportNotPresentException',
  'ReportExpired',
  'CredentialReportExpiredException',
]);

/** GenerateCredentialReport, then GetCredentialReport until it is COMPLETE (bounded polls); the CSV arrives as a Uint8Array. */
export const fetchCredentialReport = async (client: IAMClient, options: ResolvedOptions): Promise<CredentialReport> => {
  await client.send(new GenerateCredentialReportCommand({}));
  return pollUntil<CredentialReport>(options, 'IAM credential report', async () => {
    try {
      const report = await client.send(new GetCredentialReportCommand({}));
      if (!report.Content) return { done: false };
      return { done: true, value: { generatedAt: isoDate(report.GeneratedTime), rows: parseCredentialReport(report.Content) } };
    } catch (error) {
      if (!REPORT_NOT_READY.has(awsErrorCode(error))) throw error;
      // Not present / expired: ask for it again; in progress: just wait.
      if (/NotPresent|Expired/.test(awsErrorCode(error))) await client.send(new GenerateCredentialReportCommand({}));
      return { done: false };
    }
  });
};

/** Organizations features: a member account (or one outside an organization) is answered "absent" (`null`). */
const NOT_AN_ORG_MANAGER = [
  'AccountNotManagementOrDelegatedAdministratorException',
  'OrganizationNotFoundException',
  'OrganizationNotInAllFeaturesModeException',
];

const fetchOrganizationsFeatures = async (client: IAMClient) => {
  try {
    const answer = await client.send(new ListOrganizationsFeaturesCommand({}));
    return { organizationId: answer.OrganizationId ?? null, enabledFeatures: [...(answer.EnabledFeatures ?? [])].sort() };
  } catch (error) {
    // Trusted access for IAM not enabled: no feature can be on.
    if (awsErrorCode(error) === 'ServiceAccessNotEnabledException') return { organizationId: null, enabledFeatures: [] };
    throw error;
  }
};

const isRootDevice = (device: VirtualMFADevice): boolean =>
  /:root$/.test(device.User?.Arn ?? '') || /:mfa\/root-account-mfa-device$/.test(device.SerialNumber ?? '');

/**
 * The account's IAM settings (ref id = account id): password policy (NoSuchEntity → null), account summary (root MFA and
 * keys), virtual MFA of root, credential report, attachments of AWSSupportAccess / SecurityAudit / AWSCloudShellFullAccess,
 * identity providers and Organizations root-credential features.
 */
export const accountCollector = (options: ResolvedOptions): KindCollector => ({
  async collect(ref, clients) {
    const observedAt = options.now().toISOString();
    const client = iamClientFor(clients, ref);
    const partition = partitionOfArn(ref.arn);
    const session = new ReadSession();
    const values = await session.run([
      {
        key: 'passwordPolicy',
        iamAction: 'iam:GetAccountPasswordPolicy',
        absent: NO_SUCH_ENTITY,
        run: async () => (await client.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy ?? null,
      },
      { key: 'summary', iamAction: 'iam:GetAccountSummary', run: async () => (await client.send(new GetAccountSummaryCommand({}))).SummaryMap ?? {} },
      { key: 'virtualMfa', fills: ['rootVirtualMfa'], iamAction: 'iam:ListVirtualMFADevices', run: () => listAssignedVirtualMfa(client) },
      { key: 'credentialReport', command: 'GenerateCredentialReport/GetCredentialReport', iamAction: 'iam:GetCredentialReport', run: () => fetchCredentialReport(client, options) },
      ...TRACKED_AWS_POLICIES.map((name) => ({
        key: `entities:${name}`,
        fills: [`policyEntities.${name}`],
        iamAction: 'iam:ListEntitiesForPolicy',
        absent: NO_SUCH_ENTITY,
        run: () => listPolicyEntities(client, `arn:${partition}:iam::aws:policy/${name}`),
      })),
      {
        key: 'saml',
        fills: ['samlProviders'],
        iamAction: 'iam:ListSAMLProviders',
        run: async () => ((await client.send(new ListSAMLProvidersCommand({}))).SAMLProviderList ?? []).map((p) => p.Arn ?? '').filter(Boolean).sort(),
      },
      {
        key: 'oidc',
        fills: ['oidcProviders'],
        iamAction: 'iam:ListOpenIDConnectProviders',
        run: async () => ((await client.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList ?? []).map((p) => p.Arn ?? '').filter(Boolean).sort(),
      },
      { key: 'orgFeatures', fills: ['organizationsFeatures'], iamAction: 'iam:ListOrganizationsFeatures', absent: NOT_AN_ORG_MANAGER, run: () => fetchOrganizationsFeatures(client) },
    ]);
    if (session.gone) return goneObservation(ref, observedAt);
    const summaryMap = values.summary as Record<string, number> | undefined;
    const policyEntities = Object.fromEntries(
      TRACKED_AWS_POLICIES.map((name) => [name, (values[`entities:${name}`] as PolicyAttachments | null | undefined) ?? null]),
    ) as Record<TrackedAwsPolicy, PolicyAttachments | null>;
    const snapshot: IamAccountSnapshot = {
      type: 'account',
      accountId: ref.accountId,
      passwordPolicy: values.passwordPolicy ? passwordPolicyFromApi(values.passwordPolicy as SdkPasswordPolicy) : null,
      summary: summaryMap
        ? {
            accountMfaEnabled: (summaryMap.AccountMFAEnabled ?? 0) > 0,
            accountAccessKeysPresent: (summaryMap.AccountAccessKeysPresent ?? 0) > 0,
            accountSigningCertificatesPresent: (summaryMap.AccountSigningCertificatesPresent ?? 0) > 0,
          }
        : null,
      rootVirtualMfa: ((values.virtualMfa as VirtualMFADevice[] | undefined) ?? []).some(isRootDevice),
      credentialReport: (values.credentialReport as CredentialReport | undefined) ?? null,
      policyEntities,
      samlProviders: (values.saml as string[] | undefined) ?? [],
      oidcProviders: (values.oidc as string[] | undefined) ?? [],
      organizationsFeatures: (values.orgFeatures as IamAccountSnapshot['organizationsFeatures'] | undefined) ?? null,
    };
    return presentObservation(ref, snapshot, session, observedAt);
  },
  async list(scope) {
    return [iamRef(IAM_KIND.account, scope.accountId, scope.accountId, scope.partition)];
  },
});
