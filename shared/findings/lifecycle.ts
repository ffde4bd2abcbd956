import { ConfigError, FindingStatus, VigilError, severityRank } from '../core';
import type { Evidence, Severity, Verdict } from '../core';
import { attributionOf } from './attribution';
import { findingIdOf } from './id';
import type {
  ConclusiveResult,
  Finding,
  HistoryEntry,
  LastError,
  LifecycleContext,
  ResolvedBy,
  Suppression,
  SuppressionInput,
} from './types';
import { Transition } from './types';

// The lifecycle is pure: (stored item, verdict, context) → next item. The store adds I/O and concurrency control;
// the notifier only compares images (transitionOf). Nothing here reads the clock: `now` is passed in.

/** Transitions kept on a finding (oldest dropped first). */
export const HISTORY_LIMIT = 20;
/** Evidence items kept on a finding; a marker item says how many more there were. */
export const MAX_EVIDENCE_ITEMS = 25;
const MAX_MESSAGE_CHARS = 2_000;
const MAX_FIELD_CHARS = 256;
const MAX_STATEMENTS = 50;
/** Larger evidence values are stored as a truncated JSON preview: a DynamoDB item must stay under 400 KB. */
const MAX_EVIDENCE_VALUE_JSON_CHARS = 4_000;
const MAX_SUPPRESSION_OWNER_CHARS = 256;
const MAX_SUPPRESSION_REASON_CHARS = 1_024;

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Canonical ISO 8601 (`toISOString`): stored times compare correctly as strings, in memory and in DynamoDB conditions. */
export const canonicalTime = (value: string | Date, name: string): string => {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) throw new VigilError(`${name} is not a valid time: '${String(value)}'`);
  return new Date(ms).toISOString();
};

export const severitySortKeyOf = (severity: Severity, at: string): string => `${severityRank(severity)}#${at}`;

/** Evidence as stored: bounded count and sizes, plain JSON values only (no undefined, no class instances). */
export const boundEvidence = (evidence: readonly Evidence[]): Evidence[] => {
  const kept = evidence.slice(0, MAX_EVIDENCE_ITEMS).map((item): Evidence => {
    const bounded: { message: string; field?: string; statements?: Evidence['statements']; value?: unknown } = {
      message: clip(String(item.message ?? ''), MAX_MESSAGE_CHARS),
    };
    if (item.field !== undefined) bounded.field = clip(item.field, MAX_FIELD_CHARS);
    if (item.statements && item.statements.length > 0) {
      bounded.statements = item.statements
        .slice(0, MAX_STATEMENTS)
        .map((s) => (s.sid === undefined ? { index: s.index } : { index: s.index, sid: clip(s.sid, MAX_FIELD_CHARS) }));
    }
    if (item.value !== undefined) {
      const json = safeJson(item.value);
      if (json !== undefined) {
        bounded.value =
          json.length <= MAX_EVIDENCE_VALUE_JSON_CHARS
            ? (JSON.parse(json) as unknown)
            : `${json.slice(0, MAX_EVIDENCE_VALUE_JSON_CHARS)}… (truncated, ${json.length} chars)`;
      }
    }
    return bounded;
  });
  const dropped = evidence.length - kept.length;
  if (dropped > 0) kept.push({ message: `${dropped} more evidence item(s) not stored` });
  return kept;
};

const safeJson = (value: unknown): string | undefined => {
  try {
    return JSON.stringify(value);
  } catch {
    return JSON.stringify(String(value)); // cyclic or BigInt: keep a readable form rather than fail the write
  }
};

/** JSON with object keys sorted and undefined members dropped: compares a stored item with a computed one. */
const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) {
      const member = (v as Record<string, unknown>)[key];
      if (member !== undefined) sorted[key] = member;
    }
    return sorted;
  });

/** Bookkeeping that changes on every write; two items that differ only here carry the same information. */
const sameContent = (a: Finding, b: Finding): boolean => {
  const strip = ({ lastEvaluatedAt: _e, version: _v, detectedAt: _d, actor: _a, unattributed: _u, ...rest }: Finding) => rest;
  return stableJson(strip(a)) === stableJson(strip(b));
};

/**
 * True when the verdict carries an older observation than the stored item (it must not be applied). An ERROR
 * verdict is also stale against a newer recorded error.
 */
