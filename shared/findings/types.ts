import type { Actor, Evidence, FindingStatus, ObservationSource, Remediation, Severity, UnattributedChange, Verdict } from '../core';

/**
 * Why a finding changed state; one alert is sent per transition, never for a write that kept the status.
 *
 * | transition             | from → to                          | cause                                                     |
 * |------------------------|------------------------------------|-----------------------------------------------------------|
 * | NEW                    | (none) or ERROR → OPEN             | first FAIL for this (rule, resource)                      |
 * | REGRESSED              | RESOLVED → OPEN                    | FAIL after the finding had been resolved                  |
 * | RECURRED               | OPEN → OPEN                        | an event detection fires again after RECUR_AFTER_MS quiet |
 * | RESOLVED               | OPEN or SUPPRESSED → RESOLVED      | PASS, NOT_APPLICABLE, or the resource was deleted         |
 * | SUPPRESSED             | any → SUPPRESSED                   | an operator suppressed it (owner, reason, expiry)         |
 * | UNSUPPRESSED           | SUPPRESSED → OPEN/RESOLVED/ERROR   | an operator lifted the suppression                        |
 * | SUPPRESSION_EXPIRED    | SUPPRESSED → OPEN                  | FAIL evaluated at or after the suppression's expiry       |
 * | EVALUATION_ERROR       | (none) → ERROR                     | the rule could not be evaluated and no finding existed    |
 * | EVALUATION_RECOVERED   | ERROR → RESOLVED                   | a finding known only by its error now passes              |
 *
 * An ERROR verdict on an existing OPEN/SUPPRESSED/RESOLVED finding is recorded (`lastError`) without a transition.
 */
export const Transition = {
  NEW: 'NEW',
  REGRESSED: 'REGRESSED',
  RESOLVED: 'RESOLVED',
  SUPPRESSED: 'SUPPRESSED',
  UNSUPPRESSED: 'UNSUPPRESSED',
  SUPPRESSION_EXPIRED: 'SUPPRESSION_EXPIRED',
  EVALUATION_ERROR: 'EVALUATION_ERROR',
  EVALUATION_RECOVERED: 'EVALUATION_RECOVERED',
  /** An event detection (`det-*`) fired again on an open finding after a quiet day: a new occurrence worth an alert. */
  RECURRED: 'RECURRED',
} as const;
export type Transition = (typeof Transition)[keyof typeof Transition];

/** The last conclusive verdict (ERROR is not conclusive): decides the status a lifted suppression falls back to. */
export type ConclusiveResult = 'PASS' | 'FAIL' | 'NOT_APPLICABLE';

/** Why a finding is RESOLVED. */
export type ResolvedBy = 'PASS' | 'NOT_APPLICABLE' | 'RESOURCE_DELETED';

export interface Suppression {
  /** Team or person accountable for the accepted risk. */
  readonly owner: string;
  readonly reason: string;
  /** ISO 8601; a FAIL evaluated at or after it reopens the finding (SUPPRESSION_EXPIRED). */
  readonly expiresAt: string;
  /** Who ran the suppress command (free text, e.g. an IAM ARN or user name), when known. */
  readonly by?: string;
  /** When the suppression was recorded (ISO 8601). */
  readonly at: string;
}

/** One status change; the finding keeps the last HISTORY_LIMIT of them. */
export interface HistoryEntry {
  readonly at: string;
  /** Absent for the first entry of a finding. */
  readonly from?: FindingStatus;
  readonly to: FindingStatus;
  readonly transition: Transition;
  /** CloudTrail event id of the change that caused it, when known. */
  readonly eventId?: string;
  /** Who suppressed or lifted a suppression, when given. */
  readonly by?: string;
  /** The first-run baseline that found it (NEW and EVALUATION_ERROR only): the baseline's summary alert covers it. */
  readonly baselineId?: string;
}

/** The last evaluation that could not run (access denied, throttled past retries). */
export interface LastError {
  readonly message: string;
  /** observedAt of the ERROR verdict: orders errors among themselves. */
  readonly observedAt: string;
  /** When Vigil recorded it (the store's clock). */
  readonly at: string;
}

/**
 * One stored finding per (rule, resource). Plain data: it is the DynamoDB item (via the document client) and
 * the stream image the notifier reads. Times are ISO 8601 strings.
 */
