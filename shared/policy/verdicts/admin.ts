/**
 * (c) ADMIN — spec §6: an Allow that is effectively `*` on `*` (conditions ignored), where NotAction / NotResource and
 * unconditional Denies may carve things out as long as every IAM action on every IAM resource stays intact.
 */
import { globCovers, globsIntersect, isAllStars, SEGMENT_RUN } from '../match';
import { isUniversalAction, isUniversalResource, type CompiledPolicy, type CompiledStatement, type PatternSet } from '../model';
import { statementLabel, type Finding } from './common';

/** A removed region: actions × resources (null = everything on that axis). */
interface Region {
  readonly actions: PatternSet | null;
  readonly resources: PatternSet | null;
  readonly source: string;
}

const IAM_ACTIONS = 'iam:*';
const IAM_RESOURCES = `arn:${SEGMENT_RUN}:iam::*`;

const actionsMeetIam = (set: PatternSet | null): boolean => {
  if (!set) return true;
  return set.negated ? !set.patterns.some((n) => globCovers(n, IAM_ACTIONS)) : set.patterns.some((p) => globsIntersect(p, IAM_ACTIONS));
};

// IAM actions also act on "*" (iam:ListRoles, iam:GetAccountSummary …), so a region on "*" touches IAM.
const resourcesMeetIam = (set: PatternSet | null): boolean => {
  if (!set) return true;
  return set.negated
    ? !set.patterns.some((n) => isAllStars(n) || globCovers(n, IAM_RESOURCES))
    : set.patterns.some((p) => isAllStars(p) || globsIntersect(p, IAM_RESOURCES));
};

const everyAction = (set: PatternSet | null): boolean => !set || (!set.negated && set.patterns.some(isUniversalAction));
const everyResource = (set: PatternSet | null): boolean => !set || (!set.negated && set.patterns.some(isUniversalResource));
/** Universal or co-finite. */
const coActions = (set: PatternSet | null): boolean => !set || set.negated || set.patterns.some(isUniversalAction);
const coResources = (set: PatternSet | null): boolean => !set || set.negated || set.patterns.some(isUniversalResource);

/** Why the carve-outs stop `allow` from being admin, or null when it stays admin. */
const carveOutProblem = (allow: CompiledStatement, denies: readonly CompiledStatement[]): string | null => {
  const regions: Region[] = [];
  if (allow.actions.negated) regions.push({ actions: { negated: false, patterns: allow.actions.patterns }, resources: null, source: 'its NotAction' });
  if (allow.resources?.negated) regions.push({ actions: null, resources: { negated: false, patterns: allow.resources.patterns }, source: 'its NotResource' });
  for (const deny of denies) {
    const source = statementLabel(deny);
    if (deny.actions.negated && coResources(deny.resources)) return `${source} denies every action outside its NotAction, leaving a finite set`;
    if (deny.resources?.negated && coActions(deny.actions)) return `${source} denies every resource outside its NotResource, leaving a finite set`;
    regions.push({ actions: deny.actions, resources: deny.resources, source });
  }
  for (const region of regions) {
    if (everyAction(region.actions) && everyResource(region.resources)) return `${region.source} removes everything`;
    if (actionsMeetIam(region.actions) && resourcesMeetIam(region.resources)) return `${region.source} removes IAM actions, so the holder cannot restore the carve-out`;
  }
  return null;
};

export interface AdminResult {
  readonly findings: readonly Finding[];
  /** Why candidate statements were not admin (for the false reasons). */
  readonly dismissed: readonly string[];
}

export const adminAnalysis = (policy: CompiledPolicy): AdminResult => {
  const findings: Finding[] = [];
  const dismissed: string[] = [];
  if (policy.kind !== 'identity-policy') return { findings, dismissed };
  const denies = policy.denies.filter((d) => d.conditions.length === 0);
  for (const allow of policy.allows) {
    if (!coActions(allow.actions) || !coResources(allow.resources)) continue;
    const label = statementLabel(allow);
    const problem = carveOutProblem(allow, denies);
    if (problem) {
      dismissed.push(`${label} is not admin: ${problem}`);
      continue;
    }
    const actions = allow.actions.negated ? `every action except ${allow.actions.patterns.join(', ')}` : '"*"';
    const resources = allow.resources?.negated ? `every resource except ${allow.resources.patterns.join(', ')}` : '"*"';
    findings.push({ statement: allow, reason: `${label} allows ${actions} on ${resources}${allow.conditions.length ? ' (conditions do not limit admin)' : ''}` });
  }
  return { findings, dismissed };
};
