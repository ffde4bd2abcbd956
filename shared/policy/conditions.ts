/**
 * Condition judgments: trusted restrictions (spec §4.3/§4.4), source restrictions against confused deputies (§8), and
 * the account / org limits that scope cross-account access (§5).
 */
import type { PolicyKind } from './index';
import { arnComponents, hasWildcard } from './match';
import type { CompiledClause } from './model';

const S3_TRUSTED = [
  'aws:sourceip', 'aws:sourcearn', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourceowner', 'aws:sourceaccount', 'aws:userid',
  's3:dataaccesspointarn', 's3:dataaccesspointaccount', 'aws:principalorgid', 'aws:principalaccount', 'aws:principalarn',
  'aws:principalorgpaths', 'aws:sourceorgid', 'aws:sourceorgpaths',
];
const DYNAMODB_TRUSTED = [
  'aws:principalaccount', 'aws:principalarn', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:sourceaccount', 'aws:sourcearn',
  'aws:sourcevpc', 'aws:sourcevpce', 'aws:userid', 'aws:principalservicename', 'aws:principalservicenameslist',
  'aws:principalisawsservice', 'aws:ec2instancesourcevpc', 'aws:sourceorgid', 'aws:sourceorgpaths',
];

/** TRUSTED[type] of spec §4.3 (lower-cased keys). Trust policies are judged semantically: the union. */
export const TRUSTED_KEYS: Readonly<Record<PolicyKind, ReadonlySet<string>>> = {
  'bucket-policy': new Set(S3_TRUSTED),
  'lambda-resource-policy': new Set(S3_TRUSTED),
  'api-resource-policy': new Set(S3_TRUSTED),
  'table-resource-policy': new Set(DYNAMODB_TRUSTED),
  'trust-policy': new Set([...S3_TRUSTED, ...DYNAMODB_TRUSTED]),
  'identity-policy': new Set<string>(),
};

const POSITIVE_BASES = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike', 'ipaddress', 'bool']);

/** Positive operator, optionally ForAnyValue:, never ForAllValues: / IfExists / negated / Null (spec §4.3). */
export const isPositiveRestrictingOperator = (clause: CompiledClause): boolean =>
  POSITIVE_BASES.has(clause.base) && clause.set !== 'all' && !clause.ifExists && !clause.negated;

/** No `*`, no `?`, no policy variable (variables only exist under Version 2012-10-17). */
export const isFixedValue = (value: string, variables: boolean): boolean => !hasWildcard(value) && !(variables && value.includes('${'));

const ACCOUNT_ID = /^\d{12}$/;

/** The account segment of an ARN value when it is a fixed 12-digit id and nothing before it is a wildcard, else null. */
export const fixedArnAccount = (value: string, componentWise: boolean): string | null => {
  const parts = arnComponents(value);
  if (parts.length < 6 || parts[0] !== 'arn') return null;
  if (!ACCOUNT_ID.test(parts[4])) return null;
  // StringLike's `*` may cross `:`, so a wildcard before the account could move it; ArnLike's cannot.
  if (!componentWise && parts.slice(0, 4).some(hasWildcard)) return null;
  return parts[4];
};

/** IPv4/IPv6 CIDR rule of spec §4.3: IPv4 prefix >= 8 or inside RFC 1918; IPv6 prefix >= 32. */
export const isNarrowCidr = (value: string): boolean => {
  const slash = value.indexOf('/');
  const address = slash < 0 ? value : value.slice(0, slash);
  const prefixText = slash < 0 ? null : value.slice(slash + 1);
  if (prefixText !== null && !/^\d{1,3}$/.test(prefixText)) return false;
  if (address.includes(':')) {
    if (!/^[0-9a-fA-F:.]+$/.test(address)) return false;
    const prefix = prefixText === null ? 128 : Number(prefixText);
    return prefix <= 128 && prefix >= 32;
  }
  const octets = address.split('.');
  if (octets.length !== 4 || octets.some((o) => !/^\d{1,3}$/.test(o) || Number(o) > 255)) return false;
  const prefix = prefixText === null ? 32 : Number(prefixText);
  if (prefix > 32) return false;
  if (prefix >= 8) return true;
  const [a, b] = octets.map(Number);
  // Ranges wholly inside 10/8, 172.16/12 or 192.168/16 (only reachable with prefix >= 8, kept for the record).
  return (a === 10 && prefix >= 8) || (a === 172 && b >= 16 && b <= 31 && prefix >= 12) || (a === 192 && b === 168 && prefix >= 16);
};

