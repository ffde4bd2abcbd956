/**
 * (d) PRIVILEGE ESCALATION — spec §7.2: some method of the catalogue has every action effectively allowed: granted by an
 * Allow (conditions ignored) on a resource scope that can hold a privileged target, and not covered by an
 * unconditional Deny on that scope.
 */
import { catalogueAction, type CatalogueAction } from '../catalogue';
import { arnComponents, globMatch, globsIntersect, hasWildcard, isAllStars } from '../match';
import type { CompiledPolicy, CompiledStatement, PatternSet } from '../model';
import { CREDENTIAL_ACTIONS, DEFAULT_PRIVESC_METHODS, type PrivescMethod } from '../privesc-methods';
import { actionSetGrants, denyResourcesCover, setCoversPattern, type ResourcePart } from '../sets';
import { statementLabel } from './common';

/** `…:user/${aws:username}` (any path): the caller's own user, once variables are substituted. */
const isSelfScoped = (pattern: string, variables: boolean): boolean => {
  if (!variables) return false;
  const lower = pattern.toLowerCase();
  const at = lower.lastIndexOf(':user/');
  if (at < 0) return false;
  const rest = lower.slice(at + ':user/'.length);
  return rest === '${aws:username}' || rest.endsWith('/${aws:username}');
};

/** Whether a resource part can contain a privileged target of the action (spec §7.2). */
const partAdmits = (part: ResourcePart, action: string, info: CatalogueAction | undefined, variables: boolean): boolean => {
  // Resource "*" or NotResource: yes (spec §7.2; a NotResource that happens to exclude every target still counts).
  if (part.kind === 'cofinite') return true;
  const pattern = part.pattern;
  if (isAllStars(pattern)) return true;
  if (CREDENTIAL_ACTIONS.has(action) && isSelfScoped(pattern, variables)) return false;
  if (!info) return true;
  const shape = patternShape(pattern);
  // AWS managed policies (account "aws") cannot be changed by anyone's CreatePolicyVersion / SetDefaultPolicyVersion.
  if (info.service === 'iam' && shape.awsManaged) return false;
  // Wildcard-only actions are granted only by a Resource of "*".
  if (info.resourceGlobs.length === 0) return globMatch(pattern, '*');
  const service = shape.service;
  for (let i = 0; i < info.resourceGlobs.length; i += 1) {
    if ((service === null || service === info.resourceServices[i]) && globsIntersect(pattern, info.resourceGlobs[i])) return true;
  }
  return false;
};

interface PatternShape {
  /** The service segment when it and everything before it are literal (a quick reject), else null. */
  readonly service: string | null;
  /** The account segment is `aws`: an AWS managed policy. */
  readonly awsManaged: boolean;
}

const shapeCache = new Map<string, PatternShape>();
const patternShape = (pattern: string): PatternShape => {
  let shape = shapeCache.get(pattern);
  if (!shape) {
    if (shapeCache.size > 10_000) shapeCache.clear();
    const parts = arnComponents(pattern);
    const literal = parts.length >= 4 && parts[0] === 'arn' && !hasWildcard(parts[1]) && !hasWildcard(parts[2]);
    shape = { service: literal ? parts[2] : null, awsManaged: parts[4] === 'aws' };
    shapeCache.set(pattern, shape);
  }
  return shape;
};

/** An unconditional Deny covers the part, or every resource type of the action the part can reach. */
const denyCoversScope = (deny: PatternSet | null, part: ResourcePart, info: CatalogueAction | undefined): boolean => {
  if (denyResourcesCover(deny, part)) return true;
  if (!deny || !info || info.resourceGlobsAws.length === 0) return false;
  const reachable = part.kind === 'pattern' ? info.resourceGlobsAws.filter((t) => globsIntersect(part.pattern, t)) : info.resourceGlobsAws;
  return reachable.length > 0 && reachable.every((t) => setCoversPattern(deny, t));
};

