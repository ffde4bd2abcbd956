import { decodePolicyDocument } from '../../policy';

/**
 * A policy document as canonical JSON text: IAM APIs and AWS Config return URL-encoded JSON, CloudTrail and boto3 dumps
 * plain JSON or objects, and some recorded Config items wrap the document in a one-element array. Live and Config inputs
 * describing the same document therefore yield the same text. An undecodable document is kept as written, so that the
 * policy engine reports the problem (ERROR verdict) instead of the collector hiding it.
 */
export const canonicalPolicyText = (raw: unknown): string | null => {
  if (raw === null || raw === undefined || raw === '') return null;
  let value: unknown = raw;
  if (Array.isArray(value) && value.length === 1 && value[0] && typeof value[0] === 'object') value = value[0];
  if (typeof value === 'string') {
    try {
      value = decodePolicyDocument(value);
    } catch {
      return value as string;
    }
  }
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
};

/** Date (SDK Date, ISO text, or `YYYY-MM-DD hh:mm:ss+00:00` as boto3 dumps print it) as ISO 8601 text; `null` when absent or unreadable. */
export const isoDate = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'string' || typeof value === 'number') {
    const text = typeof value === 'string' ? value.replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2') : value;
    const parsed = new Date(text);
    return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
  }
  return null;
};

/** `[{Key,Value}]` / `[{key,value}]` / `{k: v}` → `{k: v}`. */
export const tagsToRecord = (tags: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (Array.isArray(tags)) {
    for (const tag of tags as Record<string, unknown>[]) {
      const key = tag?.Key ?? tag?.key;
      const value = tag?.Value ?? tag?.value;
      if (typeof key === 'string') out[key] = typeof value === 'string' ? value : '';
    }
  } else if (tags && typeof tags === 'object') {
    for (const [key, value] of Object.entries(tags as Record<string, unknown>)) if (typeof value === 'string') out[key] = value;
  }
  return out;
};

/** Code-unit order (locale-independent), so snapshots sort the same everywhere. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
