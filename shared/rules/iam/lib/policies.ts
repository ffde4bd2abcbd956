import type { Evidence, ResourceRef, RuleContext, StatementRef } from '../../../core';
import { analyzePolicy, type Grant, type Judgement, type PolicyContext, type PolicyVerdicts } from '../../../policy';
import type { AttachedPolicy, IamPrincipalSnapshot, InlinePolicy } from '../../../resources/iam/types';
import { WELL_KNOWN_AWS_POLICIES } from './well-known';

export const policyContext = (ctx: RuleContext, ref: ResourceRef, resourceArn?: string): PolicyContext => ({
  accountId: ref.accountId,
  orgId: ctx.orgId,
  trustedAccountIds: ctx.params.trustedAccountIds,
  resourceArn: resourceArn ?? ref.arn,
});

/** A policy document of a principal, with where it sits in the snapshot and a label a person can read. */
export interface PolicySource {
  readonly label: string;
  /** Path of the document in the snapshot, e.g. `inlinePolicies[admin].document`. */
  readonly field: string;
  /** Name (inline) or ARN (managed). */
  readonly policy: string;
  /** Group the policy reaches a user through. */
  readonly viaGroup?: string;
  /** Canonical JSON text; for AWS-managed policies whose document the source lacks, the well-known document if any. */
  readonly document: string;
  /** True when `document` is Vigil's copy of a well-known AWS-managed policy (AWS Config does not record them). */
  readonly byName: boolean;
}

export interface PolicySources {
  readonly sources: readonly PolicySource[];
  /** Policies whose document is unknown (not in the snapshot and not well known): the verdict cannot be complete. */
  readonly unknown: readonly string[];
}

const managedLabel = (a: AttachedPolicy) => `${a.awsManaged ? 'AWS-managed' : 'customer-managed'} policy ${a.name}`;

/** The document of an attached policy, or Vigil's copy of a well-known AWS-managed one; `undefined` = benign by name; `null` = unknown. */
export const attachedDocument = (a: AttachedPolicy): { document: string; byName: boolean } | undefined | null => {
  if (a.document !== null) return { document: a.document, byName: false };
  if (!a.awsManaged) return null;
  const known = WELL_KNOWN_AWS_POLICIES[a.arn.slice(a.arn.lastIndexOf('/') + 1)];
  if (!known) return null;
  return known.document ? { document: known.document, byName: true } : undefined;
};

const inlineSource = (p: InlinePolicy, prefix: string, viaGroup?: string): PolicySource | null =>
  p.document === null
    ? null
    : {
        label: viaGroup ? `inline policy ${p.name} of group ${viaGroup}` : `inline policy ${p.name}`,
        field: `${prefix}inlinePolicies[${p.name}].document`,
        policy: p.name,
        viaGroup,
        document: p.document,
        byName: false,
      };

/**
 * Every policy that applies to a principal: its inline and attached policies and, for a user, those of its groups.
 * `inlineOnly` keeps the principal's own inline policies (the Prowler / KMS.2 inline-policy rules).
 */
export const principalPolicies = (principal: IamPrincipalSnapshot, options: { inlineOnly?: boolean } = {}): PolicySources => {
  const sources: PolicySource[] = [];
  const unknown: string[] = [];
  const addInline = (list: readonly InlinePolicy[], prefix: string, viaGroup?: string) => {
    for (const p of list) {
      const source = inlineSource(p, prefix, viaGroup);
      if (source) sources.push(source);
      else unknown.push(viaGroup ? `inline policy ${p.name} of group ${viaGroup}` : `inline policy ${p.name}`);
    }
  };
  const addAttached = (list: readonly AttachedPolicy[], prefix: string, viaGroup?: string) => {
    for (const a of list) {
      const found = attachedDocument(a);
      const label = viaGroup ? `${managedLabel(a)} of group ${viaGroup}` : managedLabel(a);
      if (found === undefined) continue;
      if (found === null) unknown.push(label);
      else sources.push({ label, field: `${prefix}attachedPolicies[${a.arn}].document`, policy: a.arn, viaGroup, document: found.document, byName: found.byName });
    }
  };
  addInline(principal.inlinePolicies, '');
  if (options.inlineOnly) return { sources, unknown };
  addAttached(principal.attachedPolicies, '');
  if (principal.type === 'user') {
    for (const group of principal.groups) {
      if (!group.recorded) {
        unknown.push(`policies of group ${group.name}`);
        continue;
      }
      addInline(group.inlinePolicies, `groups[${group.name}].`, group.name);
      addAttached(group.attachedPolicies, `groups[${group.name}].`, group.name);
    }
  }
  return { sources, unknown };
};

interface Origin {
  readonly source: PolicySource;
  readonly ref: StatementRef;
}

/**
 * One identity-policy document holding the statements of several policies. IAM unions a principal's policies (an
 * explicit Deny in any of them wins), so the engine judges the union as one document; each merged statement maps
 * back to its policy and index for the evidence.
 */
export const mergeDocuments = (sources: readonly PolicySource[]): { document: string; origins: readonly Origin[] } => {
  const statements: unknown[] = [];
  const origins: Origin[] = [];
  for (const source of sources) {
    let parsed: { Statement?: unknown } | null = null;
    try {
      parsed = JSON.parse(source.document) as { Statement?: unknown };
    } catch {
      parsed = null;
    }
    const own = parsed?.Statement === undefined ? [] : Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
    own.forEach((statement, index) => {
      statements.push(statement);
      const sid = (statement as { Sid?: unknown })?.Sid;
      origins.push({ source, ref: { index, ...(typeof sid === 'string' && sid ? { sid } : {}) } });
    });
  }
  return { document: JSON.stringify({ Version: '2012-10-17', Statement: statements }), origins };
};

/** Judges the union of a principal's policies; evidence per deciding policy. */
export const judgeUnion = (
  sources: readonly PolicySource[],
  ctx: PolicyContext,
): { verdicts: PolicyVerdicts; evidenceOf: (judgement: Judgement, what: string) => Evidence[] } => {
  const { document, origins } = mergeDocuments(sources);
  const verdicts = analyzePolicy('identity-policy', document, ctx);
  const evidenceOf = (judgement: Judgement, what: string): Evidence[] => {
    const byPolicy = new Map<PolicySource, StatementRef[]>();
    for (const s of judgement.statements) {
      const origin = origins[s.index];
      if (!origin) continue;
      byPolicy.set(origin.source, [...(byPolicy.get(origin.source) ?? []), origin.ref]);
    }
    return [...byPolicy.entries()].map(([source, statements]) => ({
      message: `${source.label}: ${statementList(statements)} ${what}${source.byName ? ' (document known by name: not recorded by AWS Config)' : ''}`,
      field: source.field,
      statements,
      value: { policy: source.policy, ...(source.viaGroup ? { viaGroup: source.viaGroup } : {}), reasons: judgement.reasons },
    }));
  };
  return { verdicts, evidenceOf };
};

export const statementList = (statements: readonly StatementRef[]): string =>
  statements.map((s) => (s.sid ? `statement ${s.index} (${s.sid})` : `statement ${s.index}`)).join(', ');

/** Evidence for grants found in one policy document. */
export const grantEvidence = (label: string, field: string, policy: string, grants: readonly Grant[], what: string): Evidence => ({
  message: `${label}: ${statementList(grants.map((g) => g.statement))} ${what}`,
  field,
  statements: grants.map((g) => g.statement),
  value: { policy, actions: [...new Set(grants.flatMap((g) => g.actions))], reasons: grants.map((g) => g.reason) },
});
