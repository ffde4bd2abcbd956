import type { Rule } from '../core';
import type { TriggerRow } from '../events/types';
import type { ConfigNormaliser, KindCollector, ResourceKind } from '../resources/types';
import type { DetectionEventPattern } from '../events/triggers/detections';
import type { DetectionRule } from '../rules/types';

/** Everything Vigil knows about one family: its kinds, triggers, collectors and rules. One evaluator Lambda per family. */
export interface FamilyDefinition {
  readonly name: string;
  readonly kinds: readonly ResourceKind[];
  readonly triggers: readonly TriggerRow[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule is typed against its own snapshot type
  readonly rules: readonly Rule<any>[];
  readonly detections: readonly DetectionRule[];
  /** Live collector per kind. */
  readonly collectors: Readonly<Record<string, KindCollector>>;
  readonly configNormalisers: readonly ConfigNormaliser[];
  /**
   * EventBridge patterns the (source, names) trigger rows cannot express, e.g. detections on every source's root calls,
   * failed calls, or console sign-ins (their own detail-type). Plain JSON as CloudFormation takes it.
   */
  readonly eventPatterns?: readonly DetectionEventPattern[];
  /** IAM actions the collectors need beyond the rules' reads (listing, locating: `s3:ListAllMyBuckets`, `s3:GetBucketLocation`). */
  readonly extraReadActions: readonly string[];
}
