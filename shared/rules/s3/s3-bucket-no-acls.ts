import { defineRule, fail, pass } from '../define-rule';
import { aclsDisabled, describeGrantee } from '../../resources/s3/access';
import type { AclGrant, S3BucketConfig } from '../../resources/s3/types';

const isOwnerFullControl = (grant: AclGrant, ownerId: string | null): boolean =>
  grant.permission === 'FULL_CONTROL' && grant.grantee.type === 'CanonicalUser' && ownerId !== null && grant.grantee.id === ownerId;

export const s3BucketNoAcls = defineRule<S3BucketConfig>({
  id: 's3-bucket-no-acls',
  title: 'S3 bucket does not use ACLs to grant access',
  severity: 'MEDIUM',
  kind: 'AWS::S3::Bucket',
  anchors: { securityHub: ['S3.12'], fsbp: true, prowler: ['s3_bucket_acl_prohibited'] },
  trigger: 'E',
  reads: ['s3:GetBucketOwnershipControls', 's3:GetBucketAcl'],
  remediation: {
    text: 'Move any access the ACL grants into the bucket policy, then disable ACLs with Object Ownership "bucket owner enforced".',
    cli: "aws s3api put-bucket-ownership-controls --bucket <bucket> --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'",
  },
  rationale: 'ACLs are a legacy access path that is hard to audit; with ACLs disabled only policies decide access.',
  /**
   * Security Hub: PASS when ACLs are disabled, else FAIL when the ACL grants anything beyond the owner's FULL_CONTROL.
   * With ACLs disabled S3 reports the owner's FULL_CONTROL only and refuses grants to others, so the ACL alone decides
   * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-ownership-error-responses.html). Param
   * `strictAclsDisabled` (Prowler): FAIL whenever Object Ownership is not BucketOwnerEnforced: only then is it read
   * (AWS Config items lack it: INSUFFICIENT_DATA).
   */
  evaluate: (bucket, ctx) => {
    if (ctx.params.strictAclsDisabled === true) {
      if (aclsDisabled(bucket.objectOwnership)) return pass(`bucket ${bucket.name} has ACLs disabled (BucketOwnerEnforced)`);
      return fail(`bucket ${bucket.name} has ACLs enabled (Object Ownership ${bucket.objectOwnership ?? 'not set'})`, [
        { field: 'objectOwnership', value: bucket.objectOwnership, message: `bucket ${bucket.name}: Object Ownership is not BucketOwnerEnforced` },
      ]);
    }
    const ownerId = bucket.acl?.ownerId ?? null;
    const extra = (bucket.acl?.grants ?? []).filter((g) => !isOwnerFullControl(g, ownerId));
    if (extra.length > 0) {
      const described = extra.map((g) => `${describeGrantee(g.grantee)} ${g.permission}`);
      return fail(`bucket ${bucket.name}: the ACL grants access beyond the owner (${described.join('; ')})`, [
        { field: 'acl.grants', value: described, message: `bucket ${bucket.name}: ${extra.length} ACL grant(s) besides the owner's FULL_CONTROL` },
      ]);
    }
    return pass(`bucket ${bucket.name}: the ACL only grants the owner FULL_CONTROL`);
  },
});
