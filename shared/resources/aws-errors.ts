import { CollectError } from '../core';

/** How a failed read is treated: absent (a fact: no policy), denied (ERROR verdicts), gone (resource deleted), retry (throw). */
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
  readonly iamAction: string;
  readonly absent?: readonly string[];
  readonly gone?: readonly string[];
  readonly run: () => Promise<unknown>;
}

export interface ReadsResult {
  readonly gone: boolean;
  /** Value of each read; `null` when the answer was "absent"; missing when denied. */
  readonly values: Record<string, unknown>;
  /** IAM actions of the denied reads. */
  readonly denied: string[];
}

/**
 * Runs reads concurrently. Absent → null, denied → listed in `denied`, gone → `gone: true`; anything else
 * (throttled past the SDK's retries, 5xx, unknown) throws a CollectError so that the queue redelivers.
 */
export const runReads = async (reads: readonly ReadSpec[]): Promise<ReadsResult> => {
  const values: Record<string, unknown> = {};
  const denied: string[] = [];
  let gone = false;
  const failures: CollectError[] = [];
  await Promise.all(
    reads.map(async (read) => {
      try {
        values[read.key] = await read.run();
      } catch (error) {
        const kind = classifyAwsError(error, read);
        if (kind === 'absent') values[read.key] = null;
        else if (kind === 'denied') denied.push(read.iamAction);
        else if (kind === 'gone') gone = true;
        else failures.push(new CollectError(`${read.iamAction} failed: ${awsErrorCode(error)}`, { operation: read.iamAction, awsCode: awsErrorCode(error) }, { cause: error }));
      }
    }),
  );
  if (gone) return { gone: true, values, denied };
  if (failures.length > 0) throw failures[0];
  return { gone: false, values, denied: [...new Set(denied)].sort() };
};
