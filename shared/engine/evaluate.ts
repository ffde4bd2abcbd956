import type { Check, InputGap, Observation, ResourceRef, Rule, RuleContext, Verdict } from '../core';
import { liveReadHint } from '../resources/gaps';
import type { ResourceKind } from '../resources/types';
import { UnobservedInputError } from '../rules/define-rule';
import type { DetectionRule } from '../rules/types';
import { watchGaps, wholeSnapshotGaps } from './inputs';

const toVerdict = (rule: Pick<Rule, 'id' | 'title' | 'severity' | 'remediation' | 'rationale'>, ref: ResourceRef, kind: ResourceKind | undefined, check: Check, obs: { observedAt: string; source: Verdict['source'] }, extra: Partial<Verdict> = {}): Verdict => ({
  ruleId: rule.id,
  title: rule.title,
  severity: rule.severity,
  status: check.status,
  resourceType: kind?.reportedType ?? ref.kind,
  resourceKind: ref.kind,
  resourceId: ref.id,
  resourceArn: ref.arn,
  accountId: ref.accountId,
  region: ref.region,
  message: check.message,
  evidence: check.evidence,
  remediation: rule.remediation,
  rationale: rule.rationale,
  observedAt: obs.observedAt,
  source: obs.source,
  ...extra,
});

const errorCheck = (message: string): Check => ({ status: 'PASS', message, evidence: [] });

/** The verdict of a rule that read unknown inputs: ERROR when one of their reads failed, else INSUFFICIENT_DATA. */
const unknownInputs = (id: string, gaps: readonly InputGap[]): Partial<Verdict> => {
  const failed = gaps.filter((g) => g.reason === 'failed');
  const shown = failed.length > 0 ? failed : gaps;
  const evidence = shown.map((g) => ({ message: g.detail, field: g.inputs.join(', '), value: { read: g.read, reason: g.reason } }));
  if (failed.length > 0) {
    return { status: 'ERROR', message: `could not evaluate ${id}: ${failed.map((g) => `${g.read} failed (${g.detail})`).join('; ')}`, evidence };
  }
  const reads = [...new Set(gaps.map((g) => g.read))].join(', ');
  const how = [...new Set(gaps.map((g) => g.detail))].join('; ');
  return { status: 'INSUFFICIENT_DATA', message: `${id}: ${gaps.flatMap((g) => g.inputs).join(', ')} not known (${reads}); ${how}`, evidence };
};

/**
 * Runs every rule of the observation's kind. A deleted resource passes every rule (resolving open findings). A rule that
 * reads an input whose read failed gives ERROR; one that reads an input the source did not tell (or says so itself with
 * `unobserved`) gives INSUFFICIENT_DATA; a rule that throws gives ERROR — never PASS.
 */
export const evaluateObservation = (obs: Observation, rules: readonly Rule[], kind: ResourceKind | undefined, ctx: RuleContext): Verdict[] => {
  const applicable = rules.filter((rule) => rule.kind === obs.ref.kind);
  if (obs.state === 'gone') {
    return applicable.map((rule) =>
      toVerdict(rule, obs.ref, kind, { status: 'PASS', message: `${obs.ref.id} no longer exists`, evidence: [{ message: 'resource deleted' }] }, obs, { resourceGone: true }),
    );
  }
  const whole = wholeSnapshotGaps(obs.gaps);
  const watched = watchGaps(obs.config, obs.gaps);
  return applicable.map((rule) => {
    if (whole.length > 0) return toVerdict(rule, obs.ref, kind, errorCheck(''), obs, unknownInputs(obs.ref.id, whole));
    watched.reset();
    let check: Check;
    let thrown: Error | undefined;
    try {
      check = rule.evaluate(watched.config, ctx, obs.ref);
    } catch (error) {
      // A rule may throw anything (even `undefined`): the message is read without assuming an Error.
      thrown = error instanceof Error ? error : new Error(String(error));
      // The rule found an input missing itself: a Config snapshot is told how to get it; a live read says why in the message.
      const how = obs.source === 'config' ? `; ${liveReadHint(kind?.family, obs.ref.region)}` : '';
      check = { status: 'INSUFFICIENT_DATA', message: `${thrown.message}${how}`, evidence: [] };
    }
    // Unknown inputs the rule read decide first (even when it then stumbled on their stand-in values).
    const hits = watched.hits();
    if (hits.length > 0) return toVerdict(rule, obs.ref, kind, check, obs, unknownInputs(obs.ref.id, hits));
    if (thrown && !(thrown instanceof UnobservedInputError)) {
      return toVerdict(rule, obs.ref, kind, errorCheck(`rule ${rule.id} could not evaluate ${obs.ref.id}: ${thrown.message}`), obs, { status: 'ERROR' });
    }
    return toVerdict(rule, obs.ref, kind, check, obs);
  });
};

/** Runs the detections listening to the event's source; each match is a verdict about the resource it names. */
export const evaluateDetections = (
  detail: Parameters<DetectionRule['detect']>[0],
  detections: readonly DetectionRule[],
  kinds: readonly ResourceKind[],
  ctx: RuleContext,
): Verdict[] => {
  const verdicts: Verdict[] = [];
  for (const rule of detections) {
    if (!rule.eventSources.includes('*') && !rule.eventSources.includes(detail.eventSource)) continue;
    try {
      const hit = rule.detect(detail, ctx);
      if (!hit) continue;
      const kind = kinds.find((k) => k.kind === hit.ref.kind);
      verdicts.push(toVerdict(rule, hit.ref, kind, hit.check, { observedAt: detail.eventTime, source: 'event' }));
    } catch {
      // A detection that cannot read the event is skipped: detections are additive and never resolve posture findings.
    }
  }
  return verdicts;
};

/**
 * ERROR verdicts for every rule of a resource that could not be read at all (throttled or failing on the last attempt the
 * queue allows): recorded on the findings, never resolving one.
 */
export const unreadableVerdicts = (ref: ResourceRef, rules: readonly Rule[], kind: ResourceKind | undefined, message: string, observedAt: string): Verdict[] =>
  rules
    .filter((rule) => rule.kind === ref.kind)
    .map((rule) => toVerdict(rule, ref, kind, errorCheck(message), { observedAt, source: 'live' }, { status: 'ERROR', evidence: [{ message: 'read failed' }] }));
