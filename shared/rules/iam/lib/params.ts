import type { RuleContext } from '../../../core';

/** Rule parameters come from ctx.params (never process.env); malformed values fall back to the default. */
export const numberParam = (ctx: RuleContext, name: string, fallback: number): number => {
  const value = ctx.params[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
};

export const optionalNumberParam = (ctx: RuleContext, name: string): number | undefined => {
  const value = ctx.params[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

export const booleanParam = (ctx: RuleContext, name: string, fallback: boolean): boolean => {
  const value = ctx.params[name];
  return typeof value === 'boolean' ? value : fallback;
};

export const stringListParam = (ctx: RuleContext, name: string, fallback: readonly string[]): readonly string[] => {
  const value = ctx.params[name];
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : fallback;
};

const DAY_MS = 86_400_000;

/** Whole days from `iso` to ctx.now (negative when in the future); `null` when there is no date. */
export const daysSince = (ctx: RuleContext, iso: string | Date | null | undefined): number | null => {
  if (!iso) return null;
  const time = iso instanceof Date ? iso.getTime() : Date.parse(iso);
  return Number.isNaN(time) ? null : Math.floor((ctx.now.getTime() - time) / DAY_MS);
};
