import type { Evidence } from '../core';
import { describeUnattributed, Transition, transitionOf } from '../findings';
import type { Finding } from '../findings';
import { isCoveredByBaseline } from './baseline';
import { asciiLine, clipText, htmlSafeJson, multiLine, singleLine } from './sanitize';
import { ALERT_ATTRIBUTE_NAMES } from './types';
import type { AlertAttribute, AlertAttributeName, AlertBody, AlertMessage } from './types';

/** SNS requires a subject under 100 characters. */
export const MAX_SUBJECT_CHARS = 99;
/**
 * Bounds of the two bodies. The SNS envelope carries the text twice and the JSON five times (see publishAlert),
 * JSON-escaped, and must stay under 256 KB.
 */
export const MAX_TEXT_CHARS = 16_000;
export const MAX_JSON_CHARS = 24_000;
const MAX_EVIDENCE_SHOWN = 10;
const MAX_VALUE_CHARS = 200;

const HEADLINES: Record<Transition, (f: Finding, resource: string, title: string) => string> = {
  NEW: (_f, resource, title) => `New finding: ${resource} does not meet "${title}".`,
  REGRESSED: (_f, resource, title) => `Regression: ${resource} no longer meets "${title}" (the finding had been resolved).`,
  RESOLVED: (f, resource, title) =>
    f.resolvedBy === 'RESOURCE_DELETED'
      ? `Resolved: ${resource} was deleted.`
      : f.resolvedBy === 'NOT_APPLICABLE'
        ? `Resolved: "${title}" no longer applies to ${resource}.`
        : `Resolved: ${resource} now meets "${title}".`,
  SUPPRESSED: (f, resource) => `Suppressed: the finding on ${resource} is accepted until ${singleLine(f.suppression?.expiresAt, 40)}.`,
  UNSUPPRESSED: (f, resource) => `Suppression lifted: the finding on ${resource} is ${f.status} again.`,
  SUPPRESSION_EXPIRED: (_f, resource, title) => `Suppression expired: ${resource} still does not meet "${title}".`,
  EVALUATION_ERROR: (_f, resource, title) => `Vigil could not evaluate "${title}" on ${resource}.`,
  EVALUATION_RECOVERED: (_f, resource, title) => `Evaluation recovered: ${resource} meets "${title}".`,
  RECURRED: (_f, resource, title) => `Again: "${title}" was triggered by ${resource} after a quiet period (the finding is still open).`,
};

/** Transitions after which the resource fails and someone has to act: the alert says how to fix it. */
const NEEDS_FIX: ReadonlySet<Transition> = new Set([Transition.NEW, Transition.REGRESSED, Transition.SUPPRESSION_EXPIRED, Transition.UNSUPPRESSED, Transition.RECURRED]);

/** `[CRITICAL] NEW s3-bucket-public-read: my-bucket`; the resource part is cut first, the whole never exceeds 99 characters. */
export const alertSubject = (transition: Transition, finding: Pick<Finding, 'severity' | 'ruleId' | 'resourceId'>): string => {
  const prefix = asciiLine(`[${finding.severity}] ${transition} ${finding.ruleId}: `, MAX_SUBJECT_CHARS);
  const room = MAX_SUBJECT_CHARS - prefix.length - 1; // asciiLine trims the prefix's trailing space
  const resource = asciiLine(finding.resourceId, Number.MAX_SAFE_INTEGER) || '(unnamed)';
  if (room < 8) return asciiLine(`${prefix} ${resource}`, MAX_SUBJECT_CHARS); // absurdly long rule id: cut the whole line
  return `${prefix} ${resource.length <= room ? resource : `${resource.slice(0, room - 3)}...`}`;
};

const attribute = (value: unknown): AlertAttribute => ({ DataType: 'String', StringValue: singleLine(value, 256) || 'unknown' });

const evidenceLine = (item: Evidence): string => {
  const parts = [singleLine(item.field, 120), singleLine(item.message, 500)].filter((p) => p !== '');
  const statements = (item.statements ?? [])
    .slice(0, 5)
    .map((s) => (s.sid ? `#${s.index} (${singleLine(s.sid, 60)})` : `#${s.index}`))
    .join(', ');
  let line = parts.join(': ') || '(no message)';
  if (statements) line += ` [statements ${statements}]`;
  if (item.value !== undefined) line += ` value: ${singleLine(JSON.stringify(item.value), MAX_VALUE_CHARS)}`;
  return line;
};

const section = (title: string, lines: readonly string[]): string[] =>
  lines.length === 0 ? [] : ['', title, ...lines.map((l) => (l === '' ? '' : `  ${l}`))];

