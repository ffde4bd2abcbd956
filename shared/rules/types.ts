import type { Check, ResourceRef, RuleContext, RuleMeta } from '../core';
import type { CloudTrailDetail } from '../events/types';

/** A detection on the raw CloudTrail event (catalogue §1.5, `det-*`): no posture re-read. */
export interface DetectionRule extends Omit<RuleMeta, 'kind' | 'reads'> {
  readonly kind: 'event';
  readonly reads: readonly [];
  /** Event sources the detection listens to (`*` = all). */
  readonly eventSources: readonly string[];
  /** Returns the resource the finding is about and the check, or undefined when the event is not relevant. */
  detect(detail: CloudTrailDetail, ctx: RuleContext): { readonly ref: ResourceRef; readonly check: Check } | undefined;
}
