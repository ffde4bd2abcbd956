import { SNSClient } from '@aws-sdk/client-sns';
import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent, DynamoDBRecord } from 'aws-lambda';
import { alertFromImages, baselineAlertFromImages, baselineLedgerOfImage, publishAlert, unmarshallStreamImage, type PublishableAlert } from '../shared/alerts';
import { requireEnv } from './env';

const logger = new Logger();
const sns = new SNSClient({});
const topicArn = requireEnv('ALERT_TOPIC_ARN');

/** The alert of one stream record: a finding's transition, or the summary of a first-run baseline that just closed. */
const alertOf = (record: DynamoDBRecord): PublishableAlert | undefined => {
  const oldLedger = baselineLedgerOfImage(record.dynamodb?.OldImage);
  const newLedger = baselineLedgerOfImage(record.dynamodb?.NewImage);
  if (oldLedger || newLedger) return baselineAlertFromImages(oldLedger, newLedger);
  return alertFromImages(unmarshallStreamImage(record.dynamodb?.OldImage), unmarshallStreamImage(record.dynamodb?.NewImage));
};

/**
 * Findings stream → one SNS alert per finding transition (alertFromImages decides; writes without a transition give none,
 * and the findings a first-run baseline opened are announced by its one summary, when its ledger closes).
 * Records are handled in order and the first failure stops the batch: Lambda retries from that sequence number, so later
 * records are not published twice.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  let published = 0;
  for (const record of event.Records) {
    try {
      const alert = alertOf(record);
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
