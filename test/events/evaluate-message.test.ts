import { EventValidationError } from '../../shared/core';
import { evaluateMessageFor, isEvaluateMessage, parseEvaluateMessage, parseEventBridgeEvent, refFor } from '../../shared/events';
import { ALL_FAMILIES } from '../../shared/families';
import { bucketRef, testKinds, testRows } from '../helpers/catalogue';
import { loadFixture } from '../helpers/fixtures';

const ACCOUNT = '111122223333';
const bucket = bucketRef('vigil-example-bucket', ACCOUNT, 'eu-west-1');
const message = (overrides: Record<string, unknown> = {}) => ({ ...evaluateMessageFor(bucket, testKinds[0], 'sweep', 'sweep-1'), ...overrides });

describe('evaluate/v1 messages', () => {
  it('carries a resource and nothing else, and reads back as the same reference', () => {
    const body = JSON.stringify(message());
    expect(JSON.parse(body)).toEqual({ vigil: 'evaluate/v1', kind: 'Test::Bucket', id: bucket.id, arn: bucket.arn, accountId: ACCOUNT, region: 'eu-west-1', sweepId: 'sweep-1', reason: 'sweep' });
    expect(isEvaluateMessage(body)).toBe(true);
    expect(parseEvaluateMessage(body, testKinds, [ACCOUNT]).ref).toEqual(bucket);
  });

  it('is told apart from the EventBridge events on the same queue', () => {
    const event = loadFixture('eventbridge/s3-PutBucketAcl-AllUsers.streamalert.json');
    expect(isEvaluateMessage(event)).toBe(false);
    expect(isEvaluateMessage(JSON.stringify(event))).toBe(false);
    expect(isEvaluateMessage('not json')).toBe(false);
    // The EventBridge parser still refuses it: it is no AWS event, and is never taken for one.
    expect(() => parseEventBridgeEvent(message(), testRows, testKinds)).toThrow(EventValidationError);
  });

  it.each([
    ['an ARN other than the one the kind builds from the id (a read of one bucket filed under another)', { arn: 'arn:aws:s3:::someone-elses-bucket' }, /ARN is not the one/],
    ['a kind this evaluator does not judge', { kind: 'AWS::EC2::Instance' }, /kind "AWS::EC2::Instance" is not one/],
    ['a global scope for a regional kind', { region: 'global' }, /not global/],
    ['an extra member (an actor, a verdict, a state)', { actor: { principalArn: 'arn:aws:iam::111122223333:user/mallory' } }, /invalid evaluate message/],
    ['an unknown reason', { reason: 'resolve' }, /invalid evaluate message/],
    ['a malformed account', { accountId: '1234' }, /accountId/],
    ['another version', { vigil: 'evaluate/v2' }, /vigil/],
  ])('rejects %s', (_name, overrides, error) => {
    expect(() => parseEvaluateMessage(JSON.stringify(message(overrides)), testKinds, [ACCOUNT])).toThrow(error);
  });

  it("rejects a resource of an account other than the queue's", () => {
    expect(() => parseEvaluateMessage(message({ accountId: '444455556666' }), testKinds, [ACCOUNT])).toThrow(/not this deployment's/);
  });

  it('round-trips a reference of every kind of every family, as events and listings build them', () => {
    for (const family of ALL_FAMILIES) {
      for (const kind of family.kinds) {
        const ref = refFor(kind, 'example-1', ACCOUNT, 'eu-west-1');
        expect({ kind: kind.kind, ref: parseEvaluateMessage(JSON.stringify(evaluateMessageFor(ref, kind, 'fan-out')), family.kinds, [ACCOUNT]).ref }).toEqual({ kind: kind.kind, ref });
      }
    }
  });
});
