import { defineRule, fail, pass } from '../define-rule';
import type { S3BucketConfig } from '../../resources/s3/types';

export const s3BucketAccessLogging = defineRule<S3BucketConfig>({
  id: 's3-bucket-access-logging',
  title: 'S3 bucket has server access logging enabled',
  severity: 'MEDIUM',
  kind: 'AWS::S3::Bucket',
  anchors: { securityHub: ['S3.9'], fsbp: true, prowler: ['s3_bucket_server_access_logging_enabled'] },
  trigger: 'E',
  reads: ['s3:GetBucketLogging'],
  remediation: {
    text: 'Enable server access logging to a dedicated log bucket (log-target buckets themselves are expected to fail: suppress them).',
    cli: 'aws s3api put-bucket-logging --bucket <bucket> --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<log-bucket>","TargetPrefix":"<bucket>/"}}\'',
  },
  rationale: 'Access logs record every request to the bucket, which incident response and audits need.',
  evaluate: (bucket) =>
    bucket.logging
      ? pass(`bucket ${bucket.name} logs access to ${bucket.logging.targetBucket}`, [
          { field: 'logging.targetBucket', value: bucket.logging.targetBucket, message: `bucket ${bucket.name}: logs to ${bucket.logging.targetBucket}` },
        ])
      : fail(`bucket ${bucket.name} has server access logging disabled`, [
          { field: 'logging', value: null, message: `bucket ${bucket.name}: no LoggingEnabled.TargetBucket` },
        ]),
});
