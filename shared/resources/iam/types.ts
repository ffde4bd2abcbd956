/**
 * Canonical IAM snapshots (Observation.config of the IAM kinds). Live reads, AWS Config items and
 * GetAccountAuthorizationDetails dumps all normalise into these shapes.
 *
 * Conventions: `null` means "absent" (no password policy, no permissions boundary). Data that a source cannot see is
 * modelled explicitly (e.g. `credentials: null` on a user built from AWS Config, which does not record login profiles,
 * MFA devices or access keys) and the rules that need it answer NOT_APPLICABLE with that reason.
 * Policy documents are canonical JSON text (URL-decoded, re-serialised without whitespace).
 */

/** An inline policy (embedded in a user, role or group). */
export interface InlinePolicy {
  readonly name: string;
  /** Canonical JSON text; `null` when it could not be read (denied: rules that need it give ERROR). */
  readonly document: string | null;
}

/** A managed policy attached to a principal. */
export interface AttachedPolicy {
  readonly name: string;
  readonly arn: string;
  /** `arn:<partition>:iam::aws:policy/...` */
  readonly awsManaged: boolean;
  /**
   * Default-version document (canonical JSON text), or `null` when the source does not hold it: AWS Config does not
   * record AWS-managed policies, a snapshot may lack the customer policy's item, or the live read was denied.
   */
  readonly document: string | null;
}

export interface IamTagged {
  /** Tag key → value. */
  readonly tags: Readonly<Record<string, string>>;
}

/** What every principal (user, role, group) carries: its identity and the policies attached to it. */
export interface IamPrincipalBase {
  readonly name: string;
  /** The real ARN, path included (`arn:aws:iam::1:role/service-role/x`). */
  readonly arn: string;
  /** Unique id (`AIDA…`, `AROA…`, `AGPA…`), when known. */
  readonly principalId: string | null;
  readonly path: string;
  readonly createDate: string | null;
  readonly inlinePolicies: readonly InlinePolicy[];
  readonly attachedPolicies: readonly AttachedPolicy[];
}

/** A group as seen from one of its member users (its policies count towards the user's effective permissions). */
export interface IamGroupMembership {
  readonly name: string;
  /** False when the group's policies are unknown (a Config snapshot without the group's item). */
  readonly recorded: boolean;
  readonly inlinePolicies: readonly InlinePolicy[];
  readonly attachedPolicies: readonly AttachedPolicy[];
}

export interface IamMfaDevice {
  readonly serialNumber: string;
  readonly enableDate: string | null;
  /** True for virtual (TOTP app) devices; hardware TOTP and FIDO security keys are false. */
  readonly virtual: boolean;
}

export interface IamAccessKey {
  readonly accessKeyId: string;
  readonly status: 'Active' | 'Inactive' | 'Expired';
  readonly createDate: string | null;
  /** Last use (GetAccessKeyLastUsed); `null` = never used. */
  readonly lastUsedDate: string | null;
  readonly lastUsedService: string | null;
}

/** Console and programmatic credentials of a user (live reads only: not in AWS Config items nor in the authorization-details dump). */
export interface IamUserCredentials {
  /** The user has a console password (login profile). */
  readonly passwordEnabled: boolean;
  /** Creation date of the login profile (the closest per-user equivalent of `password_last_changed`). */
  readonly passwordCreateDate: string | null;
  readonly passwordLastUsed: string | null;
  readonly mfaDevices: readonly IamMfaDevice[];
  readonly accessKeys: readonly IamAccessKey[];
}

/** One line of IAM's service-last-accessed report (Access Advisor). */
export interface ServiceLastAccessed {
  /** Service namespace, e.g. `s3`, `bedrock`. */
  readonly namespace: string;
  /** `null` = never used (within the tracking period). */
  readonly lastAuthenticated: string | null;
}

export interface IamUserSnapshot extends IamPrincipalBase, IamTagged {
  readonly type: 'user';
  readonly permissionsBoundaryArn: string | null;
  readonly groups: readonly IamGroupMembership[];
  /** `null` when the source does not record credentials (AWS Config, authorization-details dump). */
  readonly credentials: IamUserCredentials | null;
  /** Access Advisor data; `null` when the source does not have it (AWS Config, dump). */
  readonly serviceLastAccessed: readonly ServiceLastAccessed[] | null;
}

export interface IamRoleSnapshot extends IamPrincipalBase, IamTagged {
  readonly type: 'role';
  readonly permissionsBoundaryArn: string | null;
  /** Canonical JSON text of the trust policy (`AssumeRolePolicyDocument`). */
  readonly trustPolicy: string | null;
  /** Service-linked role (path `/aws-service-role/`): AWS owns its policies. */
  readonly serviceLinked: boolean;
  readonly lastUsedDate: string | null;
  readonly serviceLastAccessed: readonly ServiceLastAccessed[] | null;
}

