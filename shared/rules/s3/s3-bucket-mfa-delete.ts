import { defineRule, fail, notApplicable, pass } from '../define-rule';
import type { S3BucketConfig } from '../../resources/s3/types';

export const s3BucketMfaDelete = defineRule<S3BucketConfig>({
  id: 's3-bucket-mfa-delete',
  title: 'S3 bucket has MFA delete enabled',
  severity: 'LOW',
  kind: 'AWS::S3::Bucket',
  anchors: { securityHub: ['S3.20'], fsbp: false, cis: ['v3 2.1.2', 'v5 2.1.2'], prowler: ['s3_bucket_no_mfa_delete'] },
  trigger: 'E',
  reads: ['s3:GetBucketVersioning', 's3:GetLifecycleConfiguration'],
  remediation: {
    text: 'As the root user with an MFA device, enable versioning with MFA delete on the bucket.',
    cli: 'aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "arn:aws:iam::<account-id>:mfa/root-account-mfa-device <code>"',
  },
  rationale: 'MFA delete requires a second factor to delete object versions or change the versioning state.',
  // Security Hub produces no finding for buckets with a lifecycle configuration: the two features cannot be combined.
  evaluate: (bucket) => {
    if (bucket.lifecycle) return notApplicable(`bucket ${bucket.name} has a lifecycle configuration, which MFA delete cannot be combined with`);
    return bucket.versioning?.mfaDelete
      ? pass(`bucket ${bucket.name} has MFA delete enabled`)
      : fail(`bucket ${bucket.name} does not have MFA delete enabled`, [
          { field: 'versioning.mfaDelete', value: false, message: `bucket ${bucket.name}: MFADelete is not Enabled` },
        ]);
  },
});