export interface Finding {
  /** `f-` + 20 hex chars of sha256(ruleId + '|' + resourceArn): see findingIdOf. */
  readonly findingId: string;
  readonly ruleId: string;
  /** The rule's title: the good state ("S3 bucket blocks public read access"). */
  readonly title: string;
  readonly severity: Severity;
  /** `${severityRank}#${lastSeenAt ?? observedAt}`: sort key of the byStatus index (most severe, newest first). */
  readonly severitySortKey: string;
  readonly status: FindingStatus;
  /** Type reported in findings (`AWS::S3::Bucket`). */
  readonly resourceType: string;
  /** Snapshot kind (key of RESOURCE_KINDS). */
  readonly resourceKind: string;
  readonly resourceId: string;
  readonly resourceArn: string;
  readonly accountId: string;
  readonly region: string;
  /** Message of the last conclusive verdict (or of the error, for a finding known only by its error). */
  readonly message: string;
  /** Evidence of the last conclusive verdict, bounded in size (see MAX_EVIDENCE_ITEMS). */
  readonly evidence: readonly Evidence[];
  readonly remediation: Remediation;
  /** Why the rule matters (the rule's rationale), when the caller passed it. */
  readonly rationale?: string;
  /** observedAt of the first FAIL; absent while the finding is known only by an evaluation error. */
  readonly firstSeenAt?: string;
  /** observedAt of the last FAIL. */
  readonly lastSeenAt?: string;
  /** observedAt of the observation that resolved it; cleared when it reopens. */
  readonly resolvedAt?: string;
  readonly resolvedBy?: ResolvedBy;
  /**
   * observedAt of the last conclusive observation written (the write condition key: a write carrying an older
   * observation is refused). ERROR verdicts do not advance it, so they never fence out a real observation; for a
   * finding created by an ERROR it is that error's observedAt.
   */
  readonly observedAt: string;
  /** Where the last conclusive observation came from. */
  readonly source: ObservationSource;
  /** When Vigil noticed the change that led to the current status (the caller's detectedAt at that transition). */
  readonly detectedAt: string;
  /** When Vigil last evaluated this (rule, resource), whatever the outcome (the store's clock). */
  readonly lastEvaluatedAt: string;
  /** The last conclusive verdict status; absent while only errors were seen. */
  readonly lastResult?: ConclusiveResult;
  /** Who made the change that led to the current status (CloudTrail), when known; kept on writes without transition. */
  readonly actor?: Actor;
  /** Set instead of `actor` when events were seen but none is reflected by the judged state (never blame a later change). */
  readonly unattributed?: UnattributedChange;
  /** Set while the newest evaluation attempt could not run; cleared by a newer conclusive verdict. */
  readonly lastError?: LastError;
  /** Present exactly while status is SUPPRESSED. */
  readonly suppression?: Suppression;
  /** The last HISTORY_LIMIT transitions, oldest first. */
  readonly history: readonly HistoryEntry[];
  /** Incremented by every write; the optimistic-concurrency token. */
  readonly version: number;
}

/** What the caller knows about an evaluation besides the verdict. */
export interface EvaluationContext {
  /**
   * From the CloudTrail event that triggered the evaluation; absent for sweeps and Config snapshots. Kept on a transition
   * only when the verdict's observation was read at or after the event (see findings/attribution.ts).
   */
  readonly actor?: Actor;
  /** Events were seen, but the judged state predates them: the transition names nobody and says why. */
  readonly unattributed?: UnattributedChange;
  /** When Vigil noticed the change (event receipt or evaluation start), ISO 8601. */
  readonly detectedAt: string;
  /**
   * True when the resource no longer exists. The engine reports a deleted resource as PASS verdicts; this flag (or
   * `resourceGone: true` on the verdict, which the engine sets) makes the resolution read RESOURCE_DELETED. It also
   * wins over a FAIL verdict.
   */
  readonly gone?: boolean;
  /** The rule's rationale, stored on the finding for alerts (a string `rationale` on the verdict is used too). */
  readonly rationale?: string;
  /** The evaluation counts towards this first-run baseline: a finding it creates is announced by the baseline's summary. */
  readonly baselineId?: string;
}

/** EvaluationContext plus the clock (lastEvaluatedAt, suppression expiry): the pure lifecycle's input. */
export interface LifecycleContext extends EvaluationContext {
  readonly now: Date;
}

export interface SuppressionInput {
  readonly owner: string;
  readonly reason: string;
  /** ISO 8601 text or a Date; must lie in the future. */
  readonly expiresAt: string | Date;
  readonly by?: string;
}

export type ReconcileOutcome = 'written' | 'stale' | 'unchanged';

export interface ReconcileResult {
  /**
   * written: the item was changed. stale: the stored observation is newer than this one, nothing written.
   * unchanged: nothing to write (PASS with no finding, a duplicate observation, unsuppress of a finding that is
   * not suppressed).
   */
  readonly outcome: ReconcileOutcome;
  readonly findingId: string;
  /** The item before the write (or the stored item, when nothing was written). */
  readonly old?: Finding;
  /** The item after the write (or the stored item, when nothing was written). */
  readonly current?: Finding;
  /** Set only when outcome is written and the status changed. */
  readonly transition?: Transition;
}

export interface FindingFilter {
  readonly status?: FindingStatus;
  readonly severity?: Severity;
  /** This severity and above. */
  readonly minSeverity?: Severity;
  readonly ruleId?: string;
  /** A resource ARN (`arn:...`, uses the byResource index) or a resource id such as a bucket name. */
  readonly resource?: string;
  /** At most this many findings. @default - all */
  readonly limit?: number;
}

export interface FindingsStore {
  /** Applies one verdict with a conditional write; an older observation never overwrites a newer one. */
  reconcile(verdict: Verdict, ctx: EvaluationContext): Promise<ReconcileResult>;
  get(findingId: string): Promise<Finding | undefined>;
  list(filter?: FindingFilter): Promise<Finding[]>;
  /** Throws ConfigError for a missing owner/reason/expiry or a past expiry, FindingNotFoundError for an unknown id. */
  suppress(findingId: string, input: SuppressionInput): Promise<ReconcileResult>;
  /** Lifts a suppression: back to OPEN (last result FAIL), RESOLVED (PASS/N/A) or ERROR (only errors seen). */
  unsuppress(findingId: string, input?: { readonly by?: string }): Promise<ReconcileResult>;
}
