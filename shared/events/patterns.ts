import type { TriggerRow } from './types';

/**
 * Only AWS services publish events whose `source` starts with `aws.`: anyone with `events:PutEvents` may post a custom
 * event that looks like a CloudTrail record, but PutEvents rejects the `aws.` prefix for custom sources
 * (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEventsRequestEntry.html, Source). Every Vigil
 * pattern carries this, and the parser checks it again (shared/events/parse.ts).
 */
export const AWS_SOURCE_PREFIX = 'aws.';
export const AWS_SOURCE_FILTER = [{ prefix: AWS_SOURCE_PREFIX }] as const;

/** An EventBridge event pattern for catalogue rows (the JSON CloudFormation expects). */
export interface EventPattern {
  readonly source: readonly { readonly prefix: string }[];
  readonly 'detail-type': readonly string[];
  readonly detail: {
    readonly eventSource: readonly string[];
    readonly eventName: readonly (string | { readonly prefix: string })[];
    readonly errorCode?: readonly { readonly exists: false }[];
  };
}

/**
 * EventBridge's default quota on the size of an event pattern, in characters ("Event pattern size", 2,048, adjustable:
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html). Patterns are split by their serialized size,
 * never by a count of names, so a row of long names cannot push one over.
 */
export const EVENT_PATTERN_MAX_CHARS = 2048;

/** The size EventBridge counts: the pattern's JSON text (CloudFormation passes EventPattern as compact JSON). */
export const patternSize = (pattern: unknown): number => JSON.stringify(pattern).length;

/**
 * EventBridge patterns for the catalogue rows, one or more per event source: exact names as strings, Lambda-style names
 * as `{prefix}`; AWS sources only; failed calls excluded (`errorCode` must not exist). Each pattern holds as many names as
 * fit in EVENT_PATTERN_MAX_CHARS. Deterministic order, so templates are stable.
 */
export const toEventPatterns = (
  rows: readonly TriggerRow[],
  options: { includeFailedCalls?: boolean; maxChars?: number } = {},
): EventPattern[] => {
  const maxChars = options.maxChars ?? EVENT_PATTERN_MAX_CHARS;
  const bySource = new Map<string, Map<string, string | { prefix: string }>>();
  for (const row of rows) {
    const names = bySource.get(row.eventSource) ?? new Map<string, string | { prefix: string }>();
    for (const name of row.eventNames) {
      if (row.match === 'prefix') names.set(`prefix:${name}`, { prefix: name });
      else if (!names.has(`prefix:${name}`)) names.set(name, name);
    }
    bySource.set(row.eventSource, names);
  }
  const patternOf = (source: string, eventName: (string | { prefix: string })[]): EventPattern => ({
    source: AWS_SOURCE_FILTER,
    'detail-type': ['AWS API Call via CloudTrail'],
    detail: {
      eventSource: [source],
      eventName,
      ...(options.includeFailedCalls ? {} : { errorCode: [{ exists: false as const }] }),
    },
  });
  const patterns: EventPattern[] = [];
  for (const source of [...bySource.keys()].sort()) {
    const entries = [...bySource.get(source)!.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v);
    // Each name adds its JSON text and a comma to the pattern: fill greedily, measured on the real serialization.
    const empty = patternSize(patternOf(source, []));
    let current: (string | { prefix: string })[] = [];
    let size = empty;
    for (const entry of entries) {
      const cost = JSON.stringify(entry).length;
      if (empty + cost > maxChars) throw new Error(`event name ${JSON.stringify(entry)} of ${source} cannot fit in an EventBridge pattern`);
      if (current.length > 0 && size + 1 + cost > maxChars) {
        patterns.push(patternOf(source, current));
        current = [];
        size = empty;
      }
      size += cost + (current.length > 0 ? 1 : 0);
      current.push(entry);
    }
    if (current.length > 0) patterns.push(patternOf(source, current));
  }
  return patterns;
};
