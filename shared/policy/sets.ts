/**
 * Action and resource sets: what an Allow grants, and what a Deny covers (spec §2 "static coverage", §3.1).
 * Grants answer "covered" when unsure; Deny coverage answers "not covered" when unsure.
 */
import { expandActionPattern } from './catalogue';
import { globCovers, globMatch, globsIntersect, isAllStars } from './match';
import type { CompiledStatement, PatternSet, ResourcePart } from './model';

/**
 * Whether an action set (lower-cased patterns) grants some action matching `query` (a lower-cased action or pattern).
 * NotAction grants the query unless its patterns provably cover every action the query can name.
 */
export const actionSetGrants = (set: PatternSet, query: string): boolean => {
  const patterns = set.patterns;
  if (!set.negated) {
    for (let i = 0; i < patterns.length; i += 1) if (globsIntersect(patterns[i], query)) return true;
    return false;
  }
  for (let i = 0; i < patterns.length; i += 1) if (globCovers(patterns[i], query)) return false;
  if (!query.includes('*') && !query.includes('?')) return true;
  const expanded = expandActionPattern(query);
  if (expanded === null || expanded.length === 0) return true;
  return expanded.some((a) => {
    const name = a.action.toLowerCase();
    return !set.patterns.some((n) => globMatch(n, name));
  });
};

/** The patterns of a (non-negated) set that can name something matching `query`. */
export const patternsMeeting = (set: PatternSet, query: string): readonly string[] => set.patterns.filter((p) => globsIntersect(p, query));

/** A Deny's action or resource set covers every string matching `pattern` (case handled by the caller). */
export const setCoversPattern = (deny: PatternSet, pattern: string): boolean =>
  deny.negated ? deny.patterns.every((l) => !globsIntersect(l, pattern)) : deny.patterns.some((d) => globCovers(d, pattern));

/** A Deny's set covers the co-finite set "everything except `excluded`". */
export const setCoversCofinite = (deny: PatternSet, excluded: readonly string[]): boolean =>
  deny.negated ? deny.patterns.every((l) => excluded.some((n) => globCovers(n, l))) : deny.patterns.some(isAllStars);

export type { ResourcePart } from './model';

/** The resource parts of a statement (computed at compile time). */
export const resourceParts = (statement: CompiledStatement): readonly ResourcePart[] => statement.resourceParts;

/** Deny resources (null = the Deny names no resource: all of them) cover a resource part. */
export const denyResourcesCover = (deny: PatternSet | null, part: ResourcePart): boolean => {
  if (!deny) return true;
  return part.kind === 'pattern' ? setCoversPattern(deny, part.pattern) : setCoversCofinite(deny, part.excluded);
};

export const describeResourcePart = (part: ResourcePart): string =>
  part.kind === 'pattern' ? part.pattern : part.excluded.length ? `everything except ${part.excluded.join(', ')}` : '*';
