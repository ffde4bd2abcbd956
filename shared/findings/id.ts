import { createHash } from 'node:crypto';

/**
 * Deterministic, short id of the finding of one rule on one resource: `f-` + the first 20 hex chars (80 bits) of
 * sha256(`${ruleId}|${resourceArn}`). The same pair always maps to the same item, whatever source reported it.
 */
export const findingIdOf = (ruleId: string, resourceArn: string): string =>
  `f-${createHash('sha256').update(`${ruleId}|${resourceArn}`).digest('hex').slice(0, 20)}`;

export const FINDING_ID_PATTERN = /^f-[0-9a-f]{20}$/;
