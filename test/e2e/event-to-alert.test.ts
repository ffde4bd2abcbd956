/**
 * End to end: an EventBridge event through the evaluate handler (real DynamoDB API on dynalite), the table's stream
 * (emulated: one record per changed item, with old and new images, as DynamoDB Streams emits them — dynalite has no
 * streams), and the notify handler, to SNS. Exactly one publish per finding transition; none for a duplicate event.
 */
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetBucketAclCommand, GetBucketLocationCommand, GetBucketPolicyCommand, GetPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { DynamoDBRecord, DynamoDBStreamEvent, SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { transitionOf, findingFromItem } from '../../shared/findings';
import { startEmbeddedStore, type EmbeddedStore } from '../../shared/findings/embedded';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { loadApiResponse, loadCloudTrailRecords, toEventBridge } from '../helpers/fixtures';

const ACCOUNT = '111122223333';
const BUCKET = 'e2e-reports';
const TOPIC = 'arn:aws:sns:us-east-1:111122223333:vigil-alerts';

/** The real PutBucketAcl record of the AWS documentation, made about our bucket, in an EventBridge envelope. */
const putBucketAcl = (eventId: string, eventTime: string) => {
  const record = loadCloudTrailRecords('cloudtrail/s3-ListBuckets-PutBucketAcl-GetBucketVersioning.awsdocs.json').find((r) => r.eventName === 'PutBucketAcl');
  record.requestParameters.bucketName = BUCKET;
  Object.assign(record, { eventID: eventId, eventTime, recipientAccountId: ACCOUNT, awsRegion: 'us-east-1' });
  record.userIdentity = { ...record.userIdentity, type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/mallory`, accountId: ACCOUNT };
  return toEventBridge(record);
};

const sqsEvent = (...bodies: unknown[]): SQSEvent => ({
  Records: bodies.map((body, i) => ({
    messageId: `m-${i}`,
    receiptHandle: `r-${i}`,
    body: JSON.stringify(body),
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'x', ApproximateFirstReceiveTimestamp: '0' },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:us-east-1:${ACCOUNT}:vigil-s3`,
    awsRegion: 'us-east-1',
  })),
});

