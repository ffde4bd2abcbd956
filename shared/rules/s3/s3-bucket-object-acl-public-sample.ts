import { defineRule, fail, pass } from '../define-rule';
import { aclsDisabled, describeGrantee, effectivePublicAccessBlock, publicAclGrants } from '../../resources/s3/access';
import type { S3BucketObjectSampleConfig } from '../../resources/s3/types';

export const s3BucketObjectAclPublicSample = defineRule<S3BucketObjectSampleConfig>({
  id: 's3-bucket-object-acl-public-sample',
  title: 'Sampled S3 objects have no public ACL grants',
  severity: 'LOW',
  kind: 'AWS::S3::BucketObjectSample',
  anchors: { prowler: ['s3_bucket_object_public'] },
  // Event-driven only through S3 data events, which Vigil does not subscribe to: the schedule runs it.
  trigger: 'P',
  reads: ['s3:GetBucketOwnershipControls', 's3:GetBucketPublicAccessBlock', 's3:GetAccountPublicAccessBlock', 's3:ListBucket', 's3:GetObjectAcl'],
  remediation: {
    text: 'Disable ACLs on the bucket (Object Ownership "bucket owner enforced"), or turn on IgnorePublicAcls, or make the objects private.',
    cli: 'aws s3api put-object-acl --bucket <bucket> --key <key> --acl private',
  },
  rationale: 'Object ACLs can make single objects public even when the bucket policy is private.',
  evaluate: (bucket) => {
    if (aclsDisabled(bucket.objectOwnership)) return pass(`bucket ${bucket.name} has ACLs disabled: object ACLs cannot grant access`);
    if (effectivePublicAccessBlock(bucket).ignorePublicAcls) return pass(`bucket ${bucket.name}: IgnorePublicAcls makes public object ACLs ineffective`);
    const exposed = bucket.objects
      .map((o) => ({ key: o.key, grants: publicAclGrants(o.acl, ['READ', 'WRITE', 'READ_ACP', 'WRITE_ACP', 'FULL_CONTROL']) }))
      .filter((o) => o.grants.length > 0);
    if (exposed.length > 0) {
      return fail(`bucket ${bucket.name}: ${exposed.length} of ${bucket.objects.length} sampled object(s) have public ACL grants`, [
        {
          field: 'objects',
          value: exposed.map((o) => ({ key: o.key, grants: o.grants.map((g) => `${describeGrantee(g.grantee)} ${g.permission}`) })),
          message: `bucket ${bucket.name}: public object ACLs on ${exposed.map((o) => o.key).join(', ')}`,
        },
      ]);
    }
    return pass(`bucket ${bucket.name}: none of ${bucket.objects.length} sampled object(s) has a public ACL grant`);
  },
});
