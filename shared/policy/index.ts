/**
 * The IAM policy analysis engine (spec: docs/spec/iam-semantics.md). Every policy judgment in Vigil goes through here.
 * Its public API: rules, the CLI and the bench code against these signatures; the implementation lives beside this file.
 */
import type { StatementRef } from '../core';

export type PolicyKind =
  | 'bucket-policy'
  | 'identity-policy'
  | 'trust-policy'
  | 'lambda-resource-policy'
  | 'api-resource-policy'
  | 'table-resource-policy';

export interface PolicyContext {
  /** The account that owns the resource or identity. */
  readonly accountId: string;
  readonly orgId?: string;
  /** Accounts treated as our own (catalogue `trustedAccountIds`). */
  readonly trustedAccountIds?: readonly string[];
  /** ARN of the resource the policy is attached to (bucket ARN for tlsEnforced), when known. */
  readonly resourceArn?: string;
  /**
   * Service principals that never count as confused deputies (spec §8 caveat: a product setting).
   * @default - in trust policies ec2.amazonaws.com, lambda.amazonaws.com and ecs-tasks.amazonaws.com; elsewhere none
   */
  readonly confusedDeputyExemptServices?: readonly string[];
  /**
   * Privilege-escalation catalogue (spec §7.2): `default` = methods 1–28 and 30; `extended` adds 31–37.
   * @default 'default'
   */
  readonly privescMethods?: 'default' | 'extended';
}

export interface Judgement {
  readonly value: boolean;
  /** The statements that decide the verdict (index in the Statement array, and Sid). */
  readonly statements: readonly StatementRef[];
  /** One-line reasons a person can read. */
  readonly reasons: readonly string[];
}

export interface PolicyVerdicts {
  readonly public: Judgement;
  readonly crossAccount: Judgement & {
    readonly scope: 'none' | 'org' | 'external' | 'public' | 'unknown';
    readonly accounts: readonly string[];
    readonly orgs: readonly string[];
  };
  readonly admin: Judgement;
  readonly privesc: Judgement & { readonly methods: readonly { readonly name: string; readonly actions: readonly string[] }[] };
  readonly confusedDeputy: Judgement;
  readonly tlsEnforced: Judgement;
}

/** An Allow statement (after unconditional Deny subtraction) that grants some of the asked-for actions. */
export interface Grant {
  readonly statement: StatementRef;
  /** The asked-for actions (or patterns) that the statement grants. */
  readonly actions: readonly string[];
  /** Principals of the statement as written (`*`, account ids, ARNs, service names). */
  readonly principals: readonly string[];
  readonly reason: string;
  /** allowStatements only: the statement carries a Condition (the grant holds in some request contexts). */
  readonly conditional?: boolean;
}

export {
  analyzePolicy,
  publicGrants,
  externalGrants,
  allowStatements,
  parsePolicy,
  decodePolicyDocument,
  actionMatches,
  resourceMatches,
  arnLikeMatches,
  POLICY_KINDS,
  isPolicyKind,
} from './engine';
export type { ParsedPolicy, ParsedStatement, ConditionClause, PrincipalSet } from './engine';
export { accessLevel, catalogueAction, catalogueVersion, expandActionPattern } from './catalogue';
export type { CatalogueAction } from './catalogue';
export { DEFAULT_PRIVESC_METHODS, EXTENDED_PRIVESC_METHODS } from './privesc-methods';
export type { PrivescMethod } from './privesc-methods';
export { DEFAULT_CONFUSED_DEPUTY_EXEMPT_SERVICES } from './verdicts/confused-deputy';
