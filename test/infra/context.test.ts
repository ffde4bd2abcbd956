import { ConfigError } from '../../shared/core';
import { DEFAULT_SWEEP_SCHEDULE, readSettings, scheduleProblem } from '../../infra/context';

const settingsOf = (context: Record<string, unknown>) => readSettings({ tryGetContext: (key: string) => context[key] });

describe('readSettings', () => {
  it('has safe defaults', () => {
    expect(settingsOf({})).toEqual({
      alertEmail: undefined,
      minSeverity: 'HIGH',
      region: undefined,
      account: undefined,
      trustedAccountIds: [],
      orgId: undefined,
      maxConcurrency: 5,
      reserveConcurrency: false,
      logRetentionDays: 90,
      configEvents: false,
      sweep: true,
      sweepSchedule: 'cron(17 3 * * ? *)',
    });
  });

  it('reads -c strings and cdk.json values alike', () => {
    const fromCli = settingsOf({ trustedAccountIds: '111111111111, 222222222222', maxConcurrency: '10', configEvents: 'true', reserveConcurrency: 'false', logRetentionDays: '30', minSeverity: 'medium', sweep: 'false', sweepSchedule: ' rate(12 hours) ' });
    const fromJson = settingsOf({ trustedAccountIds: ['111111111111', '222222222222'], maxConcurrency: 10, configEvents: true, reserveConcurrency: false, logRetentionDays: 30, minSeverity: 'MEDIUM', sweep: false, sweepSchedule: 'rate(12 hours)' });
    expect(fromCli).toEqual(fromJson);
    expect(fromCli).toMatchObject({ trustedAccountIds: ['111111111111', '222222222222'], maxConcurrency: 10, configEvents: true, reserveConcurrency: false, logRetentionDays: 30, minSeverity: 'MEDIUM', sweep: false, sweepSchedule: 'rate(12 hours)' });
  });

  it.each([
    [{ minSeverity: 'SEVERE' }, /context minSeverity: expected one of CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL/],
    [{ alertEmail: 'not-an-email' }, /context alertEmail/],
    [{ trustedAccountIds: '1234' }, /context trustedAccountIds: expected 12-digit account ids, got "1234"/],
    [{ maxConcurrency: 1 }, /context maxConcurrency: expected an integer from 2 to 1000/],
    [{ maxConcurrency: 'five' }, /context maxConcurrency/],
    [{ logRetentionDays: 45 }, /context logRetentionDays: expected one of 1, 3, 5, 7, 14, 30/],
    [{ configEvents: 'yes' }, /context configEvents: expected true or false/],
    [{ region: 'Europe' }, /context region/],
    [{ account: '12' }, /context account/],
    [{ orgId: 'org-1' }, /context orgId/],
    [{ sweep: 'no' }, /context sweep: expected true or false/],
    [{ sweepSchedule: 'daily' }, /context sweepSchedule: expected cron\(minutes hours day-of-month month day-of-week year\) or rate/],
    [{ sweepSchedule: '0 3 * * *' }, /context sweepSchedule: .*got "0 3 \* \* \*"/],
    [{ sweepSchedule: 'cron(17 3 * * *)' }, /context sweepSchedule: a cron expression has 6 fields/],
    [{ sweepSchedule: 'cron(17 3 * * * *)' }, /context sweepSchedule: exactly one of day-of-month and day-of-week must be \?/],
    [{ sweepSchedule: 'cron(*/5 * * * ? *)' }, /context sweepSchedule: the minutes field must be one minute/],
    [{ sweepSchedule: 'cron(17 25 * * ? *)' }, /context sweepSchedule: bad hours field "25"/],
    [{ sweepSchedule: 'rate(5 minutes)' }, /context sweepSchedule: a sweep may run 15 minutes/],
    [{ sweepSchedule: 'rate(1 days)' }, /context sweepSchedule: EventBridge expects rate\(1 day\)/],
    [{ sweepSchedule: 'rate(2 day)' }, /context sweepSchedule: EventBridge expects rate\(2 days\)/],
    [{ sweepSchedule: 'rate(0 hours)' }, /context sweepSchedule: a rate must be a positive number/],
    [{ sweepSchedule: 42 }, /context sweepSchedule/],
  ])('rejects %j with a message naming the key', (context, message) => {
    expect(() => settingsOf(context)).toThrow(ConfigError);
    expect(() => settingsOf(context)).toThrow(message);
  });
});

describe('sweepSchedule', () => {
  it.each([
    'cron(17 3 * * ? *)',
    'cron(0 5 ? * MON-FRI *)',
    'cron(30 */6 * * ? *)',
    'cron(0 2,14 * * ? *)',
    'cron(45 1 L * ? *)',
    'cron(0 4 ? * 2#1 *)',
    'rate(1 day)',
    'rate(12 hours)',
    'rate(1 hour)',
    'rate(90 minutes)',
  ])('accepts %s', (expression) => {
    expect(scheduleProblem(expression)).toBeUndefined();
    expect(settingsOf({ sweepSchedule: expression }).sweepSchedule).toBe(expression);
  });

  it('defaults to once a day at 03:17 UTC', () => {
    expect(DEFAULT_SWEEP_SCHEDULE).toBe('cron(17 3 * * ? *)');
    expect(scheduleProblem(DEFAULT_SWEEP_SCHEDULE)).toBeUndefined();
  });
});

describe('apiRates', () => {
  it('takes family=rate pairs from -c or an object from cdk.json, normalised; none by default', () => {
    expect(settingsOf({}).apiRates).toBeUndefined();
    expect(settingsOf({ apiRates: 'iam=5, apigateway=4' }).apiRates).toBe('iam=5,apigateway=4');
    expect(settingsOf({ apiRates: { iam: 5, 'apigateway:GetResources': 1.5 } }).apiRates).toBe('iam=5,apigateway:GetResources=1.5');
  });

  it('fails the synth on a rate that is not a positive number, naming it', () => {
    expect(() => settingsOf({ apiRates: 'iam=lots' })).toThrow(ConfigError);
    expect(() => settingsOf({ apiRates: { iam: -1 } })).toThrow(/apiRates: .*"iam=-1"/);
  });
});
