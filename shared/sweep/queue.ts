import { ChangeMessageVisibilityBatchCommand, SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { VigilError, type ResourceRef } from '../core';
import { evaluateMessageFor, type EvaluateMessage, type EvaluateReason } from '../events/evaluate-message';
import { mapLimit } from '../engine/concurrency';
import type { ResourceKind } from '../resources/types';

/** SendMessageBatch and ChangeMessageVisibilityBatch take at most 10 entries (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html). */
export const SQS_BATCH_SIZE = 10;
/** Batches in flight at once: 10,000 resources are 1,000 calls, a few seconds. */
const SEND_CONCURRENCY = 4;
/** Entries SQS refused (throttled, internal error) are sent again this many times. */
const SEND_ATTEMPTS = 4;

/** Some messages could not be enqueued after the retries. */
export class EnqueueError extends VigilError {
  constructor(readonly failed: number, readonly sent: number, detail: string) {
    super(`${failed} evaluate message(s) could not be enqueued (${sent} were): ${detail}`);
  }
}

/** A family's evaluator queue, as the sweeps and fan-outs use it. */
export interface EvaluateQueue {
  /** Enqueues one message per resource; resolves with the number sent, or throws EnqueueError naming how many were not. */
  send(refs: readonly ResourceRef[], reason: EvaluateReason, sweepId?: string): Promise<number>;
  /** Sends messages again as they are (work an invocation had no time to start). */
  resend(messages: readonly EvaluateMessage[]): Promise<number>;
}

const chunks = <T>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

export const createEvaluateQueue = (options: {
  readonly sqs: Pick<SQSClient, 'send'>;
  readonly queueUrl: string;
  readonly kinds: readonly ResourceKind[];
  /** Between retries of refused entries. @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
}): EvaluateQueue => {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const kindOf = new Map(options.kinds.map((k) => [k.kind, k]));
  const sendBodies = async (bodies: readonly string[]): Promise<number> => {
    let sent = 0;
    const refused: string[] = [];
    await mapLimit(chunks(bodies, SQS_BATCH_SIZE), SEND_CONCURRENCY, async (batch) => {
      let pending = batch.map((body, i) => ({ Id: String(i), MessageBody: body }));
      for (let attempt = 1; pending.length > 0 && attempt <= SEND_ATTEMPTS; attempt++) {
        if (attempt > 1) await sleep(200 * 2 ** (attempt - 2));
        const result = await options.sqs.send(new SendMessageBatchCommand({ QueueUrl: options.queueUrl, Entries: pending }));
        sent += result.Successful?.length ?? 0;
        const failed = new Map((result.Failed ?? []).map((f) => [f.Id, f]));
        // A sender's fault (malformed entry) will not succeed on a retry.
        for (const failure of failed.values()) if (failure.SenderFault) refused.push(failure.Code ?? 'SenderFault');
        pending = pending.filter((entry) => failed.has(entry.Id) && !failed.get(entry.Id)!.SenderFault);
      }
      for (const _ of pending) refused.push('not accepted after retries');
    });
    if (refused.length > 0) throw new EnqueueError(refused.length, sent, [...new Set(refused)].join(', '));
    return sent;
  };
  return {
    send: async (refs, reason, sweepId) =>
      sendBodies(
        refs.map((ref) => {
          const kind = kindOf.get(ref.kind);
          if (!kind) throw new VigilError(`cannot enqueue ${ref.kind}: not a kind of this queue's family`);
          return JSON.stringify(evaluateMessageFor(ref, kind, reason, sweepId));
        }),
      ),
    resend: async (messages) => sendBodies(messages.map((m) => JSON.stringify(m))),
  };
};

/**
 * Makes failed messages visible again after their back-off rather than after the queue's visibility timeout. Lambda leaves
 * a failed message's visibility alone, so it reappears when the timeout runs out
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html); ChangeMessageVisibility sets a new one
 * from now (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ChangeMessageVisibility.html).
 * Best effort: a message whose change fails simply waits for the queue's timeout.
 */
export const changeVisibility = async (
  sqs: Pick<SQSClient, 'send'>,
  queueUrl: string,
  entries: readonly { readonly receiptHandle: string; readonly seconds: number }[],
): Promise<number> => {
  let changed = 0;
  for (const batch of chunks(entries, SQS_BATCH_SIZE)) {
    try {
      const result = await sqs.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: queueUrl,
          Entries: batch.map((e, i) => ({ Id: String(i), ReceiptHandle: e.receiptHandle, VisibilityTimeout: Math.max(0, Math.min(43_200, Math.round(e.seconds))) })),
        }),
      );
      changed += result.Successful?.length ?? 0;
    } catch {
      // the messages keep the queue's visibility timeout
    }
  }
  return changed;
};
