import type { Check, Evidence, Rule } from '../core';

/** Declares a posture rule; the identity function keeps the metadata typed against the snapshot type. */
export const defineRule = <C>(rule: Rule<C>): Rule<C> => rule;

export const pass = (message: string, evidence: readonly Evidence[] = []): Check => ({ status: 'PASS', message, evidence });
export const fail = (message: string, evidence: readonly Evidence[] = []): Check => ({ status: 'FAIL', message, evidence });
export const notApplicable = (message: string): Check => ({ status: 'NOT_APPLICABLE', message, evidence: [] });
