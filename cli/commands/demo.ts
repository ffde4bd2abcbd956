import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { severityRank, type Observation, type Severity } from '../../shared/core';
import { createConfigSource, createEngine, createLiveSource, mapLimit } from '../../shared/engine';
import { ALL_FAMILIES, apigatewayFamily } from '../../shared/families';
import { fromRecordedResponses } from '../../shared/resources/apigateway';
import { findingTable, insufficientDataSummary, sortFindings, statusSummary } from '../format';
import { loadConfigItems, loadEvents } from '../load';
import type { CliRun } from '../main';
import { parseSeverity } from '../options';
import { repoRoot } from '../paths';
import { openStore } from '../store';
import { alertsOf, printAlerts, replayEvents } from './replay';

/** The demo account: a Config snapshot and a batch of recorded events, in examples/. */
export const EXAMPLES_DIR = join(repoRoot(), 'examples');

const DEMO_ACCOUNT = { accountId: '111122223333', region: 'us-east-1' };

/**
 * API methods, routes and authorizers are not in AWS Config: the demo reads them through the real live collectors from
 * recorded API responses (examples/apigateway-live.json), as `vigil scan` would from the account.
 */
const recordedApiObservations = async (dir: string): Promise<Observation[]> => {
  const file = join(dir, 'apigateway-live.json');
  if (!existsSync(file)) return [];
  const source = createLiveSource([apigatewayFamily], fromRecordedResponses(JSON.parse(readFileSync(file, 'utf8'))));
  const kinds = apigatewayFamily.kinds.map((k) => k.kind).filter((kind) => apigatewayFamily.rules.some((r) => r.kind === kind));
  const refs = (await Promise.all(kinds.map((kind) => source.list(kind, DEMO_ACCOUNT)))).flat();
  return mapLimit(refs, 8, (ref) => source.observe(ref));
};

export const registerDemoCommand = (program: Command, run: CliRun): void => {
  program
    .command('demo')
    .description('Scan the example account snapshot, replay recorded events against it, and show the alerts and findings (no AWS account needed)')
    .option('--examples <dir>', 'directory with account-snapshot.json and events.json', EXAMPLES_DIR)
    .option('--min-severity <severity>', 'print alerts at or above this severity (the email default is HIGH)', 'HIGH')
    .action(async (opts: { examples: string; minSeverity: string }) => {
      const minSeverity = parseSeverity(opts.minSeverity, '--min-severity');
      const families = [...ALL_FAMILIES];
      const source = createConfigSource(families, loadConfigItems(join(opts.examples, 'account-snapshot.json')));
      const events = loadEvents(join(opts.examples, 'events.json'));
      const store = await openStore({ store: 'memory' }, 'memory');
      try {
        const out = (text: string) => run.io.out(text);
        out('Vigil demo — embedded store (dynalite, in memory); no AWS account is used.\n\n');
        const recorded = await recordedApiObservations(opts.examples);
        const recordedArns = new Set(recorded.map((o) => o.ref.arn));
        const observations = [...source.all().filter((o) => !recordedArns.has(o.ref.arn)), ...recorded];
        out(`1. Scan of the example account (${observations.length} resources: examples/account-snapshot.json, API details from examples/apigateway-live.json)\n\n`);
        const baseline = await createEngine({ families, source, sink: store.store }).evaluateObservations(observations);
        const opened = alertsOf(baseline.results);
        // The first scan of an account opens many findings at once: list their subjects; full alerts follow for the changes.
        // Rules that need live-only data (function URLs, environment variables, ...) give INSUFFICIENT_DATA: counted, never findings.
        const severe = opened.filter((a) => severityRank((a.attributes.severity?.StringValue ?? 'LOW') as Severity) >= severityRank(minSeverity));
        for (const alert of severe) out(`   ${alert.subject}\n`);
        out(`   ${opened.length} findings opened by the first scan (one alert each; ${opened.length - severe.length} below ${minSeverity} not listed).\n`);
        out(`   ${baseline.verdicts.length} evaluations: ${statusSummary(baseline.verdicts)}.\n`);
        const missing = insufficientDataSummary(baseline.verdicts);
        if (missing) out(`   ${missing}.\n`);
        out('\n');

        out(`2. Replay of ${events.length} recorded events (examples/events.json): only changes of state alert\n\n`);
        const replay = await replayEvents({ families, source, store: store.store, events });
        printAlerts(run, replay.alerts, minSeverity);
        out(`   ${replay.alerts.length} alerts from ${replay.processed} events (${replay.ignored.length} ignored: failed or read-only calls, data events).\n\n`);

        const findings = sortFindings(await store.store.list({}));
        const shown = findings.filter((f) => f.status !== 'OPEN' || severityRank(f.severity) >= severityRank(minSeverity));
        out(`3. Findings table: ${findings.length} findings, ${findings.filter((f) => f.status === 'OPEN').length} open; shown: open at ${minSeverity} or above, and every other state\n\n${findingTable(shown)}\n`);
        out('\nNext: `vigil scan --snapshot <your Config snapshot>`, `vigil findings list --store local`, `npx cdk deploy -c alertEmail=you@example.com`.\n');
      } finally {
        await store.close();
      }
    });
};
