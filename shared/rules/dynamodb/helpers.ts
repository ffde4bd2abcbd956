/** Helpers shared by the dynamodb rules (pure; no SDK). */
import type { RuleContext } from '../../core';
import type { BackupSelectionCondition, BackupSelectionSnapshot } from '../../resources/dynamodb/types';

/** `*` matches any run of characters (AWS Backup ARN patterns and StringLike). Iterative: no exponential backtracking. */
export const wildcardMatch = (pattern: string, text: string): boolean => {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === text[t] || pattern[p] === '?')) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
};

const tagKeyOf = (conditionKey: string): string => conditionKey.replace(/^aws:ResourceTag\//i, '');

const conditionHolds = (c: BackupSelectionCondition, tags: Readonly<Record<string, string>>): boolean => {
  const value = tags[tagKeyOf(c.key)];
  switch (c.operator.toUpperCase()) {
    case 'STRINGEQUALS':
      return value === c.value;
    case 'STRINGNOTEQUALS':
      return value !== c.value;
    case 'STRINGLIKE':
      return value !== undefined && wildcardMatch(c.value, value);
    case 'STRINGNOTLIKE':
      return value === undefined || !wildcardMatch(c.value, value);
    default:
      return false;
  }
};

export type CoverageReason = 'resource' | 'tag' | 'all-resources';

/**
 * Whether a backup selection assigns the table: Resources and ListOfTags select additively (OR), Conditions filter (AND),
 * NotResources exclude; a selection with neither Resources nor ListOfTags selects every resource (AWS Backup docs).
 */
export const selectionCovers = (s: BackupSelectionSnapshot, tableArn: string, tags: Readonly<Record<string, string>>): CoverageReason | undefined => {
  if (s.notResources.some((p) => wildcardMatch(p, tableArn))) return undefined;
  if (!s.conditions.every((c) => conditionHolds(c, tags))) return undefined;
  if (s.resources.some((p) => wildcardMatch(p, tableArn))) return 'resource';
  if (s.listOfTags.some((c) => conditionHolds({ ...c, operator: 'STRINGEQUALS' }, tags))) return 'tag';
  if (s.resources.length === 0 && s.listOfTags.length === 0) return 'all-resources';
  return undefined;
};

/** Numeric rule parameter, or undefined when unset or not a number. */
export const numberParam = (ctx: RuleContext, name: string): number | undefined => {
  const v = ctx.params[name];
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};
