import { ConfigError, type Observation, type ResourceRef } from '../core';
import { partitionOf } from '../events/names';
import type { FamilyDefinition } from '../families/types';
import type { ClientFactory } from '../resources/clients';
import { createConfigIndex, normaliseConfigItem, type ConfigIndex, type ConfigItem } from '../resources/config-item';
import type { ResourceKind } from '../resources/types';

/** Where observations come from. Rules never see which one it was. */
export interface ObservationSource {
  observe(ref: ResourceRef): Promise<Observation>;
  /** Every resource of a kind in the account and Region (fan-out, sweep, scan). */
  list(kind: string, scope: { readonly accountId: string; readonly region: string }): Promise<ResourceRef[]>;
  /** Config-backed sources take the item a Config change event carries as the resource's new state (replay). */
  ingest?(item: ConfigItem): void;
  /** False for kinds this source cannot observe (live-only kinds on a Config snapshot): they are skipped, never judged. */
  canObserve?(kind: string): boolean;
  /** False when `list` returns only some resources of the kind (see KindCollector.partialListing). @default true */
  listsEvery?(kind: string): boolean;
}

export const kindsOf = (families: readonly FamilyDefinition[]): ResourceKind[] => families.flatMap((f) => f.kinds);

/** Live AWS SDK reads through each family's collectors. */
export const createLiveSource = (families: readonly FamilyDefinition[], clients: ClientFactory): ObservationSource => {
  const collectorOf = (kind: string) => {
    for (const family of families) {
      const collector = family.collectors[kind];
      if (collector) return collector;
    }
    throw new ConfigError(`no live collector for ${kind}`);
  };
  return {
    observe: (ref) => collectorOf(ref.kind).collect(ref, clients),
    list: (kind, scope) => collectorOf(kind).list({ ...scope, partition: partitionOf(scope.region) }, clients),
    listsEvery: (kind) => collectorOf(kind).partialListing !== true,
  };
};

export interface ConfigSource extends ObservationSource {
  /** Every observation the items yield (for `scan --snapshot`). */
  all(): Observation[];
  readonly index: ConfigIndex;
}

/**
 * Observations from AWS Config configuration items (a snapshot file, a history file, or items from events), normalised by
 * each family's Config normalisers into the same snapshot types as the live reads. Items of types no family judges are skipped.
 */
export const createConfigSource = (families: readonly FamilyDefinition[], rawItems: readonly unknown[]): ConfigSource => {
  const items: ConfigItem[] = rawItems.map((raw, i) => {
    try {
      return normaliseConfigItem(raw);
    } catch (error) {
      throw new ConfigError(`configuration item #${i + 1}: ${(error as Error).message}`, { cause: error });
    }
  });
  // A history file holds several items per resource: keep the latest capture of each.
  const latest = new Map<string, ConfigItem>();
  for (const item of items) {
    const key = `${item.resourceType}|${item.resourceId}|${item.region}`;
    const seen = latest.get(key);
    if (!seen || Date.parse(item.captureTime) >= Date.parse(seen.captureTime)) latest.set(key, item);
  }
  let index = createConfigIndex([...latest.values()]);
  const normalisers = families.flatMap((f) => f.configNormalisers);
  let cache: Observation[] | undefined;
  /** Time of the snapshot: its latest capture. */
  const snapshotTime = (): string => {
    let latestTime = 0;
    for (const item of latest.values()) latestTime = Math.max(latestTime, Date.parse(item.captureTime) || 0);
    return new Date(latestTime).toISOString();
  };
  const all = (): Observation[] => {
    if (!cache) {
      // One observation per resource: account-level items are recorded once per Region, and several items may yield one ref.
      const byRef = new Map<string, Observation>();
      for (const item of latest.values()) {
        for (const normaliser of normalisers) {
          if (normaliser.configType !== item.resourceType) continue;
          for (const obs of normaliser.toObservations(item, index)) {
            const key = `${obs.ref.kind}|${obs.ref.arn}`;
            const seen = byRef.get(key);
            if (!seen || Date.parse(obs.observedAt) >= Date.parse(seen.observedAt)) byRef.set(key, obs);
          }
        }
      }
      cache = [...byRef.values()];
    }
    return cache;
  };
  const observableKinds = new Set(families.flatMap((f) => f.kinds).filter((k) => k.configTypes.length > 0).map((k) => k.kind));
  return {
    get index() {
      return index;
    },
    all,
    ingest: (item) => {
      const key = `${item.resourceType}|${item.resourceId}|${item.region}`;
      const seen = latest.get(key);
      if (seen && Date.parse(item.captureTime) < Date.parse(seen.captureTime)) return; // an older item never replaces a newer one
      latest.set(key, item);
      index = createConfigIndex([...latest.values()]);
      cache = undefined;
    },
    canObserve: (kind) => observableKinds.has(kind),
    observe: async (ref) => {
      const found = all().find((o) => o.ref.kind === ref.kind && (o.ref.arn === ref.arn || o.ref.id === ref.id));
      if (found) return found;
      // Not in the snapshot: Config does not know the resource, so as of the snapshot's time it does not exist.
      return { state: 'gone', ref, observedAt: snapshotTime(), source: 'config' };
    },
    list: async (kind, scope) =>
      all()
        .filter((o) => o.ref.kind === kind && o.ref.accountId === scope.accountId && (scope.region === 'global' || o.ref.region === scope.region || o.ref.region === 'global'))
        .map((o) => o.ref),
  };
};
