import type { Command } from 'commander';
import Table from 'cli-table3';
import type { CliRun } from '../main';
import { parseFormat, selectFamilies } from '../options';

/**
 * Every rule (posture and detections) with the catalogue metadata. A rule that judges several kinds (inline policies of
 * users, roles and groups) is one entry whose resourceType lists them.
 */
export const ruleCatalogue = (families = selectFamilies(undefined)) => {
  const entries = families.flatMap((family) => {
    const kindType = (kind: string) => family.kinds.find((k) => k.kind === kind)?.reportedType ?? kind;
    return [
      ...family.rules.map((r) => ({ id: r.id, title: r.title, severity: r.severity, resourceType: kindType(r.kind), family: family.name, trigger: r.trigger, anchors: r.anchors, reads: r.reads, remediation: r.remediation })),
      ...family.detections.map((r) => ({ id: r.id, title: r.title, severity: r.severity, resourceType: 'CloudTrail event', family: family.name, trigger: r.trigger, anchors: r.anchors, reads: [] as readonly string[], remediation: r.remediation })),
    ];
  });
  const byId = new Map<string, (typeof entries)[number]>();
  for (const entry of entries) {
    const seen = byId.get(entry.id);
    if (!seen) byId.set(entry.id, entry);
    else {
      const types = new Set([...seen.resourceType.split(', '), entry.resourceType]);
      byId.set(entry.id, { ...seen, resourceType: [...types].join(', '), reads: [...new Set([...seen.reads, ...entry.reads])] });
    }
  }
  return [...byId.values()];
};

export const registerRulesCommand = (program: Command, run: CliRun): void => {
  const rules = program.command('rules').description('The rule catalogue');
  rules
    .command('list')
    .description('List the rules with their severity, resource type and anchors (Security Hub, CIS, Prowler)')
    .option('--format <format>', 'table or json', 'table')
    .option('--family <names>', 'comma-separated families (s3, iam, dynamodb, apigateway, lambda)')
    .action((opts: { format?: string; family?: string }) => {
      const format = parseFormat(opts.format, ['table', 'json'] as const, 'table');
      const list = ruleCatalogue(selectFamilies(opts.family));
      if (format === 'json') {
        run.io.out(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      const t = new Table({ head: ['Rule', 'Severity', 'Resource type', 'Anchors', 'Title'], style: { head: [], border: [] } });
      for (const r of list) {
        const anchors = [...(r.anchors.securityHub ?? []), ...(r.anchors.cis ?? []).map((c) => `CIS ${c}`)].join(', ');
        t.push([r.id, r.severity, r.resourceType, anchors, r.title]);
      }
      run.io.out(`${t.toString()}\n${list.length} rules\n`);
    });
};
