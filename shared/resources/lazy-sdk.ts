/**
 * Loads a module on first use. For SDK clients that only some resources need (EC2 for functions in a VPC, CloudTrail
 * for the account's trails, WAF for stage cross-checks): each costs 50–300 ms of cold start when loaded eagerly.
 */
export const lazyModule = <T>(load: () => T): (() => T) => {
  let loaded: T | undefined;
  return () => (loaded ??= load());
};
