import { ConfigError, VigilError } from '../core';

/** suppress/unsuppress named a finding that is not in the table (a user input problem, hence a ConfigError). */
export class FindingNotFoundError extends ConfigError {
  constructor(readonly findingId: string, options?: ErrorOptions) {
    super(`no finding with id '${findingId}' (list findings with: vigil list)`, options);
  }
}

/**
 * Concurrent writers kept changing the item between our read and our conditional write, more times than the retry
 * budget allows. Thrown (not returned) so the queue redelivers the message and the evaluation runs again.
 */
export class FindingWriteConflictError extends VigilError {
  constructor(readonly findingId: string, readonly attempts: number, options?: ErrorOptions) {
    super(`finding ${findingId}: conditional write lost to concurrent writers ${attempts} times`, options);
  }
}
