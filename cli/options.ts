import { isSeverity, type RuleParams, type Severity } from '../shared/core';
import { ALL_FAMILIES, type FamilyDefinition } from '../shared/families';
import { UsageError } from './errors';

export const parseSeverity = (value: string, option: string): Severity => {
  const upper = value.toUpperCase();
  if (!isSeverity(upper)) throw new UsageError(`${option}: expected one of CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, got ${value}`);
  return upper;
};

export const parseFormat = <F extends string>(value: string | undefined, allowed: readonly F[], fallback: F): F => {
  const format = (value ?? fallback) as F;
  if (!allowed.includes(format)) throw new UsageError(`--format: expected ${allowed.join(' or ')}, got ${value}`);
  return format;
};

export const selectFamilies = (names: string | undefined): FamilyDefinition[] => {
  if (!names) return [...ALL_FAMILIES];
  const wanted = names.split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = wanted.filter((n) => !ALL_FAMILIES.some((f) => f.name === n));
  if (unknown.length > 0) throw new UsageError(`--family: unknown ${unknown.join(', ')} (known: ${ALL_FAMILIES.map((f) => f.name).join(', ')})`);
  return ALL_FAMILIES.filter((f) => wanted.includes(f.name));
};

export const ruleParams = (options: { trustedAccounts?: string }): Partial<RuleParams> => {
  const ids = (options.trustedAccounts ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const bad = ids.filter((id) => !/^\d{12}$/.test(id));
  if (bad.length > 0) throw new UsageError(`--trusted-accounts: not a 12-digit account id: ${bad.join(', ')}`);
  return { trustedAccountIds: ids };
};
