/**
 * (b) CROSS-ACCOUNT — spec §5. Public is a kind of external access; own-org access (aws:PrincipalOrgID = ctx.orgId)
 * is reported as scope "org" and is not external.
 */
import type { PolicyContext } from '../index';
import { reachLimits } from '../conditions';
import type { CompiledPolicy } from '../model';
import type { GrantUnit } from '../units';
import { ownAccounts, statementLabel, verdictUnits } from './common';
import { publicReasonText, unitPublicReason } from './public';

export type ReachScope = 'none' | 'org' | 'external' | 'public' | 'unknown';

export interface Reach {
  readonly scope: ReachScope;
  readonly accounts: readonly string[];
  readonly orgs: readonly string[];
  readonly reason: string;
}

const RANK: Readonly<Record<ReachScope, number>> = { none: 0, org: 1, unknown: 2, external: 3, public: 4 };

export const isExternalScope = (scope: ReachScope): boolean => scope === 'external' || scope === 'public';

const NONE: Reach = { scope: 'none', accounts: [], orgs: [], reason: '' };

const merge = (a: Reach, b: Reach): Reach => {
  const top = RANK[b.scope] > RANK[a.scope] ? b : a;
  return {
    scope: top.scope,
    accounts: [...new Set([...a.accounts, ...b.accounts])],
    orgs: [...new Set([...a.orgs, ...b.orgs])],
    reason: top.reason,
  };
};

/** How far one unit reaches beyond the owner's account. */
export const unitReach = (unit: GrantUnit, policy: CompiledPolicy, ctx: PolicyContext): Reach => {
  if (!unit.atoms) return NONE;
  const label = statementLabel(unit.statement);
  const publicWhy = unitPublicReason(unit, policy.kind, policy.variables);
  if (publicWhy) return { scope: 'public', accounts: [], orgs: [], reason: publicReasonText(unit, publicWhy) };
  const own = ownAccounts(ctx);
  const limits = reachLimits(unit.conditions, policy.variables);
  const ownOrgOnly = limits.orgs !== null && ctx.orgId !== undefined && limits.orgs.every((o) => o === ctx.orgId);
  let reach = NONE;
  for (const atom of unit.atoms) {
    switch (atom.type) {
      case 'any':
      case 'aws-wildcard':
      case 'not-principal':
      case 'canonical-wildcard': {
        if (limits.accounts !== null) {
          const foreign = limits.accounts.filter((a) => !own.has(a));
          if (foreign.length) reach = merge(reach, { scope: 'external', accounts: foreign, orgs: [], reason: `${label} admits callers of account ${foreign.join(', ')} (condition)` });
        } else if (limits.orgs !== null) {
          const foreignOrgs = ctx.orgId === undefined ? limits.orgs : limits.orgs.filter((o) => o !== ctx.orgId);
          reach = foreignOrgs.length
            ? merge(reach, { scope: 'external', accounts: [], orgs: foreignOrgs, reason: `${label} admits every account of organization ${foreignOrgs.join(', ')}` })
            : merge(reach, { scope: 'org', accounts: [], orgs: limits.orgs, reason: `${label} admits the accounts of the owner's organization ${limits.orgs.join(', ')}` });
        } else if (unit.conditions.some((c) => c.key === 'aws:userid')) {
          reach = merge(reach, { scope: 'unknown', accounts: [], orgs: [], reason: `${label} admits a caller fixed by aws:userid, whose account is not known` });
        } else {
          reach = merge(reach, { scope: 'external', accounts: [], orgs: [], reason: `${label} admits callers of any account; its conditions limit the network or source, not the account` });
        }
        break;
      }
      case 'account':
      case 'aws-arn': {
        if (own.has(atom.account)) break;
        if (limits.accounts !== null && !limits.accounts.includes(atom.account)) break; // unsatisfiable for that account
        if (ownOrgOnly) {
          reach = merge(reach, { scope: 'org', accounts: [], orgs: limits.orgs ?? [], reason: `${label} admits ${atom.written}, limited to the owner's organization` });
        } else {
          reach = merge(reach, { scope: 'external', accounts: [atom.account], orgs: [], reason: `${label} grants access to account ${atom.account} (${atom.written})` });
        }
        break;
      }
      case 'aws-opaque':
      case 'canonical':
        reach = merge(reach, { scope: 'unknown', accounts: [], orgs: [], reason: `${label} names ${atom.written}, whose account cannot be told from the policy` });
        break;
      default:
        // Service and federated principals are not accounts (spec §5): confusedDeputy and public cover them.
        break;
    }
  }
  return reach;
};

export interface CrossAccountResult {
  readonly reach: Reach;
  readonly findings: readonly { readonly statement: GrantUnit['statement']; readonly reason: string; readonly scope: ReachScope }[];
}

export const crossAccountAnalysis = (policy: CompiledPolicy, ctx: PolicyContext): CrossAccountResult => {
  let total = NONE;
  const findings: { statement: GrantUnit['statement']; reason: string; scope: ReachScope }[] = [];
  if (policy.kind === 'identity-policy') return { reach: total, findings };
  for (const allow of policy.allows) {
    let statementReach = NONE;
    for (const unit of verdictUnits(policy, allow)) statementReach = merge(statementReach, unitReach(unit, policy, ctx));
    if (statementReach.scope !== 'none') findings.push({ statement: allow, reason: statementReach.reason, scope: statementReach.scope });
    total = merge(total, statementReach);
  }
  return { reach: total, findings };
};
