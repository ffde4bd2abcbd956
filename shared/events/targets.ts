import { parse as parseArn } from '@aws-sdk/util-arn-parser';
import { EventValidationError, type ResourceRef } from '../core';
import type { ResourceKind } from '../resources/types';
import { normaliseEventName, partitionOf, valueAtPath } from './names';
import type { CloudTrailDetail, IdLocator, TriggerRow } from './types';

/** Kind of trigger rows that only route events to detections (catalogue §1.5). */
export const EVENT_ONLY_KIND = 'event';

export interface FanOut {
  readonly kind: string;
  readonly accountId: string;
  readonly region: string;
}

export interface Targets {
  readonly refs: ResourceRef[];
  readonly fanOut: FanOut[];
}

/** The rows of the catalogue that an event matches (exact name, or the version-stripped name for prefix rows). */
export const matchingRows = (detail: Pick<CloudTrailDetail, 'eventSource' | 'eventName'>, rows: readonly TriggerRow[]): TriggerRow[] => {
  const stripped = normaliseEventName(detail.eventName);
  return rows.filter(
    (row) =>
      row.eventSource === detail.eventSource &&
      row.eventNames.some((name) => (row.match === 'prefix' ? name === stripped || name === detail.eventName : name === detail.eventName)),
  );
};

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** A value that names resources: a non-empty string, or a non-empty array of them; anything else names none. */
const idsIn = (value: unknown): string[] => (isId(value) ? [value] : Array.isArray(value) && value.length > 0 && value.every(isId) ? [...value] : []);

const locate = (locator: IdLocator, detail: CloudTrailDetail, accountId: string): { ids: string[]; tried: string } => {
  if ('account' in locator) return { ids: [accountId], tried: 'recipientAccountId' };
  if ('paths' in locator) {
    for (const path of locator.paths) {
      const ids = idsIn(valueAtPath(detail, path));
      if (ids.length > 0) return { ids, tried: path };
    }
    return { ids: [], tried: locator.paths.join(' or ') };
  }
  // Resolvers read fields the schema does not type (requestParameters, responseElements): whatever one returns, only
  // non-empty strings become resource ids.
  return { ids: idsIn(locator.resolve(detail)), tried: 'resolver' };
};

const accountFromArn = (id: string): string | undefined => {
  if (!id.startsWith('arn:')) return undefined;
  try {
    const accountId = parseArn(id).accountId;
    return /^\d{12}$/.test(accountId) ? accountId : undefined;
  } catch {
    return undefined;
  }
};

/** Builds a reference to resource `id` of `kind` in the event's account and Region (global kinds get region `global`). */
export const refFor = (kind: ResourceKind, id: string, accountId: string, region: string): ResourceRef => {
  const owner = accountFromArn(id) ?? accountId;
  return {
    kind: kind.kind,
    id,
    arn: kind.arn({ partition: partitionOf(region), accountId: owner, region, id }),
    accountId: owner,
    region: kind.global ? 'global' : region,
  };
};

/**
 * The resources an event changes, from the trigger catalogue. A row that matches but whose id path is missing means the
 * event is malformed: EventValidationError names the event and the path. Resolver rows may decline (undefined).
 */
export const resolveTargets = (detail: CloudTrailDetail, rows: readonly TriggerRow[], kinds: readonly ResourceKind[]): Targets => {
  const accountId = detail.recipientAccountId ?? detail.userIdentity?.accountId;
  if (!accountId) throw new EventValidationError(`${detail.eventSource} ${detail.eventName}: no recipientAccountId`, ['recipientAccountId: missing']);
  const refs = new Map<string, ResourceRef>();
  const fanOut = new Map<string, FanOut>();
  for (const row of matchingRows(detail, rows)) {
    if (row.kind === EVENT_ONLY_KIND) continue; // detection rows route events; they name no resource to re-read
    const kind = kinds.find((k) => k.kind === row.kind);
    if (!kind) throw new EventValidationError(`trigger catalogue names unknown kind ${row.kind}`);
    const { ids, tried } = locate(row.id, detail, accountId);
    if (ids.length === 0 && !('resolve' in row.id)) {
      throw new EventValidationError(`${detail.eventSource} ${detail.eventName} (event ${detail.eventID ?? 'without id'}): no resource id at ${tried}`, [
        `${tried}: missing`,
      ]);
    }
    for (const id of ids) {
      const ref = refFor(kind, id, accountId, detail.awsRegion);
      refs.set(`${ref.kind}|${ref.arn}`, ref);
    }
    for (const fanKind of row.fanOut ?? []) {
      const target = kinds.find((k) => k.kind === fanKind);
      // An account-wide (global) change reaches resources in every Region: `global` asks the collector for all of them.
      const region = target?.global || kind.global ? 'global' : detail.awsRegion;
      fanOut.set(`${fanKind}|${accountId}|${region}`, { kind: fanKind, accountId, region });
    }
  }
  return { refs: [...refs.values()], fanOut: [...fanOut.values()] };
};
