/**
 * Deny subtraction (spec §3.1). An Allow is cut into units (one action item × one resource part); for each unit the
 * unconditional Denies that cover its action and resource remove principals, and a Principal-"*" Deny whose only
 * condition is a negated single-key test lends the Allow the matching positive restriction.
 */
import { positiveOfNegatedDeny } from './conditions';
import type { CompiledClause, CompiledPolicy, CompiledStatement, PatternSet, PrincipalAtom } from './model';
import { denyResourcesCover, patternsMeeting, resourceParts, setCoversCofinite, setCoversPattern, type ResourcePart } from './sets';

export interface GrantUnit {
  readonly statement: CompiledStatement;
  /** The asked-for action (lower-cased), the statement's own pattern, or null for a whole NotAction set. */
  readonly action: string | null;
  readonly resource: ResourcePart;
  /** Principals left after Deny subtraction; null for an identity policy's holder. */
  readonly atoms: readonly PrincipalAtom[] | null;
  /** The statement's conditions plus restrictions lent by negated Denies. */
  readonly conditions: readonly CompiledClause[];
  /** The Denies that lent a restriction or removed principals. */
  readonly denies: readonly CompiledStatement[];
}

const atomCoveredBy = (atom: PrincipalAtom, by: readonly PrincipalAtom[]): boolean => {
  switch (atom.type) {
    case 'account':
      return by.some((b) => b.type === 'account' && b.account === atom.account);
    case 'aws-arn':
      return by.some((b) => (b.type === 'account' && b.account === atom.account) || (b.type === 'aws-arn' && b.arn === atom.arn));
    case 'aws-opaque':
      return by.some((b) => b.type === 'aws-opaque' && b.written === atom.written);
    case 'service':
      return by.some((b) => b.type === 'service' && b.name === atom.name);
    case 'federated':
      return by.some((b) => b.type === 'federated' && b.name === atom.name);
    case 'canonical':
      return by.some((b) => b.type === 'canonical' && b.id === atom.id);
    default:
      // "*" and wildcard principals are only removed by a Deny on everyone.
      return false;
  }
};

const AWS_TYPES = new Set(['account', 'aws-arn', 'aws-opaque']);

/** Allow principals ∩ the principals a Deny NotPrincipal spares. */
const intersectWith = (atoms: readonly PrincipalAtom[], spared: readonly PrincipalAtom[]): PrincipalAtom[] => {
  const result: PrincipalAtom[] = [];
  const add = (atom: PrincipalAtom): void => {
    if (!result.includes(atom)) result.push(atom);
  };
  for (const atom of atoms) {
    if (atomCoveredBy(atom, spared)) add(atom);
    else if (atom.type === 'any') spared.forEach(add);
    // Everyone but the excluded ∩ the spared: the spared principals the Allow does not exclude.
    else if (atom.type === 'not-principal') spared.filter((s) => !atomCoveredBy(s, atom.excluded)).forEach(add);
    else if (atom.type === 'aws-wildcard') spared.filter((s) => AWS_TYPES.has(s.type)).forEach(add);
    else if (atom.type === 'service-wildcard') spared.filter((s) => s.type === 'service').forEach(add);
    else if (atom.type === 'canonical-wildcard') spared.filter((s) => s.type === 'canonical').forEach(add);
    else if (atom.type === 'account') spared.filter((s) => s.type === 'aws-arn' && s.account === atom.account).forEach(add);
  }
  return result;
};

const subtract = (atoms: readonly PrincipalAtom[] | null, deny: CompiledStatement): readonly PrincipalAtom[] | null | 'none' => {
  if (!deny.principals) return 'none';
  if (atoms === null) return atoms;
  if (deny.notPrincipal) return intersectWith(atoms, deny.principals);
  if (deny.principals.some((p) => p.type === 'any')) return 'none';
  return atoms.filter((atom) => !atomCoveredBy(atom, deny.principals ?? []));
};

const denyEveryone = (deny: CompiledStatement): boolean => !deny.notPrincipal && (deny.principals?.some((p) => p.type === 'any') ?? false);

/** Whether a Deny covers the action item of a unit (see GrantUnit.action). */
export type ActionCover = (denyActions: PatternSet) => boolean;

/** Units of one Allow for one action item after Deny subtraction; units with no principal left are dropped. */
export const unitsFor = (policy: CompiledPolicy, allow: CompiledStatement, action: string | null, covers: ActionCover): GrantUnit[] => {
  const units: GrantUnit[] = [];
  const applicable = policy.denies.filter((d) => covers(d.actions));
  for (const resource of resourceParts(allow)) {
    let atoms: readonly PrincipalAtom[] | null = allow.principals;
    let removed = false;
    const lent: CompiledClause[] = [];
    const denies: CompiledStatement[] = [];
    for (const deny of applicable) {
      if (!denyResourcesCover(deny.resources, resource)) continue;
      if (deny.conditions.length === 0) {
        const next = subtract(atoms, deny);
        denies.push(deny);
        if (next === 'none' || (next !== null && next.length === 0)) {
          removed = true;
          break;
        }
        atoms = next;
      } else if (denyEveryone(deny)) {
        const positive = positiveOfNegatedDeny(deny.conditions);
        if (positive) {
          lent.push(positive);
          denies.push(deny);
        }
      }
    }
    if (removed) continue;
    units.push({ statement: allow, action, resource, atoms, conditions: lent.length ? [...allow.conditions, ...lent] : allow.conditions, denies });
  }
  return units;
};

/** Action cover for one of the statement's own patterns (or its whole NotAction set when `pattern` is null). */
export const coverOwnPattern = (allow: CompiledStatement, pattern: string | null): ActionCover =>
  pattern === null ? (deny) => setCoversCofinite(deny, allow.actions.patterns) : (deny) => setCoversPattern(deny, pattern);

/** Action cover for an asked-for action: the Deny covers the query, or every pattern of the Allow that meets it. */
export const coverQuery = (allow: CompiledStatement, query: string): ActionCover => {
  const meeting = allow.actions.negated ? [] : patternsMeeting(allow.actions, query);
  return (deny) => setCoversPattern(deny, query) || (meeting.length > 0 && meeting.every((p) => setCoversPattern(deny, p)));
};

/** Units of an Allow over its own action items (each pattern, or the NotAction set as a whole). */
export const ownUnits = (policy: CompiledPolicy, allow: CompiledStatement): GrantUnit[] => {
  if (allow.actions.negated) return unitsFor(policy, allow, null, coverOwnPattern(allow, null));
  return allow.actions.patterns.flatMap((p) => unitsFor(policy, allow, p, coverOwnPattern(allow, p)));
};
