import type { AccessControlList, AclGrant, AclGrantee, AclPermission, ObjectOwnership, PublicAccessBlock } from './types';

/** The ACL groups S3 knows; AllUsers and AuthenticatedUsers make a grant public. */
export const ACL_GROUP_URI = {
  AllUsers: 'http://acs.amazonaws.com/groups/global/AllUsers',
  AuthenticatedUsers: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
  LogDelivery: 'http://acs.amazonaws.com/groups/s3/LogDelivery',
} as const;

const PUBLIC_GROUP_URIS: readonly string[] = [ACL_GROUP_URI.AllUsers, ACL_GROUP_URI.AuthenticatedUsers];

const NO_BLOCK: PublicAccessBlock = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };

/** Catalogue §0.2-6: per flag, the OR of the account-level and bucket-level settings; a missing configuration is all-false. */
export const effectivePublicAccessBlock = (settings: {
  readonly publicAccessBlock: PublicAccessBlock | null;
  readonly accountPublicAccessBlock: PublicAccessBlock | null;
}): PublicAccessBlock => {
  const bucket = settings.publicAccessBlock ?? NO_BLOCK;
  const account = settings.accountPublicAccessBlock ?? NO_BLOCK;
  return {
    blockPublicAcls: bucket.blockPublicAcls || account.blockPublicAcls,
    ignorePublicAcls: bucket.ignorePublicAcls || account.ignorePublicAcls,
    blockPublicPolicy: bucket.blockPublicPolicy || account.blockPublicPolicy,
    restrictPublicBuckets: bucket.restrictPublicBuckets || account.restrictPublicBuckets,
  };
};

/**
 * One flag of the effective BPA, reading the account level only when the bucket level does not already block: a
 * snapshot without the account's setting (not recorded by Config) still judges a bucket that blocks by itself.
 */
export const isBlocked = (
  settings: { readonly publicAccessBlock: PublicAccessBlock | null; readonly accountPublicAccessBlock: PublicAccessBlock | null },
  flag: keyof PublicAccessBlock,
): boolean => settings.publicAccessBlock?.[flag] === true || settings.accountPublicAccessBlock?.[flag] === true;

export const PUBLIC_ACCESS_BLOCK_FLAGS = ['blockPublicAcls', 'ignorePublicAcls', 'blockPublicPolicy', 'restrictPublicBuckets'] as const;

/** Flags that are off (all four when there is no configuration). */
export const disabledFlags = (block: PublicAccessBlock | null): (keyof PublicAccessBlock)[] =>
  PUBLIC_ACCESS_BLOCK_FLAGS.filter((flag) => !block?.[flag]);

/** Only BucketOwnerEnforced turns ACLs off; an unknown ownership (null) is read as "ACLs in effect", the stricter reading. */
export const aclsDisabled = (ownership: ObjectOwnership | null): boolean => ownership === 'BucketOwnerEnforced';

export const isPublicGrantee = (grantee: AclGrantee): boolean => grantee.type === 'Group' && PUBLIC_GROUP_URIS.includes(grantee.uri);

/** Grants of any of `permissions` to AllUsers or AuthenticatedUsers. */
export const publicAclGrants = (acl: AccessControlList | null, permissions: readonly AclPermission[]): AclGrant[] =>
  (acl?.grants ?? []).filter((grant) => isPublicGrantee(grant.grantee) && permissions.includes(grant.permission));

/** A short, non-secret description of a grantee for evidence: the group name, or the grantee type. */
export const describeGrantee = (grantee: AclGrantee): string => {
  if (grantee.type === 'Group') return grantee.uri.slice(grantee.uri.lastIndexOf('/') + 1);
  if (grantee.type === 'CanonicalUser') return `CanonicalUser ${grantee.id}`;
  return 'AmazonCustomerByEmail';
};

const PERMISSIONS: Record<string, AclPermission> = {
  READ: 'READ',
  WRITE: 'WRITE',
  READACP: 'READ_ACP',
  WRITEACP: 'WRITE_ACP',
  FULLCONTROL: 'FULL_CONTROL',
};

/** `FULL_CONTROL` (API) and `FullControl` (Config) alike; undefined for anything else. */
export const normalisePermission = (value: unknown): AclPermission | undefined =>
  typeof value === 'string' ? PERMISSIONS[value.toUpperCase().replace(/[^A-Z]/g, '')] : undefined;

const GROUP_BY_NAME: Record<string, string> = Object.fromEntries(Object.entries(ACL_GROUP_URI).map(([name, uri]) => [name.toLowerCase(), uri]));

/** A group given by name (`AllUsers`, Config) or URI (API). */
export const groupUri = (value: string): string => GROUP_BY_NAME[value.toLowerCase()] ?? value;
