import { defineRule, fail, pass } from '../define-rule';
import type { S3BucketConfig } from '../../resources/s3/types';

export const s3BucketObjectLock = defineRule<S3BucketConfig>({
  id: 's3-bucket-object-lock',
  title: 'S3 bucket has Object Lock enabled',
  severity: 'MEDIUM',
  kind: 'AWS::S3::Bucket',
  anchors: { securityHub: ['S3.15'], fsbp: false, prowler: ['s3_bucket_object_lock'] },
  trigger: 'E',
  reads: ['s3:GetBucketObjectLockConfiguration'],
  remediation: {
    text: 'Enable Object Lock (versioning must be on) with a default retention that fits your records policy.',
    cli: 'aws s3api put-object-lock-configuration --bucket <bucket> --object-lock-configuration \'{"ObjectLockEnabled":"Enabled","Rule":{"DefaultRetention":{"Mode":"GOVERNANCE","Days":30}}}\'',
  },
  rationale: 'Object Lock stores objects write-once-read-many, so they cannot be deleted or overwritten during retention.',
  /** Param `mode` (GOVERNANCE or COMPLIANCE): the default retention mode must equal it. */
  evaluate: (bucket, ctx) => {
    if (!bucket.objectLock?.enabled) {
      return fail(`bucket ${bucket.name} does not have Object Lock enabled`, [
        { field: 'objectLock', value: bucket.objectLock ? 'not Enabled' : null, message: `bucket ${bucket.name}: no Object Lock configuration` },
      ]);
    }
    const wanted = typeof ctx.params.mode === 'string' ? ctx.params.mode.toUpperCase() : undefined;
    const mode = bucket.objectLock.defaultRetention?.mode ?? null;
    if (wanted && mode !== wanted) {
      return fail(`bucket ${bucket.name}: Object Lock default retention mode is ${mode ?? 'not set'}, expected ${wanted}`, [
        { field: 'objectLock.defaultRetention.mode', value: mode, message: `bucket ${bucket.name}: default retention mode ${mode ?? 'none'}` },
      ]);
    }
    return pass(`bucket ${bucket.name} has Object Lock enabled${mode ? ` (default retention ${mode})` : ''}`);
  },
});
