import { PolicyParseError } from '../../shared/core';
import { analyzePolicy } from '../../shared/policy';
import { CONTEXT, CORPUS, type CorpusCase } from './corpus';

const check = (c: CorpusCase): void => {
  const ctx = c.context ?? CONTEXT;
  if (c.expect.error) {
    let thrown: unknown;
    try {
      analyzePolicy(c.kind, c.document, ctx);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PolicyParseError);
    expect((thrown as Error).message).toMatch(c.expect.error);
    return;
  }
  const v = analyzePolicy(c.kind, c.document, ctx);
  const actual: Record<string, unknown> = {};
  const wanted: Record<string, unknown> = {};
  const pick = (name: string, value: unknown, expected: unknown): void => {
    if (expected === undefined) return;
    actual[name] = value;
    wanted[name] = expected;
  };
  pick('public', v.public.value, c.expect.public);
  pick('crossAccount', v.crossAccount.value, c.expect.crossAccount);
  pick('crossAccountScope', v.crossAccount.scope, c.expect.crossAccountScope);
  pick('accounts', v.crossAccount.accounts, c.expect.accounts);
  pick('admin', v.admin.value, c.expect.admin);
  pick('privesc', v.privesc.value, c.expect.privesc);
  pick('confusedDeputy', v.confusedDeputy.value, c.expect.confusedDeputy);
  pick('tlsEnforced', v.tlsEnforced.value, c.expect.tlsEnforced);
  if (c.expect.methods) {
    const names = v.privesc.methods.map((m) => m.name);
    actual.methods = c.expect.methods.filter((m) => names.includes(m));
    wanted.methods = c.expect.methods;
  }
  expect({ id: c.id, ...actual }).toEqual({ id: c.id, ...wanted });
  // A true verdict always names the statements that decide it and says why.
  for (const judgement of [v.public, v.crossAccount, v.admin, v.privesc, v.confusedDeputy, v.tlsEnforced]) {
    expect(judgement.reasons.length).toBeGreaterThan(0);
    if (judgement.value) expect(judgement.statements.length).toBeGreaterThan(0);
  }
};

describe('policy corpus (spec-derived)', () => {
  it('has at least 150 cases with unique ids, each naming its spec rule', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CORPUS.map((c) => c.id)).size).toBe(CORPUS.length);
    for (const c of CORPUS) expect(c.rule).toMatch(/§/);
  });

  it.each(CORPUS.map((c) => [c.id, c] as const))('%s', (_id, c) => check(c));
});
