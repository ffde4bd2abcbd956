import type { ResourceRef } from '../core';
import type { BaselineProgress, WorkOptions } from '../engine/work';
import { EvaluateReason } from '../events/evaluate-message';
import type { Pacer } from '../resources/pacing';
import type { EvaluateQueue } from './queue';

/**
 * How an evaluator plugs its queue and its pacing into the engine (the Lambda and the bench use the same): fan-outs
 * enqueue one message per resource, work it had no time to start goes back to the queue, and one deadline stops both
 * the engine from starting a resource and the pacing buckets from granting a token past it.
 */
export const queuedEvaluation = <R>(
  queue: EvaluateQueue | undefined,
  pacer: Pacer,
  options: { readonly maxAttempts: number; readonly baseline?: BaselineProgress<R> },
): {
  readonly enqueue?: (refs: readonly ResourceRef[]) => Promise<void>;
  readonly work: WorkOptions<R>;
  /** No read starts after this (epoch ms): the invocation's end, less a margin for the last writes. */
  readonly setDeadline: (epochMs: number | undefined) => void;
} => {
  let deadline: number | undefined;
  return {
    ...(queue ? { enqueue: async (refs: readonly ResourceRef[]) => void (await queue.send(refs, EvaluateReason.fanOut)) } : {}),
    work: {
      maxAttempts: options.maxAttempts,
      deadline: () => deadline,
      ...(options.baseline ? { baseline: options.baseline } : {}),
      ...(queue ? { requeue: async (messages) => void (await queue.resend(messages)) } : {}),
    },
    setDeadline: (epochMs) => {
      deadline = epochMs;
      pacer.deadline = epochMs;
    },
  };
};
