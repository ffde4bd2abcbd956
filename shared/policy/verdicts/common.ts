/** Pieces the verdict modules share: assume actions, query items, judgement assembly. */
import type { StatementRef } from '../../core';
import type { PolicyContext } from '../index';
import type { CompiledPolicy, CompiledStatement } from '../model';
import { actionSetGrants } from '../sets';
import { coverQuery, ownUnits, unitsFor, type GrantUnit } from '../units';

/** Statements that grant one of these decide trust-policy verdicts (spec §8). */
export const ASSUME_ACTIONS = ['sts:assumerole', 'sts:assumerolewithwebidentity', 'sts:assumerolewithsaml'] as const;

/** The Allow units a verdict looks at: trust policies only for role assumption, others for every action. */
export const verdictUnits = (policy: CompiledPolicy, allow: CompiledStatement): GrantUnit[] =>
  policy.kind === 'trust-policy' ? queryUnits(policy, allow, ASSUME_ACTIONS) : ownUnits(policy, allow);

/** Units of an Allow for each asked-for action it grants (queries lower-cased). */
export const queryUnits = (policy: CompiledPolicy, allow: CompiledStatement, queries: readonly string[]): GrantUnit[] =>
  queries.filter((q) => actionSetGrants(allow.actions, q)).flatMap((q) => unitsFor(policy, allow, q, coverQuery(allow, q)));

export interface Finding {
  readonly statement: CompiledStatement;
  readonly reason: string;
}

export const uniqueRefs = (findings: readonly { readonly statement: CompiledStatement }[]): StatementRef[] => {
  const seen = new Set<number>();
  const refs: StatementRef[] = [];
  for (const { statement } of findings) {
    if (seen.has(statement.ref.index)) continue;
    seen.add(statement.ref.index);
    refs.push(statement.ref);
  }
  return refs.sort((a, b) => a.index - b.index);
};

export const uniqueReasons = (findings: readonly { readonly reason: string }[]): string[] => [...new Set(findings.map((f) => f.reason))];

export const statementLabel = (statement: CompiledStatement): string =>
  statement.ref.sid ? `Statement ${statement.ref.index} (${statement.ref.sid})` : `Statement ${statement.ref.index}`;

export const ownAccounts = (ctx: PolicyContext): ReadonlySet<string> => new Set([ctx.accountId, ...(ctx.trustedAccountIds ?? [])]);
