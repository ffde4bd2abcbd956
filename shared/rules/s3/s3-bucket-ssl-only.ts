import { defineRule, fail, pass } from '../define-rule';
import { analyzePolicy } from '../../policy';
import type { S3BucketConfig } from '../../resources/s3/types';

export const s3BucketSslOnly = defineRule<S3BucketConfig>({
  id: 's3-bucket-ssl-only',
  title: 'S3 bucket policy denies requests that do not use TLS',
  severity: 'MEDIUM',
  kind: 'AWS::S3::Bucket',
  anchors: { securityHub: ['S3.5'], fsbp: true, cis: ['v3 2.1.1', 'v5 2.1.1'], prowler: ['s3_bucket_secure_transport_policy'] },
  trigger: 'E',
  reads: ['s3:GetBucketPolicy'],
  remediation: {
    text: 'Add a Deny statement for all principals and all S3 actions on the bucket and its objects when aws:SecureTransport is false (merge it into the existing policy).',
    cli: 'aws s3api put-bucket-policy --bucket <bucket> --policy \'{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::<bucket>","arn:aws:s3:::<bucket>/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}\'',
  },
  rationale: 'Without an explicit deny, clients can send requests and data over plain HTTP, open to interception.',
  evaluate: (bucket, ctx, ref) => {
    if (!bucket.policy) {
      return fail(`bucket ${bucket.name} has no bucket policy, so plain-HTTP requests are not denied`, [
        { field: 'policy', value: null, message: `bucket ${bucket.name}: no bucket policy` },
      ]);
    }
    const tls = analyzePolicy('bucket-policy', bucket.policy, {
      accountId: bucket.accountId,
      orgId: ctx.orgId,
      trustedAccountIds: ctx.params.trustedAccountIds,
      resourceArn: ref.arn,
    }).tlsEnforced;
    if (tls.value) {
      const named = tls.statements.map((s) => (s.sid ? `${s.index} (${s.sid})` : `${s.index}`)).join(', ');
      return pass(`bucket ${bucket.name}: policy statement ${named} denies requests without TLS`, [
        { field: 'policy', statements: tls.statements, message: `bucket ${bucket.name}: aws:SecureTransport=false is denied` },
      ]);
    }
    return fail(`bucket ${bucket.name}: the bucket policy does not deny requests without TLS`, [
      { field: 'policy', statements: tls.statements, value: tls.reasons, message: `bucket ${bucket.name}: no Deny of aws:SecureTransport=false covering the bucket and its objects` },
    ]);
  },
});
