import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { GetBucketAclCommand, GetBucketLocationCommand, GetBucketPolicyCommand, GetPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { ChangeMessageVisibilityBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { evaluateMessageFor } from '../../shared/events';
import { S3_KIND } from '../../shared/resources/s3/kinds';
import type { SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { matchingRows } from '../../shared/events';
import { s3Family } from '../../shared/families/s3';
import { startEmbeddedStore, type EmbeddedStore } from '../../shared/findings/embedded';
import { loadApiResponse, loadFixture } from '../helpers/fixtures';
import { captureQueue, sqsRecord } from '../helpers/sqs';

const BUCKET = 'vigil-example-bucket';
const OTHER_BUCKET = 'vigil-example-bucket-2';
const ACCOUNT = '123456789012';
const QUEUE_URL = `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/vigil-s3`;
const bucketMessage = (bucket: string, account = ACCOUNT) =>
  JSON.stringify(evaluateMessageFor({ kind: S3_KIND.bucket, id: bucket, arn: `arn:aws:s3:::${bucket}`, accountId: account, region: 'us-east-1' }, s3Family.kinds.find((k) => k.kind === S3_KIND.bucket)!, 'sweep', 'sweep-1'));

/** The recorded StreamAlert envelope (PutBucketAcl granting AllUsers READ), its redacted "..." placeholders filled in. */
const putBucketAclEvent = (eventId: string, eventTime: string, bucket = BUCKET) => {
  const event = loadFixture('eventbridge/s3-PutBucketAcl-AllUsers.streamalert.json');
  Object.assign(event, { 'detail-type': 'AWS API Call via CloudTrail', source: 'aws.s3', account: ACCOUNT, id: `evt-${eventId}`, time: eventTime, version: '0' });
  Object.assign(event.detail, { eventID: eventId, eventTime, eventType: 'AwsApiCall', eventVersion: '1.05', recipientAccountId: ACCOUNT, sourceIPAddress: '198.51.100.7', userAgent: 'aws-cli/2.15.0' });
  Object.assign(event.detail.userIdentity, { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/alice`, userName: 'alice' });
  event.detail.requestParameters.bucketName = bucket;
  return event;
};


const awsError = (name: string, httpStatusCode: number) => Object.assign(new Error(name), { name, Code: name, $metadata: { httpStatusCode } });

describe('functions/evaluate-s3 handler', () => {
  const s3 = mockClient(S3Client);
  const s3control = mockClient(S3ControlClient);
  const cloudtrail = mockClient(CloudTrailClient);
  const sqs = mockClient(SQSClient);
  let sent: string[] = [];
  let embedded: EmbeddedStore;
  let handler: (event: SQSEvent) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
  const logged: string[] = [];

  beforeAll(async () => {
    embedded = await startEmbeddedStore();
    process.env.FINDINGS_TABLE = embedded.tableName;
    process.env.TRUSTED_ACCOUNT_IDS = '';
    process.env.AWS_ENDPOINT_URL_DYNAMODB = embedded.endpoint; // the handler's own DynamoDB client talks to dynalite
    process.env.EVALUATE_QUEUE_URL = QUEUE_URL;
    process.env.POWERTOOLS_DEV = 'true'; // the logger writes through the global console, which the test reads
    for (const level of ['info', 'error', 'warn'] as const) jest.spyOn(console, level).mockImplementation((...args) => void logged.push(args.join(' ')));
    // required here, not imported at the top: the module builds its clients from the environment when it loads
    ({ handler } = require('../../functions/evaluate-s3') as typeof import('../../functions/evaluate-s3'));
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    s3.restore();
    s3control.restore();
    cloudtrail.restore();
    sqs.restore();
    delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
    delete process.env.EVALUATE_QUEUE_URL;
    delete process.env.POWERTOOLS_DEV;
    await embedded.close();
  });
  beforeEach(() => {
    logged.length = 0;
    for (const mock of [s3, s3control, cloudtrail, sqs]) mock.reset();
    sent = captureQueue(sqs);
    sqs.on(ChangeMessageVisibilityBatchCommand).callsFake((input) => ({ Successful: input.Entries.map((e: { Id: string }) => ({ Id: e.Id })), Failed: [] }));
    // Recorded responses for the reads that decide public access; other reads answer empty (nothing configured).
    s3.onAnyCommand().resolves({});
    s3.on(GetBucketLocationCommand).resolves({});
    s3.on(GetBucketAclCommand).resolves(loadApiResponse('s3.GetBucketAcl.AllUsers-WRITE.custodian.json'));
    s3.on(GetPublicAccessBlockCommand).resolves(loadApiResponse('s3.GetPublicAccessBlock.all-false.custodian.json'));
    s3.on(GetBucketPolicyCommand).rejects(awsError('NoSuchBucketPolicy', 404));
    s3control.onAnyCommand().rejects(awsError('NoSuchPublicAccessBlockConfiguration', 404));
    cloudtrail.onAnyCommand().resolves({});
  });

  it('reports only the malformed records as batch item failures, and logs why without the body', async () => {
    const missingName = putBucketAclEvent('bbbb-2222', '2024-05-01T10:00:02Z');
    delete missingName.detail.eventName;
    const event: SQSEvent = {
      Records: [
        sqsRecord('msg-valid-1', JSON.stringify(putBucketAclEvent('aaaa-1111', '2024-05-01T10:00:00Z'))),
        sqsRecord('msg-malformed-name', JSON.stringify(missingName)),
        sqsRecord('msg-valid-2', JSON.stringify(putBucketAclEvent('cccc-3333', '2024-05-01T10:00:05Z'))),
        sqsRecord('msg-not-json', '{"detail-type": "AWS API Call via CloudTrail", "detail": {'),
      ],
    };

    const response = await handler(event);

    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['msg-malformed-name', 'msg-not-json']);
    const rejections = logged.filter((line) => line.includes('rejected malformed event'));
    expect(rejections).toHaveLength(2);
    expect(rejections.find((l) => l.includes('msg-malformed-name'))).toMatch(/eventName/);
    expect(logged.join('\n')).not.toContain(BUCKET);
    expect(logged.join('\n')).not.toContain('AccessControlPolicy');
  });

  it('coalesces the events for one bucket into one evaluation and reconciles its findings into the table', async () => {
    expect(matchingRows({ eventSource: 's3.amazonaws.com', eventName: 'PutBucketAcl' }, s3Family.triggers).length).toBeGreaterThan(0);
    const event: SQSEvent = {
      Records: [
        sqsRecord('msg-a', JSON.stringify(putBucketAclEvent('dddd-4444', '2024-05-01T11:00:00Z', OTHER_BUCKET))),
        sqsRecord('msg-b', JSON.stringify(putBucketAclEvent('eeee-5555', '2024-05-01T11:00:03Z', OTHER_BUCKET))),
      ],
    };

    const response = await handler(event);

    expect(response.batchItemFailures).toEqual([]);
    const findings = await embedded.store.list({ resource: `arn:aws:s3:::${OTHER_BUCKET}` });
    // The bucket's ACL is re-read once for both events, and its findings stored.
    expect(s3.commandCalls(GetBucketAclCommand, { Bucket: OTHER_BUCKET })).toHaveLength(1);
    expect(findings.length).toBeGreaterThan(0);
    // The recorded ACL grants WRITE to AllUsers: the public-write finding is open.
    expect(findings.find((f) => f.ruleId === 's3-bucket-public-write')?.status).toBe('OPEN');
    expect(findings.every((f) => f.actor?.eventId === 'eeee-5555')).toBe(true); // the latest change is the one recorded
  });

  it('makes a throttled resource visible again after a back-off (ChangeMessageVisibility), without an ERROR finding while receives remain', async () => {
    s3.on(GetBucketAclCommand, { Bucket: 'throttled-bucket' }).rejects(awsError('SlowDown', 503));

    const response = await handler({ Records: [sqsRecord('msg-slow', bucketMessage('throttled-bucket'), { receiveCount: 1, account: ACCOUNT })] });

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'msg-slow' }]);
    const [change] = sqs.commandCalls(ChangeMessageVisibilityBatchCommand).map((c) => c.args[0].input);
    expect(change).toMatchObject({ QueueUrl: QUEUE_URL, Entries: [{ ReceiptHandle: 'rh-msg-slow', VisibilityTimeout: expect.any(Number) }] });
    expect(change.Entries![0].VisibilityTimeout).toBeGreaterThanOrEqual(30);
    expect(await embedded.store.list({ resource: 'arn:aws:s3:::throttled-bucket' })).toEqual([]);
  });

  it('on the last receive the queue allows, records the failed read as ERROR findings and consumes the message', async () => {
    s3.on(GetBucketAclCommand, { Bucket: 'throttled-bucket' }).rejects(awsError('SlowDown', 503));

    const response = await handler({ Records: [sqsRecord('msg-last', bucketMessage('throttled-bucket'), { receiveCount: 3, account: ACCOUNT })] });

    expect(response.batchItemFailures).toEqual([]);
    const findings = await embedded.store.list({ resource: 'arn:aws:s3:::throttled-bucket' });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.status === 'ERROR' && /after 3 attempts/.test(f.message))).toBe(true);
  });

  it("rejects an evaluate message naming another account's resource (it reaches the DLQ), reading nothing", async () => {
    const response = await handler({ Records: [sqsRecord('msg-foreign', bucketMessage('someone-elses-bucket', '444455556666'), { account: ACCOUNT })] });
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'msg-foreign' }]);
    expect(s3.commandCalls(GetBucketAclCommand)).toHaveLength(0);
    expect(logged.join('\n')).toMatch(/not this deployment's/);
  });

  it('fans an account Block Public Access change out as one evaluate message per bucket, without reading them', async () => {
    const event = putBucketAclEvent('ffff-6666', '2024-05-01T12:00:00Z');
    Object.assign(event.detail, { eventName: 'PutAccountPublicAccessBlock', eventSource: 's3.amazonaws.com', requestParameters: { accountId: ACCOUNT } });
    s3.on(ListBucketsCommand).resolves({ Buckets: [1, 2, 3].map((i) => ({ Name: `fan-${i}`, BucketRegion: 'eu-west-1' })) });

    const response = await handler({ Records: [sqsRecord('msg-bpa', JSON.stringify(event), { account: ACCOUNT })] });

    expect(response.batchItemFailures).toEqual([]);
    expect(sent.map((b) => JSON.parse(b)).filter((m) => m.kind === S3_KIND.bucket).map((m) => [m.id, m.region, m.reason])).toEqual([
      ['fan-1', 'eu-west-1', 'fan-out'],
      ['fan-2', 'eu-west-1', 'fan-out'],
      ['fan-3', 'eu-west-1', 'fan-out'],
    ]);
    expect(s3.commandCalls(GetBucketAclCommand).filter((c) => String(c.args[0].input.Bucket).startsWith('fan-'))).toEqual([]);
  });
});
