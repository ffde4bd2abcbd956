import type { Rule } from '../../../core';

/**
 * A rule of the catalogue that applies to several snapshot kinds (e.g. inline-policy rules on users, roles and groups).
 * `kind` is the first of `kinds`; the family registers one copy per kind (see `expandKinds`) because the engine matches
 * a rule on `rule.kind` alone. The rule id stays unique in `iamRules`.
 */
export type MultiKindRule<C> = Rule<C> & { readonly kinds: readonly string[] };

export const withKinds = <C>(rule: Rule<C>, kinds: readonly string[]): MultiKindRule<C> => ({ ...rule, kind: kinds[0], kinds });

/** One entry per (rule, kind): what the engine's `rule.kind === observation.kind` match needs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule is typed against its own snapshot type
export const expandKinds = (rules: readonly Rule<any>[]): Rule<any>[] =>
  rules.flatMap((rule) => {
    const kinds = (rule as Partial<MultiKindRule<unknown>>).kinds;
    return kinds ? kinds.map((kind) => ({ ...rule, kind })) : [rule];
  });
