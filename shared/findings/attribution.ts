import type { Actor, UnattributedChange } from '../core';

/** Who a transition is attributed to: an actor, or why none could be named although changes were seen. */
export interface Attribution {
  readonly actor?: Actor;
  readonly unattributed?: UnattributedChange;
}

const timeOf = (actor: Actor): number => Date.parse(actor.eventTime ?? '');

/** The observation was read at or after the event: the judged state can reflect the change. */
export const reflects = (observedAt: string, actor: Actor): boolean => {
  const at = timeOf(actor);
  return Number.isFinite(at) && at <= Date.parse(observedAt);
};

const unattributed = (reason: UnattributedChange['reason'], observedAt: string, event: Actor): UnattributedChange => ({
  reason,
  observedAt,
  ...(event.eventTime === undefined ? {} : { eventTime: event.eventTime }),
  ...(event.eventName === undefined ? {} : { eventName: event.eventName }),
});

/**
 * The change a state observed at `observedAt` shows: the latest of the resource's events read at or before it. Events
 * after the observation are not in the judged state, so they never name the cause (replaying records newer than a
 * snapshot, or a fix delivered before the change it undoes); when only such events exist the transition says so.
 */
export const attributeChange = (observedAt: string, events: readonly Actor[]): Attribution => {
  let latest: Actor | undefined;
  let firstAfter: Actor | undefined;
  for (const event of events) {
    if (reflects(observedAt, event)) {
      if (!latest || timeOf(event) >= timeOf(latest)) latest = event;
    } else if (Number.isFinite(timeOf(event)) && (!firstAfter || timeOf(event) < timeOf(firstAfter))) firstAfter = event;
  }
  if (latest) return { actor: latest };
  return firstAfter ? { unattributed: unattributed('observed-before', observedAt, firstAfter) } : {};
};

/**
 * The attribution a transition keeps (pure, for the lifecycle): the caller's actor only when the observation reflects
 * its event and no later event is already recorded on the finding (then the caller's event is not the latest one).
 */
export const attributionOf = (observedAt: string, given: Attribution, previous: Actor | undefined): Attribution => {
  const actor = given.actor;
  if (!actor) return given.unattributed === undefined ? {} : { unattributed: given.unattributed };
  const superseded = previous !== undefined && timeOf(previous) > timeOf(actor);
  if (superseded) return { unattributed: unattributed('superseded', observedAt, previous) };
  return reflects(observedAt, actor) ? { actor } : { unattributed: unattributed('observed-before', observedAt, actor) };
};

/** The alert's "changed by" when no actor is named, e.g. "unknown (state observed at …, before DeleteBucketPolicy at …)". */
export const describeUnattributed = (u: UnattributedChange): string => {
  const event = `${u.eventName ?? 'a change'}${u.eventTime ? ` at ${u.eventTime}` : ''}`;
  return u.reason === 'superseded' ? `unknown (a later change, ${event}, is already recorded)` : `unknown (state observed at ${u.observedAt}, before ${event})`;
};
