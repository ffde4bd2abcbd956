import { defineRule, fail, pass } from '../define-rule';
import { externalGrants } from '../../policy';
import type { S3BucketConfig } from '../../resources/s3/types';

export const s3BucketNoCrossAccountPolicy = defineRule<S3BucketConfig>({
  id: 's3-bucket-no-cross-account-policy',
  title: 'S3 bucket policy grants no access to other accounts',
  severity: 'HIGH',
  kind: 'AWS::S3::Bucket',
  anchors: { prowler: ['s3_bucket_cross_account_access'] },
  trigger: 'E',
  reads: ['s3:GetBucketPolicy'],
  remediation: {
    text: 'Remove statements that allow principals outside the account (or add the partner accounts to trustedAccountIds when the access is intended).',
    cli: 'aws s3api get-bucket-policy --bucket <bucket> --query Policy --output text > policy.json && aws s3api put-bucket-policy --bucket <bucket> --policy file://policy.json',
  },
  rationale: 'Cross-account grants in a bucket policy give principals you do not manage access to the data.',
  // Stricter than S3.6: any action. Accounts in the trustedAccountIds parameter count as our own.
  evaluate: (bucket, ctx, ref) => {
    if (!bucket.policy) return pass(`bucket ${bucket.name} has no bucket policy`);
    const grants = externalGrants('bucket-policy', bucket.policy, {
      accountId: bucket.accountId,
      orgId: ctx.orgId,
      trustedAccountIds: ctx.params.trustedAccountIds,
      resourceArn: ref.arn,
    });
    if (grants.length === 0) return pass(`bucket ${bucket.name}: the policy grants nothing to other accounts`);
    const statements = grants.map((g) => g.statement);
    const named = statements.map((s) => (s.sid ? `${s.index} (${s.sid})` : `${s.index}`)).join(', ');
    const principals = [...new Set(grants.flatMap((g) => g.principals))];
    return fail(`bucket ${bucket.name}: policy statement ${named} grants access to ${principals.join(', ')}`, [
      { field: 'policy', statements, value: principals, message: `bucket ${bucket.name}: ${grants.map((g) => g.reason).join('; ')}` },
    ]);
  },
});
