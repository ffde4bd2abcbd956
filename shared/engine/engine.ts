import { CollectError, describeError, EventValidationError, isFindingVerdict, VigilError, type Actor, type Observation, type ResourceRef, type RuleContext, type RuleParams, type UnattributedChange, type Verdict } from '../core';
import { parseEventBridgeEvent, type FanOut, type ParsedEvent } from '../events';
import { isEvaluateMessage, parseEvaluateMessage } from '../events/evaluate-message';
import type { FamilyDefinition } from '../families/types';
import { attributeChange, type Attribution } from '../findings/attribution';
import { mapLimit } from './concurrency';
import { evaluateDetections, evaluateObservation, unreadableVerdicts } from './evaluate';
import { createConfigSource, kindsOf, type ObservationSource } from './sources';
import { processWorkItems, type WorkItem, type WorkOptions } from './work';

/** The part of the findings store the engine needs (see shared/findings). */
export interface VerdictSink<R = unknown> {
  reconcile(verdict: Verdict, options: { readonly actor?: Actor; readonly unattributed?: UnattributedChange; readonly detectedAt: string; readonly baselineId?: string }): Promise<R>;
}

export interface EngineOptions<R> {
  readonly families: readonly FamilyDefinition[];
  readonly source: ObservationSource;
  /** Where verdicts go (the findings table); omit to only evaluate (e.g. `scan` without a store). */
  readonly sink?: VerdictSink<R>;
  /** Injected clock: detection time and rules' `now`. */
  readonly clock?: () => Date;
  readonly params?: Partial<RuleParams>;
  readonly orgId?: string;
  /** Reads in flight at once. @default 8 */
  readonly concurrency?: number;
  /** Also fetch oversized Config items from S3 (AWS only). */
  readonly fetchOversizedItem?: (s3Location: string) => Promise<unknown>;
  /**
   * Sends "evaluate this resource" messages to the family's queue. When set, a fan-out only lists the resources and
   * enqueues them (the evaluators read them, spread over many invocations); without it (CLI) they are read in-process.
   */
  readonly enqueue?: (refs: readonly ResourceRef[]) => Promise<void>;
  /** How evaluate messages are processed (attempts, deadline, baseline progress). */
  readonly work?: WorkOptions<R>;
}

export interface InboundRecord {
  /** SQS message id (or a line number in a replay file). */
  readonly id: string;
  readonly body: unknown;
  /** This receive of the message (SQS ApproximateReceiveCount). */
  readonly attempt?: number;
  /** The account of the queue it came from: an evaluate message must name a resource of it. */
  readonly queueAccountId?: string;
}

export interface BatchOutcome<R> {
  readonly verdicts: Verdict[];
  readonly results: R[];
  /** Records to retry (SQS batch item failures): collection or store failures, and rejected records (to reach the DLQ). */
  readonly failedIds: string[];
  /** Why each failed record failed (error name and message; never event content). */
  readonly failures: { readonly id: string; readonly error: string }[];
  /**
   * Records rejected alone, as EventValidationError: malformed events, and records whose content broke Vigil's own code
   * (`unexpected`: a resolver, normaliser or rule threw; a bug to fix, contained to the record).
   */
  readonly rejected: { readonly id: string; readonly error: string; readonly unexpected?: true }[];
  readonly ignored: { readonly id: string; readonly reason: string }[];
  /** Failed records to make visible again after this many seconds instead of the queue's visibility timeout (back-off). */
  readonly retryAfter: { readonly id: string; readonly seconds: number }[];
}

interface Target {
  ref: ResourceRef;
  /** The CloudTrail events of the batch that name the resource (the attributed one is chosen after the read). */
  actors: Actor[];
  ids: Set<string>;
}

export interface Engine<R> {
  /** Parse → coalesce by resource → collect → evaluate → reconcile, for a batch of inbound events. */
  processBatch(records: readonly InboundRecord[]): Promise<BatchOutcome<R>>;
  /** Evaluate known observations (a Config snapshot) and reconcile them. */
  evaluateObservations(observations: readonly Observation[], actor?: Actor): Promise<{ verdicts: Verdict[]; results: R[] }>;
  /** Evaluate every resource of the given kinds (live sweep / scan). */
  /**
   * Evaluate every resource of the given kinds (live sweep / scan). A kind that cannot be listed, or a resource that
   * cannot be read, is reported in `failures` and the scan goes on with the rest.
   */
  scan(
    scope: { readonly accountId: string; readonly region: string; readonly kinds?: readonly string[] },
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ verdicts: Verdict[]; results: R[]; failures: { readonly target: string; readonly error: string }[] }>;
}

