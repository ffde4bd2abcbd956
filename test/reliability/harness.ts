/**
 * The deployed alert path, in process: SQS batch → a family's evaluate handler (functions/evaluate.ts, with the deployed
 * wiring of functions/family-engine.ts and an injected clock) → the findings table on dynalite → its stream → the notify
 * handler (functions/notify.ts) → SNS (aws-sdk-client-mock). dynalite has no streams: the store's `onChange` hook, called
 * after every successful write with the item before and after, stands in for them, one stream record per write. As in
 * DynamoDB Streams, a write that changes nothing yields no record
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html: "If you perform a PutItem or
 * UpdateItem operation that does not change any data in an item, DynamoDB Streams does not write a stream record").
 */
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import type { FamilyDefinition } from '../../shared/families/types';
import { createDynamoFindingsStore, createFindingsTable, itemFromFinding, type Finding, type FindingsStore, type ReconcileResult } from '../../shared/findings';
import { startEmbeddedStore, type EmbeddedStore } from '../../shared/findings/embedded';
import { makeEvaluateHandler } from '../../functions/evaluate';
import { createFamilyEngine } from '../../functions/family-engine';

export const ALERT_TOPIC = 'arn:aws:sns:us-east-1:111122223333:vigil-alerts';

/** A clock that moves one second forward at every reading: every observation is later than the one before. */
export const tickingClock = (start = '2024-06-01T00:00:00.000Z'): (() => Date) => {
  let ms = Date.parse(start);
  return () => new Date((ms += 1000));
};

/** One published alert, as a subscriber sees it. */
export interface PublishedAlert {
  readonly findingId: string;
  readonly ruleId: string;
  readonly resourceId: string;
  readonly transition: string;
  readonly status: string;
}

export interface Delivery {
  readonly batchItemFailures: readonly string[];
  readonly alerts: readonly PublishedAlert[];
}

let batchNumber = 0;
/** An SQS batch of EventBridge events (one message per body, as EventBridge → SQS delivers them). */
export const sqsBatch = (bodies: readonly string[]): SQSEvent => {
  batchNumber += 1;
  return {
    Records: bodies.map((body, i) => ({
      messageId: `b${batchNumber}-m${i}`,
      receiptHandle: `r-${batchNumber}-${i}`,
      body,
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'events.amazonaws.com', ApproximateFirstReceiveTimestamp: '0' },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:111122223333:vigil-queue',
      awsRegion: 'us-east-1',
    })),
  };
};

const image = (finding: Finding | undefined) => (finding === undefined ? undefined : marshall(itemFromFinding(finding), { removeUndefinedValues: true }));

export interface AlertPath {
  /** The findings table of this path (its own table on the file's dynalite server). */
  readonly store: FindingsStore;
  /** Runs the evaluator on one batch, then the notifier on the stream records its writes made; returns what was published. */
  deliver(bodies: readonly string[]): Promise<Delivery>;
  /** Every alert published so far, in order. */
  readonly alerts: PublishedAlert[];
}

/**
 * The alert paths of a test file: one SNS stub, one notify handler and one dynalite server, and a fresh findings table
 * per path. The notifier module reads ALERT_TOPIC_ARN and builds its SNS client when it loads, so it is loaded once,
 * after the stub is in place.
 */
export const createAlertPaths = () => {
  const sns = mockClient(SNSClient);
  sns.on(PublishCommand).resolves({ MessageId: 'message' });
  process.env.ALERT_TOPIC_ARN = ALERT_TOPIC;
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  const { handler: notify } = require('../../functions/notify') as typeof import('../../functions/notify');
  let server: Promise<EmbeddedStore> | undefined;
  let tables = 0;

  const start = async (family: FamilyDefinition, clock: () => Date): Promise<AlertPath> => {
    const stream: DynamoDBRecord[] = [];
    const onChange = (change: ReconcileResult) => {
      const [oldImage, newImage] = [image(change.old), image(change.current)];
      if (JSON.stringify(oldImage) === JSON.stringify(newImage)) return;
      stream.push({
        eventID: String(stream.length + 1),
        eventName: oldImage ? 'MODIFY' : 'INSERT',
        dynamodb: { Keys: { findingId: { S: change.findingId } }, OldImage: oldImage as never, NewImage: newImage as never, StreamViewType: 'NEW_AND_OLD_IMAGES', SequenceNumber: String(stream.length + 1) },
      });
    };
    const { client } = await (server ??= startEmbeddedStore());
    const tableName = `reliability-${(tables += 1)}`;
    await createFindingsTable(client, tableName);
    const store = createDynamoFindingsStore({ client, tableName, now: clock, onChange });
    const evaluate = makeEvaluateHandler(family, createFamilyEngine(family, { clock, sink: store }));
    const alerts: PublishedAlert[] = [];

    const deliver = async (bodies: readonly string[]): Promise<Delivery> => {
      const response: SQSBatchResponse = await evaluate(sqsBatch(bodies));
      const records = stream.splice(0);
      sns.resetHistory();
      const notified = await notify({ Records: records } as DynamoDBStreamEvent);
      if (notified.batchItemFailures.length > 0) throw new Error(`notifier failed on ${JSON.stringify(notified.batchItemFailures)}`);
      const published = sns.commandCalls(PublishCommand).map((call) => {
        const input = call.args[0].input;
        const body = JSON.parse(JSON.parse(input.Message ?? '{}').sqs) as { transition: string; finding: { findingId: string; ruleId: string; status: string; resource: { id: string } } };
        return { findingId: body.finding.findingId, ruleId: body.finding.ruleId, resourceId: body.finding.resource.id, transition: body.transition, status: body.finding.status };
      });
      alerts.push(...published);
      return { batchItemFailures: (response.batchItemFailures ?? []).map((f) => f.itemIdentifier), alerts: published };
    };
    return { store, deliver, alerts };
  };

  return {
    start,
    close: async () => {
      sns.restore();
      delete process.env.ALERT_TOPIC_ARN;
      if (server) await (await server).close();
    },
  };
};
