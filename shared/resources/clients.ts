/** Builds SDK clients once per (class, Region) and reuses them; tests mock the classes with aws-sdk-client-mock. */
export interface ClientFactory {
  get<C>(ctor: new (config: { region?: string; maxAttempts?: number }) => C, region?: string): C;
}

export const createClientFactory = (defaults: { region?: string; maxAttempts?: number } = {}): ClientFactory => {
  const cache = new Map<unknown, Map<string, unknown>>();
  return {
    get<C>(ctor: new (config: { region?: string; maxAttempts?: number }) => C, region?: string): C {
      const key = region ?? defaults.region ?? '';
      let byRegion = cache.get(ctor);
      if (!byRegion) cache.set(ctor, (byRegion = new Map()));
      let client = byRegion.get(key) as C | undefined;
      if (!client) {
        client = new ctor({ maxAttempts: defaults.maxAttempts ?? 5, ...(key ? { region: key } : {}) });
        byRegion.set(key, client);
      }
      return client;
    },
  };
};
