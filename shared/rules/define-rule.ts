import { VigilError, type Check, type Evidence, type Rule } from '../core';

/** Declares a posture rule; the identity function keeps the metadata typed against the snapshot type. */
export const defineRule = <C>(rule: Rule<C>): Rule<C> => rule;

export const pass = (message: string, evidence: readonly Evidence[] = []): Check => ({ status: 'PASS', message, evidence });
export const fail = (message: string, evidence: readonly Evidence[] = []): Check => ({ status: 'FAIL', message, evidence });
export const notApplicable = (message: string): Check => ({ status: 'NOT_APPLICABLE', message, evidence: [] });

/** An input the rule needs was not observed (data AWS Config does not record, a report not generated). */
export class UnobservedInputError extends VigilError {}

/**
 * Ends a rule whose input is missing from the snapshot; the message names the input. The engine gives INSUFFICIENT_DATA
 * (or ERROR when the read behind the input failed), which never alerts nor resolves an open finding — unlike
 * NOT_APPLICABLE, which means the rule does not apply to the resource.
 */
export const unobserved = (message: string): never => {
  // An expected outcome, not a bug: skip capturing a stack trace (the costly part of an exception on this hot path).
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const error = new UnobservedInputError(message);
  Error.stackTraceLimit = limit;
  throw error;
};
