import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Rule } from '../../shared/core';

/** The rule catalogue (docs/spec/controls.md, a copy of the project's shared specification kept with the code). */
export const CONTROLS_MD = resolve(__dirname, '..', '..', 'docs', 'spec', 'controls.md');

export interface CatalogueRow {
  readonly id: string;
  readonly securityHub: string[];
  readonly fsbp: boolean;
  readonly prowler: string[];
  readonly severity: string;
  readonly resourceType: string;
  readonly trigger: string;
}

/** Rows of the §3/§5 tables: `| \`id\` | anchors | title | Sev | \`type\` | trigger | ...`. */
export const catalogueRows = (prefixes: readonly string[]): CatalogueRow[] => {
  const text = readFileSync(CONTROLS_MD, 'utf8');
  const rows: CatalogueRow[] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const id = /^`([a-z0-9-]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!id || !prefixes.some((p) => id.startsWith(p)) || cells.length < 8 || !/^`AWS::/.test(cells[5] ?? '')) continue;
    const anchors = cells[2]!;
    rows.push({
      id,
      securityHub: [...anchors.matchAll(/SH: ([A-Za-z]+\.\d+)/g)].map((m) => m[1]!),
      fsbp: /\(FSBP\)/.test(anchors),
      prowler: [...anchors.matchAll(/P: `([a-z0-9_]+)`/g)].map((m) => m[1]!),
      severity: cells[4]!.replace(/\s*\(P\)$/, '').toUpperCase(),
      resourceType: cells[5]!.replace(/`/g, ''),
      trigger: cells[6]!.replace(/^\*\*(.*)\*\*$/, '$1').replace(/^E\* \(\+P\)$/, 'E+P'),
    });
  }
  return rows;
};

/** Rule files of a family folder (every .ts but index.ts and helper modules). */
export const ruleFiles = (folder: string, helpers: readonly string[]): string[] =>
  readdirSync(folder)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !helpers.includes(f))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();

export const catalogueAvailable = (): boolean => existsSync(CONTROLS_MD);

/** Metadata checks every rule must satisfy, whatever its family. */
export const checkMetadata = (rule: Rule): string[] => {
  const problems: string[] = [];
  if (/^Ensure/i.test(rule.title) || rule.title.length > 150) problems.push('title must state the good state in <= 150 characters');
  if (rule.reads.length === 0) problems.push('reads must name the IAM actions the rule depends on');
  if (!rule.remediation.text || !rule.remediation.cli) problems.push('remediation needs text and cli');
  if (!rule.rationale) problems.push('rationale missing');
  return problems;
};

export const repoPath = (...parts: string[]): string => join(__dirname, '..', '..', ...parts);
