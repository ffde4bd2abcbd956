/**
 * The compiled form the verdicts work on: lower-cased actions, classified principals and split condition operators.
 */
import { PolicyParseError, type StatementRef } from '../core';
import type { PolicyKind } from './index';
import { splitOperator, type ConditionClause, type ParsedPolicy, type ParsedStatement, type PrincipalSet } from './parse';
import { hasWildcard, isAllStars } from './match';

/** One principal as the verdicts see it. */
export type PrincipalAtom =
  | { readonly type: 'any'; readonly written: string }
  /** An AWS value with a partial wildcard (`arn:aws:iam::*:root`): any account (spec §4.3, §11 item 15). */
  | { readonly type: 'aws-wildcard'; readonly written: string }
  | { readonly type: 'account'; readonly account: string; readonly written: string }
  | { readonly type: 'aws-arn'; readonly account: string; readonly arn: string; readonly written: string }
  /** A unique id (AIDA…/AROA…, left when the principal was deleted) or another fixed value whose account is unknown. */
  | { readonly type: 'aws-opaque'; readonly written: string }
  | { readonly type: 'service'; readonly name: string; readonly written: string }
  | { readonly type: 'service-wildcard'; readonly written: string }
  | { readonly type: 'federated'; readonly name: string; readonly written: string }
  | { readonly type: 'canonical'; readonly id: string; readonly written: string }
  | { readonly type: 'canonical-wildcard'; readonly written: string }
  /** Allow + NotPrincipal: everyone except the listed principals, anonymous included (spec §4.3, §11 item 14). */
  | { readonly type: 'not-principal'; readonly written: string; readonly excluded: readonly PrincipalAtom[] };

export interface CompiledClause {
  readonly operator: string;
  readonly base: string;
  readonly set: 'any' | 'all' | null;
  readonly ifExists: boolean;
  readonly negated: boolean;
  /** Lower-cased key. */
  readonly key: string;
  readonly keyWritten: string;
  readonly values: readonly string[];
}

export interface PatternSet {
  /** True for NotAction / NotResource: the set is everything except the patterns. */
  readonly negated: boolean;
  readonly patterns: readonly string[];
}

/** A part of an Allow's resources: one Resource pattern, or everything except some patterns (NotResource / absent). */
export type ResourcePart = { readonly kind: 'pattern'; readonly pattern: string } | { readonly kind: 'cofinite'; readonly excluded: readonly string[] };

export interface CompiledStatement {
  readonly ref: StatementRef;
  readonly effect: 'Allow' | 'Deny';
  /** null for identity policies (the principal is the holder). */
  readonly principals: readonly PrincipalAtom[] | null;
  readonly notPrincipal: boolean;
  /** Lower-cased action patterns. */
  readonly actions: PatternSet;
  /** null when the statement has neither Resource nor NotResource (trust policies): every resource. */
  readonly resources: PatternSet | null;
  readonly conditions: readonly CompiledClause[];
  /** Principals as written, for reports. */
  readonly principalsWritten: readonly string[];
  /** Action / NotAction patterns as written (same order as `actions.patterns`), for reports. */
  readonly actionsWritten: readonly string[];
  /** Services the Action patterns can name; null when any (NotAction, `*`, a wildcard service). */
  readonly actionServices: readonly string[] | null;
  /** The resource parts Deny subtraction works on (one per Resource pattern, or one co-finite part). */
  readonly resourceParts: readonly ResourcePart[];
}

export interface CompiledPolicy {
  readonly kind: PolicyKind;
  /** Policy variables are substituted only under 2012-10-17 (spec §1.6). */
  readonly variables: boolean;
  readonly statements: readonly CompiledStatement[];
  readonly allows: readonly CompiledStatement[];
  readonly denies: readonly CompiledStatement[];
}

const NEGATED_BASES = new Set([
  'stringnotequals', 'stringnotequalsignorecase', 'stringnotlike', 'numericnotequals', 'datenotequals', 'notipaddress',
  'arnnotequals', 'arnnotlike',
]);

