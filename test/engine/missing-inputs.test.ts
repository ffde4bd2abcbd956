/**
 * Missing data never passes. For every rule: removing any input it reads from a snapshot yields INSUFFICIENT_DATA or
 * the same verdict, never a PASS (nor a FAIL, nor an ERROR) that was not there.
 *
 * 1. AWS Config snapshots (the example account, the family examples, the recorded items of test/fixtures): one item
 *    loses its configuration, its supplementary configuration (absent or null), one supplementary key, its tags, its
 *    relationships, or the whole item (a related item the snapshot does not hold).
 * 2. Any snapshot, for every rule including the live-only kinds: one field (at any depth) becomes unknown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { InputGap, Observation, Rule, RuleContext, Verdict } from '../../shared/core';
import { createConfigSource } from '../../shared/engine';
import { evaluateObservation } from '../../shared/engine/evaluate';
import { ALL_FAMILIES } from '../../shared/families';
import { notTold } from '../../shared/resources/gaps';
import { liveOnlySamples } from './live-only-samples';

if (process.env.FC_SEED !== 'random') fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261211) });

const ROOT = join(__dirname, '..', '..');
const readJson = (...path: string[]): any => JSON.parse(readFileSync(join(ROOT, ...path), 'utf8'));
const itemsOf = (data: any): Record<string, unknown>[] => (Array.isArray(data) ? data : data.configurationItems);
const ctx: RuleContext = { accountId: '111122223333', now: new Date('2026-12-01T00:00:00Z'), params: { trustedAccountIds: [] } };
const families = [...ALL_FAMILIES];
const rules = families.flatMap((f) => f.rules) as Rule[];
const kinds = families.flatMap((f) => f.kinds);

/** Snapshots to strip, each judged on its own: items of one snapshot refer to each other. */
/** A SelectResourceConfig result with the envelope the query did not select (its type read from its configuration). */
const selectResults = (file: string): Record<string, unknown>[] =>
  (readJson('test', 'fixtures', 'api-responses', file).data.Results as string[]).map((text, i) => {
    const result = JSON.parse(text) as { configuration: Record<string, unknown> };
    const c = typeof result.configuration === 'string' ? JSON.parse(result.configuration) : result.configuration;
    const typed: [string, string][] = [['roleName', 'AWS::IAM::Role'], ['userName', 'AWS::IAM::User'], ['groupName', 'AWS::IAM::Group'], ['functionName', 'AWS::Lambda::Function'], ['stageName', 'AWS::ApiGateway::Stage'], ['name', 'AWS::S3::Bucket']];
    const [field, resourceType] = typed.find(([f]) => typeof c[f] === 'string') ?? ['', 'AWS::Unknown'];
    return { resourceType, resourceId: String(c[field] ?? `${file}#${i}`), accountId: '111122223333', awsRegion: 'us-east-1', ...result };
  });
const CORPORA: Record<string, Record<string, unknown>[]> = {
  'examples/account-snapshot.json': itemsOf(readJson('examples', 'account-snapshot.json')),
  ...Object.fromEntries(readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('-items.json')).map((f) => [`examples/${f}`, itemsOf(readJson('examples', f))])),
  'test/fixtures/config-items': readdirSync(join(ROOT, 'test', 'fixtures', 'config-items'))
    .sort()
    .flatMap((f) => [readJson('test', 'fixtures', 'config-items', f)].flat())
    // Several recorded items share a name: keep the first of each, so that each is judged.
    .filter((item, i, all) => all.findIndex((o) => o.resourceType === item.resourceType && o.resourceId === item.resourceId) === i),
  'config events (examples/*-events.json)': readJson('examples', 'events.json')
    .map((e: { detail?: { configurationItem?: Record<string, unknown> } }) => e.detail?.configurationItem)
    .filter((i: unknown) => i !== undefined),
};
// SelectResourceConfig answers carry only the selected fields: a realistic "not told" source of their own.
CORPORA['SelectResourceConfig answers'] = ['iam-role', 'iam-user-group', 'lambda-function', 's3-bucket', 'apigateway-stage'].flatMap((name) =>
  selectResults(`config.SelectResourceConfig.${name}.custodian.json`).filter((r) => (r as { resourceType: string }).resourceType !== 'AWS::Unknown'),
);

const whenSetKeys = (configType: string): readonly string[] =>
  families.flatMap((f) => f.configNormalisers).find((n) => n.configType === configType)?.supplementaryWhenSet ?? [];

