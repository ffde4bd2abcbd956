/**
 * Glob matching for IAM patterns (`*` = any run, `?` = one character). Never builds a regular expression from policy
 * text: patterns are split on `*` and the pieces are found leftmost-first (greedy is exact for star globs), literal
 * pieces with KMP, so a match costs O(|pattern| + |text|); pieces holding `?` use a bit-parallel scan
 * (O(|text| · ⌈|piece| / 32⌉)). Pattern-vs-pattern questions (intersection, coverage) use a product automaton capped
 * at MAX_PRODUCT_CELLS, beyond which the caller's conservative answer is returned.
 */

const STAR = 42; // '*'
const QMARK = 63; // '?'
const COLON = 58; // ':'
const RUN = 1; // SEGMENT_RUN

/**
 * In engine-made globs (ARN templates), a run of characters without `:` — one ARN segment. Policy patterns never hold
 * it; globsIntersect and globCovers (as the inner pattern) understand it.
 */
export const SEGMENT_RUN = '\u0001';

/** Below this many comparisons a naive scan beats building KMP tables. */
const NAIVE_SCAN_LIMIT = 2048;
/** Product automata larger than this are not built; the caller gets its conservative answer. */
const MAX_PRODUCT_CELLS = 262_144;

/**
 * Whether pattern character `p` (never `*`) accepts text character `t`. In cover mode the text is itself a pattern:
 * its `*` can only be absorbed by a pattern `*`, and its `?` only by `?` or `*`.
 */
const charAccepts = (p: number, t: number, cover: boolean): boolean => {
  if (p === QMARK) return !(cover && (t === STAR || t === RUN));
  if (cover && (t === STAR || t === QMARK || t === RUN)) return false;
  return p === t;
};

/** pattern[pStart, pEnd) (no `*`) matches text at `at`. */
const rangeMatchesAt = (pattern: string, pStart: number, pEnd: number, text: string, at: number, cover: boolean): boolean => {
  for (let k = pStart; k < pEnd; k += 1) {
    if (!charAccepts(pattern.charCodeAt(k), text.charCodeAt(at + k - pStart), cover)) return false;
  }
  return true;
};

/** KMP search of a `?`-free piece in text[from, end). */
const kmpFind = (piece: string, text: string, from: number, end: number): number => {
  const m = piece.length;
  const fail = new Int32Array(m);
  for (let i = 1, k = 0; i < m; i += 1) {
    while (k > 0 && piece.charCodeAt(i) !== piece.charCodeAt(k)) k = fail[k - 1];
    if (piece.charCodeAt(i) === piece.charCodeAt(k)) k += 1;
    fail[i] = k;
  }
  for (let i = from, k = 0; i < end; i += 1) {
    const c = text.charCodeAt(i);
    while (k > 0 && c !== piece.charCodeAt(k)) k = fail[k - 1];
    if (c === piece.charCodeAt(k)) k += 1;
    if (k === m) return i - m + 1;
  }
  return -1;
};

/** Shift-And search (multi-word bit vectors) of a piece holding `?` in text[from, end). */
const shiftAndFind = (piece: string, text: string, from: number, end: number, cover: boolean): number => {
  const m = piece.length;
  const words = (m + 31) >>> 5;
  const anyMask = new Uint32Array(words);
  const masks = new Map<number, Uint32Array>();
  for (let k = 0; k < m; k += 1) {
    const c = piece.charCodeAt(k);
    if (c === QMARK) {
      anyMask[k >>> 5] |= 1 << (k & 31);
      continue;
    }
    let mask = masks.get(c);
    if (!mask) {
      mask = new Uint32Array(words);
      masks.set(c, mask);
    }
    mask[k >>> 5] |= 1 << (k & 31);
  }
  for (const mask of masks.values()) for (let w = 0; w < words; w += 1) mask[w] |= anyMask[w];
  const state = new Uint32Array(words);
  const lastWord = (m - 1) >>> 5;
  const lastBit = 1 << ((m - 1) & 31);
  for (let i = from; i < end; i += 1) {
    const c = text.charCodeAt(i);
    const mask = masks.get(c) ?? (cover && (c === STAR || c === RUN) ? undefined : anyMask);
    let carry = 1;
    for (let w = 0; w < words; w += 1) {
      const next = state[w] >>> 31;
      state[w] = ((state[w] << 1) | carry) & (mask ? mask[w] : 0);
      carry = next;
    }
    if (state[lastWord] & lastBit) return i - m + 1;
  }
  return -1;
};