const ACCOUNT_ID = /^\d{12}$/;
const IAM_ARN = /^arn:[^:]+:(?:iam|sts)::(\d{12}):(.+)$/;

const awsAtom = (value: string): PrincipalAtom => {
  if (value === '*') return { type: 'any', written: value };
  if (hasWildcard(value)) return { type: 'aws-wildcard', written: value };
  if (ACCOUNT_ID.test(value)) return { type: 'account', account: value, written: value };
  const arn = IAM_ARN.exec(value);
  if (arn) {
    return arn[2] === 'root'
      ? { type: 'account', account: arn[1], written: value }
      : { type: 'aws-arn', account: arn[1], arn: value, written: value };
  }
  return { type: 'aws-opaque', written: value };
};

export const principalAtoms = (set: PrincipalSet): PrincipalAtom[] => {
  const atoms: PrincipalAtom[] = [];
  for (const value of set.aws) atoms.push(awsAtom(value));
  for (const value of set.service) {
    atoms.push(hasWildcard(value) ? { type: 'service-wildcard', written: value } : { type: 'service', name: value.toLowerCase(), written: value });
  }
  for (const value of set.federated) atoms.push({ type: 'federated', name: value, written: value });
  for (const value of set.canonicalUser) {
    atoms.push(hasWildcard(value) ? { type: 'canonical-wildcard', written: value } : { type: 'canonical', id: value, written: value });
  }
  return atoms;
};

const writtenPrincipals = (set: PrincipalSet): string[] => [...set.aws, ...set.service, ...set.federated, ...set.canonicalUser];

export const compileClause = (clause: ConditionClause): CompiledClause => {
  const parts = splitOperator(clause.operator);
  // parsePolicy already rejected unknown operators; this guards hand-built ParsedPolicy objects.
  if (!parts) throw new PolicyParseError(`unknown condition operator "${clause.operator}"`);
  return {
    operator: clause.operator,
    base: parts.base,
    set: parts.set,
    ifExists: parts.ifExists,
    negated: NEGATED_BASES.has(parts.base),
    key: clause.key.toLowerCase(),
    keyWritten: clause.key,
    values: clause.values,
  };
};

const servicesOf = (set: PatternSet): readonly string[] | null => {
  if (set.negated) return null;
  const services: string[] = [];
  for (const p of set.patterns) {
    const colon = p.indexOf(':');
    if (colon < 0) return null;
    const service = p.slice(0, colon);
    if (service.includes('*') || service.includes('?')) return null;
    if (!services.includes(service)) services.push(service);
  }
  return services;
};

const EVERYTHING: readonly ResourcePart[] = [{ kind: 'cofinite', excluded: [] }];

const partsOf = (resources: PatternSet | null): readonly ResourcePart[] => {
  if (!resources) return EVERYTHING;
  return resources.negated ? [{ kind: 'cofinite', excluded: resources.patterns }] : resources.patterns.map((pattern) => ({ kind: 'pattern', pattern }));
};

const NO_STRINGS: readonly string[] = [];
const NO_CLAUSES: readonly CompiledClause[] = [];

const RESOURCE_KINDS_NEEDING_RESOURCE: readonly PolicyKind[] = ['identity-policy', 'bucket-policy'];