const key = (v: Verdict): string => `${v.ruleId}|${v.resourceArn}`;
const judge = (items: readonly unknown[]): Map<string, Verdict> => {
  const observations = createConfigSource(families, items).all();
  const out = new Map<string, Verdict>();
  for (const obs of observations) for (const v of evaluateObservation(obs, rules, kinds.find((k) => k.kind === obs.ref.kind), ctx)) out.set(key(v), v);
  return out;
};
const baselines = new Map(Object.entries(CORPORA).map(([name, items]) => [name, judge(items)]));

type Removal = 'item' | 'configuration' | 'supplementary-absent' | 'supplementary-null' | 'supplementary-key' | 'tags' | 'relationships';
const REMOVALS: readonly Removal[] = ['item', 'configuration', 'supplementary-absent', 'supplementary-null', 'supplementary-key', 'tags', 'relationships'];

/** The items with one input removed from item `index` (supplementary keys may be JSON text). */
const strip = (items: readonly Record<string, unknown>[], index: number, removal: Removal, keyPick: number): Record<string, unknown>[] =>
  items.flatMap((item, i) => {
    if (i !== index) return [item];
    if (removal === 'item') return [];
    const copy: Record<string, unknown> = structuredClone(item);
    if (removal === 'configuration') copy.configuration = null;
    if (removal === 'supplementary-absent') delete copy.supplementaryConfiguration;
    if (removal === 'supplementary-null') copy.supplementaryConfiguration = null;
    if (removal === 'tags') delete copy.tags;
    if (removal === 'relationships') delete copy.relationships;
    if (removal === 'supplementary-key') {
      const raw = copy.supplementaryConfiguration;
      const sup = typeof raw === 'string' ? (JSON.parse(raw) as Record<string, unknown>) : ((raw ?? {}) as Record<string, unknown>);
      // A key Config writes only when the setting exists is not an input to remove: without it, the (complete) item says
      // "not configured" in Config's own encoding. Every key Config always writes is.
      const keys = Object.keys(sup).filter((k) => !whenSetKeys(String(item.resourceType)).includes(k)).sort();
      if (keys.length > 0) delete sup[keys[keyPick % keys.length]];
      copy.supplementaryConfiguration = typeof raw === 'string' ? JSON.stringify(sup) : sup;
    }
    return [copy];
  });

/** Verdicts that changed in a way other than to INSUFFICIENT_DATA. */
const dishonest = (before: Map<string, Verdict>, after: Map<string, Verdict>): string[] =>
  [...after.values()]
    .filter((v) => {
      const was = before.get(key(v));
      return was !== undefined && v.status !== was.status && v.status !== 'INSUFFICIENT_DATA';
    })
    .map((v) => `${v.ruleId} ${v.resourceId}: ${before.get(key(v))!.status} -> ${v.status} (${v.message})`);

