/**
 * `vigil policy analyze`: the policy engine's six verdicts for one document, or JSON lines for a batch.
 *
 *   vigil policy analyze --kind bucket-policy --account 111122223333 [--org o-x] policy.json   (or - for stdin)
 *   vigil policy analyze --batch policies.json   (JSON array or JSON lines of {id, kind, document, context})
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { VigilError } from '../../shared/core';
import { analyzePolicy, isPolicyKind, POLICY_KINDS, type PolicyContext, type PolicyKind, type PolicyVerdicts } from '../../shared/policy';

export interface PolicyAnalyzeArgs {
  readonly kind?: string;
  readonly account?: string;
  readonly org?: string;
  /** Comma-separated account ids treated as the owner's. */
  readonly trusted?: string;
  readonly batch?: string;
  /** The document file, or `-` for stdin (single mode). */
  readonly file?: string;
}

export interface PolicyAnalyzeIo {
  /** Reads a file as UTF-8; `-` means stdin. Throws like fs.readFileSync. */
  readText(path: string): string;
}

export interface PolicyAnalyzeResult {
  readonly exitCode: number;
  /** Output lines, without newlines. */
  readonly stdout: readonly string[];
  readonly stderr: readonly string[];
}

export const fileIo: PolicyAnalyzeIo = { readText: (path) => readFileSync(path === '-' ? 0 : path, 'utf8') };

const VERDICTS = ['public', 'crossAccount', 'admin', 'privesc', 'confusedDeputy', 'tlsEnforced'] as const;

export interface VerdictLine {
  readonly public: boolean;
  readonly crossAccount: boolean;
  readonly admin: boolean;
  readonly privesc: boolean;
  readonly confusedDeputy: boolean;
  readonly tlsEnforced: boolean;
  readonly reasons: readonly string[];
}

/** The six booleans, and the reasons of each risk found (plus why TLS is not enforced on a bucket). */
export const toVerdictLine = (kind: PolicyKind, verdicts: PolicyVerdicts): VerdictLine => {
  const reasons: string[] = [];
  for (const name of VERDICTS) {
    const judgement = verdicts[name];
    const failing = name === 'tlsEnforced' ? kind === 'bucket-policy' && !judgement.value : judgement.value;
    if (failing) for (const reason of judgement.reasons) reasons.push(`${name}: ${reason}`);
  }
  return {
    public: verdicts.public.value,
    crossAccount: verdicts.crossAccount.value,
    admin: verdicts.admin.value,
    privesc: verdicts.privesc.value,
    confusedDeputy: verdicts.confusedDeputy.value,
    tlsEnforced: verdicts.tlsEnforced.value,
    reasons,
  };
};

class PolicyCliError extends VigilError {}

const ACCOUNT_ID = /^\d{12}$/;

const trustedList = (value: string | undefined): string[] | undefined => {
  if (value === undefined) return undefined;
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = ids.find((id) => !ACCOUNT_ID.test(id));
  if (bad) throw new PolicyCliError(`--trusted: "${bad}" is not a 12-digit account id`);
  return ids;
};

const readInput = (io: PolicyAnalyzeIo, path: string): string => {
  const name = path === '-' ? 'stdin' : path;
  try {
    return io.readText(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const problem = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new PolicyCliError(`${name}: cannot read (${problem})`);
  }
};

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

interface BatchEntry {
  readonly id: unknown;
  readonly value?: unknown;
  readonly error?: string;
}

/** A JSON array, or JSON lines (a line that is not JSON becomes an error entry). */
const batchEntries = (text: string, name: string): BatchEntry[] => {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new PolicyCliError(`${name}: not valid JSON (${message(error)})`);
    }
    return (parsed as unknown[]).map((value) => ({ id: isRecord(value) ? value.id ?? null : null, value }));
  }
  const entries: BatchEntry[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i].trim();
    if (!line) continue;
    try {
      const value: unknown = JSON.parse(line);
      entries.push({ id: isRecord(value) ? value.id ?? null : null, value });
    } catch (error) {
      entries.push({ id: null, error: `line ${i + 1}: not valid JSON (${message(error)})` });
    }
  }
  if (entries.length === 0) throw new PolicyCliError(`${name}: no policies (expected a JSON array or JSON lines)`);
  if (entries.every((e) => e.error)) throw new PolicyCliError(`${name}: not valid JSON (${entries[0].error})`);
  return entries;
};

const entryContext = (raw: unknown, fallback: Partial<PolicyContext>): PolicyContext => {
  const context = isRecord(raw) ? raw : {};
  const accountId = context.accountId ?? fallback.accountId;
  if (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId)) throw new PolicyCliError('context.accountId must be a 12-digit account id');
  const orgId = context.orgId ?? fallback.orgId;
  if (orgId !== undefined && typeof orgId !== 'string') throw new PolicyCliError('context.orgId must be a string');
  const trusted = context.trustedAccountIds ?? fallback.trustedAccountIds;
  if (trusted !== undefined && !(Array.isArray(trusted) && trusted.every((t) => typeof t === 'string'))) {
    throw new PolicyCliError('context.trustedAccountIds must be an array of account ids');
  }
  const resourceArn = context.resourceArn;
  return {
    accountId,
    ...(orgId !== undefined ? { orgId } : {}),
    ...(trusted !== undefined ? { trustedAccountIds: trusted as string[] } : {}),
    ...(typeof resourceArn === 'string' ? { resourceArn } : {}),
  };
};

