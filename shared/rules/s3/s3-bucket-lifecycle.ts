import { defineRule, fail, pass } from '../define-rule';
import type { LifecycleRule, S3BucketConfig } from '../../resources/s3/types';

const numberParam = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

export const s3BucketLifecycle = defineRule<S3BucketConfig>({
  id: 's3-bucket-lifecycle',
  title: 'S3 bucket has an enabled lifecycle configuration',
  severity: 'LOW',
  kind: 'AWS::S3::Bucket',
  anchors: { securityHub: ['S3.13'], fsbp: true, prowler: ['s3_bucket_lifecycle_enabled'] },
  trigger: 'E',
  reads: ['s3:GetLifecycleConfiguration'],
  remediation: {
    text: 'Add an enabled lifecycle rule that transitions or expires objects according to your retention policy.',
    cli: 'aws s3api put-bucket-lifecycle-configuration --bucket <bucket> --lifecycle-configuration \'{"Rules":[{"ID":"retention","Status":"Enabled","Filter":{},"Transitions":[{"Days":30,"StorageClass":"STANDARD_IA"}],"Expiration":{"Days":365}}]}\'',
  },
  rationale: 'Lifecycle rules keep data only as long as needed, reducing cost and the amount of data exposed.',
  /**
   * Security Hub params `targetTransitionDays`, `targetExpirationDays`, `targetTransitionStorageClass`: when set, one
   * enabled rule must match all of them. Prowler's extra requirement (at least one enabled rule) is adopted.
   */
  evaluate: (bucket, ctx) => {
    if (!bucket.lifecycle) {
      return fail(`bucket ${bucket.name} has no lifecycle configuration`, [
        { field: 'lifecycle', value: null, message: `bucket ${bucket.name}: NoSuchLifecycleConfiguration` },
      ]);
    }
    const enabled = bucket.lifecycle.rules.filter((r) => r.status === 'Enabled');
    if (enabled.length === 0) {
      return fail(`bucket ${bucket.name} has no enabled lifecycle rule`, [
        { field: 'lifecycle.rules', value: bucket.lifecycle.rules.length, message: `bucket ${bucket.name}: every lifecycle rule is disabled` },
      ]);
    }
    const transitionDays = numberParam(ctx.params.targetTransitionDays);
    const expirationDays = numberParam(ctx.params.targetExpirationDays);
    const storageClass = typeof ctx.params.targetTransitionStorageClass === 'string' ? ctx.params.targetTransitionStorageClass : undefined;
    const matches = (rule: LifecycleRule): boolean =>
      (expirationDays === undefined || rule.expirationDays === expirationDays) &&
      (transitionDays === undefined && storageClass === undefined
        ? true
        : rule.transitions.some(
            (t) => (transitionDays === undefined || t.days === transitionDays) && (storageClass === undefined || t.storageClass === storageClass),
          ));
    const matching = enabled.filter(matches);
    if (matching.length === 0) {
      const wanted = { targetTransitionDays: transitionDays, targetExpirationDays: expirationDays, targetTransitionStorageClass: storageClass };
      return fail(`bucket ${bucket.name} has no enabled lifecycle rule matching the required transition/expiration`, [
        { field: 'lifecycle.rules', value: wanted, message: `bucket ${bucket.name}: no enabled rule matches ${JSON.stringify(wanted)}` },
      ]);
    }
    return pass(`bucket ${bucket.name} has ${matching.length} enabled lifecycle rule(s) meeting the requirements`);
  },
});