/** Resources whose recent events the engine remembers across batches (reordered deliveries), and events per resource. */
const REMEMBERED_RESOURCES = 10_000;
const REMEMBERED_EVENTS = 16;

/**
 * The latest CloudTrail events seen per resource, across the batches one engine processes (a warm evaluator, a replay):
 * a change delivered in an earlier batch still counts when a later batch's state reflects it. Bounded in both directions.
 */
const createEventMemory = () => {
  const byResource = new Map<string, Actor[]>();
  return {
    get: (key: string): readonly Actor[] => byResource.get(key) ?? [],
    add(key: string, events: readonly Actor[]) {
      if (events.length === 0) return;
      const kept = [...(byResource.get(key) ?? []), ...events]
        .sort((a, b) => Date.parse(a.eventTime ?? '') - Date.parse(b.eventTime ?? ''))
        .slice(-REMEMBERED_EVENTS);
      byResource.delete(key); // re-insert: the map's order is the eviction order
      byResource.set(key, kept);
      if (byResource.size > REMEMBERED_RESOURCES) byResource.delete(byResource.keys().next().value as string);
    },
  };
};

export const DEFAULT_PARAMS: RuleParams = { trustedAccountIds: [] };

/** Removes, in place, the entries of `list` that belong to record `id`. */
const dropRecord = <T>(list: T[], belongs: (entry: T) => boolean): void => {
  for (let i = list.length - 1; i >= 0; i--) if (belongs(list[i])) list.splice(i, 1);
};


