import { ConfigError } from '../../shared/core';
import { readSettings } from '../../infra/context';

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
      reserveConcurrency: true,
      logRetentionDays: 90,
      configEvents: false,
    });
  });

  it('reads -c strings and cdk.json values alike', () => {
    const fromCli = settingsOf({ trustedAccountIds: '111111111111, 222222222222', maxConcurrency: '10', configEvents: 'true', reserveConcurrency: 'false', logRetentionDays: '30', minSeverity: 'medium' });
    const fromJson = settingsOf({ trustedAccountIds: ['111111111111', '222222222222'], maxConcurrency: 10, configEvents: true, reserveConcurrency: false, logRetentionDays: 30, minSeverity: 'MEDIUM' });
    expect(fromCli).toEqual(fromJson);
    expect(fromCli).toMatchObject({ trustedAccountIds: ['111111111111', '222222222222'], maxConcurrency: 10, configEvents: true, reserveConcurrency: false, logRetentionDays: 30, minSeverity: 'MEDIUM' });
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
  ])('rejects %j with a message naming the key', (context, message) => {
    expect(() => settingsOf(context)).toThrow(ConfigError);
    expect(() => settingsOf(context)).toThrow(message);
  });
});
