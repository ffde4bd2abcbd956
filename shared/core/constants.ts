/** Severity as Security Hub assigns it (Prowler's when there is no SH control). Plain strings: they go straight into items and attributes. */
export const Severity = {
  CRITICAL: 'CRITICAL',
  HIGH: 'HIGH',
  MEDIUM: 'MEDIUM',
  LOW: 'LOW',
  INFORMATIONAL: 'INFORMATIONAL',
} as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

const SEVERITY_RANK: Record<Severity, number> = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };
export const severityRank = (s: Severity): number => SEVERITY_RANK[s];
export const isSeverity = (s: string): s is Severity => Object.prototype.hasOwnProperty.call(SEVERITY_RANK, s);
/** Severities at or above `min`, highest first (for SNS filter policies and CLI filters). */
export const severitiesAtLeast = (min: Severity): Severity[] =>
  (Object.keys(SEVERITY_RANK) as Severity[]).filter((s) => SEVERITY_RANK[s] >= SEVERITY_RANK[min]).sort((a, b) => SEVERITY_RANK[b] - SEVERITY_RANK[a]);

/**
 * Outcome of one rule on one resource (AWS Config's compliance types plus ERROR). INSUFFICIENT_DATA: an input the rule
 * needs is not in this source or was not told (a Config item without its supplementary configuration, data only live
 * reads give); it is not a finding state, never alerts and never resolves. ERROR: a read the rule needs was attempted
 * and failed (denied, malformed answer), or the rule threw; it never resolves a finding.
 */
export const VerdictStatus = {
  PASS: 'PASS',
  FAIL: 'FAIL',
  NOT_APPLICABLE: 'NOT_APPLICABLE',
  INSUFFICIENT_DATA: 'INSUFFICIENT_DATA',
  ERROR: 'ERROR',
} as const;
export type VerdictStatus = (typeof VerdictStatus)[keyof typeof VerdictStatus];

/** Whether a verdict goes to the findings store: INSUFFICIENT_DATA is reported, never stored. */
export const isFindingVerdict = (verdict: { readonly status: VerdictStatus }): boolean => verdict.status !== VerdictStatus.INSUFFICIENT_DATA;

/** Lifecycle state of a stored finding. */
export const FindingStatus = {
  OPEN: 'OPEN',
  RESOLVED: 'RESOLVED',
  SUPPRESSED: 'SUPPRESSED',
  ERROR: 'ERROR',
} as const;
export type FindingStatus = (typeof FindingStatus)[keyof typeof FindingStatus];

/** How a rule is triggered (catalogue §0.1): E event, E* event (SH periodic), E+P event and schedule, P periodic only. */
export type TriggerMode = 'E' | 'E*' | 'E+P' | 'P';
