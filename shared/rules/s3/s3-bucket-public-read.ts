import { defineRule, fail, pass } from '../define-rule';
import { publicGrants } from '../../policy';
import { describeGrantee, isBlocked, publicAclGrants } from '../../resources/s3/access';
import type { S3BucketConfig } from '../../resources/s3/types';
import type { Evidence } from '../../core';

/** Read actions of catalogue S3.2 (`s3:Get*`, `s3:List*`; statements with `s3:GetObject*`, `s3:*` or `*` intersect them). */
const READ_ACTIONS = ['s3:Get*', 's3:List*'];

export const s3BucketPublicRead = defineRule<S3BucketConfig>({
  id: 's3-bucket-public-read',
  title: 'S3 bucket blocks public read access',
  severity: 'CRITICAL',
  kind: 'AWS::S3::Bucket',
  anchors: { securityHub: ['S3.2'], fsbp: true, prowler: ['s3_bucket_public_access', 's3_bucket_public_list_acl'] },
  trigger: 'E',
  reads: ['s3:GetBucketPublicAccessBlock', 's3:GetAccountPublicAccessBlock', 's3:GetBucketAcl', 's3:GetBucketPolicy', 's3:GetBucketOwnershipControls'],
  remediation: {
    text: 'Remove the public ACL grants and public policy statements, then turn on Block Public Access for the bucket (serve public content through CloudFront instead).',
    cli: 'aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
  },
  rationale: 'Anyone on the internet can list or download the data of a publicly readable bucket.',
  /**
   * Effective BPA is the OR of account and bucket settings. (a) ACL grants of READ/READ_ACP/FULL_CONTROL to AllUsers or
   * AuthenticatedUsers count unless IgnorePublicAcls is on. Object Ownership is not needed: with ACLs disabled S3 returns
   * an ACL of the owner's full control only, and refuses to disable ACLs while the ACL grants anyone else
   * (InvalidBucketAclWithObjectOwnership), so a public grant means ACLs are in effect
   * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-ownership-error-responses.html);
   * (b) public policy grants of read actions count unless RestrictPublicBuckets is on.
   */
  evaluate: (bucket, ctx, ref) => {
    const evidence: Evidence[] = [];
    // Each BPA flag is read only when a grant makes it matter (isBlocked reads the account level last).
    const publicAcl = publicAclGrants(bucket.acl, ['READ', 'READ_ACP', 'FULL_CONTROL']);
    const aclGrants = publicAcl.length > 0 && !isBlocked(bucket, 'ignorePublicAcls') ? publicAcl : [];
    if (aclGrants.length > 0) {
      const described = aclGrants.map((g) => `${describeGrantee(g.grantee)} ${g.permission}`);
      evidence.push({ field: 'acl.grants', value: described, message: `bucket ${bucket.name}: ACL grants ${described.join(', ')}` });
    }
    if (bucket.policy) {
      const grants = publicGrants('bucket-policy', bucket.policy, { accountId: bucket.accountId, orgId: ctx.orgId, trustedAccountIds: ctx.params.trustedAccountIds, resourceArn: ref.arn }, READ_ACTIONS);
      if (grants.length > 0 && !isBlocked(bucket, 'restrictPublicBuckets')) {
        const statements = grants.map((g) => g.statement);
        const named = statements.map((s) => (s.sid ? `${s.index} (${s.sid})` : `${s.index}`)).join(', ');
        evidence.push({ field: 'policy', statements, value: [...new Set(grants.flatMap((g) => g.actions))], message: `bucket ${bucket.name}: policy statement ${named} grants public read` });
      }
    }
    if (evidence.length > 0) return fail(`bucket ${bucket.name} allows public read access (${evidence.map((e) => e.field).join(' and ')})`, evidence);
    return pass(`bucket ${bucket.name} does not allow public read access`);
  },
});
