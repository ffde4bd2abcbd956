import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ConfigError } from '../../shared/core';
import { createClientFactory } from '../../shared/resources/clients';
import { apiFamilyOf, attachPacing, DEFAULT_API_RATES, Pacer, PacingDeadlineError, parseApiRates, TokenBucket, type PacingClock } from '../../shared/resources/pacing';

/** A simulated clock: sleeping advances it (no real waiting). */
const simulatedClock = (start = 0): PacingClock & { slept: number[] } => {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
};

describe('TokenBucket', () => {
  it('serves its capacity at once, then one token per 1/rate seconds, in reservation order', () => {
    const clock = simulatedClock();
    const bucket = new TokenBucket(4, 2, clock);
    expect([bucket.reserve(), bucket.reserve()]).toEqual([0, 0]);
    // Two more reserved now wait 250 ms and 500 ms: callers queue behind each other.
    expect([bucket.reserve(), bucket.reserve()]).toEqual([250, 500]);
  });

  it('refills while idle, never above its capacity', () => {
    const clock = simulatedClock();
    const bucket = new TokenBucket(10, 3, clock);
    for (let i = 0; i < 3; i++) bucket.reserve();
    void clock.sleep(60_000);
    expect(bucket.waitMs()).toBe(0);
    expect([bucket.reserve(), bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 0, 0, 100]);
  });

  it('refuses a rate or capacity that is not positive', () => {
    expect(() => new TokenBucket(0, 1, simulatedClock())).toThrow(ConfigError);
  });
});

describe('Pacer', () => {
  it('holds a container to its share of the account quota: 100 IAM calls at 10/s shared by 5 take ~50 s', async () => {
    const clock = simulatedClock();
    const pacer = new Pacer({ share: 5, clock });
    expect(pacer.rateOf('iam')).toBe(DEFAULT_API_RATES.iam / 5);
    for (let i = 0; i < 100; i++) await pacer.take('iam', '111122223333');
    // 2 calls/s after a 2-call burst.
    expect(clock.now()).toBeCloseTo(((100 - 2) / 2) * 1000, -1);
  });

  it('keeps one bucket per API family and per account: they do not slow each other', async () => {
    const clock = simulatedClock();
    const pacer = new Pacer({ rates: { iam: 1, lambda: 1 }, clock });
    await pacer.take('iam', '111122223333');
    await pacer.take('lambda', '111122223333');
    await pacer.take('iam', '444455556666');
    expect(clock.now()).toBe(0);
    await pacer.take('iam', '111122223333');
    expect(clock.now()).toBe(1000);
  });

  it('also takes the bucket of a tighter operation (API Gateway GetResources: 5 every 2 s)', async () => {
    const clock = simulatedClock();
    const pacer = new Pacer({ clock, burstSeconds: 1 });
    for (let i = 0; i < 6; i++) await pacer.take('apigateway', 'a', 'GetResources');
    // 2.5/s with a burst of 2.5 tokens: the 3rd call waits for the missing half token (200 ms), the next ones 400 ms each.
    expect(clock.now()).toBeCloseTo(1400, 0);
    const other = simulatedClock();
    const unrestricted = new Pacer({ clock: other });
    for (let i = 0; i < 6; i++) await unrestricted.take('apigateway', 'a', 'GetStage');
    expect(other.now()).toBe(0);
  });

  it('fails fast, without taking a token, when a call would wait past the deadline', async () => {
    const clock = simulatedClock();
    const pacer = new Pacer({ rates: { iam: 1 }, clock });
    pacer.deadline = 1500;
    await pacer.take('iam', 'a'); // burst
    await pacer.take('iam', 'a'); // waits until 1000
    await expect(pacer.take('iam', 'a')).rejects.toBeInstanceOf(PacingDeadlineError); // would run at 2000
    pacer.deadline = undefined;
    await pacer.take('iam', 'a');
    expect(clock.now()).toBe(2000);
  });

  it('reads configured rates as family=rate and refuses anything else, naming it', () => {
    expect(parseApiRates(' iam=5, apigateway:GetResources=2.5 ,s3=20')).toEqual({ iam: 5, 'apigateway:GetResources': 2.5, s3: 20 });
    expect(parseApiRates(undefined)).toEqual({});
    expect(() => parseApiRates('iam=fast')).toThrow(/apiRates: .*"iam=fast"/);
    expect(() => parseApiRates('iam=0')).toThrow(ConfigError);
    expect(() => new Pacer({ share: 0 })).toThrow(ConfigError);
  });

  it('names API families after the SDK serviceId (both API Gateway clients share one quota)', () => {
    expect(['API Gateway', 'ApiGatewayV2', 'S3 Control', 'CloudWatch Logs', 'IAM'].map(apiFamilyOf)).toEqual(['apigateway', 'apigateway', 's3-control', 'cloudwatchlogs', 'iam']);
  });
});

describe('pacing middleware on a real SDK client', () => {
  /** Answers every call in the deserialize step (after pacing, signing and retries), so nothing leaves the process. */
  const answerLocally = (client: STSClient, calls: number[], clock: PacingClock) =>
    client.middlewareStack.add(
      () => async () => {
        calls.push(clock.now());
        return { output: { $metadata: {}, Account: '111122223333' }, response: {} };
      },
      { step: 'deserialize', priority: 'high', name: 'answerLocally' },
    );

  it('paces every call through the token bucket of the client service', async () => {
    const clock = simulatedClock();
    const pacer = new Pacer({ rates: { sts: 2 }, clock });
    const client = new STSClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    attachPacing(client, pacer, '111122223333');
    const calls: number[] = [];
    answerLocally(client, calls, clock);
    for (let i = 0; i < 5; i++) await client.send(new GetCallerIdentityCommand({}));
    expect(calls).toEqual([0, 0, 500, 1000, 1500]);
    client.destroy();
  });

  it('the client factory builds paced clients in the adaptive retry mode', async () => {
    const clock = simulatedClock();
    const pacer = new Pacer({ rates: { sts: 1 }, clock });
    const factory = createClientFactory({ pacer, accountId: '111122223333' });
    const client = factory.get(STSClient, 'us-east-1');
    expect((await client.config.retryStrategy()).constructor.name).toBe('AdaptiveRetryStrategy');
    Object.assign(client.config, { credentials: async () => ({ accessKeyId: 'x', secretAccessKey: 'x' }) });
    const calls: number[] = [];
    answerLocally(client, calls, clock);
    await client.send(new GetCallerIdentityCommand({}));
    await client.send(new GetCallerIdentityCommand({}));
    expect(calls).toEqual([0, 1000]);
    expect(factory.get(STSClient, 'us-east-1')).toBe(client);
    client.destroy();
  });
});