const compileStatement = (statement: ParsedStatement, kind: PolicyKind): CompiledStatement => {
  const at = (): string => (statement.sid ? `Statement[${statement.index}] (Sid "${statement.sid}")` : `Statement[${statement.index}]`);
  const hasPrincipal = statement.principal !== undefined || statement.notPrincipal !== undefined;
  if (kind === 'identity-policy' && hasPrincipal) {
    throw new PolicyParseError(`${at()}: an identity policy cannot have ${statement.principal ? 'Principal' : 'NotPrincipal'}`);
  }
  if (kind !== 'identity-policy' && !hasPrincipal) throw new PolicyParseError(`${at()}: a ${kind} statement needs Principal or NotPrincipal`);
  if (RESOURCE_KINDS_NEEDING_RESOURCE.includes(kind) && !statement.resources && !statement.notResources) {
    throw new PolicyParseError(`${at()}: a ${kind} statement needs Resource or NotResource`);
  }
  const ref: StatementRef = statement.sid === undefined ? { index: statement.index } : { index: statement.index, sid: statement.sid };
  let principals: PrincipalAtom[] | null = null;
  let principalsWritten: readonly string[] = NO_STRINGS;
  if (statement.principal) {
    principals = principalAtoms(statement.principal);
    principalsWritten = writtenPrincipals(statement.principal);
  } else if (statement.notPrincipal) {
    principalsWritten = writtenPrincipals(statement.notPrincipal);
    principals = statement.effect === 'Allow' ? [{ type: 'not-principal', written: `NotPrincipal ${principalsWritten.join(', ')}`, excluded: principalAtoms(statement.notPrincipal) }] : principalAtoms(statement.notPrincipal);
  }
  const actions: PatternSet = statement.actions
    ? { negated: false, patterns: statement.actions.map((a) => a.toLowerCase()) }
    : { negated: true, patterns: (statement.notActions ?? []).map((a) => a.toLowerCase()) };
  const resources: PatternSet | null = statement.resources
    ? { negated: false, patterns: statement.resources }
    : statement.notResources
      ? { negated: true, patterns: statement.notResources }
      : null;
  return {
    ref,
    effect: statement.effect,
    principals,
    notPrincipal: statement.notPrincipal !== undefined,
    actions,
    resources,
    conditions: statement.conditions.length ? statement.conditions.map(compileClause) : NO_CLAUSES,
    principalsWritten,
    actionsWritten: statement.actions ?? statement.notActions ?? [],
    actionServices: servicesOf(actions),
    resourceParts: partsOf(resources),
  };
};

export const compilePolicy = (parsed: ParsedPolicy, kind: PolicyKind): CompiledPolicy => {
  const statements = parsed.statements.map((s) => compileStatement(s, kind));
  return {
    kind,
    variables: parsed.version === '2012-10-17',
    statements,
    allows: statements.filter((s) => s.effect === 'Allow'),
    denies: statements.filter((s) => s.effect === 'Deny'),
  };
};

/** An action pattern naming every action: `*` (or `*:*`, since every action has a service prefix). */
export const isUniversalAction = (pattern: string): boolean => {
  if (isAllStars(pattern)) return true;
  const colon = pattern.indexOf(':');
  return colon > 0 && isAllStars(pattern.slice(0, colon)) && isAllStars(pattern.slice(colon + 1));
};

/** `*` present in Action: the statement's action set is universal. */
export const actionsUniversal = (set: PatternSet): boolean => !set.negated && set.patterns.some(isUniversalAction);

/** A resource pattern that matches every resource. */
export const isUniversalResource = (pattern: string): boolean => {
  if (isAllStars(pattern)) return true;
  // arn:*, arn:aws:*, arn:*:*:*:*:* … match every ARN of the partition.
  if (!pattern.startsWith('arn:')) return false;
  const rest = pattern.slice(4).split(':');
  const last = rest[rest.length - 1];
  if (!isAllStars(last)) return false;
  return rest.slice(0, -1).every((segment, i) => isAllStars(segment) || (i === 0 && segment === 'aws'));
};

/** The written spelling of a lower-cased action item of the statement (queries keep their lower-cased form). */
export const writtenAction = (statement: CompiledStatement, item: string): string => {
  const at = statement.actions.patterns.indexOf(item);
  return at >= 0 ? statement.actionsWritten[at] : item;
};

export const refOf = (statement: CompiledStatement): StatementRef => statement.ref;

export const describeRef = (ref: StatementRef): string => (ref.sid ? `statement ${ref.index} (${ref.sid})` : `statement ${ref.index}`);
