import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConfigError } from '../../shared/core';
import { FINDINGS_TABLE_SCHEMA, FindingNotFoundError, Transition, createDynamoFindingsStore, createFindingsTable, findingIdOf } from '../../shared/findings';
import type { FindingsStore, ReconcileResult } from '../../shared/findings';
import { startEmbeddedStore } from '../../shared/findings/embedded';
import type { EmbeddedStore } from '../../shared/findings/embedded';
import { actorOfFixture, at, clockAt, publicPolicyEvent, verdictOf } from './helpers';

// Real DynamoDB API (dynalite in-process, in memory, loopback only); the clock is injected.
let embedded: EmbeddedStore;
let clock = clockAt(0);
let store: FindingsStore;
let tableCount = 0;

beforeAll(async () => {
  embedded = await startEmbeddedStore({ now: () => clock });
});
afterAll(async () => {
  await embedded.close();
});
/** A fresh table per test: tests stay independent without restarting the server. */
beforeEach(async () => {
  clock = clockAt(0);
  const tableName = `findings-${++tableCount}`;
  await createFindingsTable(embedded.client, tableName);
  store = createDynamoFindingsStore({ client: embedded.client, tableName, now: () => clock });
});

const tableName = (): string => `findings-${tableCount}`;
const FINDING_ID = findingIdOf('s3-bucket-public-read', 'arn:aws:s3:::example-bucket');
const ctx = (minute: number) => ({ detectedAt: at(minute) });

describe('Function: createFindingsTable', () => {
  it('creates the key schema and the GSIs of FINDINGS_TABLE_SCHEMA, and is idempotent', async () => {
    const { Table } = await embedded.client.send(new DescribeTableCommand({ TableName: tableName() }));
    expect(Table?.KeySchema).toEqual([{ AttributeName: 'findingId', KeyType: 'HASH' }]);
    expect(Table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.KeySchema?.map((k) => k.AttributeName)])).toEqual(
      FINDINGS_TABLE_SCHEMA.indexes.map((i) => [i.indexName, [i.partitionKey, i.sortKey]]),
    );
    await expect(createFindingsTable(embedded.client, tableName())).resolves.toBe(false);
  });
});

