import type { Actor, Evidence, FindingStatus, Remediation, Severity, UnattributedChange } from '../core';
import type { LastError, ResolvedBy, Suppression, Transition } from '../findings';

/** Message attributes for SNS subscription filter policies (String attributes). */
export const ALERT_ATTRIBUTE_NAMES = ['severity', 'ruleId', 'resourceType', 'accountId', 'region', 'transition', 'status'] as const;
export type AlertAttributeName = (typeof ALERT_ATTRIBUTE_NAMES)[number];

/** Shaped as SNS MessageAttributes, so the map goes to PublishCommand unchanged. */
export interface AlertAttribute {
  readonly DataType: 'String';
  readonly StringValue: string;
}

/** The JSON body: a summary of the finding after the transition (no history), schema-versioned. */
export interface AlertBody {
  readonly schema: 'vigil.alert/v1';
  readonly transition: Transition;
  /** Status before the transition; absent for a new finding. */
  readonly previousStatus?: FindingStatus;
  readonly finding: {
    readonly findingId: string;
    readonly ruleId: string;
    readonly title: string;
    readonly severity: Severity;
    readonly status: FindingStatus;
    readonly resource: {
      readonly type: string;
      readonly kind: string;
      readonly id: string;
      readonly arn: string;
      readonly accountId: string;
      readonly region: string;
    };
    readonly message: string;
    readonly evidence: readonly Evidence[];
    readonly remediation: Remediation;
    readonly rationale?: string;
    readonly firstSeenAt?: string;
    readonly lastSeenAt?: string;
    readonly resolvedAt?: string;
    readonly resolvedBy?: ResolvedBy;
    readonly observedAt: string;
    readonly detectedAt: string;
    readonly lastEvaluatedAt: string;
    readonly actor?: Actor;
    readonly unattributed?: UnattributedChange;
    readonly lastError?: LastError;
    readonly suppression?: Suppression;
    readonly version: number;
  };
}

/** One alert: one per finding transition. */
export interface AlertMessage {
  /** At most 99 printable ASCII characters: `[CRITICAL] NEW s3-bucket-public-read: my-bucket`. */
  readonly subject: string;
  /** Plain-text body for email: what, why, evidence, who and when, how to fix, finding id. */
  readonly text: string;
  /** The AlertBody as JSON text (`<`, `>`, `&` escaped as \u sequences), bounded in size. */
  readonly json: string;
  readonly body: AlertBody;
  readonly attributes: Readonly<Record<AlertAttributeName, AlertAttribute>>;
}
