import { SNSClient } from '@aws-sdk/client-sns';
import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { alertFromImages, publishAlert, unmarshallStreamImage } from '../shared/alerts';
import { requireEnv } from './env';

const logger = new Logger();
const sns = new SNSClient({});
const topicArn = requireEnv('ALERT_TOPIC_ARN');

/**
 * Findings stream → one SNS alert per finding transition (alertFromImages decides; writes without a transition give none).
 * Records are handled in order and the first failure stops the batch: Lambda retries from that sequence number, so later
 * records are not published twice.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  let published = 0;
  for (const record of event.Records) {
    try {
      const alert = alertFromImages(unmarshallStreamImage(record.dynamodb?.OldImage), unmarshallStreamImage(record.dynamodb?.NewImage));
      if (alert === undefined) continue;
      await publishAlert(sns, topicArn, alert);
      published += 1;
    } catch (error) {
      const sequenceNumber = record.dynamodb?.SequenceNumber ?? '';
      logger.error('alert not published: the batch is retried from this record', { eventID: record.eventID, sequenceNumber, error: (error as Error).name, message: (error as Error).message });
      logger.info('stream batch handled', { records: event.Records.length, published });
      return { batchItemFailures: [{ itemIdentifier: sequenceNumber }] };
    }
  }
  logger.info('stream batch handled', { records: event.Records.length, published });
  return { batchItemFailures: [] };
};
