import { defineRule, fail, pass } from '../define-rule';
import type { S3BucketConfig } from '../../resources/s3/types';

export const s3BucketCrossRegionReplication = defineRule<S3BucketConfig>({
  id: 's3-bucket-cross-region-replication',
  title: 'S3 bucket replicates to another Region',
  severity: 'LOW',
  kind: 'AWS::S3::Bucket',
  anchors: { securityHub: ['S3.7'], fsbp: false, prowler: ['s3_bucket_cross_region_replication'] },
  trigger: 'E',
  reads: ['s3:GetReplicationConfiguration', 's3:GetBucketVersioning', 's3:GetBucketLocation'],
  remediation: {
    text: 'Enable versioning on the bucket and on a bucket in another Region, then add an enabled replication rule to it (replication destinations themselves are expected to fail: suppress them).',
    cli: 'aws s3api put-bucket-replication --bucket <bucket> --replication-configuration file://replication.json',
  },
  rationale: 'A copy in another Region keeps data available when a Region fails and meets residency or recovery requirements.',
  /**
   * A destination whose Region could not be read (cross-account destination, not in the Config snapshot) is listed as a
   * denied s3:GetBucketLocation by the collectors, so this rule gives ERROR rather than FAIL for it.
   */
  evaluate: (bucket) => {
    const enabled = (bucket.replication?.rules ?? []).filter((r) => r.status === 'Enabled');
    const crossRegion = enabled.filter((r) => r.destinationRegion !== null && r.destinationRegion !== bucket.region);
    if (crossRegion.length > 0) {
      if (bucket.versioning?.status !== 'Enabled') {
        return fail(`bucket ${bucket.name} has replication rules but versioning is not enabled, so nothing replicates`, [
          { field: 'versioning.status', value: bucket.versioning?.status ?? null, message: `bucket ${bucket.name}: versioning is a prerequisite of replication` },
        ]);
      }
      const regions = [...new Set(crossRegion.map((r) => r.destinationRegion))];
      return pass(`bucket ${bucket.name} (${bucket.region}) replicates to ${regions.join(', ')}`, [
        { field: 'replication.rules', value: crossRegion.map((r) => r.destinationBucket), message: `bucket ${bucket.name}: cross-Region destinations` },
      ]);
    }
    if (enabled.length === 0) {
      return fail(`bucket ${bucket.name} has no enabled replication rule`, [
        { field: 'replication', value: bucket.replication ? 'no enabled rule' : null, message: `bucket ${bucket.name}: no cross-Region replication` },
      ]);
    }
    return fail(`bucket ${bucket.name} only replicates within its own Region ${bucket.region}`, [
      { field: 'replication.rules', value: enabled.map((r) => r.destinationBucket), message: `bucket ${bucket.name}: destinations in ${bucket.region}` },
    ]);
  },
});
