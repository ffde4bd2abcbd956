// Text copied from the account (resource names, tag values, evidence messages, user agents, suppression reasons) is
// attacker-controllable: anyone allowed to name a bucket or set a user agent writes into our alerts. These helpers
// make such text inert before it reaches an email, a subject line or a console.

/** C0 and C1 controls and DEL (tabs and newlines included: single-line fields get a space instead). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** Line and paragraph separators: newlines to many renderers. */
const SEPARATORS = /[\u2028\u2029\u0085]/g;
/** Bidirectional overrides and isolates ("Trojan Source") and zero-width characters: they make text read differently from what it is. */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const ELLIPSIS = '…';

/** Clips to `max` characters (code points, never splitting a surrogate pair), marking the cut with an ellipsis. */
export const clipText = (text: string, max: number, marker = ELLIPSIS): string => {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - Array.from(marker).length)).join('') + marker;
};

/** One line of inert text: controls and separators become spaces, invisible characters go, runs of spaces collapse. */
export const singleLine = (value: unknown, max = 512): string => {
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  const cleaned = text.replace(INVISIBLE, '').replace(CONTROL, ' ').replace(SEPARATORS, ' ').replace(/\s+/g, ' ').trim();
  return clipText(cleaned, max);
};

/** Several lines of inert text (rule-authored remediation and rationale): each line cleaned, at most `maxLines`. */
export const multiLine = (value: unknown, maxChars = 2_000, maxLines = 20): string[] => {
  const text = typeof value === 'string' ? value : '';
  const lines = text
    .replace(SEPARATORS, '\n')
    .split(/\r\n|\r|\n/)
    .map((line) => singleLine(line, maxChars))
    .filter((line) => line !== '');
  return lines.length <= maxLines ? lines : [...lines.slice(0, maxLines), `(${lines.length - maxLines} more lines)`];
};

/** Printable ASCII only (SNS rewrites subjects with control or non-ASCII characters; mail headers must not break). */
export const asciiLine = (value: unknown, max: number): string =>
  clipText(singleLine(value, Number.MAX_SAFE_INTEGER).replace(/[^\x20-\x7e]/g, '?'), max, '...');

/**
 * JSON text that is inert inside HTML and JavaScript too: `<`, `>`, `&` and the line separators are written as
 * \u escapes, which every JSON parser reads back as the same characters.
 */
export const htmlSafeJson = (value: unknown, space?: number): string =>
  JSON.stringify(value, null, space).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