describe('Missing inputs never pass: AWS Config snapshots', () => {
  it('the corpus judges every rule of the kinds it holds (the others are in the next block), and nothing on it is ERROR', () => {
    const judged = new Set([...baselines.values()].flatMap((m) => [...m.values()].map((v) => v.ruleId)));
    const held = new Set([...baselines.values()].flatMap((m) => [...m.values()].map((v) => v.resourceKind)));
    expect(held.size).toBeGreaterThanOrEqual(12);
    expect(rules.filter((r) => held.has(r.kind) && !judged.has(r.id)).map((r) => r.id)).toEqual([]);
    const errors = [...baselines.values()].flatMap((m) => [...m.values()]).filter((v) => v.status === 'ERROR');
    expect(errors.map((v) => `${v.ruleId} ${v.resourceId}: ${v.message}`)).toEqual([]);
  });

  it('removing any part of any item yields INSUFFICIENT_DATA or the same verdict', () => {
    const corpus = fc.constantFrom(...Object.keys(CORPORA)).chain((name) =>
      fc.record({ name: fc.constant(name), index: fc.nat({ max: CORPORA[name].length - 1 }), removal: fc.constantFrom(...REMOVALS), keyPick: fc.nat({ max: 40 }) }),
    );
    fc.assert(
      fc.property(corpus, ({ name, index, removal, keyPick }) => {
        const after = judge(strip(CORPORA[name], index, removal, keyPick));
        expect(dishonest(baselines.get(name)!, after)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('exhaustively: every removal of every item of the example account', () => {
    const name = 'examples/account-snapshot.json';
    const items = CORPORA[name];
    const problems: string[] = [];
    for (let index = 0; index < items.length; index++) {
      for (const removal of REMOVALS) {
        const keyCount = removal === 'supplementary-key' ? Math.max(1, Object.keys((items[index].supplementaryConfiguration as object) ?? {}).length) : 1; // each key once (modulo)
        for (let k = 0; k < keyCount; k++) problems.push(...dishonest(baselines.get(name)!, judge(strip(items, index, removal, k))).map((p) => `${removal} #${index}: ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });

  it('the issue\'s cases: no supplementary configuration, or a role without configuration, never pass', () => {
    const items = CORPORA['examples/account-snapshot.json'];
    const i = items.findIndex((it) => it.resourceId === 'acme-app-logs');
    const bare = judge(strip(items, i, 'supplementary-absent', 0));
    for (const id of ['s3-bucket-public-read', 's3-bucket-public-write', 's3-bucket-no-cross-account-policy', 's3-bucket-no-acls']) {
      expect({ id, status: [...bare.values()].find((v) => v.ruleId === id && v.resourceId === 'acme-app-logs')?.status }).toEqual({ id, status: 'INSUFFICIENT_DATA' });
    }
    const r = items.findIndex((it) => it.resourceType === 'AWS::IAM::Role' && it.resourceName === 'reports-lambda-role');
    const roleless = judge(strip(items, r, 'configuration', 0));
    for (const id of ['iam-principal-no-admin-access', 'iam-principal-no-privilege-escalation', 'iam-role-no-administratoraccess']) {
      const v = [...roleless.values()].find((x) => x.ruleId === id && x.resourceId === 'reports-lambda-role');
      expect({ id, status: v?.status }).toEqual({ id, status: 'INSUFFICIENT_DATA' });
      expect(v?.message).toMatch(/needs a live read: `vigil scan --family iam`/);
    }
  });
});

/** Every path of a snapshot's object fields, arrays transparent (as InputGap.inputs names them). */
const pathsOf = (value: unknown, prefix = ''): string[] => {
  if (value === null || typeof value !== 'object') return [];
  const items = Array.isArray(value) ? value : [value];
  const out = new Set<string>();
  for (const item of items) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
    for (const [k, v] of Object.entries(item)) {
      const path = prefix === '' ? k : `${prefix}.${k}`;
      out.add(path);
      for (const p of pathsOf(v, path)) out.add(p);
    }
  }
  return [...out];
};

/** The snapshot with the field at `path` (in every array element) set to null. */
const nulled = (value: unknown, parts: readonly string[]): unknown => {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => nulled(v, parts));
  const [head, ...rest] = parts;
  const copy = { ...(value as Record<string, unknown>) };
  if (head in copy) copy[head] = rest.length === 0 ? null : nulled(copy[head], rest);
  return copy;
};

describe('Missing inputs never pass: any snapshot, every rule (live-only kinds included)', () => {
  const configSamples = [...baselines.keys()].flatMap((name) => createConfigSource(families, CORPORA[name]).all());
  const samples: Observation[] = [...configSamples, ...liveOnlySamples()];

  it('has a sample snapshot for every rule', () => {
    const covered = new Set(samples.filter((o) => o.state === 'present').map((o) => o.ref.kind));
    expect(rules.filter((r) => !covered.has(r.kind)).map((r) => r.id)).toEqual([]);
  });

  it('a field made unknown yields INSUFFICIENT_DATA or the same verdict', () => {
    const present = samples.filter((o): o is Extract<Observation, { state: 'present' }> => o.state === 'present');
    const sample = fc.nat({ max: present.length - 1 }).chain((i) => {
      const paths = pathsOf(present[i].config);
      return fc.record({ i: fc.constant(i), path: paths.length > 0 ? fc.constantFrom(...paths) : fc.constant('') });
    });
    fc.assert(
      fc.property(sample, ({ i, path }) => {
        const obs = present[i];
        const kind = kinds.find((k) => k.kind === obs.ref.kind);
        const applicable = rules.filter((r) => r.kind === obs.ref.kind);
        const gap: InputGap = notTold([path], 'test', 'removed by the property test');
        const before = evaluateObservation(obs, applicable, kind, ctx);
        const after = evaluateObservation({ ...obs, config: nulled(obs.config, path.split('.')), gaps: [...obs.gaps, gap] }, applicable, kind, ctx);
        after.forEach((v, n) => {
          if (v.status !== before[n].status) expect({ rule: v.ruleId, path, status: v.status }).toEqual({ rule: v.ruleId, path, status: 'INSUFFICIENT_DATA' });
        });
      }),
      { numRuns: 600 },
    );
  });
});