export const isStaleVerdict = (stored: Finding, verdict: Pick<Verdict, 'status' | 'observedAt'>): boolean => {
  const observedAt = canonicalTime(verdict.observedAt, 'verdict.observedAt');
  if (observedAt < stored.observedAt) return true;
  return verdict.status === 'ERROR' && stored.lastError !== undefined && observedAt < stored.lastError.observedAt;
};

export const isSuppressionExpired = (suppression: Suppression | undefined, now: Date): boolean =>
  suppression === undefined || Date.parse(suppression.expiresAt) <= now.getTime();

const appendHistory = (history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] =>
  [...history, entry].slice(-HISTORY_LIMIT);

const historyEntry = (
  at: string,
  from: FindingStatus | undefined,
  to: FindingStatus,
  transition: Transition,
  cause: { eventId?: string | undefined; by?: string | undefined; baselineId?: string | undefined } = {},
): HistoryEntry => ({
  at,
  ...(from === undefined ? {} : { from }),
  to,
  transition,
  ...(cause.eventId === undefined ? {} : { eventId: cause.eventId }),
  ...(cause.by === undefined ? {} : { by: cause.by }),
  ...(cause.baselineId === undefined ? {} : { baselineId: cause.baselineId }),
});

/** The fields every write refreshes from the verdict (the rule's metadata may change between deployments). */
const describedBy = (verdict: Verdict, rationale: string | undefined) => ({
  findingId: findingIdOf(verdict.ruleId, verdict.resourceArn),
  ruleId: verdict.ruleId,
  title: verdict.title,
  severity: verdict.severity,
  resourceType: verdict.resourceType,
  resourceKind: verdict.resourceKind,
  resourceId: verdict.resourceId,
  resourceArn: verdict.resourceArn,
  accountId: verdict.accountId,
  region: verdict.region,
  remediation: { ...verdict.remediation },
  ...(rationale === undefined ? {} : { rationale }),
});

/**
 * The item to write after `verdict`, or undefined when there is nothing to write: PASS/N/A with no stored finding,
 * a verdict older than the stored observation (see isStaleVerdict), or a duplicate of the stored observation.
 *
 * - FAIL, no finding → OPEN (NEW). FAIL while OPEN → OPEN, refreshing lastSeenAt/observedAt/evidence (no transition).
 * - PASS or NOT_APPLICABLE or `ctx.gone` while OPEN → RESOLVED. While RESOLVED, FAIL → OPEN (REGRESSED).
 * - SUPPRESSED: FAIL before the expiry keeps it SUPPRESSED; FAIL at/after `suppression.expiresAt` (compared with
 *   `ctx.now`) → OPEN (SUPPRESSION_EXPIRED); PASS/N/A/gone → RESOLVED (the suppression ends).
 * - INSUFFICIENT_DATA verdict (an input the source did not tell): nothing is written, whatever the stored state.
 * - ERROR verdict: recorded in lastError/lastEvaluatedAt, never changes an existing finding's status and never
 *   advances observedAt; with no finding it creates one with status ERROR (EVALUATION_ERROR).
 * - A finding with status ERROR: FAIL → OPEN (NEW), PASS/N/A/gone → RESOLVED (EVALUATION_RECOVERED).
 * Actor and detectedAt are replaced only on a transition: they describe the change that led to the current status. The
 * actor is kept only when the observation was read at or after its event and no later event is recorded on the finding;
 * otherwise the transition says why it names nobody (`unattributed`).
 */
/** Quiet time after which an event detection on an open finding alerts again (a burst alerts once). */
export const RECUR_AFTER_MS = 24 * 60 * 60 * 1000;

export const nextFinding = (old: Finding | undefined, verdict: Verdict, ctx: LifecycleContext): Finding | undefined => {
  const verdictRationale = (verdict as Verdict & { readonly rationale?: unknown }).rationale;
  const rationale = ctx.rationale ?? (typeof verdictRationale === 'string' ? verdictRationale : undefined) ?? old?.rationale;
  const described = describedBy(verdict, rationale === undefined ? undefined : clip(rationale, MAX_MESSAGE_CHARS));
  if (old !== undefined && old.findingId !== described.findingId) {
    throw new VigilError(`verdict for ${described.findingId} applied to finding ${old.findingId}`);
  }
  // INSUFFICIENT_DATA is not a finding state: it never opens, resolves, records an error nor alerts.
  if (verdict.status === 'INSUFFICIENT_DATA') return undefined;
  if (old !== undefined && isStaleVerdict(old, verdict)) return undefined;
  const next = verdict.status === 'ERROR' ? nextOnError(old, verdict, ctx, described) : nextOnResult(old, verdict, ctx, described);
  if (next === undefined || old === undefined) return next;
  return next.status === old.status && sameContent(next, old) ? undefined : next;
};

