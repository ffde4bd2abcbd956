import { FindingStatus, VigilError } from '../core';
import type { Finding } from './types';

const STATUSES: ReadonlySet<string> = new Set(Object.values(FindingStatus));

/**
 * A stored item (document-client output or an unmarshalled stream image) as a Finding. Checks the fields the
 * lifecycle depends on and fills the collections an older writer may have left out; throws VigilError otherwise.
 */
export const findingFromItem = (item: Record<string, unknown>): Finding => {
  const problems: string[] = [];
  for (const key of ['findingId', 'ruleId', 'resourceArn', 'observedAt'] as const) {
    if (typeof item[key] !== 'string') problems.push(`${key} is not a string`);
  }
  if (typeof item.status !== 'string' || !STATUSES.has(item.status)) problems.push(`status '${String(item.status)}' is not a finding status`);
  if (typeof item.version !== 'number' || !Number.isInteger(item.version)) problems.push('version is not an integer');
  if (item.history !== undefined && !Array.isArray(item.history)) problems.push('history is not a list');
  if (item.evidence !== undefined && !Array.isArray(item.evidence)) problems.push('evidence is not a list');
  if (problems.length > 0) throw new VigilError(`not a finding item (${String(item.findingId)}): ${problems.join('; ')}`);
  return { ...item, history: item.history ?? [], evidence: item.evidence ?? [] } as unknown as Finding;
};

/** The item to put: plain JSON data, undefined members dropped (the caller's client may not remove them). */
export const itemFromFinding = (finding: Finding): Record<string, unknown> => JSON.parse(JSON.stringify(finding)) as Record<string, unknown>;
