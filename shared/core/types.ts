import type { Severity, TriggerMode, VerdictStatus } from './constants';

/**
 * A resource Vigil evaluates. `kind` is the snapshot kind (a key of RESOURCE_KINDS in shared/resources/kinds.ts);
 * the type reported in findings is that kind's `reportedType` (e.g. the S3 account BPA kind reports `AWS::::Account`).
 */
export interface ResourceRef {
  readonly kind: string;
  /** Name or id as the service knows it (bucket name, role name, account id, function name, `apiId/stage`, ...). */
  readonly id: string;
  readonly arn: string;
  readonly accountId: string;
  /** AWS Region, or `global` for IAM and other global resources (one finding per resource, not per Region). */
  readonly region: string;
}

/** Who made the change that triggered an evaluation (from CloudTrail). */
export interface Actor {
  readonly principalArn?: string;
  readonly principalType?: string;
  readonly accountId?: string;
  readonly sourceIp?: string;
  readonly userAgent?: string;
  readonly eventName?: string;
  readonly eventSource?: string;
  readonly eventId?: string;
  readonly eventTime?: string;
}

/**
 * Why a transition names no actor although CloudTrail events were seen for the resource: the judged state was observed
 * before the event (observed-before), or a later change is already recorded on the finding (superseded).
 */
export interface UnattributedChange {
  readonly reason: 'observed-before' | 'superseded';
  /** When the judged state was read. */
  readonly observedAt: string;
  /** The event that could not be tied to the judged state. */
  readonly eventName?: string;
  readonly eventTime?: string;
}

/** A policy statement that decides a verdict. */
export interface StatementRef {
  readonly index: number;
  readonly sid?: string;
}

/** Structured evidence. Never holds secret values: name the field and, at most, a hash prefix. */
export interface Evidence {
  readonly message: string;
  /** Path of the deciding field in the snapshot, e.g. `versioning.status` or `policy`. */
  readonly field?: string;
  readonly statements?: readonly StatementRef[];
  /** A non-secret value that explains the verdict (a flag, a status, a list of account ids, ...). */
  readonly value?: unknown;
}

/** What a rule's pure function returns. */
export interface Check {
  readonly status: Exclude<VerdictStatus, 'ERROR'>;
  readonly message: string;
  readonly evidence: readonly Evidence[];
}

export interface Anchors {
  /** Security Hub control ids, e.g. `S3.2`. */
  readonly securityHub?: readonly string[];
  /** True when the SH control is part of the Foundational Security Best Practices standard. */
  readonly fsbp?: boolean;
  /** CIS AWS Foundations items, e.g. `v3 2.1.4`, `v5 2.1.4`. */
  readonly cis?: readonly string[];
  /** Prowler check ids. */
  readonly prowler?: readonly string[];
}

export interface Remediation {
  readonly text: string;
  readonly cli?: string;
  readonly url?: string;
}

/** Parameters of rules (Security Hub parameters and Vigil's own settings). Rules never read process.env. */
export interface RuleParams {
  /** Accounts treated as our own for cross-account rules. */
  readonly trustedAccountIds: readonly string[];
  readonly requiredTagKeys?: readonly string[];
  readonly [name: string]: unknown;
}

export interface RuleContext {
  readonly accountId: string;
  readonly orgId?: string;
  /** Injected clock: rules that depend on time (credential age, runtime deprecation) read it from here. */
  readonly now: Date;
  readonly params: RuleParams;
}

/** Metadata every rule carries; `rules list` prints it. */
export interface RuleMeta {
  /** Catalogue rule id, verbatim (`s3-bucket-public-read`). Equals the file name. */
  readonly id: string;
  /** The good state, e.g. "S3 bucket blocks public read access". */
  readonly title: string;
  readonly severity: Severity;
  /** Snapshot kind the rule evaluates (key of RESOURCE_KINDS). */
  readonly kind: string;
  readonly anchors: Anchors;
  readonly trigger: TriggerMode;
  /** IAM actions of the reads the rule depends on: infra derives read-only policies from them. Verdicts follow the inputs a rule actually reads (see InputGap). */
  readonly reads: readonly string[];
  readonly remediation: Remediation;
  /** Why it matters, one or two sentences. */
  readonly rationale: string;
}

/** A posture rule: a pure function of a canonical snapshot. No SDK, no env, no clock other than ctx.now. */
export interface Rule<C = unknown> extends RuleMeta {
  evaluate(config: C, ctx: RuleContext, ref: ResourceRef): Check;
}

/** The result of one rule on one resource, as the engine reports it. */
export interface Verdict {
  readonly ruleId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly status: VerdictStatus;
  readonly resourceType: string;
  readonly resourceKind: string;
  readonly resourceId: string;
  readonly resourceArn: string;
  readonly accountId: string;
  readonly region: string;
  readonly message: string;
  readonly evidence: readonly Evidence[];
  readonly remediation: Remediation;
  /** When the state was read (ISO 8601): later observations win over older ones. */
  readonly observedAt: string;
  readonly source: ObservationSource;
  /** True when the resource no longer exists (status is then PASS: deletion resolves open findings). */
  readonly resourceGone?: boolean;
  /** Why the rule matters (from the rule's metadata), for alerts. */
  readonly rationale?: string;
}

export type ObservationSource = 'live' | 'config' | 'event';

/**
 * An input of a snapshot that is not known, and why. The engine watches which snapshot fields a rule reads: a rule that
 * reads a field of a `failed` gap gives ERROR, one that reads a field of a `not-told` gap gives INSUFFICIENT_DATA; a rule
 * that reads neither is judged as usual (a failed GetUsagePlans leaves apigw-stage-xray alone).
 */
export interface InputGap {
  /**
   * Snapshot fields the missing read would fill: dotted paths from the snapshot's root, array levels transparent
   * (`usagePlans`, `replication.rules.destinationRegion`, `attachedPolicies.document`); `*` = the whole snapshot.
   */
  readonly inputs: readonly string[];
  /** The read: the SDK command (`GetUsagePlans`), or where a Config item carries it (`supplementaryConfiguration.BucketPolicy`). */
  readonly read: string;
  /** failed: attempted and failed (ERROR). not-told: the source does not carry it, or did not say (INSUFFICIENT_DATA). */
  readonly reason: 'failed' | 'not-told';
  /** failed: the AWS error and the IAM action to grant; not-told: how to get it (`needs a live read: vigil scan ...`). */
  readonly detail: string;
}

/** A resource's state as collected: present with a canonical config, or gone (deleted). */
export type Observation<C = unknown> =
  | {
      readonly state: 'present';
      readonly ref: ResourceRef;
      readonly config: C;
      /** Inputs that are not known (failed reads, data the source does not carry): rules reading them never PASS. */
      readonly gaps: readonly InputGap[];
      readonly observedAt: string;
      readonly source: ObservationSource;
    }
  | {
      readonly state: 'gone';
      readonly ref: ResourceRef;
      readonly observedAt: string;
      readonly source: ObservationSource;
    };