const labelled = (pairs: readonly (readonly [string, string | undefined])[]): string[] => {
  const shown = pairs.filter((pair): pair is readonly [string, string] => pair[1] !== undefined && pair[1] !== '');
  const width = Math.max(0, ...shown.map(([label]) => label.length)) + 2;
  return shown.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`);
};

/** Who made the change: the attributed principal; else why nobody is named (never the caller of a later change). */
const changedBy = (finding: Finding): string => {
  const actor = finding.actor;
  if (actor?.principalArn !== undefined) return `${singleLine(actor.principalArn, 512)}${actor.principalType ? ` (${singleLine(actor.principalType, 64)})` : ''}`;
  if (finding.unattributed) return singleLine(describeUnattributed(finding.unattributed), 300);
  return 'unknown (no API call recorded; found by a scan or Config)';
};

const renderText = (transition: Transition, finding: Finding, previousStatus: string | undefined): string => {
  const resource = singleLine(finding.resourceId, 256) || '(unnamed resource)';
  const title = singleLine(finding.title, 200);
  const actor = finding.actor;
  const evidence = finding.evidence.slice(0, MAX_EVIDENCE_SHOWN).map((item) => `- ${evidenceLine(item)}`);
  if (finding.evidence.length > MAX_EVIDENCE_SHOWN) evidence.push(`(${finding.evidence.length - MAX_EVIDENCE_SHOWN} more evidence items: vigil findings show ${finding.findingId})`);
  const remediation = finding.remediation;
  const lines = [
    HEADLINES[transition](finding, resource, title),
    '',
    ...labelled([
      ['Rule', `${singleLine(finding.ruleId, 120)} (${finding.severity})`],
      ['Status', previousStatus ? `${previousStatus} -> ${finding.status}` : finding.status],
      ['Resource', `${singleLine(finding.resourceType, 120)} ${resource}`],
      ['ARN', singleLine(finding.resourceArn, 512)],
      ['Account', `${singleLine(finding.accountId, 32)}, Region ${singleLine(finding.region, 32)}`],
    ]),
    ...section('What', [singleLine(finding.message, 1_000)]),
    ...section('Why it matters', multiLine(finding.rationale, 1_000, 10)),
    ...section('Evidence', evidence),
    ...(finding.suppression
      ? section('Suppression', labelled([
          ['Owner', singleLine(finding.suppression.owner, 256)],
          ['Reason', singleLine(finding.suppression.reason, 1_024)],
          ['Expires', singleLine(finding.suppression.expiresAt, 40)],
          ['By', finding.suppression.by === undefined ? undefined : singleLine(finding.suppression.by, 256)],
          ['At', singleLine(finding.suppression.at, 40)],
        ]))
      : []),
    ...(finding.lastError
      ? section('Evaluation error', labelled([
          ['Message', singleLine(finding.lastError.message, 1_000)],
          ['Observed at', singleLine(finding.lastError.observedAt, 40)],
        ]))
      : []),
    ...section('Who and when', labelled([
      ['Changed by', changedBy(finding)],
      ['Event', actor?.eventName === undefined ? undefined : `${singleLine(actor.eventName, 128)}${actor.eventSource ? ` (${singleLine(actor.eventSource, 128)})` : ''}`],
      ['Event time', actor?.eventTime === undefined ? undefined : singleLine(actor.eventTime, 40)],
      ['Event id', actor?.eventId === undefined ? undefined : singleLine(actor.eventId, 128)],
      ['Source IP', actor?.sourceIp === undefined ? undefined : singleLine(actor.sourceIp, 128)],
      ['User agent', actor?.userAgent === undefined ? undefined : singleLine(actor.userAgent, 200)],
      ['Observed at', `${singleLine(finding.observedAt, 40)} (${singleLine(finding.source, 16)})`],
      ['Detected at', singleLine(finding.detectedAt, 40)],
      ['First seen', finding.firstSeenAt === undefined ? undefined : singleLine(finding.firstSeenAt, 40)],
      ['Resolved at', finding.resolvedAt === undefined ? undefined : singleLine(finding.resolvedAt, 40)],
    ])),
    ...(NEEDS_FIX.has(transition) && finding.status === 'OPEN'
      ? section('How to fix', [
          ...multiLine(remediation.text, 1_000, 20),
          ...(remediation.cli ? ['', 'CLI:', ...multiLine(remediation.cli, 2_000, 20).map((l) => `  ${l}`)] : []),
          ...(remediation.url ? [`More: ${singleLine(remediation.url, 512)}`] : []),
        ])
      : []),
    '',
    ...labelled([
      ['Finding id', finding.findingId],
      ['Details', `vigil findings show ${finding.findingId}`],
    ]),
  ];
  return clipText(`${lines.join('\n')}\n`, MAX_TEXT_CHARS, `\n… (truncated: vigil findings show ${finding.findingId})\n`);
};

const bodyOf = (transition: Transition, finding: Finding, previousStatus: Finding['status'] | undefined, evidence: readonly Evidence[]): AlertBody => ({
  schema: 'vigil.alert/v1',
  transition,
  ...(previousStatus === undefined ? {} : { previousStatus }),
  finding: {
    findingId: finding.findingId,
    ruleId: finding.ruleId,
    title: finding.title,
    severity: finding.severity,
    status: finding.status,
    resource: {
      type: finding.resourceType,
      kind: finding.resourceKind,
      id: finding.resourceId,
      arn: finding.resourceArn,
      accountId: finding.accountId,
      region: finding.region,
    },
    message: finding.message,
    evidence,
    remediation: finding.remediation,
    ...(finding.rationale === undefined ? {} : { rationale: finding.rationale }),
    ...(finding.firstSeenAt === undefined ? {} : { firstSeenAt: finding.firstSeenAt }),
    ...(finding.lastSeenAt === undefined ? {} : { lastSeenAt: finding.lastSeenAt }),
    ...(finding.resolvedAt === undefined ? {} : { resolvedAt: finding.resolvedAt }),
    ...(finding.resolvedBy === undefined ? {} : { resolvedBy: finding.resolvedBy }),
    observedAt: finding.observedAt,
    detectedAt: finding.detectedAt,
    lastEvaluatedAt: finding.lastEvaluatedAt,
    ...(finding.actor === undefined ? {} : { actor: finding.actor }),
    ...(finding.unattributed === undefined ? {} : { unattributed: finding.unattributed }),
    ...(finding.lastError === undefined ? {} : { lastError: finding.lastError }),
    ...(finding.suppression === undefined ? {} : { suppression: finding.suppression }),
    version: finding.version,
  },
});

/** The JSON body within MAX_JSON_CHARS: evidence values go first, then the evidence, then long strings are cut. */
const boundedJson = (transition: Transition, finding: Finding, previousStatus: Finding['status'] | undefined): { body: AlertBody; json: string } => {
  const attempts: (() => AlertBody)[] = [
    () => bodyOf(transition, finding, previousStatus, finding.evidence),
    () => bodyOf(transition, finding, previousStatus, finding.evidence.slice(0, MAX_EVIDENCE_SHOWN).map(({ value: _value, ...rest }) => rest)),
    () => bodyOf(transition, finding, previousStatus, [{ message: `evidence omitted (too large): vigil findings show ${finding.findingId}` }]),
  ];
  for (const attempt of attempts) {
    const body = attempt();
    const json = htmlSafeJson(body);
    if (json.length <= MAX_JSON_CHARS) return { body, json };
  }
  // Only hostile-length strings are left: cut every string.
  const cut = JSON.parse(JSON.stringify(attempts[2]!(), (_k, v: unknown) => (typeof v === 'string' ? clipText(v, 512) : v))) as AlertBody;
  return { body: cut, json: htmlSafeJson(cut) };
};

/**
 * Renders the alert of one transition of a finding (the finding as it is after the transition). The previous
 * status comes from `previous` (the old image) or else from the finding's last history entry.
 */
export const renderAlert = (transition: Transition, finding: Finding, previous?: Finding): AlertMessage => {
  const last = finding.history.at(-1);
  const previousStatus =
    previous?.status ?? (last !== undefined && last.to === finding.status && last.transition === transition ? last.from : undefined);
  const { body, json } = boundedJson(transition, finding, previousStatus);
  const values: Record<AlertAttributeName, unknown> = {
    severity: finding.severity,
    ruleId: finding.ruleId,
    resourceType: finding.resourceType,
    accountId: finding.accountId,
    region: finding.region,
    transition,
    status: finding.status,
  };
  const attributes = Object.fromEntries(ALERT_ATTRIBUTE_NAMES.map((name) => [name, attribute(values[name])])) as Record<AlertAttributeName, AlertAttribute>;
  return { subject: alertSubject(transition, finding), text: renderText(transition, finding, previousStatus), json, body, attributes };
};

/**
 * The alert for a change between two images of a finding, or undefined when the status did not change, or when the
 * first-run baseline's summary announces it (see isCoveredByBaseline).
 */
export const alertFromImages = (oldImage?: Finding, newImage?: Finding): AlertMessage | undefined => {
  const transition = transitionOf(oldImage, newImage);
  if (transition === undefined || newImage === undefined || isCoveredByBaseline(transition, newImage)) return undefined;
  return renderAlert(transition, newImage, oldImage);
};
