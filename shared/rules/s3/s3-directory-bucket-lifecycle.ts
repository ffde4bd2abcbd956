import { defineRule, fail, pass } from '../define-rule';
import type { S3DirectoryBucketConfig } from '../../resources/s3/types';

export const s3DirectoryBucketLifecycle = defineRule<S3DirectoryBucketConfig>({
  id: 's3-directory-bucket-lifecycle',
  title: 'S3 directory bucket has an enabled lifecycle rule',
  severity: 'LOW',
  kind: 'AWS::S3Express::DirectoryBucket',
  anchors: { securityHub: ['S3.25'], fsbp: true },
  trigger: 'E+P',
  reads: ['s3express:GetLifecycleConfiguration'],
  remediation: {
    text: 'Add an enabled lifecycle rule that expires objects in the directory bucket.',
    cli: 'aws s3api put-bucket-lifecycle-configuration --bucket <directory-bucket> --lifecycle-configuration \'{"Rules":[{"ID":"expire","Status":"Enabled","Filter":{"Prefix":""},"Expiration":{"Days":30}}]}\'',
  },
  rationale: 'Directory buckets hold high-performance (and higher-cost) data that should not be kept longer than needed.',
  /** A disabled rule does nothing, so only enabled rules count. Param `targetExpirationDays`: some enabled rule must expire after exactly that many days. */
  evaluate: (bucket, ctx) => {
    const enabled = (bucket.lifecycle?.rules ?? []).filter((r) => r.status === 'Enabled');
    if (enabled.length === 0) {
      return fail(`directory bucket ${bucket.name} has no enabled lifecycle rule`, [
        { field: 'lifecycle', value: bucket.lifecycle ? 'no enabled rule' : null, message: `directory bucket ${bucket.name}: no lifecycle rules` },
      ]);
    }
    const target = typeof ctx.params.targetExpirationDays === 'number' ? ctx.params.targetExpirationDays : undefined;
    if (target !== undefined && !enabled.some((r) => r.expirationDays === target)) {
      return fail(`directory bucket ${bucket.name} has no enabled lifecycle rule expiring objects after ${target} days`, [
        { field: 'lifecycle.rules', value: enabled.map((r) => r.expirationDays), message: `directory bucket ${bucket.name}: expiration days differ from ${target}` },
      ]);
    }
    return pass(`directory bucket ${bucket.name} has ${enabled.length} enabled lifecycle rule(s)`);
  },
});