/** Leftmost index >= from where pattern[pStart, pEnd) (no `*`) matches and ends by `end`, or -1. */
const findRange = (pattern: string, pStart: number, pEnd: number, text: string, from: number, end: number, cover: boolean): number => {
  const length = pEnd - pStart;
  const span = end - from - length + 1;
  if (span <= 0) return -1;
  if (span * length <= NAIVE_SCAN_LIMIT) {
    for (let at = from; at < from + span; at += 1) if (rangeMatchesAt(pattern, pStart, pEnd, text, at, cover)) return at;
    return -1;
  }
  // Long scans only: slicing the piece is cheap next to the scan. KMP compares code units exactly, which is what
  // cover mode needs too (pattern literals are never `*`/`?`).
  const piece = pattern.slice(pStart, pEnd);
  return piece.includes('?') ? shiftAndFind(piece, text, from, end, cover) : kmpFind(piece, text, from, end);
};

const globCore = (pattern: string, text: string, cover: boolean): boolean => {
  const firstStar = pattern.indexOf('*');
  if (firstStar < 0) return text.length === pattern.length && rangeMatchesAt(pattern, 0, pattern.length, text, 0, cover);
  const lastStar = pattern.lastIndexOf('*');
  const tailLength = pattern.length - lastStar - 1;
  if (text.length < firstStar + tailLength) return false;
  if (!rangeMatchesAt(pattern, 0, firstStar, text, 0, cover)) return false;
  const end = text.length - tailLength;
  if (!rangeMatchesAt(pattern, lastStar + 1, pattern.length, text, end, cover)) return false;
  // The pieces between the first and the last star, found leftmost-first (greedy is exact for star globs).
  let pos = firstStar;
  let from = firstStar + 1;
  while (from <= lastStar) {
    let next = pattern.indexOf('*', from);
    if (next < 0) next = lastStar;
    if (next > from) {
      const at = findRange(pattern, from, next, text, pos, end, cover);
      if (at < 0) return false;
      pos = at + next - from;
    }
    from = next + 1;
  }
  return true;
};

/** Case-sensitive glob match (`*`, `?`) of a pattern against a concrete string. */
export const globMatch = (pattern: string, text: string): boolean => {
  if (pattern === '*') return true;
  return globCore(pattern, text, false);
};

/** Case-insensitive glob match of an action pattern (`*`, `?`) against an action, in linear time. */
export const actionMatches = (pattern: string, action: string): boolean =>
  pattern === '*' || globCore(pattern.toLowerCase(), action.toLowerCase(), false);

/**
 * Resource (Resource/NotResource) match: case-sensitive glob over the whole ARN. A `*` may run past `:`, which is
 * what a trailing `*` in a segment needs (`arn:aws:s3:::bucket/*` covers keys holding colons).
 */
export const resourceMatches = (pattern: string, resource: string): boolean => globMatch(pattern, resource);

/** Splits an ARN into at most six components (the resource part keeps its colons). */
export const arnComponents = (arn: string): string[] => {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i += 1) {
    const colon = arn.indexOf(':', start);
    if (colon < 0) break;
    parts.push(arn.slice(start, colon));
    start = colon + 1;
  }
  parts.push(arn.slice(start));
  return parts;
};

/** ArnLike: each of the six colon-delimited components is matched on its own (a `*` cannot cross `:`). */
export const arnLikeMatches = (pattern: string, arn: string): boolean => {
  if (/^\*+$/.test(pattern)) return true;
  const p = arnComponents(pattern);
  const a = arnComponents(arn);
  if (p.length !== a.length) return false;
  for (let i = 0; i < p.length; i += 1) if (!globMatch(p[i], a[i])) return false;
  return true;
};

