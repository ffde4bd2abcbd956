import { ConfigError } from '../shared/core';

/** A required environment variable; a missing one fails the cold start with its name (never its value). */
export const requireEnv = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') throw new ConfigError(`environment variable ${name} is not set`);
  return value.trim();
};

/** A comma-separated list (empty when unset). */
export const listEnv = (name: string): string[] =>
  (process.env[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export const optionalEnv = (name: string): string | undefined => process.env[name]?.trim() || undefined;
