import { defineRule, fail, pass } from '../define-rule';
import type { S3PredictableBucketNameConfig } from '../../resources/s3/types';

export const s3BucketShadowResource = defineRule<S3PredictableBucketNameConfig>({
  id: 's3-bucket-shadow-resource',
  title: 'Predictable service bucket names are not held by another account',
  severity: 'HIGH',
  kind: 'AWS::S3::PredictableBucketName',
  anchors: { prowler: ['s3_bucket_shadow_resource_vulnerability'] },
  trigger: 'P',
  reads: ['s3:ListAllMyBuckets', 's3:ListBucket'],
  remediation: {
    text: 'Do not let the service use its default bucket in this Region: configure a bucket you own (and pass --expected-bucket-owner), or create the default bucket yourself before first use in a new Region.',
    cli: 'aws s3api head-bucket --bucket <bucket> --expected-bucket-owner <account-id>',
  },
  rationale: 'Services such as Glue, SageMaker, EMR Studio and CodeStar write to buckets with predictable names; if another account owns the name, your data or code goes to it.',
  // Other accounts' CreateBucket calls produce no event for us: this runs on the schedule only.
  evaluate: (bucket) => {
    if (!bucket.exists) return pass(`bucket name ${bucket.name} (${bucket.service}, ${bucket.region}) is not taken`);
    if (bucket.ownedByAccount) return pass(`bucket ${bucket.name} (${bucket.service}, ${bucket.region}) is owned by account ${bucket.accountId}`);
    return fail(`bucket ${bucket.name}, the default ${bucket.service} bucket name for ${bucket.region}, is owned by another account`, [
      { field: 'ownedByAccount', value: false, message: `bucket ${bucket.name} exists but is not in account ${bucket.accountId}'s ListBuckets` },
    ]);
  },
});