type Described = ReturnType<typeof describedBy>;

const nextOnError = (old: Finding | undefined, verdict: Verdict, ctx: LifecycleContext, described: Described): Finding => {
  const now = ctx.now.toISOString();
  const observedAt = canonicalTime(verdict.observedAt, 'verdict.observedAt');
  const who = attributionOf(observedAt, ctx, old?.actor);
  const lastError: LastError = { message: clip(verdict.message, MAX_MESSAGE_CHARS), observedAt, at: now };
  if (old === undefined) {
    return {
      ...described,
      severitySortKey: severitySortKeyOf(verdict.severity, observedAt),
      status: FindingStatus.ERROR,
      message: lastError.message,
      evidence: [],
      observedAt,
      source: verdict.source,
      detectedAt: canonicalTime(ctx.detectedAt, 'detectedAt'),
      lastEvaluatedAt: now,
      ...who,
      lastError,
      history: [historyEntry(now, undefined, FindingStatus.ERROR, Transition.EVALUATION_ERROR, { eventId: who.actor?.eventId, baselineId: ctx.baselineId })],
      version: 1,
    };
  }
  // Duplicate delivery of the same error: keep the first record (its `at`), so the write is skipped.
  const sameError = old.lastError?.observedAt === observedAt && old.lastError.message === lastError.message;
  return {
    ...old,
    ...described,
    severitySortKey: severitySortKeyOf(verdict.severity, old.lastSeenAt ?? old.observedAt),
    // A finding known only by its errors shows the newest error as its message.
    message: old.status === FindingStatus.ERROR ? lastError.message : old.message,
    lastError: sameError ? old.lastError : lastError,
    lastEvaluatedAt: now,
    version: old.version + 1,
  };
};

/** The resource was deleted: the caller says so (ctx.gone) or the engine marked the verdict (`resourceGone: true`). */
export const isGoneVerdict = (verdict: Verdict, ctx: Pick<LifecycleContext, 'gone'>): boolean =>
  ctx.gone === true || (verdict as Verdict & { readonly resourceGone?: unknown }).resourceGone === true;

