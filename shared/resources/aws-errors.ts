import { CollectError, type InputGap } from '../core';
import { failedRead, mergeGaps } from './gaps';

/**
 * How a failed read is treated: absent (a fact: no policy), denied (a failed read: ERROR for the rules that read what it
 * fills, nothing else), gone (resource deleted), retry (throw: the queue redelivers; a throttle is never spread to rules).
 */
export type ReadFailure = 'absent' | 'denied' | 'gone' | 'retry';

const DENIED = new Set([
  'AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedAccess', 'AuthorizationError',
  'AllAccessDisabled', 'InvalidClientTokenId', 'UnrecognizedClientException', 'ExpiredToken', 'ExpiredTokenException',
]);

export const awsErrorCode = (error: unknown): string => {
  const e = error as { name?: string; Code?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  return e?.Code ?? e?.code ?? e?.name ?? 'UnknownError';
};

export const classifyAwsError = (error: unknown, codes: { absent?: readonly string[]; gone?: readonly string[] } = {}): ReadFailure => {
  const code = awsErrorCode(error);
  if (codes.gone?.includes(code)) return 'gone';
  if (codes.absent?.includes(code)) return 'absent';
  if (DENIED.has(code)) return 'denied';
  return 'retry';
};

/** One live read: the key its value is stored under, the IAM action it needs, and which error codes mean absent or gone. */
export interface ReadSpec {
  readonly key: string;
  /** The SDK command (`GetUsagePlans`): a failure is attributed to it, and to the inputs it fills. */
  readonly command: string;
  readonly iamAction: string;
  /** Snapshot fields filled from this read (see InputGap.inputs). @default [key] */
  readonly fills?: readonly string[];
  readonly absent?: readonly string[];
  readonly gone?: readonly string[];
  readonly run: () => Promise<unknown>;
}

export interface ReadsResult {
  readonly gone: boolean;
  /** Value of each read; `null` when the answer was "absent"; missing when it failed. */
  readonly values: Record<string, unknown>;
  /** One gap per failed read: the command, the inputs it fills, the error and the IAM action to grant. */
  readonly failed: InputGap[];
}

/** The gap of a read that was denied. */
export const deniedRead = (read: Pick<ReadSpec, 'key' | 'command' | 'iamAction' | 'fills'>, error: unknown): InputGap =>
  failedRead(read.fills ?? [read.key], read.command, `${awsErrorCode(error)}; needs ${read.iamAction}`);

/**
 * Runs reads concurrently. Absent → null, denied → a failed-read gap, gone → `gone: true`; anything else
 * (throttled past the SDK's retries, 5xx, unknown) throws a CollectError so that the queue redelivers.
 */
export const runReads = async (reads: readonly ReadSpec[]): Promise<ReadsResult> => {
  const values: Record<string, unknown> = {};
  const failed: InputGap[] = [];
  let gone = false;
  const failures: CollectError[] = [];
  await Promise.all(
    reads.map(async (read) => {
      try {
        values[read.key] = await read.run();
      } catch (error) {
        const kind = classifyAwsError(error, read);
        if (kind === 'absent') values[read.key] = null;
        else if (kind === 'denied') failed.push(deniedRead(read, error));
        else if (kind === 'gone') gone = true;
        else failures.push(new CollectError(`${read.command} failed: ${awsErrorCode(error)}`, { operation: read.iamAction, awsCode: awsErrorCode(error) }, { cause: error }));
      }
    }),
  );
  if (gone) return { gone: true, values, failed };
  if (failures.length > 0) throw failures[0];
  return { gone: false, values, failed: mergeGaps(failed) };
};