export interface IamGroupMember {
  readonly name: string;
  /** Number of MFA devices of the member; `null` when unknown (AWS Config). */
  readonly mfaDevices: number | null;
}

export interface IamGroupSnapshot extends IamPrincipalBase {
  readonly type: 'group';
  readonly members: readonly IamGroupMember[];
}

export type IamPrincipalSnapshot = IamUserSnapshot | IamRoleSnapshot | IamGroupSnapshot;

export interface PolicyAttachments {
  readonly users: readonly string[];
  readonly groups: readonly string[];
  readonly roles: readonly string[];
}

/** A managed policy (customer-managed, or AWS-managed when attached in the account). */
export interface IamManagedPolicySnapshot extends IamTagged {
  readonly type: 'policy';
  readonly name: string;
  readonly arn: string;
  readonly policyId: string | null;
  readonly path: string;
  readonly awsManaged: boolean;
  readonly defaultVersionId: string | null;
  /** Default-version document (canonical JSON text); `null` when unknown. */
  readonly document: string | null;
  readonly attachmentCount: number;
  readonly permissionsBoundaryUsageCount: number;
  readonly isAttachable: boolean;
  /** Identities the policy is attached to; `null` when the source does not list them. */
  readonly attachedTo: PolicyAttachments | null;
}

export interface PasswordPolicy {
  readonly minimumPasswordLength: number | null;
  readonly requireSymbols: boolean;
  readonly requireNumbers: boolean;
  readonly requireUppercaseCharacters: boolean;
  readonly requireLowercaseCharacters: boolean;
  readonly allowUsersToChangePassword: boolean;
  readonly expirePasswords: boolean;
  readonly maxPasswordAge: number | null;
  readonly passwordReusePrevention: number | null;
  readonly hardExpiry: boolean;
}

export interface AccountSummary {
  readonly accountMfaEnabled: boolean;
  readonly accountAccessKeysPresent: boolean;
  readonly accountSigningCertificatesPresent: boolean;
}

/** One row of the IAM credential report: CSV column → raw value (`N/A`, `no_information`, `not_supported` kept as written). */
export type CredentialReportRow = Readonly<Record<string, string>>;

export interface CredentialReport {
  readonly generatedAt: string | null;
  readonly rows: readonly CredentialReportRow[];
}

/** Well-known AWS-managed policies whose attachments account-level rules count. */
export const TRACKED_AWS_POLICIES = ['AWSSupportAccess', 'SecurityAudit', 'AWSCloudShellFullAccess'] as const;
export type TrackedAwsPolicy = (typeof TRACKED_AWS_POLICIES)[number];

/** The account's IAM settings (reported as `AWS::::Account`). Live reads only: AWS Config has no item for these. */
export interface IamAccountSnapshot {
  readonly type: 'account';
  readonly accountId: string;
  /** `null` = no password policy set (NoSuchEntity). */
  readonly passwordPolicy: PasswordPolicy | null;
  readonly summary: AccountSummary | null;
  /** A virtual MFA device is assigned to the root user. */
  readonly rootVirtualMfa: boolean;
  readonly credentialReport: CredentialReport | null;
  /** Entities each tracked AWS-managed policy is attached to; `null` when the policy does not exist (partition). */
  readonly policyEntities: Readonly<Record<TrackedAwsPolicy, PolicyAttachments | null>>;
  readonly samlProviders: readonly string[];
  readonly oidcProviders: readonly string[];
  /** Organizations root-credential features; `null` when the account is not a management / delegated-admin account. */
  readonly organizationsFeatures: { readonly organizationId: string | null; readonly enabledFeatures: readonly string[] } | null;
}

export interface IamServerCertificateSnapshot {
  readonly type: 'server-certificate';
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  readonly expiration: string | null;
  readonly uploadDate: string | null;
}

export interface AccessAnalyzerSnapshot extends IamTagged {
  readonly type: 'analyzer';
  readonly name: string;
  readonly arn: string;
  /** ACCOUNT, ORGANIZATION, ACCOUNT_UNUSED_ACCESS, ORGANIZATION_UNUSED_ACCESS, ... */
  readonly analyzerType: string;
  readonly status: string | null;
}

/** The IAM Access Analyzer analyzers of one Region (reported as `AWS::::Account`, one finding per account and Region). */
export interface AccessAnalyzerRegionSnapshot {
  readonly type: 'analyzer-region';
  readonly region: string;
  readonly analyzers: readonly { readonly name: string; readonly arn: string; readonly analyzerType: string; readonly status: string | null }[];
}