const nextOnResult = (old: Finding | undefined, verdict: Verdict, ctx: LifecycleContext, described: Described): Finding | undefined => {
  const now = ctx.now.toISOString();
  const observedAt = canonicalTime(verdict.observedAt, 'verdict.observedAt');
  const gone = isGoneVerdict(verdict, ctx);
  const failing = verdict.status === 'FAIL' && !gone;
  const result: ConclusiveResult = gone ? 'NOT_APPLICABLE' : (verdict.status as ConclusiveResult);
  const resolvedBy: ResolvedBy = gone ? 'RESOURCE_DELETED' : verdict.status === 'NOT_APPLICABLE' ? 'NOT_APPLICABLE' : 'PASS';
  const detectedAt = canonicalTime(ctx.detectedAt, 'detectedAt');
  // Blame only a change the judged state reflects (see attributionOf); applied on transitions only.
  const who = attributionOf(observedAt, ctx, old?.actor);
  const evidence = boundEvidence(verdict.evidence);
  const message = clip(verdict.message, MAX_MESSAGE_CHARS);

  if (old === undefined) {
    if (!failing) return undefined; // nothing to remember about a resource that never failed
    return {
      ...described,
      severitySortKey: severitySortKeyOf(verdict.severity, observedAt),
      status: FindingStatus.OPEN,
      message,
      evidence,
      firstSeenAt: observedAt,
      lastSeenAt: observedAt,
      observedAt,
      source: verdict.source,
      detectedAt,
      lastEvaluatedAt: now,
      lastResult: result,
      ...who,
      history: [historyEntry(now, undefined, FindingStatus.OPEN, Transition.NEW, { eventId: who.actor?.eventId, baselineId: ctx.baselineId })],
      version: 1,
    };
  }

  let status: FindingStatus = old.status;
  let transition: Transition | undefined;
  switch (old.status) {
    case FindingStatus.OPEN:
      if (!failing) [status, transition] = [FindingStatus.RESOLVED, Transition.RESOLVED];
      // Detections never resolve: a new occurrence after a quiet period alerts again (root used today, and again next week).
      else if (verdict.source === 'event' && old.lastSeenAt !== undefined && Date.parse(observedAt) - Date.parse(old.lastSeenAt) >= RECUR_AFTER_MS) {
        transition = Transition.RECURRED;
      }
      break;
    case FindingStatus.RESOLVED:
      if (failing) [status, transition] = [FindingStatus.OPEN, Transition.REGRESSED];
      break;
    case FindingStatus.SUPPRESSED:
      if (!failing) [status, transition] = [FindingStatus.RESOLVED, Transition.RESOLVED];
      else if (isSuppressionExpired(old.suppression, ctx.now)) [status, transition] = [FindingStatus.OPEN, Transition.SUPPRESSION_EXPIRED];
      break;
    case FindingStatus.ERROR:
      [status, transition] = failing ? [FindingStatus.OPEN, Transition.NEW] : [FindingStatus.RESOLVED, Transition.EVALUATION_RECOVERED];
      break;
  }

  const lastSeenAt = failing ? observedAt : old.lastSeenAt;
  const firstSeenAt = old.firstSeenAt ?? (failing ? observedAt : undefined);
  const resolved = status === FindingStatus.RESOLVED;
  // A newer recorded error stays: the newest attempt still could not run.
  const keepError = old.lastError !== undefined && old.lastError.observedAt > observedAt;
  const {
    suppression: _suppression,
    resolvedAt: _resolvedAt,
    resolvedBy: _resolvedBy,
    lastError: _lastError,
    actor: _actor,
    unattributed: _unattributed,
    firstSeenAt: _firstSeenAt,
    lastSeenAt: _lastSeenAt,
    ...kept
  } = old;
  return {
    ...kept,
    ...described,
    severitySortKey: severitySortKeyOf(verdict.severity, lastSeenAt ?? observedAt),
    status,
    message,
    evidence,
    ...(firstSeenAt === undefined ? {} : { firstSeenAt }),
    ...(lastSeenAt === undefined ? {} : { lastSeenAt }),
    ...(resolved ? { resolvedAt: transition ? observedAt : (old.resolvedAt ?? observedAt), resolvedBy } : {}),
    observedAt,
    source: verdict.source,
    detectedAt: transition ? detectedAt : old.detectedAt,
    lastEvaluatedAt: now,
    lastResult: result,
    ...(transition ? who : { ...(old.actor === undefined ? {} : { actor: old.actor }), ...(old.unattributed === undefined ? {} : { unattributed: old.unattributed }) }),
    ...(keepError ? { lastError: old.lastError } : {}),
    ...(status === FindingStatus.SUPPRESSED && old.suppression !== undefined ? { suppression: old.suppression } : {}),
    history: transition
      ? appendHistory(old.history, historyEntry(now, old.status, status, transition, { eventId: who.actor?.eventId, baselineId: transition === Transition.NEW ? ctx.baselineId : undefined }))
      : old.history,
    version: old.version + 1,
  };
};

/** Checks an operator's suppression request; the messages name the problem and the fix. */
export const validateSuppression = (input: SuppressionInput, now: Date): Suppression => {
  const owner = typeof input.owner === 'string' ? input.owner.trim() : '';
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (owner === '') throw new ConfigError('a suppression needs an owner (the team or person accountable for the accepted risk)');
  if (reason === '') throw new ConfigError('a suppression needs a reason (why the finding is accepted)');
  if (owner.length > MAX_SUPPRESSION_OWNER_CHARS) throw new ConfigError(`the suppression owner is longer than ${MAX_SUPPRESSION_OWNER_CHARS} characters`);
  if (reason.length > MAX_SUPPRESSION_REASON_CHARS) throw new ConfigError(`the suppression reason is longer than ${MAX_SUPPRESSION_REASON_CHARS} characters`);
  const rawExpiry = input.expiresAt as unknown;
  if (rawExpiry === undefined || rawExpiry === null || rawExpiry === '') {
    throw new ConfigError('a suppression needs an expiry (expiresAt, ISO 8601, e.g. 2026-12-31T00:00:00Z)');
  }
  const expiryMs = rawExpiry instanceof Date ? rawExpiry.getTime() : typeof rawExpiry === 'string' ? Date.parse(rawExpiry) : Number.NaN;
  if (Number.isNaN(expiryMs)) {
    throw new ConfigError(`the suppression expiry '${String(rawExpiry)}' is not a valid date (use ISO 8601, e.g. 2026-12-31T00:00:00Z)`);
  }
  if (expiryMs <= now.getTime()) {
    throw new ConfigError(`the suppression expiry ${new Date(expiryMs).toISOString()} is in the past (now is ${now.toISOString()})`);
  }
  const by = typeof input.by === 'string' && input.by.trim() !== '' ? clip(input.by.trim(), MAX_SUPPRESSION_OWNER_CHARS) : undefined;
  return { owner, reason, expiresAt: new Date(expiryMs).toISOString(), ...(by === undefined ? {} : { by }), at: now.toISOString() };
};

