import { ConfigError, VigilError } from '../core';

/**
 * Client-side pacing of Vigil's AWS reads: one token bucket per (API family, account), shared by every read of a
 * container (Lambda runs one invocation at a time per container), in front of the SDK's adaptive retry mode. The
 * account's quota is divided by the number of containers that may read at once (`share`, the evaluators' SQS maximum
 * concurrency), so that together they stay under it instead of spending their retries on ThrottlingException.
 */

/** Injected time: the Lambda runs on the wall clock, the tests and the bench on a simulated one. */
export interface PacingClock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: PacingClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A read that would have to wait for its token past the invocation's deadline: not started, retried through the queue. */
export class PacingDeadlineError extends VigilError {
  constructor(readonly apiFamily: string, readonly waitMs: number) {
    super(`pacing: a ${apiFamily} call would wait ${Math.round(waitMs)} ms, past the invocation's deadline`);
  }
}

/**
 * Requests per second per account (and Region) for each API family, from AWS's published quotas. Where AWS publishes
 * none for the read calls Vigil makes, the value is a conservative guess, marked so; all are configurable
 * (`-c apiRates=iam=5,s3=20`).
 */
export const DEFAULT_API_RATES: Readonly<Record<string, number>> = {
  // "Other operations": 10 requests per second per account, burst 40; fixed
  // (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html, "quotas for creating, deploying and managing an API").
  apigateway: 10,
  // "Remainder of the control plane API requests (excludes invocation, GetFunction, and GetPolicy API requests)": 15 per
  // second; GetFunction 100, GetPolicy 15 (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
  lambda: 15,
  // Non-mutating Describe* actions: a bucket of 100 tokens refilled at 20 per second, per API
  // (https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html).
  ec2: 20,
  // Control plane: 2,500 requests per second (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-control-plane.html).
  dynamodb: 2500,
  // IAM publishes no request-rate quota (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html lists
  // object counts only) and throttles account-wide: conservative.
  iam: 10,
  // No published rate for bucket-configuration (subresource) requests; object requests get 5,500 GET/HEAD per second per
  // prefix (https://docs.aws.amazon.com/AmazonS3/latest/userguide/optimizing-performance.html): conservative.
  s3: 50,
  // Not published: conservative.
  's3-control': 10,
  cloudtrail: 10,
  cloudwatchlogs: 10,
};

/** For a service without an entry above: conservative. */
export const FALLBACK_API_RATE = 10;

/** Operations with a tighter quota than their family: both buckets are taken. */
export const DEFAULT_OPERATION_RATES: Readonly<Record<string, number>> = {
  // "GetResources: 5 requests every 2 seconds per account" (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
  'apigateway:GetResources': 2.5,
};

/** The API family of an SDK client's `serviceId` ("API Gateway" and "ApiGatewayV2" share the management quota). */
export const apiFamilyOf = (serviceId: string): string => {
  const key = serviceId.toLowerCase().replace(/\s+/g, '');
  if (key === 'apigateway' || key === 'apigatewayv2') return 'apigateway';
  if (key === 's3control') return 's3-control';
  return key;
};

/**
 * A token bucket: `ratePerSecond` tokens a second, at most `capacity` saved. A caller reserves its token at once and waits
 * for it, so concurrent callers are served in order and the bucket can run into debt (the wait grows with the queue).
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(readonly ratePerSecond: number, readonly capacity: number, private readonly clock: PacingClock) {
    if (!(ratePerSecond > 0) || !(capacity >= 1)) throw new ConfigError(`token bucket: rate ${ratePerSecond}/s and capacity ${capacity} must be positive`);
    this.tokens = capacity;
    this.last = clock.now();
  }

  /** Milliseconds a token taken now would wait (nothing reserved). */
  waitMs(): number {
    const tokens = Math.min(this.capacity, this.tokens + ((this.clock.now() - this.last) * this.ratePerSecond) / 1000);
    return tokens >= 1 ? 0 : ((1 - tokens) * 1000) / this.ratePerSecond;
  }

  /** Reserves a token and returns how long to wait for it. */
  reserve(): number {
    const now = this.clock.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.ratePerSecond) / 1000);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : (-this.tokens * 1000) / this.ratePerSecond;
  }
}