const mayName = (statement: CompiledStatement, service: string): boolean => statement.actionServices === null || statement.actionServices.includes(service);

/** A Deny covers the action as `allow` grants it: the action itself, or every pattern of the Allow that names it. */
const denyCoversAction = (deny: CompiledStatement, allow: CompiledStatement, action: string): boolean => {
  if (setCoversPattern(deny.actions, action)) return true;
  if (allow.actions.negated) return false;
  let meeting = 0;
  for (const p of allow.actions.patterns) {
    if (!globsIntersect(p, action)) continue;
    meeting += 1;
    if (!setCoversPattern(deny.actions, p)) return false;
  }
  return meeting > 0;
};

/** The Allow statements that effectively allow `action` (lower-cased), empty when none. Allocation-free loops: this runs ~45 times per policy. */
/** A method action with what the hot loop needs, prepared once. */
interface PreparedAction {
  readonly written: string;
  /** Lower-cased. */
  readonly action: string;
  readonly service: string;
  readonly info: CatalogueAction | undefined;
}

const prepared = new Map<string, PreparedAction>();
const prepare = (written: string): PreparedAction => {
  let found = prepared.get(written);
  if (!found) {
    const action = written.toLowerCase();
    found = { written, action, service: action.slice(0, action.indexOf(':')), info: catalogueAction(action) };
    prepared.set(written, found);
  }
  return found;
};

export const statementsAllowing = (policy: CompiledPolicy, target: PreparedAction | string, denies: readonly CompiledStatement[]): CompiledStatement[] => {
  const { action, service, info } = typeof target === 'string' ? prepare(target) : target;
  const result: CompiledStatement[] = [];
  for (const allow of policy.allows) {
    if (!mayName(allow, service) || !actionSetGrants(allow.actions, action)) continue;
    let open = false;
    for (const part of allow.resourceParts) {
      if (!partAdmits(part, action, info, policy.variables)) continue;
      let denied = false;
      for (const deny of denies) {
        if (mayName(deny, service) && denyCoversAction(deny, allow, action) && denyCoversScope(deny.resources, part, info)) {
          denied = true;
          break;
        }
      }
      if (!denied) {
        open = true;
        break;
      }
    }
    if (open) result.push(allow);
  }
  return result;
};

export interface PrivescMatch {
  readonly name: string;
  readonly actions: readonly string[];
  readonly statements: readonly CompiledStatement[];
}

export const privescAnalysis = (policy: CompiledPolicy, methods: readonly PrivescMethod[] = DEFAULT_PRIVESC_METHODS): PrivescMatch[] => {
  if (policy.kind !== 'identity-policy' || policy.allows.length === 0) return [];
  const denies = policy.denies.filter((d) => d.conditions.length === 0);
  const memo = new Map<string, CompiledStatement[]>();
  const allowing = (written: string): CompiledStatement[] => {
    let found = memo.get(written);
    if (!found) {
      found = statementsAllowing(policy, prepare(written), denies);
      memo.set(written, found);
    }
    return found;
  };
  const matches: PrivescMatch[] = [];
  for (const method of methods) {
    let actions: string[] | undefined;
    for (const requirement of method.requires) {
      let chosen: string | undefined;
      if (typeof requirement === 'string') chosen = allowing(requirement).length > 0 ? requirement : undefined;
      else for (const option of requirement) if (!chosen && allowing(option).length > 0) chosen = option;
      if (!chosen) {
        actions = undefined;
        break;
      }
      (actions ??= []).push(chosen);
    }
    if (!actions) continue;
    const statements = new Set<CompiledStatement>();
    for (const a of actions) for (const st of allowing(a)) statements.add(st);
    matches.push({ name: method.name, actions, statements: [...statements].sort((a, b) => a.ref.index - b.ref.index) });
  }
  return matches;
};

export const privescReason = (match: PrivescMatch): string =>
  `${match.name}: ${match.actions.join(' + ')} allowed by ${match.statements.map(statementLabel).join(', ')}`;