const analyzeEntry = (entry: BatchEntry, fallback: Partial<PolicyContext>): string => {
  const id = entry.id;
  if (entry.error) return JSON.stringify({ id, error: entry.error });
  try {
    if (!isRecord(entry.value)) throw new PolicyCliError('entry must be an object {id, kind, document, context}');
    const { kind, document, context } = entry.value;
    if (!isPolicyKind(kind)) throw new PolicyCliError(`unknown kind ${JSON.stringify(kind)} (expected one of ${POLICY_KINDS.join(', ')})`);
    if (document === undefined || document === null) throw new PolicyCliError('entry has no document');
    const verdicts = analyzePolicy(kind, document, entryContext(context, fallback));
    return JSON.stringify({ id, ...toVerdictLine(kind, verdicts) });
  } catch (error) {
    return JSON.stringify({ id, error: message(error) });
  }
};

/**
 * The pure core of `vigil policy analyze`: bad CLI input (missing file, unreadable JSON, unknown kind, invalid
 * policy in single mode) gives exit code 2 and one stderr line naming the file and the problem; a bad batch entry
 * gives a line with its id and `error`, and the batch goes on.
 */
export const runPolicyAnalyze = (args: PolicyAnalyzeArgs, io: PolicyAnalyzeIo = fileIo): PolicyAnalyzeResult => {
  try {
    const trustedAccountIds = trustedList(args.trusted);
    if (args.batch !== undefined) {
      if (args.file !== undefined) throw new PolicyCliError('give either --batch <file> or a policy file, not both');
      if (args.kind !== undefined && !isPolicyKind(args.kind)) throw new PolicyCliError(`unknown --kind "${args.kind}" (expected one of ${POLICY_KINDS.join(', ')})`);
      const name = args.batch === '-' ? 'stdin' : args.batch;
      const entries = batchEntries(readInput(io, args.batch), name);
      const fallback: Partial<PolicyContext> = {
        ...(args.account !== undefined ? { accountId: args.account } : {}),
        ...(args.org !== undefined ? { orgId: args.org } : {}),
        ...(trustedAccountIds ? { trustedAccountIds } : {}),
      };
      return { exitCode: 0, stdout: entries.map((e) => analyzeEntry(e, fallback)), stderr: [] };
    }
    if (args.file === undefined) throw new PolicyCliError('give a policy file (or - for stdin), or --batch <file>');
    if (args.kind === undefined) throw new PolicyCliError(`--kind is required (one of ${POLICY_KINDS.join(', ')})`);
    if (!isPolicyKind(args.kind)) throw new PolicyCliError(`unknown --kind "${args.kind}" (expected one of ${POLICY_KINDS.join(', ')})`);
    if (args.account === undefined || !ACCOUNT_ID.test(args.account)) throw new PolicyCliError('--account <12-digit account id> is required');
    const name = args.file === '-' ? 'stdin' : args.file;
    const text = readInput(io, args.file);
    let verdicts: PolicyVerdicts;
    try {
      verdicts = analyzePolicy(args.kind, text, {
        accountId: args.account,
        ...(args.org !== undefined ? { orgId: args.org } : {}),
        ...(trustedAccountIds ? { trustedAccountIds } : {}),
      });
    } catch (error) {
      throw new PolicyCliError(`${name}: ${message(error)}`);
    }
    return { exitCode: 0, stdout: JSON.stringify(toVerdictLine(args.kind, verdicts), null, 2).split('\n'), stderr: [] };
  } catch (error) {
    if (!(error instanceof VigilError)) throw error;
    return { exitCode: 2, stdout: [], stderr: [`vigil policy analyze: ${message(error)}`] };
  }
};

/** Where the command writes; the lead's CliRun fits (io.out / io.err / exitCode). */
export interface PolicyCommandRun {
  readonly io: { out(text: string): void; err(text: string): void };
  exitCode: number;
}

/** Lines are written in chunks: one write per CHUNK_LINES lines, not one per line. */
const CHUNK_LINES = 2000;

export const writeLines = (lines: readonly string[], write: (text: string) => void): void => {
  for (let i = 0; i < lines.length; i += CHUNK_LINES) write(`${lines.slice(i, i + CHUNK_LINES).join('\n')}\n`);
};

export const registerPolicyCommand = (program: Command, run?: PolicyCommandRun): void => {
  const policy = program.command('policy').description('Policy analysis (public, cross-account, admin, privilege escalation, confused deputy, TLS)');
  policy
    .command('analyze')
    .description('Analyse one policy document (file or - for stdin), or a batch of them (--batch)')
    .argument('[file]', 'policy document (JSON or URL-encoded JSON); - reads stdin')
    .option('--kind <kind>', POLICY_KINDS.join(' | '))
    .option('--account <id>', 'account that owns the resource or identity')
    .option('--org <o-id>', "the owner's organization id")
    .option('--trusted <ids>', 'comma-separated account ids treated as the owner')
    .option('--batch <file>', 'JSON array or JSON lines of {id, kind, document, context: {accountId, orgId?}}; - reads stdin')
    .action((file: string | undefined, opts: { kind?: string; account?: string; org?: string; trusted?: string; batch?: string }) => {
      const result = runPolicyAnalyze({ ...opts, ...(file !== undefined ? { file } : {}) });
      const out = run ? (t: string) => run.io.out(t) : (t: string) => void process.stdout.write(t);
      const err = run ? (t: string) => run.io.err(t) : (t: string) => void process.stderr.write(t);
      writeLines(result.stdout, out);
      writeLines(result.stderr, err);
      if (result.exitCode !== 0) {
        if (run) run.exitCode = result.exitCode;
        else process.exitCode = result.exitCode;
      }
    });
};
