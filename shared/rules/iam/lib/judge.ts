import type { Check, Evidence, ResourceRef, RuleContext } from '../../../core';
import { analyzePolicy, type Grant, type Judgement, type PolicyVerdicts } from '../../../policy';
import { fail, pass } from '../../define-rule';
import { grantEvidence, policyContext, statementList } from './policies';
import type { CheckedDocument } from './scope';

/** Evidence of one engine judgement on one document. */
export const judgementEvidence = (doc: CheckedDocument, judgement: Judgement, what: string, extra: Record<string, unknown> = {}): Evidence => ({
  message: `${doc.label}: ${statementList(judgement.statements)} ${what}`,
  field: doc.field,
  statements: judgement.statements,
  value: { policy: doc.policy, reasons: judgement.reasons, ...extra },
});

/**
 * Runs an engine verdict over each document; FAIL names every document and deciding statement.
 * `subject` names the resource in the messages ("policy X", "role Y").
 */
export const failOnVerdict = (
  docs: readonly CheckedDocument[],
  ctx: RuleContext,
  ref: ResourceRef,
  pick: (verdicts: PolicyVerdicts) => Judgement,
  texts: { subject: string; bad: string; good: string },
  extra: (verdicts: PolicyVerdicts) => Record<string, unknown> = () => ({}),
): Check => {
  const evidence: Evidence[] = [];
  for (const doc of docs) {
    const verdicts = analyzePolicy('identity-policy', doc.document, policyContext(ctx, ref));
    const judgement = pick(verdicts);
    if (judgement.value) evidence.push(judgementEvidence(doc, judgement, texts.bad, extra(verdicts)));
  }
  return evidence.length > 0 ? fail(`${texts.subject} ${texts.bad}`, evidence) : pass(`${texts.subject} ${texts.good}`);
};

/** FAIL when `grantsOf` finds grants in any document. */
export const failOnGrants = (
  docs: readonly CheckedDocument[],
  grantsOf: (doc: CheckedDocument) => readonly Grant[],
  texts: { subject: string; bad: string; good: string },
): Check => {
  const evidence: Evidence[] = [];
  for (const doc of docs) {
    const grants = grantsOf(doc);
    if (grants.length > 0) evidence.push(grantEvidence(doc.label, doc.field, doc.policy, grants, texts.bad));
  }
  return evidence.length > 0 ? fail(`${texts.subject} ${texts.bad}`, evidence) : pass(`${texts.subject} ${texts.good}`);
};

/** The principal itself: without it the snapshot is empty (the engine gives ERROR instead of evaluating nothing). */
export const PRINCIPAL_READS = ['iam:GetUser', 'iam:GetRole', 'iam:GetGroup'] as const;

export const INLINE_POLICY_READS = [
  ...PRINCIPAL_READS,
  'iam:ListUserPolicies',
  'iam:GetUserPolicy',
  'iam:ListRolePolicies',
  'iam:GetRolePolicy',
  'iam:ListGroupPolicies',
  'iam:GetGroupPolicy',
] as const;

export const MANAGED_POLICY_READS = ['iam:GetPolicy', 'iam:GetPolicyVersion'] as const;

export const ATTACHED_POLICY_READS = [
  ...PRINCIPAL_READS,
  'iam:ListAttachedUserPolicies',
  'iam:ListAttachedRolePolicies',
  'iam:ListAttachedGroupPolicies',
] as const;