/** The finding suppressed (or its suppression replaced, without transition when it already was suppressed). Throws ConfigError. */
export const suppressFinding = (old: Finding, input: SuppressionInput, now: Date): Finding => {
  const suppression = validateSuppression(input, now);
  const at = now.toISOString();
  const entering = old.status !== FindingStatus.SUPPRESSED;
  return {
    ...old,
    status: FindingStatus.SUPPRESSED,
    suppression,
    history: entering ? appendHistory(old.history, historyEntry(at, old.status, FindingStatus.SUPPRESSED, Transition.SUPPRESSED, { by: suppression.by })) : old.history,
    version: old.version + 1,
  };
};

/**
 * The finding with its suppression lifted, or undefined when it is not suppressed. It falls back to the status its
 * last conclusive result implies: FAIL → OPEN, PASS/N/A → RESOLVED, none (only errors) → ERROR.
 */
export const unsuppressFinding = (old: Finding, now: Date, by?: string): Finding | undefined => {
  if (old.status !== FindingStatus.SUPPRESSED) return undefined;
  const status: FindingStatus =
    old.lastResult === 'FAIL' ? FindingStatus.OPEN : old.lastResult === undefined ? FindingStatus.ERROR : FindingStatus.RESOLVED;
  const { suppression: _suppression, resolvedAt: _resolvedAt, resolvedBy: _resolvedBy, ...kept } = old;
  const resolvedBy: ResolvedBy = old.resolvedBy ?? (old.lastResult === 'NOT_APPLICABLE' ? 'NOT_APPLICABLE' : 'PASS');
  return {
    ...kept,
    status,
    ...(status === FindingStatus.RESOLVED ? { resolvedAt: old.resolvedAt ?? old.observedAt, resolvedBy } : {}),
    history: appendHistory(old.history, historyEntry(now.toISOString(), old.status, status, Transition.UNSUPPRESSED, { by: by?.trim() || undefined })),
    version: old.version + 1,
  };
};

/**
 * The transition between two images of one finding (a stream record's old and new image, or a store write), or
 * undefined when the status did not change (no alert). The history entry the write appended names the transition
 * where the status pair is ambiguous (SUPPRESSED → OPEN: expired or lifted by an operator); without one, the
 * status pair decides.
 */
export const transitionOf = (oldImage?: Finding, newImage?: Finding): Transition | undefined => {
  if (newImage === undefined) return undefined; // deleted item: nothing to announce
  const last = newImage.history.at(-1);
  // A recurrence keeps the status: it is announced by the new history entry it appended.
  if (oldImage !== undefined && oldImage.version < newImage.version && last?.transition === Transition.RECURRED && newImage.history.length > 0) {
    const previous = oldImage.history.at(-1);
    if (previous === undefined || previous.at !== last.at || previous.transition !== last.transition) return Transition.RECURRED;
  }
  if (oldImage !== undefined && (oldImage.status === newImage.status || oldImage.version >= newImage.version)) return undefined;
  const from = oldImage?.status;
  if (last !== undefined && last.to === newImage.status && last.from === from) return last.transition;
  switch (newImage.status) {
    case FindingStatus.OPEN:
      if (from === FindingStatus.RESOLVED) return Transition.REGRESSED;
      return from === FindingStatus.SUPPRESSED ? Transition.SUPPRESSION_EXPIRED : Transition.NEW;
    case FindingStatus.RESOLVED:
      if (from === undefined) return undefined; // never announced as failing
      return from === FindingStatus.ERROR ? Transition.EVALUATION_RECOVERED : Transition.RESOLVED;
    case FindingStatus.SUPPRESSED:
      return Transition.SUPPRESSED;
    case FindingStatus.ERROR:
      return from === FindingStatus.SUPPRESSED ? Transition.UNSUPPRESSED : from === undefined ? Transition.EVALUATION_ERROR : undefined;
  }
  return undefined;
};
