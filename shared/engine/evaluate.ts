import type { Check, Observation, ResourceRef, Rule, RuleContext, Verdict } from '../core';
import type { ResourceKind } from '../resources/types';
import type { DetectionRule } from '../rules/types';

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

/**
 * Runs every rule of the observation's kind. A deleted resource passes every rule (resolving open findings); a rule whose
 * declared reads were denied, or that throws, gives ERROR — never PASS.
 */
export const evaluateObservation = (obs: Observation, rules: readonly Rule[], kind: ResourceKind | undefined, ctx: RuleContext): Verdict[] => {
  const applicable = rules.filter((rule) => rule.kind === obs.ref.kind);
  if (obs.state === 'gone') {
    return applicable.map((rule) =>
      toVerdict(rule, obs.ref, kind, { status: 'PASS', message: `${obs.ref.id} no longer exists`, evidence: [{ message: 'resource deleted' }] }, obs, { resourceGone: true }),
    );
  }
  return applicable.map((rule) => {
    const denied = rule.reads.filter((action) => obs.denied.includes(action));
    if (denied.length > 0) {
      // On a Config snapshot a "denied" read is data Config does not record: say so rather than blame permissions.
      const why = obs.source === 'config' ? `not recorded by AWS Config, needs a live read (${denied.join(', ')})` : `access denied to ${denied.join(', ')}`;
      return toVerdict(rule, obs.ref, kind, errorCheck(`could not evaluate ${obs.ref.id}: ${why}`), obs, {
        status: 'ERROR',
        evidence: [{ message: 'read denied', value: denied }],
      });
    }
    try {
      return toVerdict(rule, obs.ref, kind, rule.evaluate(obs.config, ctx, obs.ref), obs);
    } catch (error) {
      return toVerdict(rule, obs.ref, kind, errorCheck(`rule ${rule.id} could not evaluate ${obs.ref.id}: ${(error as Error).message}`), obs, { status: 'ERROR' });
    }
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
