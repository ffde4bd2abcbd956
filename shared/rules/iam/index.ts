import { iamAccessAnalyzerExternalEnabled } from './iam-access-analyzer-external-enabled';
import { iamAccessAnalyzerTagged } from './iam-access-analyzer-tagged';
import { iamAccessKeyRotated90d } from './iam-access-key-rotated-90d';
import { iamAdminGroupMembersMfa } from './iam-admin-group-members-mfa';
import { iamCustomerPolicyNoAdminStar } from './iam-customer-policy-no-admin-star';
import { iamCustomerPolicyNoKmsDecryptAll } from './iam-customer-policy-no-kms-decrypt-all';
import { iamCustomerPolicyNoServiceWildcard } from './iam-customer-policy-no-service-wildcard';
import { iamFederationCentral } from './iam-federation-central';
import { iamGroupNoAdministratoraccess } from './iam-group-no-administratoraccess';
import { iamInlinePolicyNoAdminStar } from './iam-inline-policy-no-admin-star';
import { iamInlinePolicyNoKmsDecryptAll } from './iam-inline-policy-no-kms-decrypt-all';
import { iamInlinePolicyNoPrivilegeEscalation } from './iam-inline-policy-no-privilege-escalation';
import { iamNoAccessKeyAtUserSetup } from './iam-no-access-key-at-user-setup';
import { iamNoAdminPolicyAttached } from './iam-no-admin-policy-attached';
import { iamNoCloudshellFullAccess } from './iam-no-cloudshell-full-access';
import { iamPassroleScoped } from './iam-passrole-scoped';
import { iamPasswordPolicyLowercase } from './iam-password-policy-lowercase';
import { iamPasswordPolicyMaxAge90 } from './iam-password-policy-max-age-90';
import { iamPasswordPolicyMinLength14 } from './iam-password-policy-min-length-14';
import { iamPasswordPolicyNumber } from './iam-password-policy-number';
import { iamPasswordPolicyPci } from './iam-password-policy-pci';
import { iamPasswordPolicyReuse24 } from './iam-password-policy-reuse-24';
import { iamPasswordPolicyStrong } from './iam-password-policy-strong';
import { iamPasswordPolicySymbol } from './iam-password-policy-symbol';
import { iamPasswordPolicyUppercase } from './iam-password-policy-uppercase';
import { iamPolicyNoCloudtrailFullAccess } from './iam-policy-no-cloudtrail-full-access';
import { iamPolicyNoKmsFullAccess } from './iam-policy-no-kms-full-access';
import { iamPolicyNoMarketplaceSubscribeWildcard } from './iam-policy-no-marketplace-subscribe-wildcard';
import { iamPolicyNoPermissiveRoleAssumption } from './iam-policy-no-permissive-role-assumption';
import { iamPolicyNoPrivilegeEscalation } from './iam-policy-no-privilege-escalation';
import { iamPrincipalNoAdminAccess } from './iam-principal-no-admin-access';
import { iamPrincipalNoPrivilegeEscalation } from './iam-principal-no-privilege-escalation';
import { iamRoleNoAdministratoraccess } from './iam-role-no-administratoraccess';
import { iamRoleNoCrossAccountReadonly } from './iam-role-no-cross-account-readonly';
import { iamRoleTagged } from './iam-role-tagged';
import { iamRoleTrustConfusedDeputy } from './iam-role-trust-confused-deputy';
import { iamRoleTrustExternalId } from './iam-role-trust-external-id';
import { iamRoleTrustNotPublic } from './iam-role-trust-not-public';
import { iamRoleTrustOidcSub } from './iam-role-trust-oidc-sub';
import { iamRootCredentialsCentrallyManaged } from './iam-root-credentials-centrally-managed';
import { iamRootHardwareMfa } from './iam-root-hardware-mfa';
import { iamRootMfa } from './iam-root-mfa';
import { iamRootNoAccessKeys } from './iam-root-no-access-keys';
import { iamRootNotUsed } from './iam-root-not-used';
import { iamSecurityAuditRoleExists } from './iam-security-audit-role-exists';
import { iamServerCertNotExpired } from './iam-server-cert-not-expired';
import { iamStaleBedrockSagemakerAccess } from './iam-stale-bedrock-sagemaker-access';
import { iamSupportRoleExists } from './iam-support-role-exists';
import { iamUnusedCredentials45d } from './iam-unused-credentials-45d';
import { iamUnusedCredentials90d } from './iam-unused-credentials-90d';
import { iamUnusedPermissions } from './iam-unused-permissions';
import { iamUserConsoleMfa } from './iam-user-console-mfa';
import { iamUserHardwareMfa } from './iam-user-hardware-mfa';
import { iamUserMfaEnabled } from './iam-user-mfa-enabled';
import { iamUserNoAdministratoraccess } from './iam-user-no-administratoraccess';
import { iamUserNoDirectPolicies } from './iam-user-no-direct-policies';
import { iamUserNoLongLivedKeyUsage } from './iam-user-no-long-lived-key-usage';
import { iamUserSingleActiveKey } from './iam-user-single-active-key';
import { iamUserTagged } from './iam-user-tagged';

