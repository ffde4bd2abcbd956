import type { Check, RuleContext } from '../core';
import { fail, pass } from './define-rule';

/**
 * Catalogue §0.2-8, shared by every tag rule (IAM.23–25, DynamoDB.5, Lambda.6): FAIL when the resource has no tag of its
 * own (keys starting `aws:` are AWS's) or lacks one of the optional `requiredTagKeys` (case-sensitive; Security Hub honours 6).
 */
export const checkTags = (what: string, tags: Readonly<Record<string, string>>, ctx: RuleContext): Check => {
  const userKeys = Object.keys(tags).filter((k) => !k.toLowerCase().startsWith('aws:')).sort();
  const configured = ctx.params.requiredTagKeys;
  const required = (Array.isArray(configured) ? configured.filter((k): k is string => typeof k === 'string') : []).slice(0, 6);
  const missing = required.filter((k) => !userKeys.includes(k));
  if (userKeys.length === 0) return fail(`${what} has no tags`, [{ message: 'no user-defined tag (aws: tags do not count)', field: 'tags', value: [] }]);
  if (missing.length > 0) {
    return fail(`${what} lacks required tag keys ${missing.join(', ')}`, [{ message: `missing required tag keys: ${missing.join(', ')}`, field: 'tags', value: { present: userKeys, missing } }]);
  }
  return pass(`${what} is tagged (${userKeys.join(', ')})`, [{ message: 'user-defined tag keys', field: 'tags', value: userKeys }]);
};
