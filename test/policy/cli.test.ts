import { Command } from 'commander';
import { registerPolicyCommand, runPolicyAnalyze, writeLines, type PolicyAnalyzeIo } from '../../cli/commands/policy';
import { loadApiResponse } from '../helpers/fixtures';

/** In-memory files; a missing path fails like fs (ENOENT). */
const memoryIo = (files: Record<string, string>): PolicyAnalyzeIo => ({
  readText: (path) => {
    if (!(path in files)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    return files[path];
  },
});

const bucketPolicy = loadApiResponse<{ Policy: string }>('s3.GetBucketPolicy.cloudmapper-demo.json').Policy;
const trustPolicy = loadApiResponse<{ Role: { AssumeRolePolicyDocument: string } }>('iam.GetRole.trust-root-and-user-and-services.custodian.json').Role.AssumeRolePolicyDocument;

describe('vigil policy analyze', () => {
  it('prints the six booleans and the reasons for one document', () => {
    const result = runPolicyAnalyze({ kind: 'bucket-policy', account: '653711331788', file: 'bucket.json' }, memoryIo({ 'bucket.json': bucketPolicy }));
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toEqual([]);
    const printed = JSON.parse(result.stdout.join('\n'));
    expect(Object.keys(printed)).toEqual(['public', 'crossAccount', 'admin', 'privesc', 'confusedDeputy', 'tlsEnforced', 'reasons']);
    expect(printed).toMatchObject({ public: true, crossAccount: true, admin: false, privesc: false, confusedDeputy: false, tlsEnforced: false });
    expect(printed.reasons.some((r: string) => r.startsWith('public: '))).toBe(true);
  });

  it('reads URL-encoded trust policies from stdin (-)', () => {
    const result = runPolicyAnalyze({ kind: 'trust-policy', account: '644160558196', file: '-' }, memoryIo({ '-': trustPolicy }));
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout.join('\n'))).toMatchObject({ public: false, crossAccount: false, confusedDeputy: true });
  });

  it('exits 2 with one stderr line naming a missing file', () => {
    const result = runPolicyAnalyze({ kind: 'bucket-policy', account: '111122223333', file: 'missing.json' }, memoryIo({}));
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toEqual([]);
    expect(result.stderr).toHaveLength(1);
    expect(result.stderr[0]).toMatch(/missing\.json: cannot read \(no such file\)/);
  });

  it('exits 2 on unreadable JSON, an invalid policy, an unknown kind or a missing account', () => {
    const io = memoryIo({ 'bad.json': '{"Version": "2012-10-17", "Statement": [', 'permit.json': '{"Statement":[{"Effect":"Permit","Action":"*","Resource":"*"}]}', 'ok.json': bucketPolicy });
    const cases = [
      [{ kind: 'bucket-policy', account: '111122223333', file: 'bad.json' }, /bad\.json: policy document is not valid JSON/],
      [{ kind: 'identity-policy', account: '111122223333', file: 'permit.json' }, /permit\.json: Statement\[0\]: Effect must be "Allow" or "Deny"/],
      [{ kind: 'queue-policy', account: '111122223333', file: 'ok.json' }, /unknown --kind "queue-policy"/],
      [{ kind: 'bucket-policy', file: 'ok.json' }, /--account/],
      [{ account: '111122223333', file: 'ok.json' }, /--kind is required/],
      [{ batch: 'nope.json' }, /nope\.json: cannot read/],
    ] as const;
    for (const [args, message] of cases) {
      const result = runPolicyAnalyze(args, io);
      expect({ args, exitCode: result.exitCode, lines: result.stderr.length }).toEqual({ args, exitCode: 2, lines: 1 });
      expect(result.stderr[0]).toMatch(message);
    }
  });

  it('analyses a batch (JSON array): a bad entry gives a line with its id and error, and the batch goes on', () => {
    const batch = [
      { id: 'bucket-1', kind: 'bucket-policy', document: bucketPolicy, context: { accountId: '653711331788' } },
      { id: 'broken', kind: 'identity-policy', document: { Statement: [{ Effect: 'Permit', Action: '*', Resource: '*' }] }, context: { accountId: '111122223333' } },
      { id: 'unknown-kind', kind: 'queue-policy', document: {}, context: { accountId: '111122223333' } },
      { id: 'no-account', kind: 'identity-policy', document: { Statement: [] } },
      { id: 'admin', kind: 'identity-policy', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, context: { accountId: '111122223333', orgId: 'o-abc' } },
    ];
    const result = runPolicyAnalyze({ batch: 'batch.json' }, memoryIo({ 'batch.json': JSON.stringify(batch) }));
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['bucket-1', 'broken', 'unknown-kind', 'no-account', 'admin']);
    expect(lines[0]).toMatchObject({ public: true, crossAccount: true, tlsEnforced: false });
    expect(Object.keys(lines[0])).toEqual(['id', 'public', 'crossAccount', 'admin', 'privesc', 'confusedDeputy', 'tlsEnforced', 'reasons']);
    expect(lines[1]).toEqual({ id: 'broken', error: expect.stringMatching(/Effect must be "Allow" or "Deny"/) });
    expect(lines[2]).toEqual({ id: 'unknown-kind', error: expect.stringMatching(/unknown kind "queue-policy"/) });
    expect(lines[3]).toEqual({ id: 'no-account', error: expect.stringMatching(/accountId/) });
    expect(lines[4]).toMatchObject({ id: 'admin', admin: true, privesc: true });
  });

  it('analyses JSON lines, and --account fills in a missing context', () => {
    const text = [
      JSON.stringify({ id: 'a', kind: 'trust-policy', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] } }),
      'this is not json',
      '',
      JSON.stringify({ id: 'b', kind: 'identity-policy', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } }),
    ].join('\n');
    const result = runPolicyAnalyze({ batch: 'b.jsonl', account: '111122223333' }, memoryIo({ 'b.jsonl': text }));
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'a', public: true });
    expect(lines[1]).toEqual({ id: null, error: expect.stringMatching(/^line 2: not valid JSON/) });
    expect(lines[2]).toMatchObject({ id: 'b', public: false, admin: false });
  });

  it('exits 2 when the whole batch file is not JSON', () => {
    const result = runPolicyAnalyze({ batch: 'x.json' }, memoryIo({ 'x.json': '[{"id": 1,' }));
    expect(result.exitCode).toBe(2);
    expect(result.stderr[0]).toMatch(/x\.json: not valid JSON/);
  });

  it('writes output in chunks, not one write per line', () => {
    const writes: string[] = [];
    writeLines(Array.from({ length: 5000 }, (_, i) => `{"id":${i}}`), (t) => writes.push(t));
    expect(writes.length).toBe(3);
    expect(writes.join('').split('\n').filter(Boolean)).toHaveLength(5000);
  });

  it('registers `policy analyze` on a commander program and sets exit code 2 on bad input', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const run = { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, exitCode: 0 };
    const program = new Command().exitOverride();
    registerPolicyCommand(program, run);
    await program.parseAsync(['policy', 'analyze', '--kind', 'bucket-policy', '--account', '111122223333', '/nonexistent/vigil-policy.json'], { from: 'user' });
    expect(run.exitCode).toBe(2);
    expect(err.join('')).toMatch(/vigil-policy\.json: cannot read \(no such file\)\n$/);
    expect(out).toEqual([]);
  });
});
