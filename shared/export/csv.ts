import type { ExportableFinding } from './types';

const COLUMNS = ['findingId', 'status', 'severity', 'ruleId', 'resourceType', 'resourceId', 'resourceArn', 'accountId', 'region', 'message', 'firstSeenAt', 'lastSeenAt', 'resolvedAt', 'actor'] as const;

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run account-controlled text as a formula. */
const cell = (value: unknown): string => {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const toCsv = (findings: readonly ExportableFinding[]): string => {
  const lines = [COLUMNS.join(',')];
  for (const f of findings) {
    lines.push(COLUMNS.map((c) => cell(c === 'actor' ? f.actor?.principalArn : f[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
};
