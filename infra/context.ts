import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import { ConfigError, isSeverity, Severity } from '../shared/core';
import { parseApiRates } from '../shared/resources/pacing';

/** Deployment settings read from CDK context (`-c key=value` or cdk.json). See the comment block in infra/app.ts. */
export interface VigilSettings {
  /** Email that receives alerts. @default - no subscription (subscribe later to the topic output) */
  readonly alertEmail?: string;
  /** Lowest severity emailed. @default HIGH */
  readonly minSeverity: Severity;
  /** Home Region. @default - env-agnostic (the Region of the deploying profile); no IAM forwarder */
  readonly region?: string;
  /** @default - env-agnostic */
  readonly account?: string;
  /** Accounts treated as our own by cross-account rules. @default - none */
  readonly trustedAccountIds: readonly string[];
  /** Organization id treated as our own. @default - none */
  readonly orgId?: string;
  /** Concurrent evaluator invocations per family (the SQS event source's maximum concurrency). @default 5 */
  readonly maxConcurrency: number;
  /**
   * Also reserve `maxConcurrency` per evaluator (and one per sweep). Off by default: Lambda keeps 100 unreserved
   * executions per account and new accounts may have a quota of 10, so reserving fails the deploy there
   * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html). @default false
   */
  readonly reserveConcurrency: boolean;
  /** Retention of the functions' log groups, in days (a value CloudWatch Logs accepts). @default 90 */
  readonly logRetentionDays: RetentionDays;
  /** Also subscribe evaluators to AWS Config configuration item changes of their resource types. @default false */
  readonly configEvents: boolean;
  /** Deploy the scheduled sweep of every family with rules (periodic-only rules, drift repair). @default true */
  readonly sweep: boolean;
  /** When the sweeps run: an EventBridge `cron(...)` or `rate(...)` expression, at most hourly. @default cron(17 3 * * ? *) */
  readonly sweepSchedule: string;
  /**
   * Requests per second per account for API families, overriding the pacing defaults of shared/resources/pacing.ts
   * (`-c apiRates=iam=5,apigateway=4`, or an object in cdk.json), normalised as `family=rate,…`. @default - the defaults
   */
  readonly apiRates?: string;
}

/** Once a day at 03:17 UTC (an off-the-hour minute, away from the scheduled jobs that start at :00). */
export const DEFAULT_SWEEP_SCHEDULE = 'cron(17 3 * * ? *)';

/** A list of numbers and ranges (`1,5-7`) within [min, max], `*`, or a step (`*\/2`, `5/10`). */
const cronNumbers = (field: string, min: number, max: number): boolean =>
  field === '*' ||
  field.split(',').every((part) => {
    const m = /^(\*|\d+(?:-\d+)?)(?:\/(\d+))?$/.exec(part);
    if (!m) return false;
    if (m[2] !== undefined && Number(m[2]) < 1) return false;
    if (m[1] === '*') return m[2] !== undefined;
    const [from, to = from] = m[1].split('-').map(Number);
    return from >= min && to <= max && from <= to;
  });

/**
 * Why `expression` is not an acceptable sweep schedule, or undefined when it is: an EventBridge `rate(<n> <unit>)` of at
 * least one hour, or a six-field `cron(minutes hours day-of-month month day-of-week year)` with one fixed minute (so at
 * most one run an hour: a sweep may run 15 minutes and never overlaps itself) and `?` in exactly one of the day fields.
 */