export const createEngine = <R = unknown>(options: EngineOptions<R>): Engine<R> => {
  const clock = options.clock ?? (() => new Date());
  const kinds = kindsOf(options.families);
  const rows = options.families.flatMap((f) => f.triggers);
  const rules = options.families.flatMap((f) => f.rules);
  const detections = options.families.flatMap((f) => f.detections);
  const concurrency = options.concurrency ?? 8;
  const params: RuleParams = { ...DEFAULT_PARAMS, ...options.params } as RuleParams;
  const contextFor = (accountId: string): RuleContext => ({ accountId, orgId: options.orgId, now: clock(), params });

  const evaluate = (obs: Observation): Verdict[] =>
    evaluateObservation(obs, rules, kinds.find((k) => k.kind === obs.ref.kind), contextFor(obs.ref.accountId));

  const memory = createEventMemory();
  const resourceKey = (ref: ResourceRef): string => `${ref.kind}|${ref.arn}`;

  const reconcileAll = async (verdicts: readonly Verdict[], attributionOf: (v: Verdict) => Attribution): Promise<R[]> => {
    if (!options.sink) return [];
    const detectedAt = clock().toISOString();
    const sink = options.sink;
    return mapLimit(verdicts.filter(isFindingVerdict), concurrency, (verdict) => sink.reconcile(verdict, { ...attributionOf(verdict), detectedAt }));
  };

  const evaluateObservations: Engine<R>['evaluateObservations'] = async (observations, actor) => {
    const verdicts = observations.flatMap(evaluate);
    return { verdicts, results: await reconcileAll(verdicts, (v) => attributeChange(v.observedAt, actor ? [actor] : [])) };
  };

  const processBatch: Engine<R>['processBatch'] = async (records) => {
    const targets = new Map<string, Target>();
    const fanOuts = new Map<string, { fan: FanOut; actor?: Actor; ids: Set<string> }>();
    const configObservations: { obs: Observation; id: string }[] = [];
    const detectionVerdicts: { verdict: Verdict; actor: Actor; id: string }[] = [];
    const failed = new Map<string, string>();
    const markFailed = (id: string, error: unknown) => {
      if (!failed.has(id)) failed.set(id, describeError(error));
    };
    const rejected: BatchOutcome<R>['rejected'] = [];
    const ignored: BatchOutcome<R>['ignored'] = [];
    const workItems: WorkItem[] = [];

    /**
     * Rejects one record alone: what it added to the batch is taken back, and it is reported for retry so that it reaches
     * the DLQ. An exception other than EventValidationError (a TypeError from a resolver or a normaliser) is a bug, but it
     * is contained the same way: one bad record never fails its batch. Failures of AWS or of the store are not
     * rejections; they are marked failed where they happen and retried as they are.
     */
    const reject = (id: string, error: unknown) => {
      for (const [key, target] of targets) if (target.ids.delete(id) && target.ids.size === 0) targets.delete(key);
      for (const [key, entry] of fanOuts) if (entry.ids.delete(id) && entry.ids.size === 0) fanOuts.delete(key);
      dropRecord(configObservations, (entry) => entry.id === id);
      dropRecord(detectionVerdicts, (entry) => entry.id === id);
      dropRecord(ignored, (entry) => entry.id === id);
      const expected = error instanceof VigilError;
      const rejection =
        error instanceof EventValidationError
          ? error
          : new EventValidationError(expected ? error.message : `record could not be processed: ${describeError(error)}`, [], { cause: error });
      rejected.push({ id, error: rejection.message, ...(expected ? {} : { unexpected: true as const }) });
      markFailed(id, rejection);
    };

    const addTarget = (ref: ResourceRef, id: string, actor?: Actor) => {
      if (options.source.canObserve && !options.source.canObserve(ref.kind)) {
        ignored.push({ id, reason: `${ref.kind} ${ref.id} cannot be observed from this source (live reads only)` });
        return;
      }
      const key = resourceKey(ref);
      const existing = targets.get(key);
      if (existing) {
        existing.ids.add(id);
        if (actor) existing.actors.push(actor);
      } else targets.set(key, { ref, actors: actor ? [actor] : [], ids: new Set([id]) });
    };

    /** Parses one record and adds what it asks for to the batch. Throws for a record to reject (see `reject`). */
    const intake = async (record: InboundRecord): Promise<void> => {
      // Vigil's own "evaluate this resource" messages (sweeps, fan-outs) come straight from the queue, not from EventBridge.
      if (isEvaluateMessage(record.body)) {
        const { ref, message } = parseEvaluateMessage(record.body, kinds, record.queueAccountId ? [record.queueAccountId] : undefined);
        workItems.push({ id: record.id, ref, message, attempt: record.attempt });
        return;
      }
      const parsed: ParsedEvent = parseEventBridgeEvent(record.body, { rows, kinds });
      switch (parsed.type) {
        case 'ignored':
          ignored.push({ id: record.id, reason: parsed.reason });
          break;
        case 'sweep':
          ignored.push({ id: record.id, reason: 'sweep events are handled by the sweep function' });
          break;
        case 'config-oversized': {
          if (!options.fetchOversizedItem) {
            throw new EventValidationError(`oversized Config item ${parsed.resourceType} ${parsed.resourceId}: no S3 fetcher configured`);
          }
          let item: unknown;
          try {
            item = await options.fetchOversizedItem(parsed.s3Location);
          } catch (error) {
            markFailed(record.id, error); // S3 failed, not the record: retried as it is
            break;
          }
          // An item that cannot be read as a configuration item is the record's fault: rejected (see `reject`).
          for (const obs of createConfigSource(options.families, [item]).all()) configObservations.push({ obs, id: record.id });
          break;
        }
        case 'config': {
          const observations = createConfigSource(options.families, [parsed.item]).all(); // first: a rejected item is never ingested
          options.source.ingest?.(parsed.item);
          for (const obs of observations) addTarget(obs.ref, record.id);
          break;
        }
        case 'cloudtrail': {
          const ctx = contextFor(parsed.detail.recipientAccountId ?? parsed.actor.accountId ?? '');
          for (const verdict of evaluateDetections(parsed.detail, detections, kinds, ctx)) detectionVerdicts.push({ verdict, actor: parsed.actor, id: record.id });
          if (!parsed.posture) {
            const what = parsed.detail.errorCode ? `failed call ${parsed.detail.eventName} (${parsed.detail.errorCode})` : `read-only call ${parsed.detail.eventName}`;
            ignored.push({ id: record.id, reason: what });
            break;
          }
          for (const ref of parsed.targets.refs) addTarget(ref, record.id, parsed.actor);
          for (const fan of parsed.targets.fanOut) {
            const key = `${fan.kind}|${fan.accountId}|${fan.region}`;
            const entry = fanOuts.get(key) ?? { fan, ids: new Set<string>() };
            entry.actor = !entry.actor || Date.parse(parsed.actor.eventTime ?? '') >= Date.parse(entry.actor.eventTime ?? '') ? parsed.actor : entry.actor;
            entry.ids.add(record.id);
            fanOuts.set(key, entry);
          }
          if (parsed.targets.refs.length === 0 && parsed.targets.fanOut.length === 0) {
            ignored.push({ id: record.id, reason: `${parsed.detail.eventSource} ${parsed.detail.eventName} is not in the trigger catalogue` });
          }
          break;
        }
      }
    };
    for (const record of records) {
      try {
        await intake(record);
      } catch (error) {
        if (error instanceof CollectError) markFailed(record.id, error); // AWS failed, not the record: retried as it is
        else reject(record.id, error); // retried, then in the DLQ: never half-processed, never lost, never failing the others
      }
    }

    // Fan-out: every resource of the kind (e.g. all buckets after an account BPA change). With a queue, the resources are
    // only listed and enqueued, one message each: the evaluators read them over as many invocations as it takes.
    for (const { fan, actor, ids } of fanOuts.values()) {
      try {
        const refs = await options.source.list(fan.kind, fan);
        if (options.enqueue) await options.enqueue(refs);
        else for (const ref of refs) for (const id of ids) addTarget(ref, id, actor);
      } catch (error) {
        for (const id of ids) markFailed(id, error);
      }
    }

    const verdicts: Verdict[] = [];
    const attributions = new Map<Verdict, Attribution>();
    const collected = await mapLimit([...targets.values()], concurrency, async (target) => {
      try {
        return { target, obs: await options.source.observe(target.ref) };
      } catch (error) {
        // Throttled past retries or a transient failure: retry the records; never guess a state.
        for (const id of target.ids) markFailed(id, error);
        return undefined;
      }
    });
    const verdictIds = new Map<Verdict, Set<string>>();
    /** Rules are guarded one by one (evaluateObservation); this contains anything else to the records of that resource. */
    const evaluateFor = (obs: Observation, ids: ReadonlySet<string>): Verdict[] => {
      try {
        return evaluate(obs);
      } catch (error) {
        for (const id of [...ids]) reject(id, error);
        return [];
      }
    };
    for (const entry of collected) {
      if (!entry) continue;
      // Blame the latest change the state read reflects: events of this batch, and those remembered from earlier ones.
      const key = resourceKey(entry.target.ref);
      const attribution = attributeChange(entry.obs.observedAt, [...memory.get(key), ...entry.target.actors]);
      memory.add(key, entry.target.actors);
      for (const verdict of evaluateFor(entry.obs, entry.target.ids)) {
        verdicts.push(verdict);
        attributions.set(verdict, attribution);
        verdictIds.set(verdict, entry.target.ids);
      }
    }
    for (const { obs, id } of configObservations) {
      for (const verdict of evaluateFor(obs, new Set([id]))) {
        verdicts.push(verdict);
        verdictIds.set(verdict, new Set([id]));
      }
    }
    for (const { verdict, actor, id } of detectionVerdicts) {
      verdicts.push(verdict);
      attributions.set(verdict, { actor }); // a detection is about the event itself
      verdictIds.set(verdict, new Set([id]));
    }

    const results: R[] = [];
    if (options.sink) {
      const sink = options.sink;
      const detectedAt = clock().toISOString();
      const outcomes = await mapLimit(verdicts.filter(isFindingVerdict), concurrency, async (verdict) => {
        try {
          return await sink.reconcile(verdict, { ...attributions.get(verdict), detectedAt });
        } catch (error) {
          for (const id of verdictIds.get(verdict) ?? []) markFailed(id, error);
          return undefined;
        }
      });
      for (const outcome of outcomes) if (outcome !== undefined) results.push(outcome);
    }

    const work = await processWorkItems(
      workItems,
      {
        observe: (ref) => options.source.observe(ref),
        evaluate,
        unreadable: (ref, message, observedAt) => unreadableVerdicts(ref, rules, kinds.find((k) => k.kind === ref.kind), message, observedAt),
        reconcile: options.sink ? (verdict, ctx) => options.sink!.reconcile(verdict, ctx) : undefined,
        familyOf: (kind) => kinds.find((k) => k.kind === kind)?.family,
        clock,
      },
      options.work,
    );
    verdicts.push(...work.verdicts);
    results.push(...work.results);
    for (const [id, error] of work.failed) markFailed(id, error);
    const retryAfter = [...work.retryAfter].map(([id, seconds]) => ({ id, seconds }));
    return { verdicts, results, failedIds: [...failed.keys()], failures: [...failed].map(([id, error]) => ({ id, error })), rejected, ignored, retryAfter };
  };

  const scan: Engine<R>['scan'] = async (scope, onProgress) => {
    const wanted = scope.kinds ?? kinds.filter((k) => rules.some((r) => r.kind === k.kind)).map((k) => k.kind);
    const failures: { target: string; error: string }[] = [];
    const refs: ResourceRef[] = [];
    for (const kind of wanted) {
      try {
        refs.push(...(await options.source.list(kind, scope)));
      } catch (error) {
        failures.push({ target: `${kind} (listing)`, error: describeError(error) });
      }
    }
    let done = 0;
    const observations = await mapLimit(refs, concurrency, async (ref) => {
      try {
        return await options.source.observe(ref);
      } catch (error) {
        failures.push({ target: ref.arn, error: describeError(error) });
        return undefined;
      } finally {
        onProgress?.(++done, refs.length);
      }
    });
    const { verdicts, results } = await evaluateObservations(observations.filter((o): o is Observation => o !== undefined));
    return { verdicts, results, failures };
  };

  return { processBatch, evaluateObservations, scan };
};

