import { s3AccountPublicAccessBlock } from './s3-account-public-access-block';
import { s3BucketPublicRead } from './s3-bucket-public-read';
import { s3BucketPublicWrite } from './s3-bucket-public-write';
import { s3BucketSslOnly } from './s3-bucket-ssl-only';
import { s3BucketPolicyNoCrossAccountSensitiveActions } from './s3-bucket-policy-no-cross-account-sensitive-actions';
import { s3BucketCrossRegionReplication } from './s3-bucket-cross-region-replication';
import { s3BucketBlockPublicAccess } from './s3-bucket-block-public-access';
import { s3BucketAccessLogging } from './s3-bucket-access-logging';
import { s3BucketVersionedHasLifecycle } from './s3-bucket-versioned-has-lifecycle';
import { s3BucketEventNotifications } from './s3-bucket-event-notifications';
import { s3BucketNoAcls } from './s3-bucket-no-acls';
import { s3BucketLifecycle } from './s3-bucket-lifecycle';
import { s3BucketVersioning } from './s3-bucket-versioning';
import { s3BucketObjectLock } from './s3-bucket-object-lock';
import { s3BucketKmsEncryption } from './s3-bucket-kms-encryption';
import { s3AccessPointBlockPublicAccess } from './s3-access-point-block-public-access';
import { s3BucketMfaDelete } from './s3-bucket-mfa-delete';
import { s3AccountObjectWriteDataEvents } from './s3-account-object-write-data-events';
import { s3AccountObjectReadDataEvents } from './s3-account-object-read-data-events';
import { s3MrapBlockPublicAccess } from './s3-mrap-block-public-access';
import { s3DirectoryBucketLifecycle } from './s3-directory-bucket-lifecycle';
import { s3BucketNoCrossAccountPolicy } from './s3-bucket-no-cross-account-policy';
import { s3BucketShadowResource } from './s3-bucket-shadow-resource';
import { s3BucketObjectAclPublicSample } from './s3-bucket-object-acl-public-sample';

/** Every S3 rule: catalogue §2.1 (Security Hub S3.*) in control order, then §2.3 (Prowler-only). */
export const s3Rules = [
  s3AccountPublicAccessBlock,
  s3BucketPublicRead,
  s3BucketPublicWrite,
  s3BucketSslOnly,
  s3BucketPolicyNoCrossAccountSensitiveActions,
  s3BucketCrossRegionReplication,
  s3BucketBlockPublicAccess,
  s3BucketAccessLogging,
  s3BucketVersionedHasLifecycle,
  s3BucketEventNotifications,
  s3BucketNoAcls,
  s3BucketLifecycle,
  s3BucketVersioning,
  s3BucketObjectLock,
  s3BucketKmsEncryption,
  s3AccessPointBlockPublicAccess,
  s3BucketMfaDelete,
  s3AccountObjectWriteDataEvents,
  s3AccountObjectReadDataEvents,
  s3MrapBlockPublicAccess,
  s3DirectoryBucketLifecycle,
  s3BucketNoCrossAccountPolicy,
  s3BucketShadowResource,
  s3BucketObjectAclPublicSample,
] as const;
