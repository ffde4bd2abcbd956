import { VigilError } from '../shared/core';

/** Bad input given to the CLI: printed as one line naming the file and the problem; exit code 2. */
export class UsageError extends VigilError {}

/** Exit codes: 0 whatever the findings (unless --fail-on), 1 when --fail-on matched, 2 bad input. */
export const EXIT = { OK: 0, FINDINGS: 1, USAGE: 2 } as const;