describe('Method: reconcile', () => {
  it('writes a new finding, then returns the stored item on get', async () => {
    // Act
    const result = await store.reconcile(verdictOf('FAIL', at(1)), { detectedAt: at(2), actor: actorOfFixture(publicPolicyEvent()) });
    // Assess
    expect(result).toMatchObject({ outcome: 'written', findingId: FINDING_ID, transition: 'NEW', current: { status: 'OPEN', version: 1 } });
    expect(result.old).toBeUndefined();
    const stored = await store.get(FINDING_ID);
    expect(stored).toEqual(JSON.parse(JSON.stringify(result.current))); // undefined actor fields dropped on the way in
    expect(stored?.actor?.userAgent).toBe('Mozilla/2.0 (compatible; NEWT ActiveX; Win32)');
  });

  it('writes nothing for PASS without a finding (unchanged)', async () => {
    const result = await store.reconcile(verdictOf('PASS', at(1)), ctx(1));
    expect(result).toEqual({ outcome: 'unchanged', findingId: FINDING_ID });
    expect(await store.get(FINDING_ID)).toBeUndefined();
  });

  it('refuses an older observation arriving after a newer one (stale) and keeps the newer state', async () => {
    // Prepare: the PASS observed at minute 10 lands first.
    await store.reconcile(verdictOf('FAIL', at(1)), ctx(1));
    await store.reconcile(verdictOf('PASS', at(10)), ctx(10));
    // Act: the FAIL observed at minute 5 arrives late.
    const late = await store.reconcile(verdictOf('FAIL', at(5)), ctx(11));
    // Assess
    expect(late.outcome).toBe('stale');
    expect(late.transition).toBeUndefined();
    const stored = await store.get(FINDING_ID);
    expect(stored).toMatchObject({ status: 'RESOLVED', observedAt: at(10), version: 2 });
  });

  it('treats the same observation delivered twice as idempotent', async () => {
    const first = await store.reconcile(verdictOf('FAIL', at(1)), ctx(1));
    clock = clockAt(3);
    const again = await store.reconcile(verdictOf('FAIL', at(1)), ctx(3));
    expect(again.outcome).toBe('unchanged');
    expect(again.current).toEqual(JSON.parse(JSON.stringify(first.current)));
    expect((await store.get(FINDING_ID))?.version).toBe(1);
  });

  it('refuses the write at the table when a newer observation lands between the read and the write', async () => {
    // Prepare: the first GetItem answers with what the table held before a concurrent writer stored a newer observation.
    await store.reconcile(verdictOf('FAIL', at(1)), ctx(1));
    const doc = DynamoDBDocumentClient.from(embedded.client);
    const before = await doc.send(new GetCommand({ TableName: tableName(), Key: { findingId: FINDING_ID }, ConsistentRead: true }));
    await store.reconcile(verdictOf('PASS', at(10)), ctx(10));
    const sent: string[] = [];
    const send = doc.send.bind(doc);
    doc.send = ((command: GetCommand | PutCommand) => {
      sent.push(command.constructor.name);
      return command instanceof GetCommand && sent.length === 1 ? Promise.resolve(before) : send(command as GetCommand);
    }) as typeof doc.send;
    const writer = createDynamoFindingsStore({ client: doc, tableName: tableName(), now: () => clock });
    // Act: the FAIL observed at minute 5 has read the minute-1 item, so only the write condition can stop it.
    const result = await writer.reconcile(verdictOf('FAIL', at(5)), ctx(11));
    // Assess
    expect(sent).toEqual(['GetCommand', 'PutCommand', 'GetCommand']); // the conditional put failed, the store re-read
    expect(result.outcome).toBe('stale');
    expect(await store.get(FINDING_ID)).toMatchObject({ status: 'RESOLVED', observedAt: at(10) });
  });

  it('lets concurrent reconciles of one finding all complete, with no lost update and the newest observation winning', async () => {
    // Prepare: 12 observations with shuffled times and alternating results.
    const minutes = [7, 3, 11, 1, 9, 5, 12, 2, 8, 4, 10, 6];
    const verdicts = minutes.map((m) => verdictOf(m % 2 === 0 ? 'FAIL' : 'PASS', at(m)));
    verdicts.unshift(verdictOf('FAIL', at(0)));
    // Act
    const results = await Promise.all(verdicts.map((v) => store.reconcile(v, ctx(20))));
    // Assess
    const written = results.filter((r) => r.outcome === 'written');
    const final = await store.get(FINDING_ID);
    expect(final).toMatchObject({ observedAt: at(12), status: 'OPEN', lastSeenAt: at(12) });
    expect(final?.version).toBe(written.length); // every write advanced the version it read: none was lost
    expect(new Set(written.map((r) => r.current?.version)).size).toBe(written.length);
    expect(results.every((r) => ['written', 'stale', 'unchanged'].includes(r.outcome))).toBe(true);
  });

  it('resolves through an ERROR without losing the finding: ERROR keeps OPEN, then PASS resolves', async () => {
    await store.reconcile(verdictOf('FAIL', at(1)), ctx(1));
    const error = await store.reconcile(verdictOf('ERROR', at(2)), ctx(2));
    expect(error).toMatchObject({ outcome: 'written', current: { status: 'OPEN', lastError: { observedAt: at(2) } } });
    expect(error.transition).toBeUndefined();
    const pass = await store.reconcile(verdictOf('PASS', at(3)), ctx(3));
    expect(pass).toMatchObject({ outcome: 'written', transition: 'RESOLVED', current: { status: 'RESOLVED' } });
  });

  it('calls onChange after each write with its transition', async () => {
    const changes: ReconcileResult[] = [];
    const observed = createDynamoFindingsStore({ client: embedded.client, tableName: tableName(), now: () => clock, onChange: (c) => void changes.push(c) });
    await observed.reconcile(verdictOf('FAIL', at(1)), ctx(1));
    await observed.reconcile(verdictOf('FAIL', at(2)), ctx(2));
    await observed.reconcile(verdictOf('FAIL', at(1)), ctx(3)); // stale: no write, no call
    expect(changes.map((c) => [c.outcome, c.transition])).toEqual([
      ['written', 'NEW'],
      ['written', undefined],
    ]);
  });
});

