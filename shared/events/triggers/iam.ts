/**
 * Trigger catalogue, IAM slice (catalogue §6.1, §6.2; id paths §7.1, §7.2).
 *
 * IAM is a global service: its CloudTrail events reach EventBridge in us-east-1 only (the forwarding stack's job), and
 * IAM kinds are global (one finding per resource). Access Analyzer events are regional.
 * Failed calls (errorCode) never reach these rows: posture is only re-read after successful calls.
 */
import type { CloudTrailDetail, TriggerRow } from '../types';

const IAM = 'iam.amazonaws.com';
const ACCESS_ANALYZER = 'access-analyzer.amazonaws.com';

const USER = 'AWS::IAM::User';
const GROUP = 'AWS::IAM::Group';
const ROLE = 'AWS::IAM::Role';
const POLICY = 'AWS::IAM::Policy';
const ACCOUNT = 'AWS::IAM::Account';
const SERVER_CERTIFICATE = 'AWS::IAM::ServerCertificate';
const ANALYZER = 'AWS::AccessAnalyzer::Analyzer';
const ANALYZER_REGION = 'AWS::AccessAnalyzer::Region';

const param = (detail: CloudTrailDetail, name: string): string | undefined => {
  const value = detail.requestParameters?.[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};
const isRoot = (detail: CloudTrailDetail): boolean => detail.userIdentity?.type === 'Root';
const accountOf = (detail: CloudTrailDetail): string | undefined => detail.recipientAccountId ?? detail.userIdentity?.accountId;
const defined = (...values: (string | undefined)[]): string[] => values.filter((v): v is string => v !== undefined);

/**
 * The user a credential call acts on: `requestParameters.userName`, else the calling IAM user itself (self-service calls
 * carry no userName). A root call without userName acts on the root user: see `rootCredentialTarget`.
 */
export const credentialTargetUser = (detail: CloudTrailDetail): string | undefined => {
  const named = param(detail, 'userName');
  if (named) return named;
  const accessKey = (detail.responseElements?.accessKey as { userName?: unknown } | undefined)?.userName;
  if (typeof accessKey === 'string' && accessKey) return accessKey;
  if (detail.userIdentity?.type === 'IAMUser') {
    const arn = detail.userIdentity.arn ?? '';
    return detail.userIdentity.userName ?? (arn.includes(':user/') ? arn.slice(arn.lastIndexOf('/') + 1) : undefined);
  }
  return undefined;
};

/**
 * The `userName` CloudTrail logs when a call acts on the root user's own MFA device: the literal `AWS ROOT USER`, not an
 * IAM user (CloudTrail User Guide, "Root user, MFA changed":
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html).
 */
export const ROOT_USER_NAME = 'AWS ROOT USER';

/** The call acts on the root user's credentials: root calling for itself (no userName), or the `AWS ROOT USER` name. */
export const actsOnRoot = (detail: CloudTrailDetail): boolean => {
  const userName = param(detail, 'userName');
  return userName === ROOT_USER_NAME || (isRoot(detail) && userName === undefined);
};

/** Root acting on its own credentials: the account-level root rules (root MFA, root keys) are re-evaluated. */
export const rootCredentialTarget = (detail: CloudTrailDetail): string | undefined => (actsOnRoot(detail) ? accountOf(detail) : undefined);

/** AWS-managed policies whose attachments the account-level rules count (support role, SecurityAudit role, CloudShell). */
const TRACKED_POLICY = /:policy\/(AWSSupportAccess|SecurityAudit|AWSCloudShellFullAccess)$/;

/** The §6.1 event names, grouped as the catalogue lists them (the tests check every one has a row). */
export const IAM_EVENT_NAMES = {
  users: [
    'CreateUser', 'DeleteUser', 'UpdateUser', 'TagUser', 'UntagUser', 'CreateLoginProfile', 'UpdateLoginProfile', 'DeleteLoginProfile',
    'ChangePassword', 'CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey', 'UploadSigningCertificate', 'UpdateSigningCertificate',
    'DeleteSigningCertificate', 'UploadSSHPublicKey', 'UpdateSSHPublicKey', 'DeleteSSHPublicKey', 'CreateServiceSpecificCredential',
    'UpdateServiceSpecificCredential', 'ResetServiceSpecificCredential', 'DeleteServiceSpecificCredential', 'AddUserToGroup', 'RemoveUserFromGroup',
  ],
  mfa: ['CreateVirtualMFADevice', 'DeleteVirtualMFADevice', 'EnableMFADevice', 'DeactivateMFADevice', 'ResyncMFADevice'],
  userPermissions: ['AttachUserPolicy', 'DetachUserPolicy', 'PutUserPolicy', 'DeleteUserPolicy', 'PutUserPermissionsBoundary', 'DeleteUserPermissionsBoundary'],
  groups: ['CreateGroup', 'DeleteGroup', 'UpdateGroup', 'AttachGroupPolicy', 'DetachGroupPolicy', 'PutGroupPolicy', 'DeleteGroupPolicy'],
  roles: [
    'CreateRole', 'DeleteRole', 'UpdateRole', 'UpdateRoleDescription', 'UpdateAssumeRolePolicy', 'AttachRolePolicy', 'DetachRolePolicy',
    'PutRolePolicy', 'DeleteRolePolicy', 'PutRolePermissionsBoundary', 'DeleteRolePermissionsBoundary', 'TagRole', 'UntagRole',
    'CreateServiceLinkedRole', 'DeleteServiceLinkedRole', 'CreateInstanceProfile', 'DeleteInstanceProfile', 'AddRoleToInstanceProfile',
    'RemoveRoleFromInstanceProfile',
  ],
  policies: ['CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'SetDefaultPolicyVersion', 'TagPolicy', 'UntagPolicy'],
  account: ['UpdateAccountPasswordPolicy', 'DeleteAccountPasswordPolicy', 'SetSecurityTokenServicePreferences', 'CreateAccountAlias', 'DeleteAccountAlias'],
  serverCertificates: ['UploadServerCertificate', 'UpdateServerCertificate', 'DeleteServerCertificate'],
  identityProviders: [
    'CreateSAMLProvider', 'UpdateSAMLProvider', 'DeleteSAMLProvider', 'CreateOpenIDConnectProvider', 'DeleteOpenIDConnectProvider',
    'UpdateOpenIDConnectProviderThumbprint', 'AddClientIDToOpenIDConnectProvider', 'RemoveClientIDFromOpenIDConnectProvider',
  ],
  rootCredentialManagement: [
    'EnableOrganizationsRootCredentialsManagement', 'DisableOrganizationsRootCredentialsManagement', 'EnableOrganizationsRootSessions',
    'DisableOrganizationsRootSessions',
  ],
} as const;

export const ACCESS_ANALYZER_EVENT_NAMES = ['CreateAnalyzer', 'DeleteAnalyzer', 'UpdateAnalyzer', 'TagResource', 'UntagResource'] as const;

const iam = (kind: string, eventNames: readonly string[], id: TriggerRow['id']): TriggerRow => ({ eventSource: IAM, eventNames, match: 'exact', kind, id });

export const iamTriggers: readonly TriggerRow[] = [
  // ── Users ──────────────────────────────────────────────────────────────────────────────────────────────────────────
  iam(
    USER,
    [
      'CreateUser', 'DeleteUser', 'TagUser', 'UntagUser', 'CreateLoginProfile', 'UpdateLoginProfile', 'DeleteLoginProfile',
      'AttachUserPolicy', 'DetachUserPolicy', 'PutUserPolicy', 'DeleteUserPolicy', 'PutUserPermissionsBoundary', 'DeleteUserPermissionsBoundary',
      'AddUserToGroup', 'RemoveUserFromGroup',
    ],
    { paths: ['requestParameters.userName'] },
  ),
  // A rename: the old name is gone (its findings resolve), the new one is evaluated.
  iam(USER, ['UpdateUser'], { resolve: (d) => defined(param(d, 'userName'), param(d, 'newUserName')) }),
  // Credential and MFA calls may be self-service (no userName) or made by root for itself (→ account rows below).
  iam(
    USER,
    [
      'ChangePassword', 'CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey', 'EnableMFADevice', 'DeactivateMFADevice', 'ResyncMFADevice',
      'UploadSigningCertificate', 'UpdateSigningCertificate', 'DeleteSigningCertificate', 'UploadSSHPublicKey', 'UpdateSSHPublicKey',
      'DeleteSSHPublicKey', 'CreateServiceSpecificCredential', 'UpdateServiceSpecificCredential', 'ResetServiceSpecificCredential',
      'DeleteServiceSpecificCredential',
    ],
    { resolve: (d) => (actsOnRoot(d) ? undefined : credentialTargetUser(d)) },
  ),
  // ── Groups (members' effective permissions through the group are refreshed by the daily sweep) ────────────────────────
  iam(
    GROUP,
    ['CreateGroup', 'DeleteGroup', 'AttachGroupPolicy', 'DetachGroupPolicy', 'PutGroupPolicy', 'DeleteGroupPolicy', 'AddUserToGroup', 'RemoveUserFromGroup'],
    { paths: ['requestParameters.groupName'] },
  ),
  iam(GROUP, ['UpdateGroup'], { resolve: (d) => defined(param(d, 'groupName'), param(d, 'newGroupName')) }),
  // ── Roles ──────────────────────────────────────────────────────────────────────────────────────────────────────────
  iam(
    ROLE,
    [
      'CreateRole', 'DeleteRole', 'UpdateRole', 'UpdateRoleDescription', 'UpdateAssumeRolePolicy', 'AttachRolePolicy', 'DetachRolePolicy',
      'PutRolePolicy', 'DeleteRolePolicy', 'PutRolePermissionsBoundary', 'DeleteRolePermissionsBoundary', 'TagRole', 'UntagRole',
      'DeleteServiceLinkedRole',
    ],
    { paths: ['requestParameters.roleName'] },
  ),
  // The request names only the service (`aWSServiceName`); the role is in the response.
  iam(ROLE, ['CreateServiceLinkedRole'], { paths: ['responseElements.role.roleName'] }),
  // No rule reads instance profiles; a role added to / removed from one is re-read, the profile itself declines.
  iam(ROLE, ['CreateInstanceProfile', 'DeleteInstanceProfile', 'AddRoleToInstanceProfile', 'RemoveRoleFromInstanceProfile'], {
    resolve: (d) => param(d, 'roleName'),
  }),
  // ── Managed policies (attachments change AttachmentCount and the attached-admin rule) ────────────────────────────────
  iam(POLICY, ['CreatePolicy'], { paths: ['responseElements.policy.arn'] }),
  iam(
    POLICY,
    [
      'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'SetDefaultPolicyVersion', 'TagPolicy', 'UntagPolicy',
      'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy', 'AttachRolePolicy', 'DetachRolePolicy',
    ],
    { paths: ['requestParameters.policyArn'] },
  ),
  // ── Account-level settings ─────────────────────────────────────────────────────────────────────────────────────────
  iam(
    ACCOUNT,
    [
      ...IAM_EVENT_NAMES.account,
      ...IAM_EVENT_NAMES.identityProviders,
      ...IAM_EVENT_NAMES.rootCredentialManagement,
      // Root virtual MFA (hardware-MFA rule); console users and deleted identities (federation, support / audit roles).
      'CreateVirtualMFADevice', 'DeleteVirtualMFADevice', 'CreateLoginProfile', 'DeleteLoginProfile', 'DeleteUser', 'DeleteRole', 'DeleteGroup',
    ],
    { account: true },
  ),
  // Root managing its own access keys or MFA (`userIdentity.type == "Root"`, no userName).
  iam(ACCOUNT, ['CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey', 'EnableMFADevice', 'DeactivateMFADevice', 'ResyncMFADevice'], {
    resolve: rootCredentialTarget,
  }),
  iam(
    ACCOUNT,
    ['AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy', 'AttachRolePolicy', 'DetachRolePolicy'],
    { resolve: (d) => (TRACKED_POLICY.test(param(d, 'policyArn') ?? '') ? accountOf(d) : undefined) },
  ),
  // ── Server certificates ────────────────────────────────────────────────────────────────────────────────────────────
  iam(SERVER_CERTIFICATE, ['UploadServerCertificate', 'DeleteServerCertificate'], { paths: ['requestParameters.serverCertificateName'] }),
  iam(SERVER_CERTIFICATE, ['UpdateServerCertificate'], {
    resolve: (d) => defined(param(d, 'serverCertificateName'), param(d, 'newServerCertificateName')),
  }),
  // ── IAM Access Analyzer (regional) ─────────────────────────────────────────────────────────────────────────────────
  { eventSource: ACCESS_ANALYZER, eventNames: ['CreateAnalyzer', 'DeleteAnalyzer', 'UpdateAnalyzer'], match: 'exact', kind: ANALYZER, id: { paths: ['requestParameters.analyzerName'] } },
  { eventSource: ACCESS_ANALYZER, eventNames: ['TagResource', 'UntagResource'], match: 'exact', kind: ANALYZER, id: { paths: ['requestParameters.resourceArn'] } },
  { eventSource: ACCESS_ANALYZER, eventNames: ['CreateAnalyzer', 'DeleteAnalyzer', 'UpdateAnalyzer'], match: 'exact', kind: ANALYZER_REGION, id: { account: true } },
];