/**
 * Sound coverage of one glob by another: true only if every string matching `inner` also matches `outer`
 * (e.g. `s3:*` covers `s3:Get*`, `arn:aws:s3:::*\/*` covers `arn:aws:s3:::b/*`). Unknown → false.
 * Pass lower-cased inputs for actions.
 */
export const globCovers = (outer: string, inner: string): boolean => {
  if (isAllStars(outer)) return true;
  if (outer === inner) return true;
  return globCore(outer, inner, true);
};

/** Whether some string matches both globs. Too large to decide → true (callers treat overlap as the cautious answer). */
export const globsIntersect = (a: string, b: string): boolean => {
  if (isAllStars(a) || isAllStars(b)) return true;
  if (!a.includes('*') && !a.includes('?') && !a.includes(SEGMENT_RUN)) return b.includes(SEGMENT_RUN) ? globsIntersectSlow(a, b) : globMatch(b, a);
  if (!b.includes('*') && !b.includes('?') && !b.includes(SEGMENT_RUN)) return a.includes(SEGMENT_RUN) ? globsIntersectSlow(a, b) : globMatch(a, b);
  return globsIntersectSlow(a, b);
};

/** Reused product-automaton buffer (the engine is synchronous, so one buffer is enough). */
let scratch = new Uint8Array(4096);

/** Index from which `s` is only `*` (s.length when it does not end with `*`). */
const starSuffixStart = (s: string): number => {
  let k = s.length;
  while (k > 0 && s.charCodeAt(k - 1) === STAR) k -= 1;
  return k;
};

/**
 * Product automaton of two globs, row by row. Stops early: a cell from which one side has only `*` left accepts (that
 * side absorbs whatever the other still needs), and an empty row means nothing further is reachable.
 */
const globsIntersectSlow = (a: string, b: string): boolean => {
  const n = a.length;
  const m = b.length;
  const restA = starSuffixStart(a);
  const restB = starSuffixStart(b);
  if (restA === 0 || restB === 0) return true;
  const width = m + 1;
  const cells = (n + 1) * width;
  if (cells > MAX_PRODUCT_CELLS) return true;
  if (scratch.length < cells) scratch = new Uint8Array(Math.max(cells, scratch.length * 2));
  const reach = scratch;
  reach.fill(0, 0, cells);
  reach[0] = 1;
  for (let i = 0; i <= n; i += 1) {
    let rowLive = false;
    for (let j = 0; j <= m; j += 1) {
      if (!reach[i * width + j]) continue;
      rowLive = true;
      if ((i >= restA && restA < n) || (j >= restB && restB < m) || (i === n && j === m)) return true;
      const ca = i < n ? a.charCodeAt(i) : -1;
      const cb = j < m ? b.charCodeAt(j) : -1;
      const starA = ca === STAR || ca === RUN;
      const starB = cb === STAR || cb === RUN;
      if (starA) reach[(i + 1) * width + j] = 1;
      if (starB) reach[i * width + j + 1] = 1;
      if (ca < 0 || cb < 0) continue;
      // Consume one common character: a star stays put, anything else advances.
      const nextI = starA ? i : i + 1;
      const nextJ = starB ? j : j + 1;
      if (nextI === i && nextJ === j) continue;
      // A segment run cannot take ':'; against a wildcard some other character can be chosen.
      const literalA = !starA && ca !== QMARK;
      const literalB = !starB && cb !== QMARK;
      let compatible = !literalA || !literalB || ca === cb;
      if ((ca === RUN && literalB && cb === COLON) || (cb === RUN && literalA && ca === COLON)) compatible = false;
      if (compatible) reach[nextI * width + nextJ] = 1;
    }
    if (!rowLive) return false;
  }
  return reach[n * width + m] === 1;
};

export const isAllStars = (pattern: string): boolean => {
  if (pattern.length === 0) return false;
  for (let i = 0; i < pattern.length; i += 1) if (pattern.charCodeAt(i) !== STAR) return false;
  return true;
};

export const hasWildcard = (value: string): boolean => value.includes('*') || value.includes('?');
