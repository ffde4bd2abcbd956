import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import type { Verdict } from '../../shared/core';
import { itemFromFinding, type ReconcileResult } from '../../shared/findings';
import { startEmbeddedStore, type EmbeddedStore } from '../../shared/findings/embedded';
import { loadApiResponse } from '../helpers/fixtures';

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:vigil-alerts';
const acl = loadApiResponse('s3.GetBucketAcl.AllUsers-WRITE.custodian.json');
const publicGrant = acl.Grants.find((g: any) => g.Grantee.URI?.endsWith('/AllUsers'));

/** A verdict on a real recorded ACL (AllUsers WRITE): FAIL while the grant is there, PASS once it is gone. */
const verdict = (status: 'FAIL' | 'PASS', observedAt: string): Verdict => ({
  ruleId: 's3-bucket-no-acls',
  title: 'S3 bucket ACL grants no public or cross-account access',
  severity: 'CRITICAL',
  status,
  resourceType: 'AWS::S3::Bucket',
  resourceKind: 'AWS::S3::Bucket',
  resourceId: 'vigil-example-bucket',
  resourceArn: 'arn:aws:s3:::vigil-example-bucket',
  accountId: '123456789012',
  region: 'eu-west-1',
  message: status === 'FAIL' ? `ACL grants ${publicGrant.Permission} to AllUsers` : 'ACL grants nothing public',
  evidence: status === 'FAIL' ? [{ message: `grant ${publicGrant.Permission} to ${publicGrant.Grantee.URI}`, field: 'acl.grants' }] : [],
  remediation: { text: 'Remove the public grants from the bucket ACL.', cli: 'aws s3api put-bucket-acl --bucket <bucket> --acl private' },
  observedAt,
  source: 'live',
});

let sequence = 100;
/** The stream record DynamoDB emits for a write: the item before and after, marshalled (NEW_AND_OLD_IMAGES). */
const streamRecord = (change: ReconcileResult): DynamoDBRecord => ({
  eventID: `ev-${sequence}`,
  eventName: change.old ? 'MODIFY' : 'INSERT',
  eventSource: 'aws:dynamodb',
  awsRegion: 'eu-west-1',
  dynamodb: {
    Keys: { findingId: { S: change.findingId } },
    ...(change.old ? { OldImage: marshall(itemFromFinding(change.old)) as any } : {}),
    NewImage: marshall(itemFromFinding(change.current!)) as any,
    SequenceNumber: String(sequence++),
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
});

describe('functions/notify handler', () => {
  const sns = mockClient(SNSClient);
  let embedded: EmbeddedStore;
  let handler: (event: DynamoDBStreamEvent) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
  const records: DynamoDBRecord[] = [];

  beforeAll(async () => {
    process.env.ALERT_TOPIC_ARN = TOPIC;
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    // required here, not imported at the top: the module reads ALERT_TOPIC_ARN when it loads
    ({ handler } = require('../../functions/notify') as typeof import('../../functions/notify'));
    // Real writes of the findings store: NEW (FAIL), a re-evaluation that keeps OPEN, then RESOLVED (PASS).
    let clock = Date.parse('2024-05-01T10:00:00Z');
    embedded = await startEmbeddedStore({ now: () => new Date((clock += 1000)), onChange: (change) => void records.push(streamRecord(change)) });
    await embedded.store.reconcile(verdict('FAIL', '2024-05-01T10:00:00.000Z'), { detectedAt: '2024-05-01T10:00:01.000Z' });
    await embedded.store.reconcile(verdict('FAIL', '2024-05-01T10:05:00.000Z'), { detectedAt: '2024-05-01T10:05:01.000Z' });
    await embedded.store.reconcile(verdict('PASS', '2024-05-01T10:10:00.000Z'), { detectedAt: '2024-05-01T10:10:01.000Z' });
  });
  afterAll(async () => {
    sns.restore();
    delete process.env.POWERTOOLS_LOG_LEVEL;
    await embedded.close();
  });
  beforeEach(() => sns.reset());

  it('publishes exactly one alert per transition, with the severity attribute the email filter uses', async () => {
    expect(records.map((r) => [r.dynamodb?.OldImage?.status?.S, r.dynamodb?.NewImage?.status?.S])).toEqual([[undefined, 'OPEN'], ['OPEN', 'OPEN'], ['OPEN', 'RESOLVED']]);
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });

    const response = await handler({ Records: records });

    expect(response).toEqual({ batchItemFailures: [] });
    const published = sns.commandCalls(PublishCommand).map((call) => call.args[0].input);
    expect(published.map((p) => p.MessageAttributes?.transition?.StringValue)).toEqual(['NEW', 'RESOLVED']);
    for (const p of published) {
      expect(p.TopicArn).toBe(TOPIC);
      expect(p.MessageAttributes?.severity).toEqual({ DataType: 'String', StringValue: 'CRITICAL' });
    }
  });

  it('stops at the first failed publish and reports that record, so later ones are retried rather than sent twice', async () => {
    sns.on(PublishCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException' }));

    const response = await handler({ Records: records });

    const first = records[0].dynamodb!.SequenceNumber!;
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: first }] });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
  });

  it('publishes nothing for a write without a status change', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-2' });
    const sameStatus = records.filter((r) => r.eventName === 'MODIFY' && r.dynamodb?.OldImage?.status?.S === r.dynamodb?.NewImage?.status?.S);
    expect(sameStatus).toHaveLength(1);
    const response = await handler({ Records: [...sameStatus, { eventID: 'ev-remove', eventName: 'REMOVE', dynamodb: { OldImage: records[0].dynamodb!.NewImage, SequenceNumber: '999' } }] });
    expect(response).toEqual({ batchItemFailures: [] });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
  });
});
