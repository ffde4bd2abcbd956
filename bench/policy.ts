/**
 * Policy-engine speed (`npm run bench` prints these lines; `npx tsx bench/policy.ts` runs them alone):
 *  - verdicts per second over a realistic mix of documents (target ≥ 10,000 policies/s),
 *  - p99 latency of one policy at the 6,144-character managed-policy limit (target ≤ 1 ms),
 *  - an adversarial 10 KB wildcard pattern (target < 10 ms),
 *  - the batch CLI on 15,000 policies (the built bin when present, else runPolicyAnalyze in-process).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runPolicyAnalyze } from '../cli/commands/policy';
import { actionMatches, analyzePolicy as analyzeLazily, type PolicyContext, type PolicyKind } from '../shared/policy';
import { globMatch } from '../shared/policy/match';

/** All six verdicts, read: analyzePolicy computes each one on first access, and the bench must pay for all of them. */
const analyzePolicy = (kind: PolicyKind, document: unknown, ctx: PolicyContext): boolean[] => {
  const v = analyzeLazily(kind, document, ctx);
  return [v.public.value, v.crossAccount.value, v.admin.value, v.privesc.value, v.confusedDeputy.value, v.tlsEnforced.value];
};

export interface BenchLine {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: string;
  readonly ok?: boolean;
}

const OWN = '111122223333';
const OTHER = '444455556666';