describe('Method: list', () => {
  // Three buckets × two rules, various statuses and severities.
  const seed = async () => {
    const buckets = ['alpha', 'bravo', 'charlie'];
    for (const [i, bucket] of buckets.entries()) {
      const resource = { resourceId: bucket, resourceArn: `arn:aws:s3:::${bucket}` };
      await store.reconcile(verdictOf('FAIL', at(i + 1), resource), ctx(i + 1));
      await store.reconcile(
        verdictOf('FAIL', at(i + 1), { ...resource, ruleId: 's3-bucket-versioning', title: 'Bucket has versioning enabled', severity: 'LOW' }),
        ctx(i + 1),
      );
    }
    await store.reconcile(verdictOf('PASS', at(10), { resourceId: 'bravo', resourceArn: 'arn:aws:s3:::bravo' }), ctx(10));
    await store.reconcile(verdictOf('ERROR', at(10), { resourceId: 'delta', resourceArn: 'arn:aws:s3:::delta', severity: 'HIGH' }), ctx(10));
  };
  const ids = (findings: readonly { resourceId: string; ruleId: string }[]) => findings.map((f) => `${f.resourceId}/${f.ruleId}`);

  it('lists by status through byStatus, most severe and most recently seen first', async () => {
    await seed();
    expect(ids(await store.list({ status: 'OPEN' }))).toEqual([
      'charlie/s3-bucket-public-read',
      'alpha/s3-bucket-public-read',
      'charlie/s3-bucket-versioning',
      'bravo/s3-bucket-versioning',
      'alpha/s3-bucket-versioning',
    ]);
    expect(ids(await store.list({ status: 'RESOLVED' }))).toEqual(['bravo/s3-bucket-public-read']);
    expect(ids(await store.list({ status: 'ERROR' }))).toEqual(['delta/s3-bucket-public-read']);
  });

  it('filters by severity and minimum severity, with or without a status', async () => {
    await seed();
    expect(ids(await store.list({ status: 'OPEN', severity: 'LOW' }))).toEqual(['charlie/s3-bucket-versioning', 'bravo/s3-bucket-versioning', 'alpha/s3-bucket-versioning']);
    expect(ids(await store.list({ status: 'OPEN', minSeverity: 'HIGH' }))).toEqual(['charlie/s3-bucket-public-read', 'alpha/s3-bucket-public-read']);
    expect(ids(await store.list({ minSeverity: 'HIGH' }))).toEqual(['charlie/s3-bucket-public-read', 'alpha/s3-bucket-public-read', 'delta/s3-bucket-public-read', 'bravo/s3-bucket-public-read']);
    expect(await store.list({ severity: 'LOW', minSeverity: 'HIGH' })).toEqual([]);
  });

  it('lists by rule (byRule) and by resource ARN (byResource), combined with other filters', async () => {
    await seed();
    expect(ids(await store.list({ ruleId: 's3-bucket-versioning' }))).toEqual(['alpha/s3-bucket-versioning', 'bravo/s3-bucket-versioning', 'charlie/s3-bucket-versioning']);
    expect(ids(await store.list({ ruleId: 's3-bucket-public-read', status: 'OPEN' }))).toEqual(['alpha/s3-bucket-public-read', 'charlie/s3-bucket-public-read']);
    expect(ids(await store.list({ resource: 'arn:aws:s3:::bravo' }))).toEqual(['bravo/s3-bucket-public-read', 'bravo/s3-bucket-versioning']);
    expect(ids(await store.list({ resource: 'arn:aws:s3:::bravo', status: 'OPEN' }))).toEqual(['bravo/s3-bucket-versioning']);
    expect(ids(await store.list({ resource: 'arn:aws:s3:::bravo', ruleId: 's3-bucket-public-read' }))).toEqual(['bravo/s3-bucket-public-read']);
  });

  it('lists by plain resource id, and everything without a filter, with a limit', async () => {
    await seed();
    expect(ids(await store.list({ resource: 'alpha' })).sort()).toEqual(['alpha/s3-bucket-public-read', 'alpha/s3-bucket-versioning']);
    expect(ids(await store.list({ resource: 'alpha', status: 'OPEN', severity: 'LOW' }))).toEqual(['alpha/s3-bucket-versioning']);
    expect(await store.list()).toHaveLength(7);
    expect(await store.list({ limit: 2 })).toHaveLength(2);
    expect(await store.list({ status: 'OPEN', severity: 'LOW', limit: 1 })).toHaveLength(1);
  });

  it('pages through more findings than one response holds', async () => {
    // Prepare: 14 findings of ~100 KB evidence each (25 items of ~4 KB, the stored maximum): more than one 1 MB page.
    const evidence = Array.from({ length: 25 }, (_, i) => ({ message: `statement ${i} allows everyone`, value: 'p'.repeat(3_900) }));
    for (let i = 0; i < 14; i += 1) {
      await store.reconcile(verdictOf('FAIL', at(i), { resourceId: `b${i}`, resourceArn: `arn:aws:s3:::b${i}`, evidence }), ctx(i));
    }
    const doc = DynamoDBDocumentClient.from(embedded.client);
    let queries = 0;
    const send = doc.send.bind(doc);
    doc.send = ((command: QueryCommand) => {
      if (command instanceof QueryCommand) queries += 1;
      return send(command);
    }) as typeof doc.send;
    const reader = createDynamoFindingsStore({ client: doc, tableName: tableName() });
    // Act + Assess
    expect(await reader.list({ status: 'OPEN' })).toHaveLength(14);
    expect(queries).toBeGreaterThan(1);
    expect(await reader.list({ ruleId: 's3-bucket-public-read', limit: 12 })).toHaveLength(12);
  });

  it('rejects an unknown status, severity or limit with a ConfigError', async () => {
    await expect(store.list({ status: 'CLOSED' as never })).rejects.toThrow(ConfigError);
    await expect(store.list({ minSeverity: 'SEVERE' as never })).rejects.toThrow(/unknown severity 'SEVERE'/);
    await expect(store.list({ limit: 0 })).rejects.toThrow(/limit must be a positive integer/);
  });
});

