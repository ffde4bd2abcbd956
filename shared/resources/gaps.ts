import type { InputGap } from '../core';

/** The gap input that covers the whole snapshot: nothing of it is known, no rule runs on it. */
export const WHOLE_SNAPSHOT = '*';

/** How to get data a Config snapshot does not carry: the same rules on live reads. */
export const liveReadHint = (family: string | undefined, region: string): string =>
  `needs a live read: \`vigil scan${family ? ` --family ${family}` : ''}${region === 'global' ? '' : ` --region ${region}`}\``;

/** Inputs the source does not carry, or did not say (INSUFFICIENT_DATA for the rules that read them). */
export const notTold = (inputs: readonly string[], read: string, detail: string): InputGap => ({ inputs: [...inputs], read, reason: 'not-told', detail });

/** Inputs whose read was attempted and failed (ERROR for the rules that read them). */
export const failedRead = (inputs: readonly string[], read: string, detail: string): InputGap => ({ inputs: [...inputs], read, reason: 'failed', detail });

/** Gaps in a stable order, duplicates merged (several reads of one command: one gap per command and reason). */
export const mergeGaps = (...lists: readonly (readonly InputGap[])[]): InputGap[] => {
  const merged = new Map<string, InputGap>();
  for (const gap of lists.flat()) {
    const key = `${gap.reason}|${gap.read}`;
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, inputs: [...new Set([...seen.inputs, ...gap.inputs])].sort() } : { ...gap, inputs: [...gap.inputs].sort() });
  }
  return [...merged.values()].sort((a, b) => `${a.reason}|${a.read}`.localeCompare(`${b.reason}|${b.read}`));
};
