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
import type { ScheduledEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { startEmbeddedStore, type EmbeddedStore } from '../../shared/findings/embedded';
import type { SweepSummary } from '../../functions/sweep';
import { loadApiResponse } from '../helpers/fixtures';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const BUCKET = 'vigil-sweep-example-bucket';
const BUCKET_ARN = `arn:aws:s3:::${BUCKET}`;

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

describe('functions/sweep-s3 handler', () => {
  const s3 = mockClient(S3Client);
  const s3control = mockClient(S3ControlClient);
  const cloudtrail = mockClient(CloudTrailClient);
  let embedded: EmbeddedStore;
  let handler: (event: Partial<ScheduledEvent>, context?: { invokedFunctionArn: string }) => Promise<SweepSummary>;
  const logged: string[] = [];
  /** The structured log entries (POWERTOOLS_DEV pretty-prints each one as JSON). */
  const entries = (): Record<string, any>[] => logged.map((line) => JSON.parse(line.slice(line.indexOf(' ') + 1)));

  beforeAll(async () => {
    embedded = await startEmbeddedStore();
    process.env.FINDINGS_TABLE = embedded.tableName;
    process.env.TRUSTED_ACCOUNT_IDS = '';
    process.env.AWS_ENDPOINT_URL_DYNAMODB = embedded.endpoint; // the handler's own DynamoDB client talks to dynalite
    process.env.POWERTOOLS_DEV = 'true'; // the logger writes through the global console, which the test reads
    for (const level of ['info', 'error', 'warn'] as const) jest.spyOn(console, level).mockImplementation((...args) => void logged.push(`${level} ${args.join(' ')}`));
    // required here, not imported at the top: the module builds its clients from the environment when it loads
    ({ handler } = require('../../functions/sweep-s3') as typeof import('../../functions/sweep-s3'));
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    s3.restore();
    s3control.restore();
    cloudtrail.restore();
    delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
    delete process.env.POWERTOOLS_DEV;
    await embedded.close();
  });
  beforeEach(() => {
    logged.length = 0;
    for (const mock of [s3, s3control, cloudtrail]) mock.reset();
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

  it("lists the Region's buckets and reconciles their findings into the table (the stream then alerts as usual)", async () => {
    const summary = await handler(scheduledEvent());

    // The account and Region come from the scheduled event: only this Region's buckets are listed.
    expect(s3.commandCalls(ListBucketsCommand).map((c) => c.args[0].input.BucketRegion)).toContain(REGION);
    expect(s3.commandCalls(GetBucketAclCommand, { Bucket: BUCKET }).length).toBeGreaterThan(0);
    const findings = await embedded.store.list({ resource: BUCKET_ARN });
    expect(findings.length).toBeGreaterThan(0);
    const publicWrite = findings.find((f) => f.ruleId === 's3-bucket-public-write');
    expect(publicWrite?.status).toBe('OPEN');
    expect(publicWrite).toMatchObject({ accountId: ACCOUNT, region: REGION });
    expect(publicWrite?.actor).toBeUndefined(); // no API call caused it: found by the sweep

    expect(summary).toMatchObject({ family: 's3', accountId: ACCOUNT, region: REGION, failures: 0 });
    expect(summary.resources).toBeGreaterThanOrEqual(1);
    expect(summary.verdicts).toBeGreaterThanOrEqual(findings.length);
    expect(summary.written).toBeGreaterThan(0);

    const finished = entries().find((e) => e.message === 'sweep finished')!;
    expect(finished).toMatchObject({ level: 'INFO', family: 's3', resources: summary.resources, verdicts: summary.verdicts, written: summary.written, failures: 0 });
    expect(Object.values(finished.byStatus as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(summary.verdicts);
    expect(entries().filter((e) => e.level === 'WARN')).toEqual([]);
    // Counts only: no resource configuration in the logs.
    const all = logged.join('\n');
    expect(all).not.toContain('AllUsers');
    expect(all).not.toContain('Grants');
    expect(all).not.toContain('k_vertigo');
  });

  it('logs a kind whose listing is denied as a failure and still succeeds with the rest of the sweep', async () => {
    s3control.on(ListAccessPointsCommand).rejects(awsError('AccessDenied', 403));

    const summary = await handler(scheduledEvent({ id: 'second-run' }));

    expect(summary.failures).toBe(1);
    const warnings = entries().filter((e) => e.level === 'WARN');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ target: 'AWS::S3::AccessPoint (listing)', errorName: 'CollectError' });
    expect(warnings[0].error).toMatch(/AccessDenied/);
    expect(entries().filter((e) => e.level === 'ERROR')).toEqual([]);
    // The other kinds were still swept and reconciled.
    expect((await embedded.store.list({ resource: BUCKET_ARN })).find((f) => f.ruleId === 's3-bucket-public-write')?.status).toBe('OPEN');
    expect(entries().find((e) => e.message === 'sweep finished')).toMatchObject({ failures: 1 });
  });

  it('resolves the finding when the next sweep finds the bucket fixed', async () => {
    // Opened by the sweeps above.
    expect((await embedded.store.list({ resource: BUCKET_ARN })).find((f) => f.ruleId === 's3-bucket-public-write')?.status).toBe('OPEN');
    s3.on(GetBucketAclCommand).resolves(loadApiResponse('s3.GetBucketAcl.owner-only.custodian.json'));

    await handler(scheduledEvent({ id: 'third-run', time: '2024-05-03T03:17:00Z' }));

    expect((await embedded.store.list({ resource: BUCKET_ARN })).find((f) => f.ruleId === 's3-bucket-public-write')?.status).toBe('RESOLVED');
  });

  it('takes the Region from AWS_REGION and the account from the function ARN when invoked by hand with {}', async () => {
    const summary = await handler({}, { invokedFunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:Vigil-Sweeps3SweepFunction` });
    expect(summary).toMatchObject({ accountId: ACCOUNT, region: process.env.AWS_REGION });
    expect(s3.commandCalls(ListBucketsCommand).map((c) => c.args[0].input.BucketRegion)).toContain(process.env.AWS_REGION);
  });

  it('fails without an account id rather than sweeping the wrong account', async () => {
    await expect(handler({ region: REGION })).rejects.toThrow(/no account id/);
  });
});
