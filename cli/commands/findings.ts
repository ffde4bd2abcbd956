import type { Command } from 'commander';
import { FindingStatus, type Severity } from '../../shared/core';
import { toAsff, toCsv, toOcsf } from '../../shared/export';
import { describeUnattributed } from '../../shared/findings';
import { UsageError } from '../errors';
import { findingTable, safeText } from '../format';
import type { CliRun } from '../main';
import { parseFormat, parseSeverity, selectFamilies } from '../options';
import { openStore, type StoreOptions } from '../store';

interface ListOptions extends StoreOptions {
  storeDir?: string;
  status?: string;
  severity?: string;
  minSeverity?: string;
  rule?: string;
  resource?: string;
  format?: string;
  limit?: string;
}

const STATUSES = Object.values(FindingStatus) as string[];

const anchorsOf = (() => {
  let map: Map<string, import('../../shared/core').Anchors> | undefined;
  return (ruleId: string) => {
    map ??= new Map(selectFamilies(undefined).flatMap((f) => [...f.rules, ...f.detections].map((r) => [r.id, r.anchors] as const)));
    return map.get(ruleId);
  };
})();

const storeOptions = (cmd: Command): Command =>
  cmd
    .option('--store <kind>', 'memory or local (.vigil/, the default)')
    .option('--store-dir <dir>', 'directory of the local store (default .vigil/ in the current directory)')
    .option('--table <name>', 'the deployed findings table (default AWS credential chain)')
    .option('--region <region>', 'Region of the deployed table');

const listFilter = (opts: ListOptions) => {
  const status = opts.status?.toUpperCase();
  if (status && !STATUSES.includes(status)) throw new UsageError(`--status: expected one of ${STATUSES.join(', ')}, got ${opts.status}`);
  const limit = opts.limit ? Number(opts.limit) : undefined;
  if (limit !== undefined && (!Number.isInteger(limit) || limit <= 0)) throw new UsageError(`--limit: expected a positive integer, got ${opts.limit}`);
  return {
    status: status as FindingStatus | undefined,
    severity: opts.severity ? parseSeverity(opts.severity, '--severity') : undefined,
    minSeverity: opts.minSeverity ? (parseSeverity(opts.minSeverity, '--min-severity') as Severity) : undefined,
    ruleId: opts.rule,
    resource: opts.resource,
    limit,
  };
};

