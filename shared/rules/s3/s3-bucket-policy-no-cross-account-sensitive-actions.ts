import { defineRule, fail, pass } from '../define-rule';
import { externalGrants } from '../../policy';
import type { S3BucketConfig } from '../../resources/s3/types';

/** Security Hub's fixed `blacklistedactionpatterns`. */
const SENSITIVE_ACTIONS = ['s3:DeleteBucketPolicy', 's3:PutBucketAcl', 's3:PutBucketPolicy', 's3:PutEncryptionConfiguration', 's3:PutObjectAcl'];

export const s3BucketPolicyNoCrossAccountSensitiveActions = defineRule<S3BucketConfig>({
  id: 's3-bucket-policy-no-cross-account-sensitive-actions',
  title: 'S3 bucket policy does not let other accounts change its access or encryption',
  severity: 'HIGH',
  kind: 'AWS::S3::Bucket',
  anchors: { securityHub: ['S3.6'], fsbp: true },
  trigger: 'E',
  reads: ['s3:GetBucketPolicy'],
  remediation: {
    text: 'Remove s3:DeleteBucketPolicy, s3:PutBucketAcl, s3:PutBucketPolicy, s3:PutEncryptionConfiguration and s3:PutObjectAcl (and wildcards covering them) from statements that allow other accounts or everyone.',
    cli: 'aws s3api get-bucket-policy --bucket <bucket> --query Policy --output text > policy.json && aws s3api put-bucket-policy --bucket <bucket> --policy file://policy.json',
  },
  rationale: 'Another account that can rewrite the bucket policy, ACLs or encryption settings can take over the bucket.',
  evaluate: (bucket, ctx, ref) => {
    if (!bucket.policy) return pass(`bucket ${bucket.name} has no bucket policy`);
    const grants = externalGrants(
      'bucket-policy',
      bucket.policy,
      { accountId: bucket.accountId, orgId: ctx.orgId, trustedAccountIds: ctx.params.trustedAccountIds, resourceArn: ref.arn },
      SENSITIVE_ACTIONS,
    );
    if (grants.length === 0) return pass(`bucket ${bucket.name}: the policy grants no other account a sensitive bucket action`);
    const statements = grants.map((g) => g.statement);
    const named = statements.map((s) => (s.sid ? `${s.index} (${s.sid})` : `${s.index}`)).join(', ');
    const actions = [...new Set(grants.flatMap((g) => g.actions))];
    return fail(`bucket ${bucket.name}: policy statement ${named} lets other accounts run ${actions.join(', ')}`, [
      {
        field: 'policy',
        statements,
        value: { actions, principals: [...new Set(grants.flatMap((g) => g.principals))] },
        message: `bucket ${bucket.name}: ${grants.map((g) => g.reason).join('; ')}`,
      },
    ]);
  },
});
