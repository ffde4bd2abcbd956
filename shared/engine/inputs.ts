import type { InputGap } from '../core';
import { WHOLE_SNAPSHOT } from '../resources/gaps';

export interface TrackedSnapshot<C> {
  /** The snapshot to hand to the rule: a read-through view that notes reads of gapped fields. */
  readonly config: C;
  /** Gaps whose fields the rule has read so far. */
  hits(): InputGap[];
}

const isIndex = (target: object, key: string): boolean => Array.isArray(target) && /^\d+$/.test(key);

/**
 * Watches which gapped fields a rule reads. Only objects on the way to a gapped field are wrapped (a Proxy per object,
 * created on first access), so the cost is nil for snapshots without gaps and small otherwise; values are never changed.
 */
export const trackGaps = <C>(config: C, gaps: readonly InputGap[]): TrackedSnapshot<C> => {
  if (gaps.length === 0 || config === null || typeof config !== 'object') return { config, hits: () => [] };
  const byPath = new Map<string, InputGap[]>();
  const prefixes = new Set<string>(['']);
  for (const gap of gaps) {
    for (const input of gap.inputs) {
      byPath.set(input, [...(byPath.get(input) ?? []), gap]);
      const parts = input.split('.');
      for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join('.'));
    }
  }
  const hit = new Set<InputGap>();
  const views = new WeakMap<object, object>();
  const view = (target: object, path: string): object => {
    const seen = views.get(target);
    if (seen) return seen;
    const proxy = new Proxy(target, {
      get(t, key, receiver) {
        const value: unknown = Reflect.get(t, key, receiver);
        if (typeof key !== 'string') return value;
        const childPath = isIndex(t, key) ? path : path === '' ? key : `${path}.${key}`;
        if (childPath !== path) for (const gap of byPath.get(childPath) ?? []) hit.add(gap);
        if (value === null || typeof value !== 'object' || !prefixes.has(childPath)) return value;
        // A frozen property must be returned as is (Proxy invariant): its reads below are then not watched.
        const own = Object.getOwnPropertyDescriptor(t, key);
        if (own && !own.configurable && !own.writable) return value;
        return view(value, childPath);
      },
    });
    views.set(target, proxy);
    return proxy;
  };
  return { config: view(config, '') as C, hits: () => [...hit] };
};

/** Gaps that cover the whole snapshot (e.g. GetRole denied, a Config item without configuration): no rule can run. */
export const wholeSnapshotGaps = (gaps: readonly InputGap[]): InputGap[] => gaps.filter((g) => g.inputs.includes(WHOLE_SNAPSHOT));
