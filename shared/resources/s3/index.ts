export type * from './types';
export * from './kinds';
export { ACL_GROUP_URI, PUBLIC_ACCESS_BLOCK_FLAGS, aclsDisabled, describeGrantee, disabledFlags, effectivePublicAccessBlock, isBlocked, isPublicGrantee, publicAclGrants } from './access';
export { createS3Collectors, predictableBucketNames, MRAP_CONTROL_REGION, S3_EXTRA_READ_ACTIONS, type S3CollectorOptions } from './collect-live';
export { s3ConfigNormalisers, bucketConfigFromItem } from './from-config';
