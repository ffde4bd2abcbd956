import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { alertFromStreamRecord, publishAlert, snsPublishInput, unmarshallStreamImage } from '../../shared/alerts';
import type { AlertBody, AlertMessage, FindingStreamRecord } from '../../shared/alerts';
import { VigilError } from '../../shared/core';
import { findingIdOf } from '../../shared/findings';
import type { ReconcileResult } from '../../shared/findings';
import { startEmbeddedStore } from '../../shared/findings/embedded';
import type { EmbeddedStore } from '../../shared/findings/embedded';
import { actorOfFixture, at, clockAt, publicPolicyEvent, verdictOf } from '../findings/helpers';

const FINDING_ID = findingIdOf('s3-bucket-public-read', 'arn:aws:s3:::example-bucket');

let embedded: EmbeddedStore;
let clock = clockAt(0);
const changes: ReconcileResult[] = [];

beforeAll(async () => {
  embedded = await startEmbeddedStore({ now: () => clock, onChange: (change) => void changes.push(change) });
});
afterAll(async () => {
  await embedded.close();
});

/** The item as DynamoDB holds it (attribute-value JSON, the form of a stream image), read with the raw client. */
const rawItem = async () =>
  (await embedded.client.send(new GetItemCommand({ TableName: embedded.tableName, Key: { findingId: { S: FINDING_ID } }, ConsistentRead: true }))).Item;

describe('Stream records → alerts (embedded store, real DynamoDB attribute values)', () => {
  it('gives exactly one alert per transition over FAIL, FAIL, PASS, FAIL, from images as the table stores them', async () => {
    // Prepare: each write's image as raw attribute values, chained into INSERT/MODIFY records.
    const records: FindingStreamRecord[] = [];
    let previousImage: Record<string, unknown> | undefined;
    const actor = actorOfFixture(publicPolicyEvent());
    for (const [minute, status] of [[1, 'FAIL'], [2, 'FAIL'], [3, 'PASS'], [4, 'FAIL']] as const) {
      clock = clockAt(minute);
      await embedded.store.reconcile(verdictOf(status, at(minute)), { actor, detectedAt: at(minute) });
      const image = await rawItem();
      records.push({ eventName: previousImage ? 'MODIFY' : 'INSERT', dynamodb: { ...(previousImage ? { OldImage: previousImage } : {}), NewImage: image } });
      previousImage = image;
    }
    // Act
    const alerts = records.map(alertFromStreamRecord).filter((a): a is AlertMessage => a !== undefined);
    // Assess
    expect(alerts.map((a) => a.attributes.transition.StringValue)).toEqual(['NEW', 'RESOLVED', 'REGRESSED']);
    expect(changes.filter((c) => c.transition !== undefined).map((c) => c.transition)).toEqual(['NEW', 'RESOLVED', 'REGRESSED']);
    expect(alerts[2]?.text).toMatch(/Changed by: +arn:aws:sts::123456789012:assumed-role\/example-role\/example-user/);
  });

  it('unmarshalls a stored image to the finding the store returns', async () => {
    const image = await rawItem();
    expect(unmarshallStreamImage(image)).toEqual(await embedded.store.get(FINDING_ID));
    expect(unmarshallStreamImage(undefined)).toBeUndefined();
  });

  it('rejects an image that is not a finding', () => {
    expect(() => unmarshallStreamImage({ pk: { S: 'BUCKET#x' }, status: { S: 'DONE' } })).toThrow(VigilError);
    expect(() => unmarshallStreamImage({ pk: { S: 'BUCKET#x' }, status: { S: 'DONE' } })).toThrow(/status 'DONE' is not a finding status/);
  });

  it('gives no alert for a REMOVE record (no new image)', async () => {
    expect(alertFromStreamRecord({ eventName: 'REMOVE', dynamodb: { OldImage: await rawItem() } })).toBeUndefined();
  });
});

describe('Function: publishAlert', () => {
  const sns = mockClient(SNSClient);
  afterEach(() => sns.reset());
  const TOPIC = 'arn:aws:sns:us-west-2:123456789012:vigil-alerts';

  const alert = async (): Promise<AlertMessage> => {
    const image = await rawItem();
    const record: FindingStreamRecord = { eventName: 'INSERT', dynamodb: { NewImage: image } };
    const rendered = alertFromStreamRecord(record);
    if (!rendered) throw new Error('expected an alert');
    return rendered;
  };

  it('publishes the subject, the text for email and the JSON for machines, with filterable attributes', async () => {
    // Prepare
    sns.on(PublishCommand).resolves({ MessageId: '5a1f4e2c-0d6e-5b0a-9f3a-2b7c1d8e9f00' });
    const msg = await alert();
    // Act
    const id = await publishAlert(new SNSClient({}), TOPIC, msg);
    // Assess
    expect(id).toBe('5a1f4e2c-0d6e-5b0a-9f3a-2b7c1d8e9f00');
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
    const input = sns.commandCalls(PublishCommand)[0]?.args[0].input;
    expect(input).toMatchObject({ TopicArn: TOPIC, Subject: msg.subject, MessageStructure: 'json' });
    expect(input?.MessageAttributes).toEqual(msg.attributes);
    expect(input?.MessageAttributes?.severity).toEqual({ DataType: 'String', StringValue: 'CRITICAL' });
    const envelope = JSON.parse(input?.Message ?? '{}') as Record<string, string>;
    expect(envelope.default).toBe(msg.text);
    expect(envelope.email).toBe(msg.text);
    for (const protocol of ['sqs', 'lambda', 'https', 'http', 'email-json']) expect(envelope[protocol]).toBe(msg.json);
    expect((JSON.parse(envelope.sqs ?? '{}') as AlertBody).finding.findingId).toBe(FINDING_ID);
  });

  it('propagates an SNS failure so that the stream record is retried', async () => {
    sns.on(PublishCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException' }));
    await expect(publishAlert(new SNSClient({}), TOPIC, await alert())).rejects.toThrow('Rate exceeded');
  });

  it('stays under the SNS size limit even for bodies at their bounds', async () => {
    const msg = await alert();
    const big: AlertMessage = { ...msg, text: 't'.repeat(16_000), json: JSON.stringify({ x: 'j'.repeat(24_000) }) };
    expect(Buffer.byteLength(snsPublishInput(TOPIC, big).Message ?? '', 'utf8')).toBeLessThan(256 * 1024);
    const oversized: AlertMessage = { ...msg, json: JSON.stringify({ x: 'j'.repeat(60_000) }) };
    expect(JSON.parse(snsPublishInput(TOPIC, oversized).Message ?? '{}')).toEqual({ default: msg.text, email: msg.text });
  });
});