const isTrustedValue = (clause: CompiledClause, value: string, kind: PolicyKind, variables: boolean): boolean => {
  const key = clause.key;
  if (key === 'aws:sourceip') return clause.base === 'ipaddress' && isNarrowCidr(value);
  if (clause.base === 'ipaddress') return false;
  if (clause.base === 'bool') return key === 'aws:principalisawsservice' && value.toLowerCase() === 'true';
  if (key === 'aws:principalisawsservice') return false;
  if (isFixedValue(value, variables)) return true;
  if (variables && value.includes('${')) return false;
  if (key === 's3:dataaccesspointarn' && kind === 'bucket-policy') {
    // arn:aws:s3:<region>:<account>:accesspoint/* stays non-public when the account is fixed (S3-PUB).
    const marker = value.indexOf(':accesspoint/');
    return marker > 0 && !hasWildcard(value.slice(0, marker)) && fixedArnAccount(value, true) !== null;
  }
  if (kind === 'trust-policy' && (key === 'aws:principalarn' || key === 'aws:sourcearn')) {
    // Trust policies are judged semantically (§4.4): a fixed account segment admits only that account.
    if (clause.base === 'arnlike' || clause.base === 'arnequals') return fixedArnAccount(value, true) !== null;
    if (clause.base === 'stringlike') return fixedArnAccount(value, false) !== null;
  }
  return false;
};

/** Whether one clause is a trusted restriction for `kind` (every value must qualify: values are OR-ed). */
export const isTrustedRestriction = (clause: CompiledClause, kind: PolicyKind, variables: boolean): boolean =>
  isPositiveRestrictingOperator(clause) &&
  TRUSTED_KEYS[kind].has(clause.key) &&
  clause.values.length > 0 &&
  clause.values.every((value) => isTrustedValue(clause, value, kind, variables));

/** hasTrustedRestriction(C, type) of spec §4.3: some clause pins the request to trusted values. */
export const trustedRestriction = (clauses: readonly CompiledClause[], kind: PolicyKind, variables: boolean): CompiledClause | undefined =>
  clauses.find((clause) => isTrustedRestriction(clause, kind, variables));

const SOURCE_KEYS = new Set(['aws:sourcearn', 'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths']);

/**
 * Cross-service confused-deputy guard (spec §8): a positive clause on a fixed aws:SourceArn / SourceAccount /
 * SourceOrgID / SourceOrgPaths. A SourceArn needs a fixed 12-digit account segment; ARNs without one (S3 buckets)
 * count only together with a fixed SourceAccount.
 */
export const sourceRestriction = (clauses: readonly CompiledClause[], variables: boolean): CompiledClause | undefined => {
  const candidates = clauses.filter(
    (c) => SOURCE_KEYS.has(c.key) && isPositiveRestrictingOperator(c) && c.base !== 'ipaddress' && c.base !== 'bool' && c.values.length > 0,
  );
  const accountGuard = candidates.find((c) => c.key !== 'aws:sourcearn' && c.values.every((v) => isFixedValue(v, variables)));
  if (accountGuard) return accountGuard;
  return candidates.find(
    (c) =>
      c.key === 'aws:sourcearn' &&
      c.values.every((v) => !(variables && v.includes('${')) && fixedArnAccount(v, c.base === 'arnlike' || c.base === 'arnequals') !== null),
  );
};

