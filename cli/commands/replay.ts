import type { Command } from 'commander';
import { alertFromImages, formatAlertForConsole, type AlertMessage } from '../../shared/alerts';
import { severityRank, type Severity } from '../../shared/core';
import { createConfigSource, createEngine, type ConfigSource } from '../../shared/engine';
import type { FamilyDefinition } from '../../shared/families';
import type { FindingsStore, ReconcileResult } from '../../shared/findings';
import { loadConfigItems, loadEvents } from '../load';
import type { CliRun } from '../main';
import { parseFormat, parseSeverity, ruleParams, selectFamilies } from '../options';
import { openStore } from '../store';

export interface ReplayOutcome {
  readonly alerts: AlertMessage[];
  readonly rejected: { id: string; error: string }[];
  readonly ignored: { id: string; reason: string }[];
  readonly processed: number;
}

/** Alerts a batch of reconcile results produces: exactly one per transition, as the stream notifier would publish. */
export const alertsOf = (results: readonly ReconcileResult[]): AlertMessage[] =>
  results.flatMap((r) => {
    const alert = r.outcome === 'written' ? alertFromImages(r.old, r.current) : undefined;
    return alert ? [alert] : [];
  });

/** Event time of an EventBridge event (its `time`, the CloudTrail eventTime or the Config capture time). */
const eventTime = (event: unknown): number => {
  const e = event as { time?: string; detail?: { eventTime?: string; configurationItem?: { configurationItemCaptureTime?: string } } };
  return Date.parse(e?.detail?.eventTime ?? e?.detail?.configurationItem?.configurationItemCaptureTime ?? e?.time ?? '');
};

/**
 * Groups events as the evaluator's queue does: consecutive events within `windowSeconds` of the first one of a batch,
 * at most 10 per batch. Events of one batch are coalesced by resource (a CloudTrail call and the Config item it caused
 * are evaluated once, with the caller as actor).
 */
export const batchesOf = <T>(events: readonly T[], windowSeconds: number, timeOf: (event: T) => number = eventTime): T[][] => {
  const batches: T[][] = [];
  let start = Number.NaN;
  for (const event of events) {
    const t = timeOf(event);
    const current = batches[batches.length - 1];
    if (current && current.length < 10 && Number.isFinite(t) && Number.isFinite(start) && t - start <= windowSeconds * 1000) current.push(event);
    else {
      batches.push([event]);
      start = t;
    }
  }
  return batches;
};

/**
 * Replays events in order against a Config-backed state: Config change events update the state, CloudTrail events
 * trigger re-evaluation of the resources they name (with the actor), as the evaluator does in AWS.
 */
export const replayEvents = async (args: {
  families: readonly FamilyDefinition[];
  source: ConfigSource;
  store: FindingsStore;
  events: readonly unknown[];
  params?: Parameters<typeof createEngine>[0]['params'];
  orgId?: string;
  clock?: () => Date;
  /** Batching window of the evaluator's queue. @default 60 */
  batchWindowSeconds?: number;
}): Promise<ReplayOutcome> => {
  const engine = createEngine({ families: args.families, source: args.source, sink: args.store, params: args.params, orgId: args.orgId, clock: args.clock });
  const outcome: ReplayOutcome = { alerts: [], rejected: [], ignored: [], processed: 0 };
  const numbered = args.events.map((body, i) => ({ id: `event #${i + 1}`, body }));
  for (const batch of batchesOf(numbered, args.batchWindowSeconds ?? 60, (r) => eventTime(r.body))) {
    const result = await engine.processBatch(batch);
    outcome.alerts.push(...alertsOf(result.results));
    outcome.rejected.push(...result.rejected);
    outcome.ignored.push(...result.ignored);
    (outcome as { processed: number }).processed += batch.length;
  }
  return outcome;
};

export const printAlerts = (run: CliRun, alerts: readonly AlertMessage[], minSeverity: Severity): void => {
  const shown = alerts.filter((a) => severityRank((a.attributes.severity?.StringValue ?? 'LOW') as Severity) >= severityRank(minSeverity));
  for (const alert of shown) run.io.out(`${formatAlertForConsole(alert)}\n`);
  if (alerts.length > shown.length) run.io.out(`(${alerts.length - shown.length} more alerts below ${minSeverity} not shown; use --min-severity LOW)\n`);
};

export const registerReplayCommand = (program: Command, run: CliRun): void => {
  program
    .command('replay')
    .description('Replay recorded events (EventBridge events or CloudTrail records, JSON or JSON lines) against a Config snapshot')
    .argument('<events>', 'events file')
    .requiredOption('--snapshot <file>', 'AWS Config snapshot the events apply to')
    .option('--store <kind>', 'memory or local (.vigil/)', 'memory')
    .option('--store-dir <dir>', 'directory of the local store (default .vigil/)')
    .option('--table <name>', 'record findings in the deployed findings table instead')
    .option('--min-severity <severity>', 'print alerts at or above this severity', 'LOW')
    .option('--format <format>', 'text or json', 'text')
    .option('--family <names>', 'comma-separated families')
    .option('--trusted-accounts <ids>', 'comma-separated account ids treated as our own')
    .option('--org-id <id>', 'our AWS Organizations id')
    .action(async (eventsFile: string, opts: { snapshot: string; store?: string; storeDir?: string; table?: string; minSeverity: string; format?: string; family?: string; trustedAccounts?: string; orgId?: string }) => {
      const format = parseFormat(opts.format, ['text', 'json'] as const, 'text');
      const minSeverity = parseSeverity(opts.minSeverity, '--min-severity');
      const families = selectFamilies(opts.family);
      const events = loadEvents(eventsFile);
      const source = createConfigSource(families, loadConfigItems(opts.snapshot));
      const store = await openStore(opts, 'memory');
      try {
        const outcome = await replayEvents({ families, source, store: store.store, events, params: ruleParams(opts), orgId: opts.orgId });
        if (format === 'json') {
          run.io.out(`${JSON.stringify({ processed: outcome.processed, alerts: outcome.alerts.map((a) => JSON.parse(a.json)), rejected: outcome.rejected, ignored: outcome.ignored }, null, 2)}\n`);
          return;
        }
        printAlerts(run, outcome.alerts, minSeverity);
        for (const r of outcome.rejected) run.io.err(`vigil: ${eventsFile}: ${r.id} rejected: ${r.error}\n`);
        run.io.out(`${outcome.processed} events replayed: ${outcome.alerts.length} alerts, ${outcome.ignored.length} ignored, ${outcome.rejected.length} rejected\n`);
      } finally {
        await store.close();
      }
    });
};
