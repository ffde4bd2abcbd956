import Table from 'cli-table3';
import type { Verdict } from '../shared/core';
import type { ExportableFinding } from '../shared/export';

/** Account-controlled text shown in a terminal: no control characters or escape sequences, bounded length. */
export const safeText = (value: unknown, max = 120): string => {
  const text = String(value ?? '')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

/** Compact tables: no rule between rows, so long lists stay readable in a terminal. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
const table = (head: string[]): Table.Table => new Table({ head, chars: COMPACT, style: { head: [], border: [] }, wordWrap: true });

export const verdictTable = (verdicts: readonly Verdict[]): string => {
  const t = table(['Status', 'Severity', 'Rule', 'Resource', 'Message']);
  for (const v of verdicts) t.push([v.status, v.severity, v.ruleId, safeText(v.resourceId, 48), safeText(v.message, 90)]);
  return t.toString();
};

const STATUS_ORDER: Record<string, number> = { OPEN: 0, ERROR: 1, SUPPRESSED: 2, RESOLVED: 3 };
const SEVERITY_ORDER: Record<string, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3, INFORMATIONAL: 4 };

/** Open first, then most severe, then by rule and resource. */
export const sortFindings = <F extends ExportableFinding>(findings: F[]): F[] =>
  findings.sort(
    (a, b) =>
      (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) ||
      (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.resourceId.localeCompare(b.resourceId),
  );

export const findingTable = (findings: readonly ExportableFinding[]): string => {
  const t = table(['Finding', 'Status', 'Severity', 'Rule', 'Resource', 'Last seen', 'Changed by']);
  for (const f of findings) {
    const who = f.actor?.principalArn ?? (f.unattributed ? `unknown (observed before ${f.unattributed.eventName ?? 'a change'})` : '');
    t.push([f.findingId, f.status, f.severity, f.ruleId, safeText(f.resourceId, 40), f.lastSeenAt ?? '', safeText(who, 48)]);
  }
  return t.toString();
};

/** Counts per status, e.g. `FAIL 3 · ERROR 1 · PASS 40 · INSUFFICIENT_DATA 12`. */
export const statusSummary = (verdicts: readonly Verdict[]): string => {
  const counts = new Map<string, number>();
  for (const v of verdicts) counts.set(v.status, (counts.get(v.status) ?? 0) + 1);
  return ['FAIL', 'ERROR', 'PASS', 'NOT_APPLICABLE', 'INSUFFICIENT_DATA']
    .filter((s) => counts.has(s))
    .map((s) => `${s} ${counts.get(s)}`)
    .join(' · ');
};

/**
 * What the INSUFFICIENT_DATA verdicts lack, counted by rule: `23 rules need live reads (40 evaluations): ...`. Empty when
 * there are none. These are not findings: they never alert and `--fail-on` ignores them.
 */
export const insufficientDataSummary = (verdicts: readonly Verdict[]): string => {
  const missing = verdicts.filter((v) => v.status === 'INSUFFICIENT_DATA');
  if (missing.length === 0) return '';
  const rules = new Set(missing.map((v) => v.ruleId)).size;
  const fromSnapshot = missing.every((v) => v.source === 'config');
  const what = fromSnapshot ? 'need live reads (data an AWS Config snapshot does not carry)' : 'lack inputs this source did not give';
  const region = [...new Set(missing.map((v) => v.region).filter((r) => r !== 'global'))][0];
  const how = fromSnapshot ? `: \`vigil scan${region ? ` --region ${region}` : ''}\`` : '';
  return `${rules} rule${rules === 1 ? '' : 's'} ${what}, ${missing.length} evaluation${missing.length === 1 ? '' : 's'} INSUFFICIENT_DATA (not findings, never a PASS)${how}`;
};
