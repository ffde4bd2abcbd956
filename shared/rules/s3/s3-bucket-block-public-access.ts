import { defineRule, fail, notApplicable, pass } from '../define-rule';
import { disabledFlags, effectivePublicAccessBlock } from '../../resources/s3/access';
import type { S3BucketConfig } from '../../resources/s3/types';

const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

export const s3BucketBlockPublicAccess = defineRule<S3BucketConfig>({
  id: 's3-bucket-block-public-access',
  title: 'S3 bucket has bucket-level Block Public Access fully enabled',
  severity: 'HIGH',
  kind: 'AWS::S3::Bucket',
  anchors: { securityHub: ['S3.8'], fsbp: true, cis: ['v3 2.1.4', 'v5 2.1.4'], prowler: ['s3_bucket_level_public_access_block'] },
  trigger: 'E',
  reads: ['s3:GetBucketPublicAccessBlock'],
  remediation: {
    text: 'Turn on all four Block Public Access settings on the bucket.',
    cli: 'aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
  },
  rationale: 'Bucket-level Block Public Access keeps the bucket private even if the account-level setting is changed.',
  /**
   * Params: `accountLevelSatisfies` (default false = Security Hub; true = Prowler, which accepts the account-level
   * settings), `excludedPublicBuckets` (our allow-list of buckets meant to be public: NOT_APPLICABLE).
   */
  evaluate: (bucket, ctx) => {
    if (stringList(ctx.params.excludedPublicBuckets).includes(bucket.name)) {
      return notApplicable(`bucket ${bucket.name} is on the excludedPublicBuckets allow-list`);
    }
    const accountLevelSatisfies = ctx.params.accountLevelSatisfies === true;
    const judged = accountLevelSatisfies ? effectivePublicAccessBlock(bucket) : bucket.publicAccessBlock;
    if (!judged) {
      return fail(`bucket ${bucket.name} has no bucket-level Block Public Access configuration`, [
        { field: 'publicAccessBlock', value: null, message: `bucket ${bucket.name}: no Block Public Access configuration` },
      ]);
    }
    const off = disabledFlags(judged);
    const scope = accountLevelSatisfies ? 'effective (bucket or account)' : 'bucket-level';
    if (off.length > 0) {
      return fail(`bucket ${bucket.name}: ${scope} Block Public Access has ${off.join(', ')} off`, [
        { field: 'publicAccessBlock', value: off, message: `bucket ${bucket.name}: disabled ${off.join(', ')}` },
      ]);
    }
    return pass(`bucket ${bucket.name}: all four ${scope} Block Public Access settings are on`);
  },
});
