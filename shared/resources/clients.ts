import { attachPacing, type PaceableClient, type Pacer } from './pacing';

type ClientConfig = { region?: string; maxAttempts?: number; retryMode?: string };

/** Builds SDK clients once per (class, Region) and reuses them; tests mock the classes with aws-sdk-client-mock. */
export interface ClientFactory {
  get<C>(ctor: new (config: ClientConfig) => C, region?: string): C;
}

export interface ClientFactoryOptions {
  readonly region?: string;
  readonly maxAttempts?: number;
  /**
   * The SDK's retry mode. `adaptive` adds a client-side rate limiter that slows down after throttling responses
   * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html). @default 'adaptive'
   */
  readonly retryMode?: 'standard' | 'adaptive';
  /** Paces every call of every client (token buckets per API family and account). @default - unpaced */
  readonly pacer?: Pacer;
  /** The account the clients read (the pacing key). @default 'self' */
  readonly accountId?: string;
}

export const createClientFactory = (defaults: ClientFactoryOptions = {}): ClientFactory => {
  const cache = new Map<unknown, Map<string, unknown>>();
  return {
    get<C>(ctor: new (config: ClientConfig) => C, region?: string): C {
      const key = region ?? defaults.region ?? '';
      let byRegion = cache.get(ctor);
      if (!byRegion) cache.set(ctor, (byRegion = new Map()));
      let client = byRegion.get(key) as C | undefined;
      if (!client) {
        client = new ctor({ maxAttempts: defaults.maxAttempts ?? 5, retryMode: defaults.retryMode ?? 'adaptive', ...(key ? { region: key } : {}) });
        const paceable = client as unknown as Partial<PaceableClient>;
        if (defaults.pacer && paceable.middlewareStack && paceable.config) attachPacing(paceable as PaceableClient, defaults.pacer, defaults.accountId ?? 'self');
        byRegion.set(key, client);
      }
      return client;
    },
  };
};