describe('EventBridge event → evaluate → findings stream → notify → SNS', () => {
  const s3 = mockClient(S3Client);
  const s3control = mockClient(S3ControlClient);
  const cloudtrail = mockClient(CloudTrailClient);
  const sns = mockClient(SNSClient);
  let embedded: EmbeddedStore;
  let evaluate: (event: SQSEvent) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
  let notify: (event: DynamoDBStreamEvent) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
  let sequence = 0;

  /** Current table items by key, as marshalled images. */
  const tableImages = async (): Promise<Map<string, Record<string, unknown>>> => {
    const { Items = [] } = await embedded.client.send(new ScanCommand({ TableName: embedded.tableName }));
    return new Map(Items.map((item) => [String(item.findingId.S), item as Record<string, unknown>]));
  };

  /** Runs the evaluator, then delivers the stream records its writes would produce to the notifier. */
  const deliver = async (event: SQSEvent) => {
    const before = await tableImages();
    const evaluated = await evaluate(event);
    const after = await tableImages();
    const records: DynamoDBRecord[] = [];
    for (const [id, image] of after) {
      const old = before.get(id);
      if (old && JSON.stringify(old) === JSON.stringify(image)) continue; // DynamoDB Streams writes no record for an unchanged item
      records.push({ eventName: old ? 'MODIFY' : 'INSERT', eventID: `s-${++sequence}`, dynamodb: { Keys: { findingId: { S: id } }, OldImage: old as never, NewImage: image as never, SequenceNumber: String(sequence), StreamViewType: 'NEW_AND_OLD_IMAGES' } });
    }
    const transitions = records.map((r) => transitionOf(r.dynamodb?.OldImage ? findingFromItem(unmarshall(r.dynamodb.OldImage as never)) : undefined, findingFromItem(unmarshall(r.dynamodb!.NewImage as never)))).filter(Boolean);
    sns.resetHistory();
    const notified = await notify({ Records: records });
    return { evaluated, notified, records, transitions, published: sns.commandCalls(PublishCommand).map((c) => c.args[0].input) };
  };

  beforeAll(async () => {
    embedded = await startEmbeddedStore();
    Object.assign(process.env, { FINDINGS_TABLE: embedded.tableName, ALERT_TOPIC_ARN: TOPIC, AWS_ENDPOINT_URL_DYNAMODB: embedded.endpoint, POWERTOOLS_LOG_LEVEL: 'SILENT' });
    ({ handler: evaluate } = require('../../functions/evaluate-s3') as typeof import('../../functions/evaluate-s3'));
    ({ handler: notify } = require('../../functions/notify') as typeof import('../../functions/notify'));
    s3.onAnyCommand().resolves({});
    s3.on(GetBucketLocationCommand).resolves({});
    s3.on(GetPublicAccessBlockCommand).resolves(loadApiResponse('s3.GetPublicAccessBlock.all-false.custodian.json'));
    s3.on(GetBucketPolicyCommand).rejects(Object.assign(new Error('NoSuchBucketPolicy'), { name: 'NoSuchBucketPolicy', $metadata: { httpStatusCode: 404 } }));
    s3control.onAnyCommand().rejects(Object.assign(new Error('NoSuchPublicAccessBlockConfiguration'), { name: 'NoSuchPublicAccessBlockConfiguration', $metadata: { httpStatusCode: 404 } }));
    cloudtrail.onAnyCommand().resolves({});
    sns.on(PublishCommand).resolves({ MessageId: 'msg' });
  });
  afterAll(async () => {
    for (const mock of [s3, s3control, cloudtrail, sns]) mock.restore();
    delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
    await embedded.close();
  });

  it('publishes exactly one alert per transition: NEW on a public ACL, nothing on a duplicate, RESOLVED when private again', async () => {
    // 1. An ACL granting AllUsers WRITE (recorded response): the bucket becomes public.
    s3.on(GetBucketAclCommand).resolves(loadApiResponse('s3.GetBucketAcl.AllUsers-WRITE.custodian.json'));
    const first = await deliver(sqsEvent(putBucketAcl('e2e-1', '2024-06-01T10:00:00Z')));
    expect(first.evaluated.batchItemFailures).toEqual([]);
    expect(first.transitions.length).toBeGreaterThan(0);
    expect(first.published).toHaveLength(first.transitions.length);
    const publicWrite = first.published.filter((p) => p.MessageAttributes?.ruleId?.StringValue === 's3-bucket-public-write');
    expect(publicWrite).toHaveLength(1);
    expect(publicWrite[0]).toMatchObject({
      TopicArn: TOPIC,
      Subject: `[CRITICAL] NEW s3-bucket-public-write: ${BUCKET}`,
      MessageAttributes: expect.objectContaining({ severity: { DataType: 'String', StringValue: 'CRITICAL' }, transition: { DataType: 'String', StringValue: 'NEW' }, accountId: { DataType: 'String', StringValue: ACCOUNT } }),
    });
    expect(publicWrite[0].Message).toContain('mallory');

    // 2. The same event delivered again (at-least-once delivery): findings are touched, no alert.
    const duplicate = await deliver(sqsEvent(putBucketAcl('e2e-1', '2024-06-01T10:00:00Z')));
    expect(duplicate.transitions).toEqual([]);
    expect(duplicate.published).toEqual([]);

    // 3. The ACL is made private: one RESOLVED alert for the public-write finding.
    s3.on(GetBucketAclCommand).resolves(loadApiResponse('s3.GetBucketAcl.owner-only.custodian.json'));
    const fixed = await deliver(sqsEvent(putBucketAcl('e2e-2', '2024-06-01T10:05:00Z')));
    const resolved = fixed.published.filter((p) => p.MessageAttributes?.ruleId?.StringValue === 's3-bucket-public-write');
    expect(resolved).toHaveLength(1);
    expect(resolved[0].MessageAttributes?.transition?.StringValue).toBe('RESOLVED');
    expect(fixed.published).toHaveLength(fixed.transitions.length);
  });
});
