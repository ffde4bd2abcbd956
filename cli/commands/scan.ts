import type { Command } from 'commander';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { SingleBar } from 'cli-progress';
import { severityRank, type Verdict } from '../../shared/core';
import { createConfigSource, createEngine, createLiveSource } from '../../shared/engine';
import { createClientFactory } from '../../shared/resources/clients';
import { EXIT } from '../errors';
import { insufficientDataSummary, statusSummary, verdictTable } from '../format';
import { loadConfigItems } from '../load';
import type { CliRun } from '../main';
import { parseFormat, parseSeverity, ruleParams, selectFamilies } from '../options';
import { openStore } from '../store';

interface ScanOptions {
  snapshot?: string;
  format?: string;
  failOn?: string;
  family?: string;
  region?: string;
  all?: boolean;
  store?: string;
  storeDir?: string;
  table?: string;
  trustedAccounts?: string;
  orgId?: string;
}

const ORDER: Record<string, number> = { FAIL: 0, ERROR: 1, PASS: 2, NOT_APPLICABLE: 3, INSUFFICIENT_DATA: 4 };
export const sortVerdicts = (verdicts: Verdict[]): Verdict[] =>
  verdicts.sort((a, b) => ORDER[a.status] - ORDER[b.status] || severityRank(b.severity) - severityRank(a.severity) || a.ruleId.localeCompare(b.ruleId) || a.resourceArn.localeCompare(b.resourceArn));

/** Prints verdicts and sets the exit code for --fail-on. */
export const reportVerdicts = (run: CliRun, verdicts: Verdict[], opts: { format?: string; failOn?: string; all?: boolean }): void => {
  const format = parseFormat(opts.format, ['table', 'json'] as const, 'table');
  const failOn = opts.failOn ? parseSeverity(opts.failOn, '--fail-on') : undefined;
  sortVerdicts(verdicts);
  if (format === 'json') run.io.out(`${JSON.stringify(verdicts, null, 2)}\n`);
  else {
    // FAIL and ERROR (a read that failed) are listed; INSUFFICIENT_DATA (data this source lacks) is counted, listed with --all.
    const shown = opts.all ? verdicts : verdicts.filter((v) => v.status === 'FAIL' || v.status === 'ERROR');
    if (shown.length > 0) run.io.out(`${verdictTable(shown)}\n`);
    const resources = new Set(verdicts.map((v) => v.resourceArn)).size;
    run.io.out(`${verdicts.length} evaluations of ${resources} resources: ${statusSummary(verdicts) || 'nothing to evaluate'}\n`);
    const missing = insufficientDataSummary(verdicts);
    if (missing) run.io.out(`${missing}${opts.all ? '' : '; --all lists them'}\n`);
  }
  // Only FAIL counts: INSUFFICIENT_DATA and ERROR are not findings of a failing control.
  if (failOn && verdicts.some((v) => v.status === 'FAIL' && severityRank(v.severity) >= severityRank(failOn))) run.exitCode = EXIT.FINDINGS;
};

export const registerScanCommand = (program: Command, run: CliRun): void => {
  program
    .command('scan')
    .description('Evaluate every rule: on an AWS Config snapshot file (--snapshot), or live with the default AWS credential chain')
    .option('--snapshot <file>', 'AWS Config snapshot or history file (or a JSON array of configuration items)')
    .option('--format <format>', 'table or json (json: one array of verdicts)', 'table')
    .option('--fail-on <severity>', 'exit 1 when a FAIL of this severity or higher is found')
    .option('--family <names>', 'comma-separated families (s3, iam, dynamodb, apigateway, lambda)')
    .option('--region <region>', 'Region of a live scan (default: AWS_REGION, else us-east-1)')
    .option('--all', 'list PASS, NOT_APPLICABLE and INSUFFICIENT_DATA verdicts in the table too')
    .option('--store <kind>', 'also record findings: memory or local (.vigil/)')
    .option('--store-dir <dir>', 'directory of the local store (default .vigil/)')
    .option('--table <name>', 'also record findings in the deployed findings table')
    .option('--trusted-accounts <ids>', 'comma-separated account ids treated as our own')
    .option('--org-id <id>', 'our AWS Organizations id (o-...)')
    .action(async (opts: ScanOptions) => {
      parseFormat(opts.format, ['table', 'json'] as const, 'table');
      if (opts.failOn) parseSeverity(opts.failOn, '--fail-on');
      const families = selectFamilies(opts.family);
      const params = ruleParams(opts);
      const store = opts.store || opts.table ? await openStore(opts, 'local') : undefined;
      try {
        let verdicts: Verdict[];
        if (opts.snapshot) {
          const source = createConfigSource(families, loadConfigItems(opts.snapshot));
          const engine = createEngine({ families, source, sink: store?.store, params, orgId: opts.orgId });
          verdicts = (await engine.evaluateObservations(source.all())).verdicts;
        } else {
          const region = opts.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
          const clients = createClientFactory({ region });
          const identity = await clients.get(STSClient, region).send(new GetCallerIdentityCommand({}));
          const engine = createEngine({ families, source: createLiveSource(families, clients), sink: store?.store, params, orgId: opts.orgId });
          const bar = run.io.interactive ? new SingleBar({ format: 'scanning {bar} {value}/{total} resources', stream: process.stderr, hideCursor: true }) : undefined;
          let started = false;
          const result = await engine.scan({ accountId: identity.Account ?? '', region }, (done, total) => {
            if (!bar) return;
            if (!started) bar.start(total, 0);
            started = true;
            bar.update(done);
          });
          bar?.stop();
          verdicts = result.verdicts;
          // Resources that could not be read are not judged: say so on stderr, one line each (never a silent pass).
          for (const f of result.failures) run.io.err(`vigil: could not read ${f.target}: ${f.error.split('\n')[0]}\n`);
        }
        reportVerdicts(run, verdicts, opts);
      } finally {
        await store?.close();
      }
    });
};
