import { createHash } from 'node:crypto';
import { SendMessageBatchCommand, type SendMessageBatchCommandInput, type SendMessageBatchCommandOutput, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import type { AwsClientStub } from 'aws-sdk-client-mock';

/** An SQS record as the Lambda event source delivers it (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html). */
export const sqsRecord = (messageId: string, body: string, options: { receiveCount?: number; account?: string; queue?: string } = {}): SQSRecord => ({
  messageId,
  receiptHandle: `rh-${messageId}`,
  body,
  attributes: {
    ApproximateReceiveCount: String(options.receiveCount ?? 1),
    SentTimestamp: '1714557600000',
    SenderId: 'AIDAEXAMPLE',
    ApproximateFirstReceiveTimestamp: '1714557600000',
  },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: `arn:aws:sqs:us-east-1:${options.account ?? '123456789012'}:${options.queue ?? 'vigil-s3'}`,
  awsRegion: 'us-east-1',
});

/**
 * Answers SendMessageBatch as SQS does (SendMessageBatchResultEntry: Id, MessageId, MD5OfMessageBody;
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html) and keeps the bodies.
 * `refuse(body)` returns an error code for entries SQS should report as Failed (BatchResultErrorEntry).
 */
export const captureQueue = (sqs: AwsClientStub<SQSClient>, refuse: (body: string) => string | undefined = () => undefined) => {
  const bodies: string[] = [];
  let next = 0;
  sqs.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput): SendMessageBatchCommandOutput => {
    const Successful: NonNullable<SendMessageBatchCommandOutput['Successful']> = [];
    const Failed: NonNullable<SendMessageBatchCommandOutput['Failed']> = [];
    for (const entry of input.Entries ?? []) {
      const code = refuse(entry.MessageBody ?? '');
      if (code) Failed.push({ Id: entry.Id, SenderFault: false, Code: code, Message: code });
      else {
        bodies.push(entry.MessageBody ?? '');
        Successful.push({ Id: entry.Id, MessageId: `00000000-0000-4000-8000-${String(next++).padStart(12, '0')}`, MD5OfMessageBody: createHash('md5').update(entry.MessageBody ?? '').digest('hex') });
      }
    }
    return { Successful, Failed, $metadata: { httpStatusCode: 200 } };
  });
  return bodies;
};
