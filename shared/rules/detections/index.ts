import type { DetectionRule } from '../types';
import { detCloudtrailConfigChange } from './det-cloudtrail-config-change';
import { detConfigChange } from './det-config-change';
import { detConsoleAuthFailures } from './det-console-auth-failures';
import { detConsoleLoginNoMfa } from './det-console-login-no-mfa';
import { detIamPolicyChange } from './det-iam-policy-change';
import { detKmsKeyDisableOrDelete } from './det-kms-key-disable-or-delete';
import { detRootActivity } from './det-root-activity';
import { detS3BucketPolicyChange } from './det-s3-bucket-policy-change';
import { detUnauthorizedApiCalls } from './det-unauthorized-api-calls';

/** The CIS §4 monitoring items as event detections (catalogue §1.5). Registered with the IAM family. */
export const iamDetections: readonly DetectionRule[] = [
  detRootActivity,
  detConsoleLoginNoMfa,
  detConsoleAuthFailures,
  detUnauthorizedApiCalls,
  detIamPolicyChange,
  detS3BucketPolicyChange,
  detCloudtrailConfigChange,
  detKmsKeyDisableOrDelete,
  detConfigChange,
];
