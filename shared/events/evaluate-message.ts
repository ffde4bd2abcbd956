import * as z from 'zod/mini';
import { EventValidationError, type ResourceRef } from '../core';
import type { ResourceKind } from '../resources/types';
import { partitionOf } from './names';
import { describeIssues } from './schemas';

/**
 * Vigil's own queue message "evaluate this resource", sent by the sweeps and by event fan-outs to a family's evaluator
 * queue (SQS directly, not EventBridge). It names a resource and nothing else: the evaluator re-reads it, so the worst a
 * forged message can do is cause one re-read of a real resource. It carries no actor, no state and no verdict; its ARN must
 * be the one the kind builds from the id, and its account the queue's own.
 */
export const EVALUATE_MESSAGE_VERSION = 'evaluate/v1';

export const EvaluateReason = { sweep: 'sweep', fanOut: 'fan-out', baseline: 'baseline' } as const;
export type EvaluateReason = (typeof EvaluateReason)[keyof typeof EvaluateReason];

const REGION = /^(global|[a-z]{2}(-[a-z]+)+-\d)$/;

const evaluateMessageSchema = z.strictObject({
  vigil: z.literal(EVALUATE_MESSAGE_VERSION),
  kind: z.string().check(z.minLength(1), z.maxLength(128)),
  id: z.string().check(z.minLength(1), z.maxLength(2048)),
  arn: z.string().check(z.minLength(1), z.maxLength(2048)),
  accountId: z.string().check(z.regex(/^\d{12}$/)),
  region: z.string().check(z.regex(REGION)),
  /** The sweep that enumerated it (logs, and the baseline it counts towards). */
  sweepId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9._:-]{1,128}$/))),
  reason: z.enum([EvaluateReason.sweep, EvaluateReason.fanOut, EvaluateReason.baseline]),
});

export type EvaluateMessage = z.infer<typeof evaluateMessageSchema>;

/** The message for one resource (its ARN rebuilt from the kind, as the evaluator will check it). */
export const evaluateMessageFor = (ref: ResourceRef, kind: ResourceKind, reason: EvaluateReason, sweepId?: string): EvaluateMessage => ({
  vigil: EVALUATE_MESSAGE_VERSION,
  kind: ref.kind,
  id: ref.id,
  arn: canonicalArn(kind, ref),
  accountId: ref.accountId,
  region: ref.region,
  ...(sweepId === undefined ? {} : { sweepId }),
  reason,
});

const canonicalArn = (kind: ResourceKind, ref: Pick<ResourceRef, 'id' | 'accountId' | 'region'>): string =>
  kind.arn({ partition: partitionOf(ref.region), accountId: ref.accountId, region: ref.region, id: ref.id });

/** True when the body is (or claims to be) an evaluate message: a JSON object with a `vigil` member. */
export const isEvaluateMessage = (body: unknown): boolean => {
  const value = typeof body === 'string' ? tryJson(body) : body;
  return value !== null && typeof value === 'object' && !Array.isArray(value) && 'vigil' in value;
};

const tryJson = (text: string): unknown => {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * Validates an evaluate message against the family's kinds: known kind, canonical ARN, and (when `accounts` is given)
 * one of these accounts. Throws EventValidationError naming the problem (the record then lands in the DLQ).
 */
export const parseEvaluateMessage = (
  body: unknown,
  kinds: readonly ResourceKind[],
  accounts?: readonly string[],
): { readonly ref: ResourceRef; readonly message: EvaluateMessage } => {
  const raw = typeof body === 'string' ? tryJson(body) : body;
  const parsed = evaluateMessageSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error.issues);
    throw new EventValidationError(`invalid evaluate message: ${issues.join('; ')}`, issues);
  }
  const message = parsed.data;
  const kind = kinds.find((k) => k.kind === message.kind);
  if (!kind) throw new EventValidationError(`evaluate message: kind ${JSON.stringify(message.kind.slice(0, 64))} is not one this evaluator judges`, ['kind: unknown']);
  if (kind.global !== (message.region === 'global')) throw new EventValidationError(`evaluate message: ${kind.kind} is ${kind.global ? '' : 'not '}global, region ${message.region}`, ['region: wrong scope']);
  if (canonicalArn(kind, message) !== message.arn) throw new EventValidationError(`evaluate message: the ARN is not the one ${kind.kind} builds from the id`, ['arn: not canonical']);
  if (accounts !== undefined && !accounts.includes(message.accountId)) throw new EventValidationError('evaluate message: the account is not this deployment\'s', ['accountId: foreign']);
  return { ref: { kind: message.kind, id: message.id, arn: message.arn, accountId: message.accountId, region: message.region }, message };
};