export const registerFindingsCommand = (program: Command, run: CliRun): void => {
  const findings = program.command('findings').description('Query, export and suppress stored findings');

  storeOptions(findings.command('list').description('List findings (newest, most severe first)'))
    .option('--status <status>', 'OPEN, RESOLVED, SUPPRESSED or ERROR')
    .option('--severity <severity>', 'exactly this severity')
    .option('--min-severity <severity>', 'this severity or higher')
    .option('--rule <id>', 'rule id')
    .option('--resource <arnOrId>', 'resource ARN or id')
    .option('--limit <n>', 'at most n findings')
    .option('--format <format>', 'table or json', 'table')
    .action(async (opts: ListOptions) => {
      const format = parseFormat(opts.format, ['table', 'json'] as const, 'table');
      const filter = listFilter(opts);
      const store = await openStore(opts, 'local');
      try {
        const list = await store.store.list(filter);
        if (format === 'json') run.io.out(`${JSON.stringify(list, null, 2)}\n`);
        else run.io.out(`${list.length > 0 ? `${findingTable(list)}\n` : ''}${list.length} findings in the ${store.description}\n`);
      } finally {
        await store.close();
      }
    });

  storeOptions(findings.command('show').description('Show one finding with its evidence, actor and history').argument('<findingId>'))
    .option('--format <format>', 'text or json', 'text')
    .action(async (id: string, opts: StoreOptions & { format?: string }) => {
      const format = parseFormat(opts.format, ['text', 'json'] as const, 'text');
      const store = await openStore(opts, 'local');
      try {
        const finding = await store.store.get(id);
        if (!finding) throw new UsageError(`finding ${id}: not found in the ${store.description}`);
        if (format === 'json') {
          run.io.out(`${JSON.stringify(finding, null, 2)}\n`);
          return;
        }
        const lines = [
          `${finding.findingId}  ${finding.status}  ${finding.severity}  ${finding.ruleId}`,
          `  ${safeText(finding.title, 200)}`,
          `  resource:  ${safeText(finding.resourceArn, 200)} (${finding.resourceType}, ${finding.region})`,
          `  message:   ${safeText(finding.message, 300)}`,
          ...finding.evidence.map((e: { message: string; field?: string }) => `  evidence:  ${safeText(e.message, 300)}${e.field ? ` [${e.field}]` : ''}`),
          `  first seen ${finding.firstSeenAt ?? '-'} · last seen ${finding.lastSeenAt ?? '-'}${finding.resolvedAt ? ` · resolved ${finding.resolvedAt}` : ''}`,
          ...(finding.actor?.principalArn ? [`  changed by ${safeText(finding.actor.principalArn, 200)} from ${safeText(finding.actor.sourceIp ?? '-', 60)} (${finding.actor.eventName ?? '-'} at ${finding.actor.eventTime ?? '-'}, event ${finding.actor.eventId ?? '-'})`] : []),
          ...(!finding.actor && finding.unattributed ? [`  changed by ${safeText(describeUnattributed(finding.unattributed), 300)}`] : []),
          `  fix:       ${safeText(finding.remediation.text, 300)}`,
          ...(finding.remediation.cli ? [`             ${finding.remediation.cli}`] : []),
        ];
        run.io.out(`${lines.join('\n')}\n`);
      } finally {
        await store.close();
      }
    });

  storeOptions(findings.command('export').description('Export findings as JSON, CSV, ASFF (Security Hub) or OCSF'))
    .option('--format <format>', 'json, csv, asff or ocsf', 'json')
    .option('--status <status>', 'OPEN, RESOLVED, SUPPRESSED or ERROR')
    .option('--min-severity <severity>', 'this severity or higher')
    .action(async (opts: ListOptions) => {
      const format = parseFormat(opts.format, ['json', 'csv', 'asff', 'ocsf'] as const, 'json');
      const filter = listFilter(opts);
      const store = await openStore(opts, 'local');
      try {
        const list = await store.store.list(filter);
        if (format === 'csv') run.io.out(toCsv(list));
        else if (format === 'asff') run.io.out(`${JSON.stringify(toAsff(list, anchorsOf), null, 2)}\n`);
        else if (format === 'ocsf') run.io.out(`${JSON.stringify(toOcsf(list, anchorsOf), null, 2)}\n`);
        else run.io.out(`${JSON.stringify(list, null, 2)}\n`);
      } finally {
        await store.close();
      }
    });

  storeOptions(findings.command('suppress').description('Suppress a finding until an expiry date (it reopens when it expires)').argument('<findingId>'))
    .requiredOption('--owner <name>', 'who owns the decision')
    .requiredOption('--reason <text>', 'why the finding is accepted')
    .requiredOption('--expires <date>', 'ISO date or date-time when the suppression ends')
    .action(async (id: string, opts: StoreOptions & { owner: string; reason: string; expires: string }) => {
      const expires = new Date(opts.expires);
      if (Number.isNaN(expires.getTime())) throw new UsageError(`--expires: not a date: ${opts.expires}`);
      const store = await openStore(opts, 'local');
      try {
        const finding = await store.store.suppress(id, { owner: opts.owner, reason: opts.reason, expiresAt: expires.toISOString() });
        run.io.out(`${finding.findingId} suppressed until ${expires.toISOString()} (owner ${safeText(opts.owner, 60)})\n`);
      } finally {
        await store.close();
      }
    });
};
