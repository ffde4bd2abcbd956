import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import {
  GetBucketAclCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { ListAccessPointsCommand, ListMultiRegionAccessPointsCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { ScheduledEvent, SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { startEmbeddedStore, type EmbeddedStore } from '../../shared/findings/embedded';
import type { SweepSummary } from '../../functions/sweep';
import { loadApiResponse } from '../helpers/fixtures';
import { captureQueue, sqsRecord } from '../helpers/sqs';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const BUCKET = 'vigil-sweep-example-bucket';
const BUCKET_ARN = `arn:aws:s3:::${BUCKET}`;
const QUEUE_URL = `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/vigil-s3`;

/** EventBridge's "Scheduled Event", as a schedule rule delivers it. */
const scheduledEvent = (overrides: Partial<ScheduledEvent> = {}): ScheduledEvent => ({
  version: '0',
  id: '89d1a02d-5ec7-412e-82f5-13505f849b41',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: ACCOUNT,
  time: '2024-05-02T03:17:00Z',
  region: REGION,
  resources: [`arn:aws:events:${REGION}:${ACCOUNT}:rule/Vigil-Sweeps3Schedule42F030D0-1A2B3C4D5E6F`],
  detail: {},
  ...overrides,
});

const awsError = (name: string, httpStatusCode: number) => Object.assign(new Error(name), { name, Code: name, $metadata: { httpStatusCode } });

describe('functions/sweep-s3 handler: enumerate → enqueue → evaluate', () => {
  const s3 = mockClient(S3Client);
  const s3control = mockClient(S3ControlClient);
  const cloudtrail = mockClient(CloudTrailClient);
  const sqs = mockClient(SQSClient);
  let sent: string[] = [];
  let embedded: EmbeddedStore;
  let sweep: (event: Partial<ScheduledEvent>, context?: { invokedFunctionArn: string }) => Promise<SweepSummary>;
  let evaluate: (event: SQSEvent) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
  const logged: string[] = [];
  /** The structured log entries (POWERTOOLS_DEV pretty-prints each one as JSON). */
  const entries = (): Record<string, any>[] => logged.map((line) => JSON.parse(line.slice(line.indexOf(' ') + 1)));
  const messages = () => sent.map((body) => JSON.parse(body) as Record<string, string>);
  /** Delivers the enqueued messages to the evaluator, ten per invocation, as the event source would. */
  const deliver = async () => {
    const records = sent.map((body, i) => sqsRecord(`m-${i}`, body, { account: ACCOUNT }));
    for (let i = 0; i < records.length; i += 10) expect((await evaluate({ Records: records.slice(i, i + 10) })).batchItemFailures).toEqual([]);
  };

  beforeAll(async () => {
    embedded = await startEmbeddedStore();
    process.env.FINDINGS_TABLE = embedded.tableName;
    process.env.TRUSTED_ACCOUNT_IDS = '';
    process.env.EVALUATE_QUEUE_URL = QUEUE_URL;
    process.env.AWS_ENDPOINT_URL_DYNAMODB = embedded.endpoint; // the handlers' own DynamoDB clients talk to dynalite
    process.env.POWERTOOLS_DEV = 'true'; // the logger writes through the global console, which the test reads
    for (const level of ['info', 'error', 'warn'] as const) jest.spyOn(console, level).mockImplementation((...args) => void logged.push(`${level} ${args.join(' ')}`));
    // required here, not imported at the top: the modules build their clients from the environment when they load
    ({ handler: sweep } = require('../../functions/sweep-s3') as typeof import('../../functions/sweep-s3'));
    ({ handler: evaluate } = require('../../functions/evaluate-s3') as typeof import('../../functions/evaluate-s3'));
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    for (const mock of [s3, s3control, cloudtrail, sqs]) mock.restore();
    delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
    delete process.env.EVALUATE_QUEUE_URL;
    delete process.env.POWERTOOLS_DEV;
    await embedded.close();
  });
  beforeEach(() => {
    logged.length = 0;
    for (const mock of [s3, s3control, cloudtrail, sqs]) mock.reset();
    sent = captureQueue(sqs);
    // One bucket in the Region, with the recorded AllUsers-WRITE ACL; other reads answer empty (nothing configured).
    s3.onAnyCommand().resolves({});
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: BUCKET, BucketRegion: REGION, CreationDate: new Date('2024-01-01T00:00:00Z') }] });
    s3.on(GetBucketLocationCommand).resolves({ LocationConstraint: REGION });
    s3.on(GetBucketAclCommand).resolves(loadApiResponse('s3.GetBucketAcl.AllUsers-WRITE.custodian.json'));
    s3.on(GetPublicAccessBlockCommand).resolves(loadApiResponse('s3.GetPublicAccessBlock.all-false.custodian.json'));
    s3.on(GetBucketPolicyCommand).rejects(awsError('NoSuchBucketPolicy', 404));
    s3control.onAnyCommand().rejects(awsError('NoSuchPublicAccessBlockConfiguration', 404));
    s3control.on(ListAccessPointsCommand).resolves({ AccessPointList: [] });
    s3control.on(ListMultiRegionAccessPointsCommand).resolves({ AccessPoints: [] });
    cloudtrail.onAnyCommand().resolves({});
  });

  it("lists the Region's buckets and enqueues one evaluate message per resource to the family queue, reading none itself", async () => {
    const summary = await sweep(scheduledEvent());

    expect(s3.commandCalls(ListBucketsCommand).map((c) => c.args[0].input.BucketRegion)).toContain(REGION);
    expect(s3.commandCalls(GetBucketAclCommand)).toHaveLength(0); // the evaluators read, not the sweep
    expect(sqs.calls().every((c) => (c.args[0].input as { QueueUrl?: string }).QueueUrl === QUEUE_URL)).toBe(true);
    expect(messages()).toContainEqual({
      vigil: 'evaluate/v1',
      kind: 'AWS::S3::Bucket',
      id: BUCKET,
      arn: BUCKET_ARN,
      accountId: ACCOUNT,
      region: REGION,
      sweepId: '89d1a02d-5ec7-412e-82f5-13505f849b41',
      reason: 'sweep',
    });
    expect(summary).toMatchObject({ family: 's3', accountId: ACCOUNT, region: REGION, failures: 0, resolved: 0, enqueued: sent.length });
    expect(summary.resources).toBe(sent.length);
    expect(entries().find((e) => e.message === 'sweep finished')).toMatchObject({ level: 'INFO', family: 's3', enqueued: sent.length });
    expect(entries().filter((e) => e.level === 'WARN')).toEqual([]);
  });

  it('the evaluators read each enqueued resource and reconcile its findings into the table (the stream then alerts as usual)', async () => {
    await sweep(scheduledEvent());
    await deliver();

    expect(s3.commandCalls(GetBucketAclCommand, { Bucket: BUCKET }).length).toBeGreaterThan(0);
    const publicWrite = (await embedded.store.list({ resource: BUCKET_ARN })).find((f) => f.ruleId === 's3-bucket-public-write');
    expect(publicWrite).toMatchObject({ status: 'OPEN', accountId: ACCOUNT, region: REGION });
    expect(publicWrite?.actor).toBeUndefined(); // no API call caused it: found by the sweep
    // Counts only: no resource configuration in the logs.
    const all = logged.join('\n');
    expect(all).not.toContain('AllUsers');
    expect(all).not.toContain('Grants');
  });

  it('logs a kind whose listing is denied as a failure and still enqueues the rest', async () => {
    s3control.on(ListAccessPointsCommand).rejects(awsError('AccessDenied', 403));

    const summary = await sweep(scheduledEvent({ id: 'second-run' }));

    expect(summary.failures).toBe(1);
    const warnings = entries().filter((e) => e.level === 'WARN');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ target: 'AWS::S3::AccessPoint (listing)', errorName: 'CollectError' });
    expect(warnings[0].error).toMatch(/AccessDenied/);
    expect(messages().some((m) => m.id === BUCKET && m.sweepId === 'second-run')).toBe(true);
  });

  it('an incomplete listing resolves nothing; a complete one that no longer includes the bucket resolves its findings as deleted', async () => {
    const open = async () => (await embedded.store.list({ resource: BUCKET_ARN })).filter((f) => f.status === 'OPEN');
    expect((await open()).length).toBeGreaterThan(0); // opened by the evaluation above

    s3.on(ListBucketsCommand).rejects(awsError('InternalError', 500));
    const failed = await sweep(scheduledEvent({ id: 'listing-failed', time: '2024-05-03T03:17:00Z' }));
    expect(failed).toMatchObject({ resolved: 0 });
    expect((await open()).length).toBeGreaterThan(0);

    s3.on(ListBucketsCommand).resolves({ Buckets: [] });
    const complete = await sweep(scheduledEvent({ id: 'bucket-gone', time: '2024-05-04T03:17:00Z' }));

    expect(await open()).toEqual([]);
    const resolved = (await embedded.store.list({ resource: BUCKET_ARN })).find((f) => f.ruleId === 's3-bucket-public-write')!;
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolvedBy: 'RESOURCE_DELETED' });
    expect(resolved.message).toMatch(/no longer exists/);
    expect(complete.resolved).toBeGreaterThan(0);
    expect(messages().some((m) => m.id === BUCKET)).toBe(false);
  });

  it('takes the Region from AWS_REGION and the account from the function ARN when invoked by hand with {}', async () => {
    const summary = await sweep({}, { invokedFunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:Vigil-Sweeps3SweepFunction` });
    expect(summary).toMatchObject({ accountId: ACCOUNT, region: process.env.AWS_REGION });
    expect(s3.commandCalls(ListBucketsCommand).map((c) => c.args[0].input.BucketRegion)).toContain(process.env.AWS_REGION);
  });

  it('fails without an account id rather than sweeping the wrong account', async () => {
    await expect(sweep({ region: REGION })).rejects.toThrow(/no account id/);
  });
});