describe('Methods: suppress and unsuppress', () => {
  it('suppresses with validation, keeps it through FAILs, and reopens it once the expiry passes', async () => {
    // Prepare
    await store.reconcile(verdictOf('FAIL', at(1)), ctx(1));
    clock = clockAt(2);
    // Act + Assess
    const suppressed = await store.suppress(FINDING_ID, { owner: 'web-team', reason: 'public website bucket', expiresAt: at(60), by: 'alice' });
    expect(suppressed).toMatchObject({ outcome: 'written', transition: 'SUPPRESSED', current: { status: 'SUPPRESSED', suppression: { owner: 'web-team', expiresAt: at(60) } } });
    clock = clockAt(30);
    expect(await store.reconcile(verdictOf('FAIL', at(30)), ctx(30))).toMatchObject({ outcome: 'written', current: { status: 'SUPPRESSED' } });
    clock = clockAt(61);
    expect(await store.reconcile(verdictOf('FAIL', at(61)), ctx(61))).toMatchObject({ outcome: 'written', transition: Transition.SUPPRESSION_EXPIRED, current: { status: 'OPEN' } });
  });

  it.each([
    [{ owner: '', reason: 'r', expiresAt: at(60) }, /needs an owner/],
    [{ owner: 'o', reason: '', expiresAt: at(60) }, /needs a reason/],
    [{ owner: 'o', reason: 'r', expiresAt: '' }, /needs an expiry/],
    [{ owner: 'o', reason: 'r', expiresAt: at(-1) }, /is in the past/],
  ])('rejects %j with a ConfigError and leaves the finding as it was', async (input, message) => {
    await store.reconcile(verdictOf('FAIL', at(1)), ctx(1));
    await expect(store.suppress(FINDING_ID, input)).rejects.toThrow(ConfigError);
    await expect(store.suppress(FINDING_ID, input)).rejects.toThrow(message);
    expect(await store.get(FINDING_ID)).toMatchObject({ status: 'OPEN', version: 1 });
  });

  it('rejects an unknown finding id with FindingNotFoundError (a ConfigError)', async () => {
    await expect(store.suppress('f-00000000000000000000', { owner: 'o', reason: 'r', expiresAt: at(60) })).rejects.toThrow(FindingNotFoundError);
    await expect(store.unsuppress('f-00000000000000000000')).rejects.toThrow(ConfigError);
  });

  it('unsuppresses back to OPEN (UNSUPPRESSED), and is unchanged on a finding that is not suppressed', async () => {
    await store.reconcile(verdictOf('FAIL', at(1)), ctx(1));
    await store.suppress(FINDING_ID, { owner: 'web-team', reason: 'reviewed', expiresAt: at(60) });
    const lifted = await store.unsuppress(FINDING_ID, { by: 'bob' });
    expect(lifted).toMatchObject({ outcome: 'written', transition: 'UNSUPPRESSED', current: { status: 'OPEN' } });
    expect(lifted.current?.history.at(-1)?.by).toBe('bob');
    expect((await store.unsuppress(FINDING_ID)).outcome).toBe('unchanged');
  });
});

describe('Function: startEmbeddedStore', () => {
  it('keeps findings on disk across restarts when given a path', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'vigil-store-'));
    try {
      const first = await startEmbeddedStore({ path: join(dir, '.vigil'), now: () => clockAt(1) });
      expect(first.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await first.store.reconcile(verdictOf('FAIL', at(1)), ctx(1));
      await first.close();
      const second = await startEmbeddedStore({ path: join(dir, '.vigil') });
      expect(await second.store.get(FINDING_ID)).toMatchObject({ status: 'OPEN', observedAt: at(1) });
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