/**
 * The IAM family's posture rules, one per catalogue id (§1.1, §1.2, §1.3, §8.1) plus two of Vigil's own
 * (`iam-principal-no-admin-access`, `iam-principal-no-privilege-escalation`). Rules that apply to several kinds carry
 * `kinds` (see lib/kinds.ts); the family definition registers one copy per kind.
 */
export const iamRules = [
  iamAccessAnalyzerExternalEnabled,
  iamAccessAnalyzerTagged,
  iamAccessKeyRotated90d,
  iamAdminGroupMembersMfa,
  iamCustomerPolicyNoAdminStar,
  iamCustomerPolicyNoKmsDecryptAll,
  iamCustomerPolicyNoServiceWildcard,
  iamFederationCentral,
  iamGroupNoAdministratoraccess,
  iamInlinePolicyNoAdminStar,
  iamInlinePolicyNoKmsDecryptAll,
  iamInlinePolicyNoPrivilegeEscalation,
  iamNoAccessKeyAtUserSetup,
  iamNoAdminPolicyAttached,
  iamNoCloudshellFullAccess,
  iamPassroleScoped,
  iamPasswordPolicyLowercase,
  iamPasswordPolicyMaxAge90,
  iamPasswordPolicyMinLength14,
  iamPasswordPolicyNumber,
  iamPasswordPolicyPci,
  iamPasswordPolicyReuse24,
  iamPasswordPolicyStrong,
  iamPasswordPolicySymbol,
  iamPasswordPolicyUppercase,
  iamPolicyNoCloudtrailFullAccess,
  iamPolicyNoKmsFullAccess,
  iamPolicyNoMarketplaceSubscribeWildcard,
  iamPolicyNoPermissiveRoleAssumption,
  iamPolicyNoPrivilegeEscalation,
  iamPrincipalNoAdminAccess,
  iamPrincipalNoPrivilegeEscalation,
  iamRoleNoAdministratoraccess,
  iamRoleNoCrossAccountReadonly,
  iamRoleTagged,
  iamRoleTrustConfusedDeputy,
  iamRoleTrustExternalId,
  iamRoleTrustNotPublic,
  iamRoleTrustOidcSub,
  iamRootCredentialsCentrallyManaged,
  iamRootHardwareMfa,
  iamRootMfa,
  iamRootNoAccessKeys,
  iamRootNotUsed,
  iamSecurityAuditRoleExists,
  iamServerCertNotExpired,
  iamStaleBedrockSagemakerAccess,
  iamSupportRoleExists,
  iamUnusedCredentials45d,
  iamUnusedCredentials90d,
  iamUnusedPermissions,
  iamUserConsoleMfa,
  iamUserHardwareMfa,
  iamUserMfaEnabled,
  iamUserNoAdministratoraccess,
  iamUserNoDirectPolicies,
  iamUserNoLongLivedKeyUsage,
  iamUserSingleActiveKey,
  iamUserTagged,
] as const;

export { expandKinds, type MultiKindRule } from './lib/kinds';
