import type { TriggerRow } from './types';

/** An EventBridge event pattern (the JSON CloudFormation expects). */
export interface EventPattern {
  readonly 'detail-type': readonly string[];
  readonly detail: {
    readonly eventSource: readonly string[];
    readonly eventName: readonly (string | { readonly prefix: string })[];
    readonly errorCode?: readonly { readonly exists: false }[];
  };
}

/** Names per pattern: keeps each pattern well under EventBridge's pattern size quota. */
const NAMES_PER_PATTERN = 60;

/**
 * EventBridge patterns for the catalogue rows, one or more per event source: exact names as strings, Lambda-style names
 * as `{prefix}`; failed calls excluded (`errorCode` must not exist). Deterministic order, so templates are stable.
 */
export const toEventPatterns = (rows: readonly TriggerRow[], options: { includeFailedCalls?: boolean } = {}): EventPattern[] => {
  const bySource = new Map<string, Map<string, string | { prefix: string }>>();
  for (const row of rows) {
    const names = bySource.get(row.eventSource) ?? new Map<string, string | { prefix: string }>();
    for (const name of row.eventNames) {
      if (row.match === 'prefix') names.set(`prefix:${name}`, { prefix: name });
      else if (!names.has(`prefix:${name}`)) names.set(name, name);
    }
    bySource.set(row.eventSource, names);
  }
  const patterns: EventPattern[] = [];
  for (const source of [...bySource.keys()].sort()) {
    const entries = [...bySource.get(source)!.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v);
    for (let i = 0; i < entries.length; i += NAMES_PER_PATTERN) {
      patterns.push({
        'detail-type': ['AWS API Call via CloudTrail'],
        detail: {
          eventSource: [source],
          eventName: entries.slice(i, i + NAMES_PER_PATTERN),
          ...(options.includeFailedCalls ? {} : { errorCode: [{ exists: false as const }] }),
        },
      });
    }
  }
  return patterns;
};
