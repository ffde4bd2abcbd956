import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bufferIo } from '../../cli/io';
import { main } from '../../cli/main';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const SNAPSHOT = join(EXAMPLES, 'account-snapshot.json');

const run = async (...argv: string[]) => {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vigil CLI', () => {
  it('prints help listing the commands, exit 0', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    for (const command of ['scan', 'replay', 'findings', 'rules', 'demo', 'policy']) expect(out).toContain(command);
  });

  it('lists rules as JSON with id, title, severity, resourceType and anchors', async () => {
    const { code, out } = await run('rules', 'list', '--format', 'json');
    expect(code).toBe(0);
    const rules = JSON.parse(out) as { id: string; title: string; severity: string; resourceType: string; anchors: object }[];
    expect(rules.length).toBeGreaterThan(20);
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rules.find((r) => r.id === 's3-bucket-public-read')).toMatchObject({ severity: 'CRITICAL', resourceType: 'AWS::S3::Bucket', anchors: expect.objectContaining({ securityHub: ['S3.2'] }) });
    for (const r of rules) expect(r).toEqual(expect.objectContaining({ id: expect.any(String), title: expect.any(String), severity: expect.any(String), resourceType: expect.any(String), anchors: expect.any(Object) }));
  });

  describe('scan --snapshot', () => {
    it('prints one JSON array of verdicts with the required fields', async () => {
      const { code, out } = await run('scan', '--snapshot', SNAPSHOT, '--format', 'json');
      expect(code).toBe(0);
      const verdicts = JSON.parse(out) as Record<string, unknown>[];
      expect(Array.isArray(verdicts)).toBe(true);
      for (const v of verdicts) {
        expect(v).toEqual(expect.objectContaining({ ruleId: expect.any(String), resourceId: expect.any(String), resourceArn: expect.any(String), resourceType: expect.any(String), severity: expect.any(String), evidence: expect.any(Array) }));
        expect(['PASS', 'FAIL', 'NOT_APPLICABLE', 'INSUFFICIENT_DATA', 'ERROR']).toContain(v.status);
      }
      // A Config snapshot reads nothing: no ERROR; what it does not carry is INSUFFICIENT_DATA, each naming the live read.
      expect(verdicts.filter((v) => v.status === 'ERROR')).toEqual([]);
      const missing = verdicts.filter((v) => v.status === 'INSUFFICIENT_DATA');
      expect(missing.length).toBeGreaterThan(10);
      for (const v of missing) expect(v.message).toMatch(/needs a live read: `vigil scan/);
      expect(verdicts).toContainEqual(expect.objectContaining({ ruleId: 's3-bucket-public-read', resourceId: 'acme-public-assets', status: 'FAIL' }));
      expect(verdicts).toContainEqual(expect.objectContaining({ ruleId: 's3-bucket-public-read', resourceId: 'acme-app-logs', status: 'PASS' }));
    });

    it('exits 1 with --fail-on when a failure at that severity exists, 0 otherwise', async () => {
      expect((await run('scan', '--snapshot', SNAPSHOT, '--fail-on', 'CRITICAL')).code).toBe(1);
      const onlyLogs = join(dir, 'one-bucket.json');
      const snapshot = require(SNAPSHOT) as { configurationItems: { resourceId: string; resourceType: string }[] };
      writeFileSync(onlyLogs, JSON.stringify({ configurationItems: snapshot.configurationItems.filter((i) => i.resourceId === 'acme-app-logs') }));
      expect((await run('scan', '--snapshot', onlyLogs, '--fail-on', 'CRITICAL')).code).toBe(0);
    });

    it('lists FAIL rows only and counts INSUFFICIENT_DATA by rule in the summary', async () => {
      const { code, out } = await run('scan', '--snapshot', SNAPSHOT);
      expect(code).toBe(0);
      expect(out).not.toMatch(/│ INSUFFICIENT_DATA/);
      expect(out).not.toMatch(/│ ERROR/);
      expect(out).toMatch(/^\d+ evaluations of \d+ resources: FAIL \d+ · PASS \d+ · NOT_APPLICABLE \d+ · INSUFFICIENT_DATA \d+$/m);
      expect(out).toMatch(/^\d+ rules need live reads \(data an AWS Config snapshot does not carry\), \d+ evaluations INSUFFICIENT_DATA/m);
      expect((await run('scan', '--snapshot', SNAPSHOT, '--all')).out).toMatch(/│ INSUFFICIENT_DATA/);
    });

    it('--fail-on ignores INSUFFICIENT_DATA: a bucket item without its supplementary configuration is never a failure', async () => {
      const snapshot = require(SNAPSHOT) as { configurationItems: Record<string, unknown>[] };
      const bare = snapshot.configurationItems.filter((i) => i.resourceId === 'acme-public-assets').map(({ supplementaryConfiguration: _drop, ...rest }) => rest);
      const file = join(dir, 'bare-bucket.json');
      writeFileSync(file, JSON.stringify({ configurationItems: bare }));
      const { code, out } = await run('scan', '--snapshot', file, '--fail-on', 'LOW', '--format', 'json');
      expect(code).toBe(0);
      const verdicts = JSON.parse(out) as { ruleId: string; status: string }[];
      expect(verdicts.find((v) => v.ruleId === 's3-bucket-public-read')?.status).toBe('INSUFFICIENT_DATA');
      expect(verdicts.filter((v) => v.status === 'PASS' || v.status === 'FAIL').map((v) => v.ruleId)).toEqual([]);
    });

    it('rejects a missing file with exit 2 and one line naming it', async () => {
      const missing = join(dir, 'nope.json');
      const { code, err, out } = await run('scan', '--snapshot', missing);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toContain(missing);
      expect(err).toContain('no such file');
    });

    it('rejects a file that is not JSON or not a snapshot, naming the problem', async () => {
      const garbage = join(dir, 'garbage.json');
      writeFileSync(garbage, '{"configurationItems": [');
      const bad = await run('scan', '--snapshot', garbage);
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/garbage\.json: not valid JSON/);
      const wrong = join(dir, 'wrong.json');
      writeFileSync(wrong, JSON.stringify({ hello: 'world' }));
      expect((await run('scan', '--snapshot', wrong)).err).toMatch(/wrong\.json: not an AWS Config snapshot/);
      const noType = join(dir, 'notype.json');
      writeFileSync(noType, JSON.stringify([{ resourceId: 'x' }]));
      expect((await run('scan', '--snapshot', noType)).err).toMatch(/notype\.json: configuration item #1 has no resourceType/);
    });

    it('rejects unknown options values with exit 2', async () => {
      expect((await run('scan', '--snapshot', SNAPSHOT, '--format', 'xml')).code).toBe(2);
      expect((await run('scan', '--snapshot', SNAPSHOT, '--fail-on', 'SEVERE')).code).toBe(2);
      expect((await run('scan', '--snapshot', SNAPSHOT, '--family', 'ec2')).err).toMatch(/--family: unknown ec2/);
    });
  });

  describe('replay, findings and demo', () => {
    it('replays events into a local store, alerts once per transition, then lists and exports the findings', async () => {
      const storeDir = join(dir, 'store');
      const replay = await run('replay', join(EXAMPLES, 'events.json'), '--snapshot', SNAPSHOT, '--store', 'local', '--store-dir', storeDir);
      expect(replay.code).toBe(0);
      expect(replay.out.match(/\[CRITICAL\] NEW s3-bucket-public-read: acme-reports/g)).toHaveLength(1);
      expect(replay.out).toContain('ops-admin');

      const list = await run('findings', 'list', '--store', 'local', '--store-dir', storeDir, '--format', 'json', '--rule', 's3-bucket-public-read');
      expect(list.code).toBe(0);
      const findings = JSON.parse(list.out) as { resourceId: string; status: string; actor?: { principalArn?: string }; findingId: string }[];
      const reports = findings.find((f) => f.resourceId === 'acme-reports')!;
      expect(reports).toMatchObject({ status: 'OPEN', actor: expect.objectContaining({ principalArn: 'arn:aws:iam::111122223333:user/ops-admin' }) });

      const show = await run('findings', 'show', reports.findingId, '--store', 'local', '--store-dir', storeDir);
      expect(show.out).toContain('acme-reports');
      expect(show.out).toContain('ops-admin');

      for (const format of ['csv', 'asff', 'ocsf']) {
        const exported = await run('findings', 'export', '--format', format, '--store', 'local', '--store-dir', storeDir);
        expect(exported.code).toBe(0);
        expect(exported.out).toContain('acme-reports');
      }
      const asff = JSON.parse((await run('findings', 'export', '--format', 'asff', '--store', 'local', '--store-dir', storeDir)).out) as { Compliance: { RelatedRequirements: string[] }; GeneratorId: string }[];
      expect(asff.find((f) => f.GeneratorId === 'vigil/s3-bucket-public-read')?.Compliance.RelatedRequirements).toContain('AWS FSBP S3.2');

      const suppress = await run('findings', 'suppress', reports.findingId, '--owner', 'alice', '--reason', 'reviewed', '--expires', '2999-01-01', '--store', 'local', '--store-dir', storeDir);
      expect(suppress.code).toBe(0);
      const badDate = await run('findings', 'suppress', reports.findingId, '--owner', 'alice', '--reason', 'x', '--expires', 'someday', '--store', 'local', '--store-dir', storeDir);
      expect(badDate.code).toBe(2);
      expect(badDate.err).toMatch(/--expires: not a date/);
    });

    it('runs the demo: a public bucket found and alerted, then the findings table', async () => {
      const { code, out } = await run('demo');
      expect(code).toBe(0);
      expect(out).toContain('[CRITICAL] NEW s3-bucket-public-read: acme-public-assets');
      expect(out).toContain('[CRITICAL] NEW s3-bucket-public-read: acme-reports');
      expect(out).toContain('RESOLVED s3-bucket-public-read: acme-public-assets');
      expect(out).toContain('Findings table');
    });
  });
});
