/**
 * EventBridge pattern matching for tests, for the operators Vigil's patterns use: exact values, `prefix`, `suffix`,
 * `exists`, `anything-but` (a string list) and nested objects; a field is matched when any array element matches
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html). It lets a test check that a
 * recorded AWS event reaches the rule the template deploys.
 */
type Matcher = string | number | boolean | null | { prefix?: string; suffix?: string; exists?: boolean; 'anything-but'?: unknown };

const matchValue = (matcher: Matcher, value: unknown): boolean => {
  if (matcher === null || typeof matcher !== 'object') return value === matcher;
  if (matcher.exists !== undefined) return matcher.exists === (value !== undefined);
  if (value === undefined) return false;
  if (matcher.prefix !== undefined) return typeof value === 'string' && value.startsWith(matcher.prefix);
  if (matcher.suffix !== undefined) return typeof value === 'string' && value.endsWith(matcher.suffix);
  if (matcher['anything-but'] !== undefined) {
    const excluded = ([] as unknown[]).concat(matcher['anything-but']);
    return !excluded.includes(value);
  }
  throw new Error(`unsupported pattern operator ${JSON.stringify(matcher)}`);
};

export const matchesPattern = (pattern: Record<string, unknown>, event: unknown): boolean =>
  Object.entries(pattern).every(([key, expected]) => {
    const value = event !== null && typeof event === 'object' ? (event as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(expected)) {
      const values = Array.isArray(value) ? value : [value];
      return (expected as Matcher[]).some((m) => (m !== null && typeof m === 'object' && 'exists' in m ? matchValue(m, value) : values.some((v) => matchValue(m, v))));
    }
    return matchesPattern(expected as Record<string, unknown>, value);
  });
