// PLACEHOLDER: the policy-engine work replaces this file with `vigil policy analyze`.
import type { Command } from 'commander';

export const registerPolicyCommand = (program: Command): void => {
  program.command('policy').description('Policy analysis (public, cross-account, admin, privilege escalation, confused deputy, TLS)');
};
