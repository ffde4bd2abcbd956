import { defineRule, fail, pass } from '../define-rule';
import type { S3BucketConfig } from '../../resources/s3/types';

const KMS_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];

export const s3BucketKmsEncryption = defineRule<S3BucketConfig>({
  id: 's3-bucket-kms-encryption',
  title: 'S3 bucket default encryption uses AWS KMS keys',
  severity: 'MEDIUM',
  kind: 'AWS::S3::Bucket',
  anchors: { securityHub: ['S3.17'], fsbp: false, prowler: ['s3_bucket_kms_encryption'] },
  trigger: 'E',
  reads: ['s3:GetEncryptionConfiguration'],
  remediation: {
    text: 'Set the bucket\'s default encryption to SSE-KMS (or DSSE-KMS) with a customer managed key, and enable the bucket key.',
    cli: 'aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"<kms-key-arn>"},"BucketKeyEnabled":true}]}\'',
  },
  rationale: 'KMS encryption adds key policies and CloudTrail records of every decryption on top of S3-managed encryption.',
  evaluate: (bucket) => {
    const rules = bucket.encryption?.rules ?? [];
    const kms = rules.find((r) => r.algorithm !== null && KMS_ALGORITHMS.includes(r.algorithm));
    if (kms) {
      return pass(`bucket ${bucket.name} encrypts by default with ${kms.algorithm}`, [
        { field: 'encryption.rules', value: kms.algorithm, message: `bucket ${bucket.name}: default encryption ${kms.algorithm}` },
      ]);
    }
    const algorithms = rules.map((r) => r.algorithm).filter((a): a is string => a !== null);
    const actual = algorithms.length > 0 ? algorithms.join(', ') : 'no default encryption rule';
    return fail(`bucket ${bucket.name} default encryption is ${actual}, not AWS KMS`, [
      { field: 'encryption.rules', value: algorithms, message: `bucket ${bucket.name}: ${actual}` },
    ]);
  },
});
