import type { CredentialReportRow } from './types';

/** The row of the root user in the credential report. */
export const ROOT_REPORT_USER = '<root_account>';

/** Splits CSV text (RFC 4180: quoted fields, doubled quotes) into rows of fields. */
const splitCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
};

/** Parses the credential report CSV (`GetCredentialReport.Content`, a Uint8Array in SDK v3, or its text) into rows keyed by column. */
export const parseCredentialReport = (content: Uint8Array | string): CredentialReportRow[] => {
  const text = typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content);
  const [header, ...lines] = splitCsv(text);
  if (!header) return [];
  return lines.map((fields) => {
    const row: Record<string, string> = {};
    header.forEach((column, i) => {
      row[column.trim()] = (fields[i] ?? '').trim();
    });
    return row;
  });
};

const SENTINELS = new Set(['', 'N/A', 'no_information', 'not_supported']);

/** A date column of the report, or `null` for the sentinels `N/A`, `no_information`, `not_supported`. */
export const reportDate = (value: string | undefined): Date | null => {
  if (value === undefined || SENTINELS.has(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** A boolean column: `true` / `false`, `null` for `not_supported` and the other sentinels. */
export const reportFlag = (value: string | undefined): boolean | null => (value === 'true' ? true : value === 'false' ? false : null);

export const rootRow = (rows: readonly CredentialReportRow[]): CredentialReportRow | undefined => rows.find((r) => r.user === ROOT_REPORT_USER);
