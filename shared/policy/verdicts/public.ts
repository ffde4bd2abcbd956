/**
 * (a) PUBLIC — spec §4.3 (resource policies) and §4.4 (trust policies).
 */
import type { PolicyKind } from '../index';
import { isFixedValue, isPositiveRestrictingOperator, trustedRestriction } from '../conditions';
import { hasWildcard } from '../match';
import { writtenAction, type CompiledClause, type CompiledPolicy, type PrincipalAtom } from '../model';
import type { GrantUnit } from '../units';
import { statementLabel, verdictUnits, type Finding } from './common';

const STRING_BASES = new Set(['stringequals', 'stringequalsignorecase', 'stringlike']);

const isSamlProvider = (name: string): boolean => /^arn:[^:]+:iam::[^:]*:saml-provider\//i.test(name);

/** `arn:…:oidc-provider/token.actions.githubusercontent.com` → `token.actions.githubusercontent.com`; plain names as written. */
export const providerHost = (name: string): string => {
  const marker = name.toLowerCase().indexOf(':oidc-provider/');
  return (marker >= 0 ? name.slice(marker + ':oidc-provider/'.length) : name).toLowerCase();
};

const positiveStringClauses = (conditions: readonly CompiledClause[], key: string): CompiledClause[] =>
  conditions.filter((c) => c.key === key && isPositiveRestrictingOperator(c) && STRING_BASES.has(c.base) && c.values.length > 0);

/** GitHub's `sub`: fixed, or `repo:<org>/<repo>:` fixed with the wildcard only after it (spec §4.4). */
const isScopedGithubSubject = (value: string, variables: boolean): boolean => {
  if (isFixedValue(value, variables)) return true;
  if (variables && value.includes('${')) return false;
  const match = /^repo:([^:/]+)\/([^:]+):/.exec(value);
  if (!match) return false;
  return !hasWildcard(match[0]);
};

/** Subject-like keys that pin a web identity to one user of the provider (spec §4.4 "or an equivalent"). */
const SUBJECT_KEYS: Readonly<Record<string, readonly string[]>> = {
  'graph.facebook.com': ['graph.facebook.com:id'],
  'www.amazon.com': ['www.amazon.com:user_id'],
};

/** Why a Federated principal in a trust policy is public, or null when its conditions pin it (spec §4.4). */
const federatedTrustReason = (name: string, conditions: readonly CompiledClause[], variables: boolean): string | null => {
  if (isSamlProvider(name)) return null;
  const host = providerHost(name);
  if (host === 'cognito-identity.amazonaws.com') {
    const key = 'cognito-identity.amazonaws.com:aud';
    const pinned = positiveStringClauses(conditions, key).some((c) => c.values.every((v) => isFixedValue(v, variables)));
    return pinned ? null : `Federated ${name} without a fixed ${key}: any identity pool's users can assume the role`;
  }
  const subjectKey = `${host}:sub`;
  if (host.startsWith('token.actions.githubusercontent.com')) {
    const scoped = positiveStringClauses(conditions, subjectKey).some((c) => c.values.every((v) => isScopedGithubSubject(v, variables)));
    return scoped ? null : `Federated ${name} without ${subjectKey} fixed to repo:<org>/<repo>: any GitHub workflow can assume the role`;
  }
  const keys = [subjectKey, ...(SUBJECT_KEYS[host] ?? [])];
  const pinned = keys.some((key) => positiveStringClauses(conditions, key).some((c) => c.values.every((v) => isFixedValue(v, variables))));
  return pinned ? null : `Federated ${name} without a fixed ${subjectKey}: any user of the provider can assume the role`;
};

const OPEN_LABEL: Partial<Record<PrincipalAtom['type'], string>> = {
  any: 'everyone ("*")',
  'aws-wildcard': 'a wildcard principal',
  'not-principal': 'everyone but the listed principals (Allow with NotPrincipal)',
  'service-wildcard': 'a wildcard service principal',
  'canonical-wildcard': 'a wildcard canonical user',
};

/** Why one principal of a unit makes it public, or null. */
export const atomPublicReason = (atom: PrincipalAtom, kind: PolicyKind, conditions: readonly CompiledClause[], variables: boolean): string | null => {
  const open = OPEN_LABEL[atom.type];
  if (open) {
    return trustedRestriction(conditions, kind, variables) ? null : `${open}${atom.type === 'aws-wildcard' ? ` ${atom.written}` : ''} with no condition pinning the caller to trusted values`;
  }
  if (atom.type !== 'federated' || kind === 'identity-policy') return null;
  if (kind === 'trust-policy') return federatedTrustReason(atom.name, conditions, variables);
  if (isSamlProvider(atom.name)) return null;
  return trustedRestriction(conditions, kind, variables) ? null : `web-identity provider ${atom.name} (any of its users) with no trusted restriction`;
};

/** Why a unit is public, or null. */
export const unitPublicReason = (unit: GrantUnit, kind: PolicyKind, variables: boolean): string | null => {
  if (!unit.atoms) return null;
  for (const atom of unit.atoms) {
    const reason = atomPublicReason(atom, kind, unit.conditions, variables);
    if (reason) return reason;
  }
  return null;
};

const describeUnit = (unit: GrantUnit): string =>
  unit.action === null ? `every action except ${unit.statement.actionsWritten.join(', ')}` : writtenAction(unit.statement, unit.action);

export const publicReasonText = (unit: GrantUnit, why: string): string => `${statementLabel(unit.statement)} allows ${describeUnit(unit)} to ${why}`;

/** Public findings of the whole policy (any action; trust policies: role assumption). */
export const publicFindings = (policy: CompiledPolicy): Finding[] => {
  const findings: Finding[] = [];
  if (policy.kind === 'identity-policy') return findings;
  for (const allow of policy.allows) {
    for (const unit of verdictUnits(policy, allow)) {
      const why = unitPublicReason(unit, policy.kind, policy.variables);
      if (why) {
        findings.push({ statement: allow, reason: publicReasonText(unit, why) });
        break;
      }
    }
  }
  return findings;
};
