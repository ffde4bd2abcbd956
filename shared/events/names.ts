/** Strips the API-version suffix CloudTrail appends to Lambda event names (`AddPermission20150331v2` → `AddPermission`). */
export const normaliseEventName = (name: string): string => name.replace(/\d{8}(v\d+)?$/, '');

/** Partition of a Region (`cn-north-1` → `aws-cn`). */
export const partitionOf = (region: string): string =>
  region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : region.startsWith('us-iso') ? 'aws-iso' : 'aws';

/** Value at a dotted path (`requestParameters.bucketName`) of a plain object. */
export const valueAtPath = (root: unknown, path: string): unknown => {
  let current: unknown = root;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
};
