import { defineRule, fail, notApplicable, pass } from '../define-rule';
import type { S3BucketConfig } from '../../resources/s3/types';

export const s3BucketVersionedHasLifecycle = defineRule<S3BucketConfig>({
  id: 's3-bucket-versioned-has-lifecycle',
  title: 'Versioned S3 bucket has an enabled lifecycle rule',
  severity: 'MEDIUM',
  kind: 'AWS::S3::Bucket',
  anchors: { securityHub: ['S3.10'], fsbp: false },
  trigger: 'E',
  reads: ['s3:GetBucketVersioning', 's3:GetLifecycleConfiguration'],
  remediation: {
    text: 'Add an enabled lifecycle rule that expires or transitions noncurrent versions.',
    cli: 'aws s3api put-bucket-lifecycle-configuration --bucket <bucket> --lifecycle-configuration \'{"Rules":[{"ID":"expire-noncurrent","Status":"Enabled","Filter":{},"NoncurrentVersionExpiration":{"NoncurrentDays":90}}]}\'',
  },
  rationale: 'Without lifecycle rules, noncurrent versions of a versioned bucket accumulate for ever, with their cost and exposure.',
  evaluate: (bucket) => {
    if (bucket.versioning?.status !== 'Enabled') return notApplicable(`bucket ${bucket.name} is not versioned`);
    if (!bucket.lifecycle) {
      return fail(`versioned bucket ${bucket.name} has no lifecycle configuration`, [
        { field: 'lifecycle', value: null, message: `bucket ${bucket.name}: no lifecycle configuration` },
      ]);
    }
    const enabled = bucket.lifecycle.rules.filter((r) => r.status === 'Enabled');
    return enabled.length > 0
      ? pass(`versioned bucket ${bucket.name} has ${enabled.length} enabled lifecycle rule(s)`)
      : fail(`versioned bucket ${bucket.name} has no enabled lifecycle rule`, [
          { field: 'lifecycle.rules', value: bucket.lifecycle.rules.length, message: `bucket ${bucket.name}: every lifecycle rule is disabled` },
        ]);
  },
});
