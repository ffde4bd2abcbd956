// PLACEHOLDER until the policy-engine work lands: signatures only.
import { PolicyParseError } from '../core';
import type { Grant, PolicyContext, PolicyKind, PolicyVerdicts } from './index';

export interface PrincipalSet {
  /** `"*"` or `{"AWS":"*"}` (all principals, anonymous included). */
  readonly any: boolean;
  readonly aws: readonly string[];
  readonly service: readonly string[];
  readonly federated: readonly string[];
  readonly canonicalUser: readonly string[];
}
export interface ConditionClause {
  /** Operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  /** Key as written (compare case-insensitively). */
  readonly key: string;
  /** Values as strings (`false` ≡ `"false"`). */
  readonly values: readonly string[];
}
export interface ParsedStatement {
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly principal?: PrincipalSet;
  readonly notPrincipal?: PrincipalSet;
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources?: readonly string[];
  readonly notResources?: readonly string[];
  readonly conditions: readonly ConditionClause[];
}
export interface ParsedPolicy {
  readonly version?: string;
  readonly statements: readonly ParsedStatement[];
}

const todo = (): never => {
  throw new PolicyParseError('policy engine not implemented yet');
};
/** Parses a document given as an object, JSON text or URL-encoded JSON text. Throws PolicyParseError naming the problem. */
export const parsePolicy = (_document: unknown): ParsedPolicy => todo();
/** URL-decodes (when encoded) and JSON-parses a policy document as IAM returns it. */
export const decodePolicyDocument = (_text: string): unknown => todo();
/** Case-insensitive glob match of an action pattern (`*`, `?`) against an action, in linear time. */
export const actionMatches = (_pattern: string, _action: string): boolean => todo();
/** The six verdicts with deciding statements and reasons. */
export const analyzePolicy = (_kind: PolicyKind, _document: unknown, _ctx: PolicyContext): PolicyVerdicts => todo();
/** Public Allow grants (no trusted restriction, after Deny subtraction) of any of `actions`. */
export const publicGrants = (_kind: PolicyKind, _document: unknown, _ctx: PolicyContext, _actions: readonly string[]): Grant[] => todo();
/** Grants to principals outside ctx.accountId and trustedAccountIds (public included) without a restriction, of any of `actions` (omitted = any action). */
export const externalGrants = (_kind: PolicyKind, _document: unknown, _ctx: PolicyContext, _actions?: readonly string[]): Grant[] => todo();
/** Identity policies: Allow statements (after unconditional Deny subtraction) granting any of `actions` on a resource pattern covering `resource` (default `*`). */
export const allowStatements = (_document: unknown, _query: { readonly actions: readonly string[]; readonly resource?: string }): Grant[] => todo();
