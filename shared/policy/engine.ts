/**
 * The engine behind the public API of ./index.ts: compiles a document for a policy kind and assembles verdicts and
 * grants from the modules under ./verdicts (spec: docs/spec/iam-semantics.md).
 */
import { PolicyParseError, type StatementRef } from '../core';
import type { Grant, Judgement, PolicyContext, PolicyKind, PolicyVerdicts } from './index';
import { globCovers, globsIntersect } from './match';
import { compilePolicy, writtenAction, type CompiledPolicy, type CompiledStatement } from './model';
import { parsePolicy } from './parse';
import { EXTENDED_PRIVESC_METHODS, DEFAULT_PRIVESC_METHODS } from './privesc-methods';
import { actionSetGrants, denyResourcesCover } from './sets';
import { coverQuery, type GrantUnit } from './units';
import { adminAnalysis } from './verdicts/admin';
import { queryUnits, statementLabel, uniqueReasons, uniqueRefs, verdictUnits } from './verdicts/common';
import { confusedDeputyFindings } from './verdicts/confused-deputy';
import { crossAccountAnalysis, isExternalScope, unitReach } from './verdicts/cross-account';
import { privescAnalysis, privescReason } from './verdicts/privesc';
import { publicFindings, publicReasonText, unitPublicReason } from './verdicts/public';
import { tlsAnalysis } from './verdicts/tls';

export { parsePolicy, decodePolicyDocument } from './parse';
export type { ParsedPolicy, ParsedStatement, ConditionClause, PrincipalSet } from './parse';
export { actionMatches, resourceMatches, arnLikeMatches, globMatch } from './match';

export const POLICY_KINDS: readonly PolicyKind[] = [
  'bucket-policy',
  'identity-policy',
  'trust-policy',
  'lambda-resource-policy',
  'api-resource-policy',
  'table-resource-policy',
];

export const isPolicyKind = (value: unknown): value is PolicyKind => typeof value === 'string' && (POLICY_KINDS as readonly string[]).includes(value);

// Rules ask several questions of the same document in a row: remember the last compiled document. Only one: a larger
// cache keeps big compiled policies alive across young-generation collections and makes each of them slow.
let last: { readonly kind: PolicyKind; readonly document: string; readonly compiled: CompiledPolicy } | undefined;

/** Parses and compiles a document for a policy kind (the last one is cached). Throws PolicyParseError. */
export const compileDocument = (kind: PolicyKind, document: unknown): CompiledPolicy => {
  if (!isPolicyKind(kind)) throw new PolicyParseError(`unknown policy kind "${String(kind)}" (expected one of ${POLICY_KINDS.join(', ')})`);
  // Only text is cached: an object may be mutated between calls.
  if (typeof document !== 'string') return compilePolicy(parsePolicy(document), kind);
  if (last && last.kind === kind && last.document === document) return last.compiled;
  const compiled = compilePolicy(parsePolicy(document), kind);
  last = { kind, document, compiled };
  return compiled;
};

const judgement = (value: boolean, findings: readonly { readonly statement: CompiledStatement; readonly reason: string }[], whenFalse: string): Judgement => ({
  value,
  statements: value ? uniqueRefs(findings) : [],
  reasons: value ? uniqueReasons(findings) : [whenFalse],
});

const notForKind = (policy: CompiledPolicy, verdict: string, kinds: string): string => `${verdict} is judged on ${kinds}, not on a ${policy.kind}`;

/** The six verdicts with deciding statements and reasons. */
/**
 * The six verdicts of one policy. Each is computed on first access and kept: a rule that asks one question of a policy
 * does not pay for the other five (privilege escalation is the costly one). `toJSON` gives all six, for the CLI.
 */
class PolicyAnalysis implements PolicyVerdicts {
  #public?: Judgement;
  #crossAccount?: PolicyVerdicts['crossAccount'];
  #admin?: Judgement;
  #privesc?: PolicyVerdicts['privesc'];
  #confusedDeputy?: Judgement;
  #tlsEnforced?: Judgement;

  constructor(
    private readonly policy: CompiledPolicy,
    private readonly ctx: PolicyContext,
  ) {}

