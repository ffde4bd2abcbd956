import type { Actor, Anchors, Evidence, Remediation, Severity, UnattributedChange } from '../core';

/** The fields of a stored finding that exports need (a structural subset of shared/findings' Finding). */
export interface ExportableFinding {
  readonly findingId: string;
  readonly ruleId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly status: string;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceArn: string;
  readonly accountId: string;
  readonly region: string;
  readonly message: string;
  readonly evidence: readonly Evidence[];
  readonly remediation: Remediation;
  readonly firstSeenAt?: string;
  readonly lastSeenAt?: string;
  readonly resolvedAt?: string;
  readonly detectedAt?: string;
  readonly actor?: Actor;
  /** Events were seen but none is reflected by the judged state (the actor is then unknown). */
  readonly unattributed?: UnattributedChange;
}

/** Looks up a rule's anchors (compliance requirements) by id. */
export type AnchorLookup = (ruleId: string) => Anchors | undefined;