export interface PacerOptions {
  /** Requests per second per account for each API family (merged over DEFAULT_API_RATES). */
  readonly rates?: Readonly<Record<string, number>>;
  /** Containers sharing each account's quota at once (the evaluators' maximum concurrency). @default 1 */
  readonly share?: number;
  /** Saved tokens, in seconds of rate (a short burst after a pause). @default 1 */
  readonly burstSeconds?: number;
  readonly clock?: PacingClock;
}

/** The buckets of one container: one per (API family, account) and per tight operation. */
export class Pacer {
  /** Epoch ms: a call that would wait past it fails fast (PacingDeadlineError). Set per invocation. */
  deadline: number | undefined;
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly rates: Readonly<Record<string, number>>;
  private readonly share: number;
  private readonly burstSeconds: number;
  readonly clock: PacingClock;

  constructor(options: PacerOptions = {}) {
    this.rates = { ...DEFAULT_API_RATES, ...DEFAULT_OPERATION_RATES, ...options.rates };
    this.share = options.share ?? 1;
    if (!Number.isInteger(this.share) || this.share < 1) throw new ConfigError(`pacing share must be a positive integer, got ${String(options.share)}`);
    this.burstSeconds = options.burstSeconds ?? 1;
    this.clock = options.clock ?? systemClock;
  }

  /** This container's rate for an API family (or `family:Operation`), in requests per second. */
  rateOf(key: string): number | undefined {
    const quota = this.rates[key] ?? (key.includes(':') ? undefined : FALLBACK_API_RATE);
    return quota === undefined ? undefined : quota / this.share;
  }

  private bucketFor(key: string, accountId: string): TokenBucket | undefined {
    const rate = this.rateOf(key);
    if (rate === undefined) return undefined;
    const id = `${key}|${accountId}`;
    let bucket = this.buckets.get(id);
    if (!bucket) this.buckets.set(id, (bucket = new TokenBucket(rate, Math.max(1, rate * this.burstSeconds), this.clock)));
    return bucket;
  }

  /** Waits for the tokens of one call of `operation` to `apiFamily` in `accountId`; fails fast past the deadline. */
  async take(apiFamily: string, accountId: string, operation?: string): Promise<void> {
    const buckets = [this.bucketFor(apiFamily, accountId), operation ? this.bucketFor(`${apiFamily}:${operation}`, accountId) : undefined].filter(
      (b): b is TokenBucket => b !== undefined,
    );
    const wait = Math.max(...buckets.map((b) => b.waitMs()));
    if (this.deadline !== undefined && this.clock.now() + wait > this.deadline) throw new PacingDeadlineError(apiFamily, wait);
    const reserved = Math.max(...buckets.map((b) => b.reserve()));
    if (reserved > 0) await this.clock.sleep(reserved);
  }
}

/** Parses `family=rate,...` (context or environment) into rates; throws ConfigError naming the bad entry. */
export const parseApiRates = (text: string | undefined): Record<string, number> => {
  const rates: Record<string, number> = {};
  for (const entry of (text ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0)) {
    const match = /^([a-z0-9-]+(?::[A-Za-z0-9]+)?)=(\d+(?:\.\d+)?)$/.exec(entry);
    if (!match || Number(match[2]) <= 0) throw new ConfigError(`apiRates: expected family=requestsPerSecond (e.g. iam=5), got ${JSON.stringify(entry)}`);
    rates[match[1]] = Number(match[2]);
  }
  return rates;
};

/** The part of an SDK v3 client the pacing middleware needs. */
export interface PaceableClient {
  readonly config: { readonly serviceId?: string };
  readonly middlewareStack: { add(middleware: unknown, options: Record<string, unknown>): void };
}

/**
 * Paces every attempt of every call of `client`: the middleware sits in the finalizeRequest step below the SDK's retry
 * middleware, so each retry takes a token too.
 */
export const attachPacing = (client: PaceableClient, pacer: Pacer, accountId: string): void => {
  const family = apiFamilyOf(client.config.serviceId ?? 'unknown');
  const middleware = (next: (args: unknown) => Promise<unknown>, context: { readonly commandName?: string }) => async (args: unknown) => {
    await pacer.take(family, accountId, context.commandName?.replace(/Command$/, ''));
    return next(args);
  };
  client.middlewareStack.add(middleware, { step: 'finalizeRequest', priority: 'low', name: 'vigilPacing', tags: ['VIGIL_PACING'] });
};
