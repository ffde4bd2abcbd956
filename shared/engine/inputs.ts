import type { InputGap } from '../core';
import { WHOLE_SNAPSHOT } from '../resources/gaps';

export interface GapWatcher<C> {
  /** The snapshot to hand to the rules: a read-through view that notes reads of gapped fields. */
  readonly config: C;
  /** Starts watching a new rule (rules run one at a time, synchronously). */
  reset(): void;
  /** Gaps whose fields the current rule has read so far. */
  hits(): InputGap[];
}

/** The gaps of one observation by field path, and every path that leads to one (built once, shared by its rules). */
interface GapIndex {
  readonly byPath: ReadonlyMap<string, readonly InputGap[]>;
  readonly prefixes: ReadonlySet<string>;
  /** `path` + `.` + `key`, memoised: the get trap runs on every read of a watched object. */
  readonly child: Map<string, Map<string, string>>;
}

const indexes = new WeakMap<readonly InputGap[], GapIndex>();

const indexOf = (gaps: readonly InputGap[]): GapIndex => {
  let index = indexes.get(gaps);
  if (index) return index;
  const byPath = new Map<string, InputGap[]>();
  const prefixes = new Set<string>(['']);
  for (const gap of gaps) {
    for (const input of gap.inputs) {
      byPath.set(input, [...(byPath.get(input) ?? []), gap]);
      const parts = input.split('.');
      for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join('.'));
    }
  }
  index = { byPath, prefixes, child: new Map() };
  indexes.set(gaps, index);
  return index;
};

const childPath = (index: GapIndex, path: string, key: string): string => {
  let byKey = index.child.get(path);
  if (!byKey) index.child.set(path, (byKey = new Map()));
  let full = byKey.get(key);
  if (full === undefined) byKey.set(key, (full = path === '' ? key : `${path}.${key}`));
  return full;
};

const INDEX_KEY = /^\d+$/;

/** The rules' reads of one snapshot: which gapped fields the current rule touched. One handler serves every view. */
class GapTracker implements ProxyHandler<object> {
  hit: InputGap[] = [];
  private readonly paths = new Map<object, string>();
  private readonly views = new Map<object, object>();

  constructor(private readonly index: GapIndex) {}

  view(target: object, path: string): object {
    let proxy = this.views.get(target);
    if (!proxy) {
      proxy = new Proxy(target, this);
      this.paths.set(target, path);
      this.views.set(target, proxy);
    }
    return proxy;
  }

  get(target: object, key: string | symbol, receiver: unknown): unknown {
    const value: unknown = Reflect.get(target, key, receiver);
    if (typeof key !== 'string') return value;
    const path = this.paths.get(target) ?? '';
    // Array elements sit at their array's path: `rules.destinationRegion`, whatever the index.
    const at = path === '' ? key : Array.isArray(target) && INDEX_KEY.test(key) ? path : childPath(this.index, path, key);
    if (at !== path) for (const gap of this.index.byPath.get(at) ?? []) if (!this.hit.includes(gap)) this.hit.push(gap);
    if (value === null || typeof value !== 'object' || !this.index.prefixes.has(at)) return value;
    // A frozen property must be returned as is (Proxy invariant): its reads below are then not watched.
    const own = Object.getOwnPropertyDescriptor(target, key);
    if (own && !own.configurable && !own.writable) return value;
    return this.view(value, at);
  }
}

const UNWATCHED = { reset: () => undefined, hits: (): InputGap[] => [] };

/**
 * Watches which gapped fields each rule reads, for one observation (built once, reset per rule). Only objects on the
 * way to a gapped field are wrapped (one Proxy per object, on first access): a snapshot without gaps costs nothing,
 * and values are never changed.
 */
export const watchGaps = <C>(config: C, gaps: readonly InputGap[]): GapWatcher<C> => {
  if (gaps.length === 0 || config === null || typeof config !== 'object') return { config, ...UNWATCHED };
  const tracker = new GapTracker(indexOf(gaps));
  return {
    config: tracker.view(config, '') as C,
    reset: () => {
      tracker.hit = [];
    },
    hits: () => tracker.hit,
  };
};

/** Gaps that cover the whole snapshot (e.g. GetRole denied, a Config item without configuration): no rule can run. */
export const wholeSnapshotGaps = (gaps: readonly InputGap[]): InputGap[] => gaps.filter((g) => g.inputs.includes(WHOLE_SNAPSHOT));
