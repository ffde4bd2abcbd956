import { join } from 'node:path';
import type { Command } from 'commander';
import { createConfigSource, createEngine } from '../../shared/engine';
import { ALL_FAMILIES } from '../../shared/families';
import { findingTable, sortFindings } from '../format';
import { loadConfigItems, loadEvents } from '../load';
import type { CliRun } from '../main';
import { parseSeverity } from '../options';
import { repoRoot } from '../paths';
import { openStore } from '../store';
import { alertsOf, printAlerts, replayEvents } from './replay';

/** The demo account: a Config snapshot and a batch of recorded events, in examples/. */
export const EXAMPLES_DIR = join(repoRoot(), 'examples');

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
        out(`1. Scan of the example account (${source.all().length} resources from examples/account-snapshot.json)\n\n`);
        const baseline = await createEngine({ families, source, sink: store.store }).evaluateObservations(source.all());
        const baselineAlerts = alertsOf(baseline.results);
        // The first scan of an account opens many findings at once: list their subjects; full alerts follow for the changes.
        for (const alert of baselineAlerts) out(`   ${alert.subject}\n`);
        out(`   ${baselineAlerts.length} findings opened by the first scan (one alert each).\n\n`);

        out(`2. Replay of ${events.length} recorded events (examples/events.json): only changes of state alert\n\n`);
        const replay = await replayEvents({ families, source, store: store.store, events });
        printAlerts(run, replay.alerts, minSeverity);
        out(`   ${replay.alerts.length} alerts from ${replay.processed} events (${replay.ignored.length} ignored: failed or read-only calls, data events).\n\n`);

        const findings = sortFindings(await store.store.list({}));
        out(`3. Findings table (${findings.length})\n\n${findingTable(findings)}\n`);
        out('\nNext: `vigil scan --snapshot <your Config snapshot>`, `vigil findings list --store local`, `npx cdk deploy -c alertEmail=you@example.com`.\n');
      } finally {
        await store.close();
      }
    });
};
