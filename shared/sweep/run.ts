import type { ResourceRef } from '../core';
import type { ObservationSource } from '../engine/sources';
import { EvaluateReason } from '../events/evaluate-message';
import type { FamilyDefinition } from '../families/types';
import type { BaselineLedger } from '../findings/baseline';
import type { EvaluateQueue } from './queue';
import { resolveDeletedResources, type CompleteListing, type FindingsForResolution } from './resolve';

/** The detail-type of the event that starts the first-run baseline (an EventBridge rule on the stack's creation). */
export const STACK_STATUS_CHANGE = 'CloudFormation Stack Status Change';

/** A baseline with no progress for this long is closed as incomplete by the next sweep (its summary alert then goes out). */
export const BASELINE_STALL_MS = 60 * 60 * 1000;

export interface SweepDeps {
  readonly family: FamilyDefinition;
  /** Lists resources (live, paced). */
  readonly source: ObservationSource;
  /** The family's evaluator queue. */
  readonly queue: EvaluateQueue;
  /** Resolves the findings of resources a complete listing did not include. @default - nothing resolved */
  readonly findings?: FindingsForResolution;
  /** First-run baseline bookkeeping. @default - no baseline */
  readonly ledger?: BaselineLedger;
  readonly clock?: () => Date;
}

export interface SweepRequest {
  readonly accountId: string;
  readonly region: string;
  readonly sweepId: string;
  /** The deployment's first sweep: its new findings are announced by one summary alert. */
  readonly baseline?: boolean;
}

export interface KindReport {
  readonly kind: string;
  readonly listed: number;
  readonly enqueued: number;
  /** Every page listed without error, and the collector lists every resource of the kind: deleted resources were resolved. */
  readonly complete: boolean;
}

export interface SweepReport {
  readonly family: string;
  readonly sweepId: string;
  /** 'opened': this sweep is the baseline; 'running': a baseline is still running, so this one counts as a plain sweep. */
  readonly baseline?: 'opened' | 'running';
  /** A stalled baseline this sweep closed as incomplete. */
  readonly closedStalledBaseline: boolean;
  readonly kinds: readonly KindReport[];
  readonly enqueued: number;
  /** Findings resolved because their resource was not listed any more. */
  readonly resolved: number;
  /** Kinds that could not be listed or enqueued: left to the next sweep. */
  readonly failures: readonly { readonly target: string; readonly error: string }[];
}

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** The kinds a sweep enumerates: those the family has rules for (detections need events, not sweeps). */
export const sweptKinds = (family: FamilyDefinition): string[] => family.kinds.filter((k) => family.rules.some((r) => r.kind === k.kind)).map((k) => k.kind);

/**
 * One sweep of a family: lists every resource of each kind it judges (paginated, paced by the source's clients) and
 * enqueues one "evaluate this resource" message each to the family's queue, where the evaluators read them with their
 * bounded concurrency and write each verdict as soon as it exists. It reads no resource itself, so it finishes at any
 * account size. A complete listing also resolves the findings of resources that are gone; an incomplete one resolves
 * nothing.
 */
export const runSweep = async (deps: SweepDeps, request: SweepRequest): Promise<SweepReport> => {
  const clock = deps.clock ?? (() => new Date());
  const { family } = deps;
  const scope = { accountId: request.accountId, region: request.region };
  const failures: { target: string; error: string }[] = [];

  const closedStalledBaseline = deps.ledger ? await deps.ledger.closeIfStalled(family.name, BASELINE_STALL_MS) : false;
  let baseline: SweepReport['baseline'];
  if (request.baseline && deps.ledger) baseline = (await deps.ledger.open(family.name, request.sweepId, scope)) ? 'opened' : 'running';
  const reason = baseline === 'opened' ? EvaluateReason.baseline : EvaluateReason.sweep;

  const kinds: KindReport[] = [];
  const listings: CompleteListing[] = [];
  let enqueued = 0;
  for (const kindName of sweptKinds(family)) {
    const kind = family.kinds.find((k) => k.kind === kindName)!;
    const startedAt = clock().toISOString();
    let refs: ResourceRef[];
    try {
      refs = await deps.source.list(kindName, scope);
    } catch (error) {
      failures.push({ target: `${kindName} (listing)`, error: describe(error) });
      kinds.push({ kind: kindName, listed: 0, enqueued: 0, complete: false });
      continue;
    }
    let sent = 0;
    try {
      sent = await deps.queue.send(refs, reason, request.sweepId);
    } catch (error) {
      sent = (error as { sent?: number }).sent ?? 0;
      failures.push({ target: `${kindName} (enqueue)`, error: describe(error) });
    }
    enqueued += sent;
    const complete = deps.source.listsEvery?.(kindName) ?? true;
    if (complete) listings.push({ kind, refs, startedAt, ...scope });
    kinds.push({ kind: kindName, listed: refs.length, enqueued: sent, complete });
  }

  let resolved = 0;
  if (deps.findings) {
    const ruleIds = new Set(family.rules.map((r) => r.id));
    try {
      resolved = (await resolveDeletedResources(deps.findings, listings, ruleIds, clock().toISOString())).length;
    } catch (error) {
      failures.push({ target: 'deleted resources (findings table)', error: describe(error) });
    }
  }
  // Only now is the number of baseline messages known; the evaluators may be done with all of them already.
  if (baseline === 'opened') await deps.ledger!.setExpected(family.name, request.sweepId, enqueued);
  return { family: family.name, sweepId: request.sweepId, ...(baseline ? { baseline } : {}), closedStalledBaseline, kinds, enqueued, resolved, failures };
};