/** Accounts and orgs a statement's conditions pin the caller (or the calling service's source) to (spec §5). */
export interface ReachLimits {
  /** null = not limited by account. */
  readonly accounts: readonly string[] | null;
  readonly orgs: readonly string[] | null;
}

// Access-point keys count too: a bucket that delegates to the access points of one account is reached through them.
const ACCOUNT_KEYS = new Set(['aws:principalaccount', 'aws:sourceaccount', 'aws:sourceowner', 's3:dataaccesspointaccount']);
const ARN_KEYS = new Set(['aws:principalarn', 'aws:sourcearn', 's3:dataaccesspointarn']);
const ORG_KEYS = new Set(['aws:principalorgid', 'aws:sourceorgid']);
const ORG_PATH_KEYS = new Set(['aws:principalorgpaths', 'aws:sourceorgpaths']);

const intersect = (current: readonly string[] | null, next: readonly string[]): string[] =>
  current === null ? [...new Set(next)] : current.filter((v) => next.includes(v));

export const reachLimits = (clauses: readonly CompiledClause[], variables: boolean): ReachLimits => {
  let accounts: string[] | null = null;
  let orgs: string[] | null = null;
  for (const clause of clauses) {
    if (!isPositiveRestrictingOperator(clause) || clause.values.length === 0) continue;
    if (ACCOUNT_KEYS.has(clause.key)) {
      if (clause.values.every((v) => isFixedValue(v, variables) && ACCOUNT_ID.test(v))) accounts = intersect(accounts, clause.values);
    } else if (ARN_KEYS.has(clause.key)) {
      const componentWise = clause.base === 'arnlike' || clause.base === 'arnequals';
      const found = clause.values.map((v) => (variables && v.includes('${') ? null : fixedArnAccount(v, componentWise)));
      if (found.every((a): a is string => a !== null)) accounts = intersect(accounts, found);
    } else if (ORG_KEYS.has(clause.key)) {
      if (clause.values.every((v) => isFixedValue(v, variables))) orgs = intersect(orgs, clause.values);
    } else if (ORG_PATH_KEYS.has(clause.key)) {
      const found = clause.values.map((v) => {
        const org = v.split('/')[0];
        return isFixedValue(org, variables) && org.startsWith('o-') ? org : null;
      });
      if (found.every((o): o is string => o !== null)) orgs = intersect(orgs, found);
    }
  }
  return { accounts, orgs };
};

/** `aws:SecureTransport = false` under Bool / BoolIfExists: true for every plain-HTTP request (spec §9). */
export const isInsecureTransportTest = (clause: CompiledClause): boolean =>
  clause.base === 'bool' && clause.set === null && clause.key === 'aws:securetransport' && clause.values.some((v) => v.toLowerCase() === 'false');

const NEGATION_TO_POSITIVE: Readonly<Record<string, string>> = {
  stringnotequals: 'StringEquals',
  stringnotequalsignorecase: 'StringEqualsIgnoreCase',
  stringnotlike: 'StringLike',
  arnnotequals: 'ArnEquals',
  arnnotlike: 'ArnLike',
  notipaddress: 'IpAddress',
};

/**
 * Negated-Deny refinement (spec §3.1): the only clause of a Deny, negated and single-keyed, turned into the positive
 * restriction it imposes on the Allows it covers (negated operators are true on a missing key, so callers without
 * the key are denied as well, with or without IfExists).
 */
export const positiveOfNegatedDeny = (clauses: readonly CompiledClause[]): CompiledClause | null => {
  if (clauses.length !== 1) return null;
  const [clause] = clauses;
  if (!clause.negated || clause.set !== null) return null;
  const positive = NEGATION_TO_POSITIVE[clause.base];
  if (!positive) return null;
  return { ...clause, operator: positive, base: positive.toLowerCase(), negated: false, ifExists: false };
};
