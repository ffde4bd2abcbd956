import { isFindingVerdict, type Observation, type ResourceRef, type Verdict } from '../core';
import type { EvaluateMessage } from '../events/evaluate-message';
import { mapLimit } from './concurrency';

/**
 * "Evaluate this resource" messages (from sweeps and fan-outs): each resource is read, judged and written on its own, as
 * soon as its verdicts exist, so an invocation that runs out of time loses nothing it finished. A read that fails
 * (throttled, or anything the queue should retry) is retried through the queue after a back-off, and becomes ERROR
 * verdicts only on the last receive the queue allows.
 */

/** Progress of a family's first-run baseline (shared/findings/baseline.ts keeps it in the findings table). */
export interface BaselineProgress<R> {
  /** Counts one resource towards the open baseline `sweepId` of `family`; false when that baseline is closed or unknown. */
  claim(family: string, sweepId: string): Promise<boolean>;
  /** The claimed resource's verdicts are written: adds its new findings (and closes the baseline when it is complete). */
  finish(family: string, sweepId: string, results: readonly R[]): Promise<void>;
  /** The claimed resource could not be written: it will be claimed again when the message is retried. */
  release(family: string, sweepId: string): Promise<void>;
}

export interface WorkOptions<R> {
  /** Receives of one message the queue allows (its maxReceiveCount); the last one writes ERROR verdicts. @default - never final */
  readonly maxAttempts?: number;
  /** Epoch ms after which no resource is started (its records are retried at once by the queue). @default - none */
  readonly deadline?: () => number | undefined;
  /** Resources read at once within one invocation: enough to keep the pacing buckets busy, few enough that a deadline cuts little work. @default 2 */
  readonly concurrency?: number;
  readonly baseline?: BaselineProgress<R>;
  /**
   * Sends the messages no read was started for (the invocation reached its deadline) back to the queue as new messages,
   * so that they do not spend a receive of their own. @default - they are failed and come back at once, one receive spent
   */
  readonly requeue?: (messages: readonly EvaluateMessage[]) => Promise<void>;
}

export interface WorkItem {
  /** SQS message id. */
  readonly id: string;
  readonly ref: ResourceRef;
  readonly message: EvaluateMessage;
  /** This receive of the message (ApproximateReceiveCount), when known. */
  readonly attempt?: number;
}

export interface WorkOutcome<R> {
  readonly verdicts: Verdict[];
  readonly results: R[];
  readonly failed: Map<string, string>;
  /** Seconds until each failed record should be visible again (its back-off). */
  readonly retryAfter: Map<string, number>;
}

export interface WorkDeps<R> {
  readonly observe: (ref: ResourceRef) => Promise<Observation>;
  readonly evaluate: (obs: Observation) => Verdict[];
  /** ERROR verdicts for a resource that could not be read on the last attempt. */
  readonly unreadable: (ref: ResourceRef, message: string, observedAt: string) => Verdict[];
  readonly reconcile?: (verdict: Verdict, ctx: { readonly detectedAt: string; readonly baselineId?: string }) => Promise<R>;
  readonly familyOf: (kind: string) => string | undefined;
  readonly clock: () => Date;
}

/** Back-off before a failed read is tried again: 30 s, 60 s, 120 s … up to SQS's 12-hour maximum, plus a spread of up to 30 s. */
export const retryDelaySeconds = (attempt: number, id: string): number => {
  let spread = 0;
  for (const ch of id) spread = (spread * 31 + ch.charCodeAt(0)) % 30;
  return Math.min(12 * 3600 - 1, 30 * 2 ** Math.max(0, attempt - 1) + spread);
};

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** A read abandoned because its tokens would come after the invocation's deadline (shared/resources/pacing.ts), perhaps wrapped by runReads. */
const isDeadlineAbort = (error: unknown): boolean => {
  const e = error as { name?: unknown; context?: { awsCode?: unknown } } | null;
  return e?.name === 'PacingDeadlineError' || e?.context?.awsCode === 'PacingDeadlineError';
};

export const processWorkItems = async <R>(items: readonly WorkItem[], deps: WorkDeps<R>, options: WorkOptions<R> = {}): Promise<WorkOutcome<R>> => {
  const outcome: WorkOutcome<R> = { verdicts: [], results: [], failed: new Map(), retryAfter: new Map() };
  const fail = (ids: readonly string[], error: string, delaySeconds: number) => {
    for (const id of ids) {
      outcome.failed.set(id, error);
      outcome.retryAfter.set(id, delaySeconds);
    }
  };

  // One read per resource, whatever number of messages named it.
  const targets = new Map<string, { ref: ResourceRef; ids: string[]; attempt: number; sweepId?: string }>();
  for (const item of items) {
    const key = `${item.ref.kind}|${item.ref.arn}`;
    const target = targets.get(key) ?? { ref: item.ref, ids: [], attempt: Number.POSITIVE_INFINITY };
    target.ids.push(item.id);
    target.attempt = Math.min(target.attempt, item.attempt ?? 1);
    if (item.message.reason === 'baseline' && item.message.sweepId) target.sweepId = item.message.sweepId;
    targets.set(key, target);
  }

  const deferred: string[] = [];
  await mapLimit([...targets.values()], options.concurrency ?? 2, async ({ ref, ids, attempt, sweepId }) => {
    const deadline = options.deadline?.();
    if (deadline !== undefined && deps.clock().getTime() >= deadline) return void deferred.push(...ids);
    let verdicts: Verdict[];
    try {
      verdicts = deps.evaluate(await deps.observe(ref));
    } catch (error) {
      const final = options.maxAttempts !== undefined && attempt >= options.maxAttempts;
      // Cut by the deadline, not refused by AWS: again at once, in the next invocation.
      if (!final) return fail(ids, describe(error), isDeadlineAbort(error) ? 0 : retryDelaySeconds(attempt, ids[0]));
      verdicts = deps.unreadable(ref, `could not read ${ref.id} after ${attempt} attempts: ${describe(error).slice(0, 300)}`, deps.clock().toISOString());
    }
    outcome.verdicts.push(...verdicts);
    if (!deps.reconcile) return;
    const family = sweepId ? deps.familyOf(ref.kind) : undefined;
    const counted = family && sweepId && options.baseline ? await options.baseline.claim(family, sweepId) : false;
    const detectedAt = deps.clock().toISOString();
    try {
      const results: R[] = [];
      for (const verdict of verdicts.filter(isFindingVerdict)) results.push(await deps.reconcile(verdict, { detectedAt, ...(counted ? { baselineId: sweepId } : {}) }));
      outcome.results.push(...results);
      if (counted) await options.baseline!.finish(family!, sweepId!, results);
    } catch (error) {
      if (counted) await options.baseline!.release(family!, sweepId!).catch(() => undefined);
      fail(ids, describe(error), retryDelaySeconds(attempt, ids[0]));
    }
  });

  if (deferred.length > 0) {
    const notStarted = 'not started: the invocation is near its timeout';
    try {
      if (!options.requeue) throw new Error(notStarted);
      await options.requeue(items.filter((item) => deferred.includes(item.id)).map((item) => item.message));
    } catch (error) {
      fail(deferred, options.requeue ? `${notStarted}; not requeued: ${describe(error)}` : notStarted, 0);
    }
  }
  return outcome;
};