  get public(): Judgement {
    return (this.#public ??= publicVerdict(this.policy));
  }
  get crossAccount(): PolicyVerdicts['crossAccount'] {
    return (this.#crossAccount ??= crossAccountVerdict(this.policy, this.ctx));
  }
  get admin(): Judgement {
    return (this.#admin ??= adminVerdict(this.policy));
  }
  get privesc(): PolicyVerdicts['privesc'] {
    return (this.#privesc ??= privescVerdict(this.policy, this.ctx));
  }
  get confusedDeputy(): Judgement {
    return (this.#confusedDeputy ??= confusedDeputyVerdict(this.policy, this.ctx));
  }
  get tlsEnforced(): Judgement {
    return (this.#tlsEnforced ??= tlsVerdict(this.policy, this.ctx));
  }
  toJSON(): PolicyVerdicts {
    const { public: isPublic, crossAccount, admin, privesc, confusedDeputy, tlsEnforced } = this;
    return { public: isPublic, crossAccount, admin, privesc, confusedDeputy, tlsEnforced };
  }
}

const publicVerdict = (policy: CompiledPolicy): Judgement => {
  const publicList = publicFindings(policy);
  return judgement(
    publicList.length > 0,
    publicList,
    policy.kind === 'identity-policy' ? notForKind(policy, 'public', 'resource and trust policies') : 'no Allow grants access to everyone without a trusted restriction',
  );
};

const crossAccountVerdict = (policy: CompiledPolicy, ctx: PolicyContext): PolicyVerdicts['crossAccount'] => {
  const cross = crossAccountAnalysis(policy, ctx);
  const crossValue = isExternalScope(cross.reach.scope);
  const crossDeciding = cross.findings.filter((f) => f.scope === cross.reach.scope || (crossValue && isExternalScope(f.scope)));
  return {
    value: crossValue,
    statements: cross.reach.scope === 'none' ? [] : uniqueRefs(crossDeciding),
    reasons:
      cross.reach.scope === 'none'
        ? [policy.kind === 'identity-policy' ? notForKind(policy, 'crossAccount', 'resource and trust policies') : 'every principal belongs to the owner account or a trusted account']
        : uniqueReasons(crossDeciding),
    scope: cross.reach.scope,
    accounts: cross.reach.accounts,
    orgs: cross.reach.orgs,
  };
};

const adminVerdict = (policy: CompiledPolicy): Judgement => {
  const admin = adminAnalysis(policy);
  return judgement(
    admin.findings.length > 0,
    admin.findings,
    policy.kind !== 'identity-policy' ? notForKind(policy, 'admin', 'identity policies') : admin.dismissed[0] ?? 'no Allow grants every action on every resource',
  );
};

const privescVerdict = (policy: CompiledPolicy, ctx: PolicyContext): PolicyVerdicts['privesc'] => {
  const privesc = privescAnalysis(policy, ctx.privescMethods === 'extended' ? EXTENDED_PRIVESC_METHODS : DEFAULT_PRIVESC_METHODS);
  const statements: StatementRef[] = uniqueRefs(privesc.flatMap((m) => m.statements.map((statement) => ({ statement }))));
  return {
    value: privesc.length > 0,
    statements,
    reasons: privesc.length ? privesc.map(privescReason) : [policy.kind !== 'identity-policy' ? notForKind(policy, 'privesc', 'identity policies') : 'no escalation method has all of its actions allowed'],
    methods: privesc.map((m) => ({ name: m.name, actions: m.actions })),
  };
};

const confusedDeputyVerdict = (policy: CompiledPolicy, ctx: PolicyContext): Judgement => {
  const deputy = confusedDeputyFindings(policy, ctx);
  return judgement(
    deputy.length > 0,
    deputy,
    policy.kind === 'identity-policy' ? notForKind(policy, 'confusedDeputy', 'resource and trust policies') : 'every service principal is limited by a fixed aws:SourceArn / aws:SourceAccount (or none is trusted)',
  );
};

const tlsVerdict = (policy: CompiledPolicy, ctx: PolicyContext): Judgement => {
  const tls = tlsAnalysis(policy, ctx);
  return { value: tls.enforced, statements: tls.enforced ? uniqueRefs(tls.findings) : [], reasons: [tls.reason] };
};

/** The six verdicts with deciding statements and reasons; each is computed when first read. */
export const analyzePolicy = (kind: PolicyKind, document: unknown, ctx: PolicyContext): PolicyVerdicts => new PolicyAnalysis(compileDocument(kind, document), ctx);

const lower = (actions: readonly string[]): string[] => actions.map((a) => a.toLowerCase());

/** Maps lower-cased queries back to the caller's spelling. */
const spelled = (asked: readonly string[], found: Iterable<string>): string[] => {
  const set = new Set(found);
  return asked.filter((a) => set.has(a.toLowerCase()));
};

const toGrant = (statement: CompiledStatement, asked: readonly string[], found: Iterable<string>, reason: string): Grant => ({
  statement: statement.ref,
  actions: spelled(asked, found),
  principals: statement.principalsWritten,
  reason,
});

/** Public Allow grants (no trusted restriction, after Deny subtraction) of any of `actions`. */
export const publicGrants = (kind: PolicyKind, document: unknown, ctx: PolicyContext, actions: readonly string[]): Grant[] => {
  void ctx; // publicness does not depend on the owner; kept for a uniform signature
  const policy = compileDocument(kind, document);
  if (policy.kind === 'identity-policy') return [];
  const queries = lower(actions);
  const grants: Grant[] = [];
  for (const allow of policy.allows) {
    const found = new Set<string>();
    let reason = '';
    for (const unit of queryUnits(policy, allow, queries)) {
      const why = unitPublicReason(unit, policy.kind, policy.variables);
      if (!why || unit.action === null) continue;
      found.add(unit.action);
      reason ||= publicReasonText(unit, why);
    }
    if (found.size) grants.push(toGrant(allow, actions, found, reason));
  }
  return grants;
};

/** Grants to principals outside ctx.accountId and trustedAccountIds (public included) without a restriction, of any of `actions` (omitted = any action). */
export const externalGrants = (kind: PolicyKind, document: unknown, ctx: PolicyContext, actions?: readonly string[]): Grant[] => {
  const policy = compileDocument(kind, document);
  if (policy.kind === 'identity-policy') return [];
  const queries = actions ? lower(actions) : null;
  const grants: Grant[] = [];
  for (const allow of policy.allows) {
    const units: GrantUnit[] = queries ? queryUnits(policy, allow, queries) : verdictUnits(policy, allow);
    const found = new Set<string>();
    let reason = '';
    for (const unit of units) {
      const reach = unitReach(unit, policy, ctx);
      if (!isExternalScope(reach.scope)) continue;
      found.add(unit.action === null ? `NotAction ${allow.actionsWritten.join(',')}` : writtenAction(allow, unit.action));
      reason ||= reach.reason;
    }
    if (!found.size) continue;
    if (queries && actions) grants.push(toGrant(allow, actions, found, reason));
    else grants.push({ statement: allow.ref, actions: [...found], principals: allow.principalsWritten, reason });
  }
  return grants;
};

/** Resource patterns of an Allow cover the asked-for resource (pattern). */
const resourcesCover = (allow: CompiledStatement, resource: string): boolean => {
  const set = allow.resources;
  if (!set) return true;
  return set.negated ? set.patterns.every((n) => !globsIntersect(n, resource)) : set.patterns.some((p) => globCovers(p, resource));
};

/** Identity policies: Allow statements (after unconditional Deny subtraction) granting any of `actions` on a resource pattern covering `resource` (default `*`). */
export const allowStatements = (document: unknown, query: { readonly actions: readonly string[]; readonly resource?: string }): Grant[] => {
  const policy = compileDocument('identity-policy', document);
  const resource = query.resource ?? '*';
  const queries = lower(query.actions);
  const denies = policy.denies.filter((d) => d.conditions.length === 0);
  const grants: Grant[] = [];
  for (const allow of policy.allows) {
    if (!resourcesCover(allow, resource)) continue;
    const found = queries.filter((q) => {
      if (!actionSetGrants(allow.actions, q)) return false;
      const covers = coverQuery(allow, q);
      return !denies.some((d) => covers(d.actions) && denyResourcesCover(d.resources, { kind: 'pattern', pattern: resource }));
    });
    if (!found.length) continue;
    const conditional = allow.conditions.length > 0;
    grants.push({
      ...toGrant(allow, query.actions, found, `${statementLabel(allow)} allows ${spelled(query.actions, found).join(', ')} on ${resource}${conditional ? ' (under conditions)' : ''}`),
      conditional,
    });
  }
  return grants;
};
