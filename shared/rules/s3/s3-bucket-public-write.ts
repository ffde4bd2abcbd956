import { defineRule, fail, pass } from '../define-rule';
import { publicGrants } from '../../policy';
import { describeGrantee, isBlocked, publicAclGrants } from '../../resources/s3/access';
import type { S3BucketConfig } from '../../resources/s3/types';
import type { Evidence } from '../../core';

/** Write actions of catalogue S3.3 (statements with `s3:*` or `*` intersect them). */
const WRITE_ACTIONS = ['s3:Put*', 's3:Delete*', 's3:RestoreObject', 's3:AbortMultipartUpload'];

export const s3BucketPublicWrite = defineRule<S3BucketConfig>({
  id: 's3-bucket-public-write',
  title: 'S3 bucket blocks public write access',
  severity: 'CRITICAL',
  kind: 'AWS::S3::Bucket',
  anchors: { securityHub: ['S3.3'], fsbp: true, prowler: ['s3_bucket_policy_public_write_access', 's3_bucket_public_write_acl'] },
  trigger: 'E',
  reads: ['s3:GetBucketPublicAccessBlock', 's3:GetAccountPublicAccessBlock', 's3:GetBucketAcl', 's3:GetBucketPolicy', 's3:GetBucketOwnershipControls'],
  remediation: {
    text: 'Remove the public ACL grants and public policy statements that allow writes, then turn on Block Public Access for the bucket.',
    cli: 'aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
  },
  rationale: 'Anyone on the internet can upload, overwrite or delete objects in a publicly writable bucket.',
  /** As s3-bucket-public-read (Object Ownership not needed), with ACL WRITE/WRITE_ACP/FULL_CONTROL and policy write actions. */
  evaluate: (bucket, ctx, ref) => {
    const evidence: Evidence[] = [];
    // Each BPA flag is read only when a grant makes it matter (isBlocked reads the account level last).
    const publicAcl = publicAclGrants(bucket.acl, ['WRITE', 'WRITE_ACP', 'FULL_CONTROL']);
    const aclGrants = publicAcl.length > 0 && !isBlocked(bucket, 'ignorePublicAcls') ? publicAcl : [];
    if (aclGrants.length > 0) {
      const described = aclGrants.map((g) => `${describeGrantee(g.grantee)} ${g.permission}`);
      evidence.push({ field: 'acl.grants', value: described, message: `bucket ${bucket.name}: ACL grants ${described.join(', ')}` });
    }
    if (bucket.policy) {
      const grants = publicGrants('bucket-policy', bucket.policy, { accountId: bucket.accountId, orgId: ctx.orgId, trustedAccountIds: ctx.params.trustedAccountIds, resourceArn: ref.arn }, WRITE_ACTIONS);
      if (grants.length > 0 && !isBlocked(bucket, 'restrictPublicBuckets')) {
        const statements = grants.map((g) => g.statement);
        const named = statements.map((s) => (s.sid ? `${s.index} (${s.sid})` : `${s.index}`)).join(', ');
        evidence.push({ field: 'policy', statements, value: [...new Set(grants.flatMap((g) => g.actions))], message: `bucket ${bucket.name}: policy statement ${named} grants public write` });
      }
    }
    if (evidence.length > 0) return fail(`bucket ${bucket.name} allows public write access (${evidence.map((e) => e.field).join(' and ')})`, evidence);
    return pass(`bucket ${bucket.name} does not allow public write access`);
  },
});
