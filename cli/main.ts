import { Command, CommanderError } from 'commander';
import { VigilError } from '../shared/core';
import { registerDemoCommand } from './commands/demo';
import { registerFindingsCommand } from './commands/findings';
import { registerPolicyCommand } from './commands/policy';
import { registerReplayCommand } from './commands/replay';
import { registerRulesCommand } from './commands/rules';
import { registerScanCommand } from './commands/scan';
import { EXIT } from './errors';
import { processIo, type CliIo } from './io';

/** Shared state of one CLI run: where to write, and the exit code commands set. */
export interface CliRun {
  readonly io: CliIo;
  exitCode: number;
}

export const buildProgram = (run: CliRun): Command => {
  const program = new Command()
    .name('vigil')
    .description('Event-driven continuous compliance monitor for AWS: scan, replay and query findings.')
    .showHelpAfterError(false)
    .configureOutput({ writeOut: (s) => run.io.out(s), writeErr: (s) => run.io.err(s) })
    .exitOverride();
  registerScanCommand(program, run);
  registerReplayCommand(program, run);
  registerFindingsCommand(program, run);
  registerRulesCommand(program, run);
  registerDemoCommand(program, run);
  registerPolicyCommand(program, run);
  return program;
};

/** Runs the CLI and returns the exit code: 0 (whatever the findings, unless --fail-on), 1 (--fail-on matched), 2 (bad input). */
export const main = async (argv: readonly string[], io: CliIo = processIo): Promise<number> => {
  const run: CliRun = { io, exitCode: EXIT.OK };
  const program = buildProgram(run);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return process.exitCode !== undefined && process.exitCode !== 0 && run.exitCode === 0 ? Number(process.exitCode) : run.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with code 0; argument errors were already printed by commander on one line.
      return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    if (error instanceof VigilError) {
      io.err(`vigil: ${error.message.split('\n')[0]}\n`);
      return EXIT.USAGE;
    }
    const e = error as { name?: string; message?: string };
    if (e?.name === 'CredentialsProviderError' || e?.name === 'ExpiredTokenException') {
      io.err(`vigil: no usable AWS credentials (${e.message?.split('\n')[0]})\n`);
      return EXIT.USAGE;
    }
    throw error;
  }
};
