import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import type { Observation, ResourceRef } from '../../shared/core';
import { createEngine, type ObservationSource } from '../../shared/engine';
import { evaluateMessageFor } from '../../shared/events';
import { createBaselineLedger, itemFromFinding, type BaselineLedger, type ReconcileResult } from '../../shared/findings';
import { startEmbeddedStore, type EmbeddedStore } from '../../shared/findings/embedded';
import { bucketRef, present, testBucketKind, testFamily } from '../helpers/catalogue';

const ACCOUNT = '111122223333';
const TOPIC = 'arn:aws:sns:us-east-1:111122223333:vigil-alerts';
const SWEEP = 'baseline-1';

let sequence = 1;
const streamRecord = (oldImage: Record<string, unknown> | undefined, newImage: Record<string, unknown>): DynamoDBRecord => ({
  eventID: `ev-${sequence}`,
  eventName: oldImage ? 'MODIFY' : 'INSERT',
  dynamodb: {
    ...(oldImage ? { OldImage: marshall(oldImage, { removeUndefinedValues: true }) as any } : {}),
    NewImage: marshall(newImage, { removeUndefinedValues: true }) as any,
    SequenceNumber: String(sequence++),
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
});

/** Buckets named `public-*` fail the test family's CRITICAL rule. */
const source: ObservationSource = {
  observe: async (ref: ResourceRef): Promise<Observation> => present(ref, { name: ref.id, public: ref.id.startsWith('public-') }, [], '2024-06-01T00:00:00.000Z'),
  list: async () => [],
};

describe('first-run baseline: one summary alert per family', () => {
  const sns = mockClient(SNSClient);
  let embedded: EmbeddedStore;
  let ledger: BaselineLedger;
  let handler: (event: DynamoDBStreamEvent) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
  const stream: DynamoDBRecord[] = [];
  let now = Date.parse('2024-06-01T00:00:00.000Z');
  const clock = () => new Date((now += 1000));

  beforeAll(async () => {
    process.env.ALERT_TOPIC_ARN = TOPIC;
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    ({ handler } = require('../../functions/notify') as typeof import('../../functions/notify'));
    embedded = await startEmbeddedStore({ now: clock, onChange: (c: ReconcileResult) => void stream.push(streamRecord(c.old && itemFromFinding(c.old), itemFromFinding(c.current!))) });
    ledger = createBaselineLedger({ client: embedded.client, tableName: embedded.tableName, now: clock });
  });
  afterAll(async () => {
    sns.restore();
    delete process.env.POWERTOOLS_LOG_LEVEL;
    await embedded.close();
  });
  beforeEach(() => sns.reset());

  const engine = () => createEngine({ families: [testFamily()], source, sink: embedded.store, clock, work: { baseline: ledger, maxAttempts: 3 } });
  const baselineMessage = (name: string) => JSON.stringify(evaluateMessageFor(bucketRef(name, ACCOUNT), testBucketKind, 'baseline', SWEEP));
  /** Runs a batch and adds the ledger's write to the stream when it changed (the table stream carries every write). */
  const run = async (names: string[]) => {
    const before = await ledger.get('test');
    const outcome = await engine().processBatch(names.map((name, i) => ({ id: `${name}-${i}`, body: baselineMessage(name) })));
    expect(outcome.failedIds).toEqual([]);
    const after = await ledger.get('test');
    if (after && JSON.stringify(after) !== JSON.stringify(before)) stream.push(streamRecord(before as Record<string, unknown> | undefined, after as unknown as Record<string, unknown>));
  };

  it('counts the baseline, tags the findings it opens, and closes when every enqueued resource is written', async () => {
    expect(await ledger.open('test', SWEEP, { accountId: ACCOUNT, region: 'us-east-1' })).toBe(true);
    expect(await ledger.open('test', 'another', { accountId: ACCOUNT, region: 'us-east-1' })).toBe(false); // one baseline at a time

    // Evaluators may start before the sweep knows how many it enqueued.
    await run(['public-a', 'private-b', 'public-c']);
    expect((await ledger.get('test'))?.closedAt).toBeUndefined();
    const before = await ledger.get('test');
    await ledger.setExpected('test', SWEEP, 5);
    stream.push(streamRecord(before as unknown as Record<string, unknown>, (await ledger.get('test')) as unknown as Record<string, unknown>));
    expect((await ledger.get('test'))?.closedAt).toBeUndefined();
    await run(['private-d', 'public-e']);

    const closed = await ledger.get('test');
    expect(closed).toMatchObject({ expected: 5, claimed: 5, finished: 5, newFindings: 3, new_CRITICAL: 3, closedAt: expect.any(String) });
    expect(await ledger.claim('test', SWEEP)).toBe(false); // closed: later messages count as ordinary sweeps
    const findings = await embedded.store.list({ status: 'OPEN' });
    expect(findings.map((f) => f.resourceId).sort()).toEqual(['public-a', 'public-c', 'public-e']);
    for (const finding of findings) expect(finding.history[0]).toMatchObject({ transition: 'NEW', baselineId: SWEEP });
  });

  it('the notifier publishes the summary once, and none of the findings it covers one by one', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    expect(stream.length).toBeGreaterThan(5);

    expect(await handler({ Records: stream })).toEqual({ batchItemFailures: [] });

    const published = sns.commandCalls(PublishCommand).map((c) => c.args[0].input);
    expect(published).toHaveLength(1);
    expect(published[0].Subject).toBe('[VIGIL] test baseline: 3 findings, 3 CRITICAL');
    expect(published[0].MessageAttributes).toMatchObject({
      severity: { DataType: 'String', StringValue: 'CRITICAL' },
      ruleId: { DataType: 'String', StringValue: 'vigil-baseline' },
      transition: { DataType: 'String', StringValue: 'BASELINE' },
    });
    const text = JSON.parse(published[0].Message!).email as string;
    expect(text).toMatch(/Resources evaluated: 5 of 5/);
    expect(text).toMatch(/CRITICAL\s+3/);
  });

  it('after the baseline, a new finding alerts on its own as usual', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-2' });
    const from = stream.length;
    await run(['public-late']); // a baseline message after the close counts as an ordinary sweep
    expect(await handler({ Records: stream.slice(from) })).toEqual({ batchItemFailures: [] });
    const published = sns.commandCalls(PublishCommand).map((c) => c.args[0].input);
    expect(published.map((p) => p.MessageAttributes?.transition?.StringValue)).toEqual(['NEW']);
    expect(published[0].Subject).toMatch(/public-late/);
  });

  it('waits for resources between claim and finish before closing (a duplicate delivery cannot close it early)', async () => {
    const l = createBaselineLedger({ client: embedded.client, tableName: embedded.tableName, now: clock });
    expect(await l.open('dup', 's-2', { accountId: ACCOUNT, region: 'us-east-1' })).toBe(true);
    await l.setExpected('dup', 's-2', 1);
    expect(await l.claim('dup', 's-2')).toBe(true); // the message
    expect(await l.claim('dup', 's-2')).toBe(true); // its duplicate, in flight at the same time
    await l.finish('dup', 's-2', []);
    expect((await l.get('dup'))?.closedAt).toBeUndefined();
    await l.finish('dup', 's-2', []);
    expect((await l.get('dup'))?.closedAt).toBeDefined();
  });

  it('a baseline that stops progressing is closed as incomplete, and its summary says so', async () => {
    const l = createBaselineLedger({ client: embedded.client, tableName: embedded.tableName, now: clock });
    expect(await l.open('stuck', 's-3', { accountId: ACCOUNT, region: 'us-east-1' })).toBe(true);
    await l.setExpected('stuck', 's-3', 2);
    const open = await l.get('stuck');
    expect(await l.closeIfStalled('stuck', 60 * 60 * 1000)).toBe(false);
    now += 2 * 60 * 60 * 1000;
    expect(await l.closeIfStalled('stuck', 60 * 60 * 1000)).toBe(true);
    const closed = await l.get('stuck');
    expect(closed).toMatchObject({ incomplete: true, finished: 0, expected: 2 });
    sns.on(PublishCommand).resolves({ MessageId: 'm-3' });
    await handler({ Records: [streamRecord(open as unknown as Record<string, unknown>, closed as unknown as Record<string, unknown>)] });
    const [published] = sns.commandCalls(PublishCommand).map((c) => c.args[0].input);
    expect(published.Subject).toBe('[VIGIL] stuck baseline (incomplete): 0 findings');
    expect(published.MessageAttributes?.severity?.StringValue).toBe('INFORMATIONAL');
  });

  it('ignores other writes of a ledger, its removal included', async () => {
    const ledgerItem = (await ledger.get('test')) as unknown as Record<string, unknown>;
    const removal: DynamoDBRecord = { eventID: 'ev-rm', eventName: 'REMOVE', dynamodb: { OldImage: marshall(ledgerItem) as any, SequenceNumber: '9999' } };
    expect(await handler({ Records: [removal, streamRecord(ledgerItem, { ...ledgerItem, updatedAt: 'later' })] })).toEqual({ batchItemFailures: [] });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
  });

  it('keeps the ledgers out of the findings a scan lists', async () => {
    const all = await embedded.store.list();
    expect(all.every((f) => f.findingId.startsWith('f-'))).toBe(true);
    expect(all.length).toBeGreaterThan(0);
  });
});
