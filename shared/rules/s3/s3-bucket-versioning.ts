import { defineRule, fail, pass } from '../define-rule';
import type { S3BucketConfig } from '../../resources/s3/types';

export const s3BucketVersioning = defineRule<S3BucketConfig>({
  id: 's3-bucket-versioning',
  title: 'S3 bucket has versioning enabled',
  severity: 'LOW',
  kind: 'AWS::S3::Bucket',
  anchors: { securityHub: ['S3.14'], fsbp: false, prowler: ['s3_bucket_object_versioning'] },
  trigger: 'E',
  reads: ['s3:GetBucketVersioning'],
  remediation: {
    text: 'Turn on versioning so that overwritten or deleted objects can be recovered.',
    cli: 'aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled',
  },
  rationale: 'Versioning keeps earlier versions of objects, protecting against accidental deletion, overwrites and ransomware.',
  evaluate: (bucket) => {
    const status = bucket.versioning?.status ?? 'Off';
    return status === 'Enabled'
      ? pass(`bucket ${bucket.name} has versioning enabled`)
      : fail(`bucket ${bucket.name}: versioning is ${status === 'Off' ? 'not enabled' : 'suspended'}`, [
          { field: 'versioning.status', value: status, message: `bucket ${bucket.name}: versioning ${status}` },
        ]);
  },
});