/** A realistic mix of 11 shapes (identity 4, trust 3, bucket 2, Lambda 1, API/table 1), unique text each. */
export const realisticMix = (count: number): { kind: PolicyKind; text: string }[] => {
  const out: { kind: PolicyKind; text: string }[] = [];
  for (let i = 0; out.length < count; i += 1) {
    const n = String(i);
    const bucket = `arn:aws:s3:::bucket-${n}`;
    const variants: { kind: PolicyKind; doc: unknown }[] = [
      { kind: 'identity-policy', doc: { Version: '2012-10-17', Statement: [{ Sid: `S${n}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'], Resource: [bucket, `${bucket}/*`] }, { Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }] } },
      { kind: 'identity-policy', doc: { Version: '2012-10-17', Statement: [{ Sid: `Admin${n}`, Effect: 'Allow', Action: '*', Resource: '*' }] } },
      { kind: 'identity-policy', doc: { Version: '2012-10-17', Statement: [{ Sid: `P${n}`, Effect: 'Allow', Action: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction', 'iam:Get*', 'iam:List*'], Resource: '*' }, { Effect: 'Deny', Action: 'iam:CreateAccessKey', Resource: '*' }] } },
      { kind: 'identity-policy', doc: { Version: '2012-10-17', Statement: [{ Sid: `N${n}`, Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' }, { Effect: 'Allow', Action: ['iam:CreateServiceLinkedRole', 'iam:ListRoles'], Resource: '*' }] } },
      { kind: 'trust-policy', doc: { Version: '2012-10-17', Statement: [{ Sid: `T${n}`, Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } },
      { kind: 'trust-policy', doc: { Version: '2012-10-17', Statement: [{ Sid: `X${n}`, Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': `id-${n}` } } }] } },
      { kind: 'trust-policy', doc: { Version: '2012-10-17', Statement: [{ Sid: `G${n}`, Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${OWN}:oidc-provider/token.actions.githubusercontent.com` }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': `repo:org/repo-${n}:*` } } }] } },
      { kind: 'bucket-policy', doc: { Version: '2012-10-17', Statement: [{ Sid: `Pub${n}`, Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${bucket}/*` }, { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [bucket, `${bucket}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] } },
      { kind: 'bucket-policy', doc: { Version: '2012-10-17', Statement: [{ Sid: `Vpce${n}`, Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:PutObject'], Resource: `${bucket}/*`, Condition: { StringEquals: { 'aws:SourceVpce': `vpce-${n}` } } }, { Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: `${bucket}/logs/*`, Condition: { StringEquals: { 'aws:SourceAccount': OWN } } }] } },
      { kind: 'lambda-resource-policy', doc: { Version: '2012-10-17', Id: 'default', Statement: [{ Sid: `L${n}`, Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: `arn:aws:lambda:us-east-1:${OWN}:function:f-${n}`, Condition: { ArnLike: { 'AWS:SourceArn': `arn:aws:execute-api:us-east-1:${OWN}:api${n}/*/GET/items` } } }] } },
      { kind: i % 2 ? 'api-resource-policy' : 'table-resource-policy', doc: { Version: '2012-10-17', Statement: [{ Sid: `A${n}`, Effect: 'Allow', Principal: '*', Action: i % 2 ? 'execute-api:Invoke' : 'dynamodb:GetItem', Resource: i % 2 ? 'execute-api:/*' : `arn:aws:dynamodb:us-east-1:${OWN}:table/t${n}`, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-own1234567' } } }] } },
    ];
    for (const v of variants) out.push({ kind: v.kind, text: JSON.stringify(v.doc) });
  }
  return out.slice(0, count);
};

/** An identity policy padded to the 6,144-character managed-policy limit with varied statements. */
export const maxSizePolicy = (salt: number): string => {
  const statements: unknown[] = [];
  const actions = ['s3:GetObject', 'iam:PassRole', 'ec2:RunInstances', 'lambda:*', 'dynamodb:Query', 'kms:Decrypt', 'iam:Get*', 'logs:*', 'sqs:SendMessage', 'ssm:GetParameter'];
  let text = '';
  for (let i = 0; ; i += 1) {
    statements.push({
      Sid: `S${salt}x${i}`,
      Effect: i % 9 === 8 ? 'Deny' : 'Allow',
      Action: [actions[i % actions.length], actions[(i * 3 + 1) % actions.length]],
      Resource: i % 4 === 0 ? '*' : [`arn:aws:s3:::bucket-${i}/*`, `arn:aws:iam::${OWN}:role/app-${i}-*`],
      ...(i % 5 === 0 ? { Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } } : {}),
    });
    const next = JSON.stringify({ Version: '2012-10-17', Statement: statements });
    if (next.length > 6144) break;
    text = next;
  }
  return text;
};

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

const benchThroughput = (): BenchLine => {
  const mix = realisticMix(20_000);
  const ctx = { accountId: OWN, orgId: 'o-own1234567' };
  for (const p of mix.slice(0, 2000)) analyzePolicy(p.kind, p.text, ctx); // warm-up (JIT, catalogue)
  const fresh = realisticMix(40_000).slice(20_000).map((p) => ({ ...p, text: p.text.replace('"Version"', '"Id":"b","Version"') }));
  const start = performance.now();
  for (const p of fresh) analyzePolicy(p.kind, p.text, ctx);
  const seconds = (performance.now() - start) / 1000;
  const rate = Math.round(fresh.length / seconds);
  return { name: 'policy verdicts (realistic mix, six verdicts each)', value: rate, unit: 'policies/s', target: '>= 10000', ok: rate >= 10_000 };
};

const benchMaxSize = (): BenchLine[] => {
  const ctx = { accountId: OWN };
  for (let i = 0; i < 200; i += 1) analyzePolicy('identity-policy', maxSizePolicy(-i - 1), ctx);
  const times: number[] = [];
  const size = maxSizePolicy(0).length;
  const texts = Array.from({ length: 2000 }, (_, i) => maxSizePolicy(i)); // generated first: only analysis is timed
  for (const text of texts) {
    const start = performance.now();
    analyzePolicy('identity-policy', text, ctx);
    times.push(performance.now() - start);
  }
  const p99 = percentile(times, 99);
  return [
    { name: `policy p99 latency (${size}-char managed policy)`, value: round(p99), unit: 'ms', target: '<= 1', ok: p99 <= 1 },
    { name: 'policy p50 latency (same)', value: round(percentile(times, 50)), unit: 'ms' },
  ];
};

const benchAdversarial = (): BenchLine[] => {
  // 10 KB of `a*` pieces against a near-miss text: exponential for backtracking matchers, linear here.
  const pattern = `${'a*'.repeat(5000)}b`;
  const text = 'a'.repeat(10_000);
  const questionPattern = `*${'a?'.repeat(2500)}b*${'?a'.repeat(2500)}`;
  let worstMatch = 0;
  for (let i = 0; i < 5; i += 1) {
    const start = performance.now();
    actionMatches(pattern, text);
    globMatch(questionPattern, text);
    globMatch(`*${'a'.repeat(5000)}b*`, text);
    worstMatch = Math.max(worstMatch, performance.now() - start);
  }
  // Whole analyses of documents holding such patterns in Action and Resource (after warm-up on ordinary ones).
  const ctx = { accountId: OWN };
  const wild = `*${'a*'.repeat(4900)}b`;
  const docs: [PolicyKind, unknown][] = [
    ['identity-policy', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: wild }, { Effect: 'Deny', Action: `iam:${wild}`, Resource: wild }] }],
    ['identity-policy', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: `${'?'.repeat(9800)}*` }] }],
    ['bucket-policy', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: `s3:${wild}`, Resource: wild }, { Effect: 'Deny', Principal: '*', Action: `s3:${wild}`, Resource: wild, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] }],
  ];
  for (const p of realisticMix(500)) analyzePolicy(p.kind, p.text, ctx);
  let worstPolicy = 0;
  for (let i = 0; i < 3; i += 1) {
    for (const [kind, doc] of docs) {
      const start = performance.now();
      analyzePolicy(kind, structuredClone(doc), ctx);
      worstPolicy = Math.max(worstPolicy, performance.now() - start);
    }
  }
  return [
    { name: 'adversarial 10 KB wildcard patterns (3 matches, worst of 5)', value: round(worstMatch), unit: 'ms', target: '< 10', ok: worstMatch < 10 },
    { name: 'adversarial 10 KB patterns inside a policy (whole analysis, worst)', value: round(worstPolicy), unit: 'ms', target: '< 10', ok: worstPolicy < 10 },
  ];
};

const benchBatchCli = (): BenchLine => {
  const root = join(__dirname, '..');
  const dir = mkdtempSync(join(tmpdir(), 'vigil-policy-bench-'));
  try {
    const entries = realisticMix(15_000).map((p, i) => ({ id: `p${i}`, kind: p.kind, document: p.text, context: { accountId: OWN, orgId: 'o-own1234567' } }));
    const file = join(dir, 'batch.json');
    writeFileSync(file, JSON.stringify(entries));
    const bin = join(root, 'bin', 'vigil.cjs');
    let how = 'in-process runPolicyAnalyze: bin/dist not built';
    let start = performance.now();
    let lines = -1;
    if (existsSync(bin) && existsSync(join(root, 'dist', 'cli.cjs'))) {
      const result = spawnSync(process.execPath, [bin, 'policy', 'analyze', '--batch', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
      if (result.status === 0) {
        how = 'node bin/vigil.cjs, process start included';
        lines = result.stdout.split('\n').filter(Boolean).length;
      } else {
        how = `in-process runPolicyAnalyze: the built bin failed (${(result.stderr || '').split('\n')[0].slice(0, 60)}; rebuild with npm run build)`;
      }
    }
    if (lines < 0) {
      start = performance.now();
      lines = runPolicyAnalyze({ batch: file }).stdout.length;
    }
    const seconds = (performance.now() - start) / 1000;
    if (lines !== entries.length) throw new Error(`batch printed ${lines} lines for ${entries.length} policies`);
    return {
      name: `policy batch CLI, 15,000 policies (${how})`,
      value: round(seconds, 2),
      unit: 's',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export async function benchPolicy(): Promise<BenchLine[]> {
  return [benchThroughput(), ...benchMaxSize(), ...benchAdversarial(), benchBatchCli()];
}

if (require.main === module) {
  benchPolicy()
    .then((lines) => {
      for (const l of lines) process.stdout.write(`${l.ok === false ? 'FAIL' : l.ok ? 'ok  ' : '    '} ${l.name}: ${l.value} ${l.unit}${l.target ? ` (target ${l.target})` : ''}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    });
}
