import { TABLE_READ_ACTIONS } from '../../resources/dynamodb/reads';
import { DYNAMODB_TABLE_KIND, type DynamoDbTableSnapshot } from '../../resources/dynamodb/types';
import { defineRule, fail, pass } from '../define-rule';

const BROKEN = new Set(['DISABLED', 'DISABLING', 'INACCESSIBLE_ENCRYPTION_CREDENTIALS']);

export const ddbTableKmsEncryption = defineRule<DynamoDbTableSnapshot>({
  id: 'ddb-table-kms-encryption',
  title: 'DynamoDB table is encrypted with a KMS key, not the AWS owned key',
  severity: 'MEDIUM',
  kind: DYNAMODB_TABLE_KIND,
  anchors: { prowler: ['dynamodb_tables_kms_cmk_encryption_enabled'] },
  trigger: 'E',
  reads: [TABLE_READ_ACTIONS.describeTable],
  remediation: {
    text: 'Encrypt the table with a KMS key (a customer managed key when requireCustomerManagedKey is set) and keep the key enabled and accessible.',
    cli: 'aws dynamodb update-table --table-name <table> --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=<key-arn>',
  },
  rationale: 'With the AWS owned key, key use is neither logged in CloudTrail nor controllable by key policy; a disabled or inaccessible key makes the table unreadable.',
  evaluate(table, ctx) {
    const sse = table.sse;
    if (!sse || sse.type !== 'KMS') {
      return fail(`table ${table.name} is encrypted with the AWS owned key`, [{ message: sse ? `SSE type is ${sse.type ?? 'unset'}` : 'no SSEDescription (AWS owned key)', field: 'sse.type', value: sse?.type ?? null }]);
    }
    if (sse.status && BROKEN.has(sse.status)) {
      return fail(`table ${table.name}: KMS encryption status is ${sse.status}`, [{ message: `SSE status ${sse.status}`, field: 'sse.status', value: sse.status }]);
    }
    const strict = ctx.params.requireCustomerManagedKey === true || ctx.params.requireCustomerManagedKey === 'true';
    if (strict && sse.keyManager !== 'CUSTOMER') {
      return fail(
        sse.keyManager === 'AWS'
          ? `table ${table.name} uses the AWS managed key aws/dynamodb, not a customer managed key`
          : `table ${table.name}: could not confirm that key ${sse.kmsKeyArn ?? '(unknown)'} is customer managed`,
        [{ message: `key manager ${sse.keyManager ?? 'unknown'}`, field: 'sse.keyManager', value: sse.keyManager }],
      );
    }
    // The key manager is read only when it decides (strict mode): an unknown one must not blur a plain KMS pass.
    return pass(`table ${table.name} is encrypted with KMS key ${sse.kmsKeyArn ?? '(AWS managed)'}`, [
      { message: strict ? 'SSE type KMS, customer managed key' : 'SSE type KMS', field: 'sse.kmsKeyArn', value: sse.kmsKeyArn },
    ]);
  },
});