export const scheduleProblem = (expression: string): string | undefined => {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate) {
    const value = Number(rate[1]);
    const unit = rate[2];
    if (value < 1) return 'a rate must be a positive number';
    const singular = unit.replace(/s$/, '');
    if (value === 1 && unit !== singular) return `EventBridge expects rate(1 ${singular})`;
    if (value > 1 && unit === singular) return `EventBridge expects rate(${value} ${singular}s)`;
    if (unit.startsWith('minute') && value < 60) return 'a sweep may run 15 minutes: schedule it at most once an hour';
    return undefined;
  }
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (!cron) return 'expected cron(minutes hours day-of-month month day-of-week year) or rate(<value> <unit>)';
  const fields = cron[1].trim().split(/\s+/);
  if (fields.length !== 6) return `a cron expression has 6 fields (minutes hours day-of-month month day-of-week year), got ${fields.length}`;
  const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = fields;
  if (!/^\d+$/.test(minutes) || Number(minutes) > 59) return 'the minutes field must be one minute (0-59): a sweep runs at most once an hour';
  if (!cronNumbers(hours, 0, 23)) return `bad hours field ${JSON.stringify(hours)}`;
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) return 'exactly one of day-of-month and day-of-week must be ?';
  if (dayOfMonth !== '?' && !/^(\*|L|LW|\d{1,2}W|[\d,\-*/]+)$/.test(dayOfMonth)) return `bad day-of-month field ${JSON.stringify(dayOfMonth)}`;
  if (!/^[\dA-Za-z,\-*/]+$/.test(month)) return `bad month field ${JSON.stringify(month)}`;
  if (dayOfWeek !== '?' && !/^[\dA-Za-z,\-*/#L]+$/.test(dayOfWeek)) return `bad day-of-week field ${JSON.stringify(dayOfWeek)}`;
  if (!/^[\d,\-*/]+$/.test(year)) return `bad year field ${JSON.stringify(year)}`;
  return undefined;
};

const RETENTION_VALUES = new Set<number>(Object.values(RetentionDays).filter((v): v is number => typeof v === 'number'));

type Lookup = (key: string) => unknown;

const text = (get: Lookup, key: string): string | undefined => {
  const value = get(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') throw new ConfigError(`context ${key}: expected a string, got ${typeof value}`);
  return String(value).trim() || undefined;
};

const flag = (get: Lookup, key: string, fallback: boolean): boolean => {
  const value = get(key);
  if (value === undefined || value === null || value === '') return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new ConfigError(`context ${key}: expected true or false, got ${JSON.stringify(value)}`);
};

const integer = (get: Lookup, key: string, fallback: number, accept: (n: number) => boolean, expected: string): number => {
  const raw = get(key);
  if (raw === undefined || raw === null || raw === '') return fallback;
  const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
  if (!Number.isInteger(value) || !accept(value)) throw new ConfigError(`context ${key}: expected ${expected}, got ${JSON.stringify(raw)}`);
  return value;
};

/** A list given as a JSON array (cdk.json) or a comma-separated string (`-c trustedAccountIds=111111111111,222222222222`). */
const list = (get: Lookup, key: string): string[] => {
  const value = get(key);
  if (value === undefined || value === null || value === '') return [];
  const items = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : undefined;
  if (!items) throw new ConfigError(`context ${key}: expected a list or a comma-separated string`);
  return items.map((s) => s.trim()).filter((s) => s.length > 0);
};

/** Reads and validates Vigil's context; a bad value fails the synth with a message naming the key and the expected form. */
export const readSettings = (node: Pick<Node, 'tryGetContext'>): VigilSettings => {
  const get: Lookup = (key) => node.tryGetContext(key);

  const alertEmail = text(get, 'alertEmail');
  if (alertEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alertEmail)) {
    throw new ConfigError(`context alertEmail: expected an email address, got ${JSON.stringify(alertEmail)}`);
  }
  const minSeverity = (text(get, 'minSeverity') ?? Severity.HIGH).toUpperCase();
  if (!isSeverity(minSeverity)) {
    throw new ConfigError(`context minSeverity: expected one of ${Object.keys(Severity).join(', ')}, got ${JSON.stringify(minSeverity)}`);
  }
  const region = text(get, 'region');
  if (region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw new ConfigError(`context region: expected a Region such as eu-west-1, got ${JSON.stringify(region)}`);
  const account = text(get, 'account');
  if (account !== undefined && !/^\d{12}$/.test(account)) throw new ConfigError(`context account: expected a 12-digit account id, got ${JSON.stringify(account)}`);
  const trustedAccountIds = list(get, 'trustedAccountIds');
  const badAccount = trustedAccountIds.find((id) => !/^\d{12}$/.test(id));
  if (badAccount !== undefined) throw new ConfigError(`context trustedAccountIds: expected 12-digit account ids, got ${JSON.stringify(badAccount)}`);
  const orgId = text(get, 'orgId');
  if (orgId !== undefined && !/^o-[a-z0-9]{10,32}$/.test(orgId)) throw new ConfigError(`context orgId: expected an organization id such as o-a1b2c3d4e5, got ${JSON.stringify(orgId)}`);
  const sweepSchedule = text(get, 'sweepSchedule') ?? DEFAULT_SWEEP_SCHEDULE;
  const problem = scheduleProblem(sweepSchedule);
  if (problem !== undefined) throw new ConfigError(`context sweepSchedule: ${problem}, got ${JSON.stringify(sweepSchedule)}`);

  const rawRates = get('apiRates');
  const rates =
    rawRates !== null && typeof rawRates === 'object' && !Array.isArray(rawRates)
      ? parseApiRates(Object.entries(rawRates as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`).join(','))
      : parseApiRates(text(get, 'apiRates'));
  const apiRates = Object.keys(rates).length > 0 ? Object.entries(rates).map(([k, v]) => `${k}=${v}`).join(',') : undefined;

  return {
    alertEmail,
    minSeverity,
    region,
    account,
    trustedAccountIds,
    orgId,
    // SQS event sources accept a maximum concurrency of 2 to 1000.
    maxConcurrency: integer(get, 'maxConcurrency', 5, (n) => n >= 2 && n <= 1000, 'an integer from 2 to 1000'),
    reserveConcurrency: flag(get, 'reserveConcurrency', false),
    logRetentionDays: integer(get, 'logRetentionDays', 90, (n) => RETENTION_VALUES.has(n), `one of ${[...RETENTION_VALUES].join(', ')}`) as RetentionDays,
    configEvents: flag(get, 'configEvents', false),
    sweep: flag(get, 'sweep', true),
    sweepSchedule,
    apiRates,
  };
};
