import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleContext, Verdict } from '../../shared/core';
import { evaluateObservation } from '../../shared/engine/evaluate';
import { dynamodbFamily } from '../../shared/families/dynamodb';
import { lambdaFamily } from '../../shared/families/lambda';
import { createConfigIndex, normaliseConfigItem } from '../../shared/resources/config-item';

const items = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'ddb-lambda-snapshot-items.json'), 'utf8')) as unknown[]).map(normaliseConfigItem);
const index = createConfigIndex(items);
const ctx: RuleContext = { accountId: '111122223333', now: new Date('2026-03-01T00:00:00Z'), params: { trustedAccountIds: [] } };

const verdicts: Verdict[] = [lambdaFamily, dynamodbFamily].flatMap((family) =>
  family.configNormalisers.flatMap((n) =>
    items
      .filter((i) => i.resourceType === n.configType)
      .flatMap((i) => n.toObservations(i, index))
      .flatMap((obs) => evaluateObservation(obs, family.rules, family.kinds.find((k) => k.kind === obs.ref.kind), ctx)),
  ),
);
const status = (resourceId: string, ruleId: string) => verdicts.find((v) => v.resourceId === resourceId && v.ruleId === ruleId)?.status;

describe('examples/ddb-lambda-snapshot-items.json', () => {
  it('is Config snapshot-form items of account 111122223333 in us-east-1', () => {
    expect(new Set(items.map((i) => i.accountId))).toEqual(new Set(['111122223333']));
    expect(new Set(items.filter((i) => i.resourceType !== 'AWS::IAM::Role').map((i) => i.region))).toEqual(new Set(['us-east-1']));
  });

  it('flags the public function and passes its compliant counterpart', () => {
    expect(status('public-webhook', 'lambda-function-not-public')).toBe('FAIL');
    // Its own policy is private, but Config does not record alias policies, which may be public: never a PASS.
    expect(status('orders-processor', 'lambda-function-not-public')).toBe('INSUFFICIENT_DATA');
    expect(status('public-webhook', 'lambda-supported-runtime')).toBe('FAIL');
    expect(status('orders-processor', 'lambda-supported-runtime')).toBe('PASS');
    for (const rule of ['lambda-xray-active', 'lambda-env-vars-cmk', 'lambda-async-failure-handling', 'lambda-exec-role-least-privilege', 'lambda-function-tagged']) {
      expect({ rule, status: status('orders-processor', rule) }).toEqual({ rule, status: 'PASS' });
    }
  });

  it('flags the table without PITR and passes its compliant counterpart', () => {
    expect(status('orders-legacy', 'ddb-table-pitr')).toBe('FAIL');
    expect(status('orders', 'ddb-table-pitr')).toBe('PASS');
    expect(status('orders', 'ddb-table-autoscaling')).toBe('PASS');
    for (const rule of ['ddb-table-deletion-protection', 'ddb-table-kms-encryption', 'ddb-table-tagged']) {
      expect({ rule, legacy: status('orders-legacy', rule), orders: status('orders', rule) }).toEqual({ rule, legacy: 'FAIL', orders: 'PASS' });
    }
  });

  it('reports INSUFFICIENT_DATA, never PASS nor ERROR, for rules whose data AWS Config does not record', () => {
    for (const [resource, rule] of [
      ['orders', 'ddb-table-in-backup-plan'],
      ['orders', 'ddb-table-no-cross-account-policy'],
      ['orders-legacy', 'ddb-table-autoscaling'], // provisioned: scaling targets are not in Config
      ['public-webhook', 'lambda-async-failure-handling'], // no DLQ: the invoke config decides, and Config lacks it
      ['public-webhook', 'lambda-function-url-auth'],
      ['public-webhook', 'lambda-no-secrets-in-env'],
      ['public-webhook', 'lambda-log-retention'],
    ] as const) {
      expect({ resource, rule, status: status(resource, rule) }).toEqual({ resource, rule, status: 'INSUFFICIENT_DATA' });
    }
  });
});
