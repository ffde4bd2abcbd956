import type { AdvancedEventSelector, BasicEventSelector, TrailSummary } from './types';

export type DataEventAccess = 'read' | 'write';

/** `arn:aws:s3` or `arn:aws:s3:::` (any partition): all objects of all buckets. */
const ALL_OBJECTS = /^arn:[a-z-]+:s3(:::)?$/;

const basicCovers = (selector: BasicEventSelector, access: DataEventAccess): boolean =>
  (selector.readWriteType === 'All' || selector.readWriteType === (access === 'write' ? 'WriteOnly' : 'ReadOnly')) &&
  selector.dataResources.some((r) => r.type === 'AWS::S3::Object' && r.values.some((v) => ALL_OBJECTS.test(v)));

/**
 * Catalogue S3.22/S3.23: `eventCategory = Data`, `resources.type = AWS::S3::Object`, no `resources.ARN` restriction, and
 * `readOnly` absent or equal to false (write) / true (read).
 */
const advancedCovers = (selector: AdvancedEventSelector, access: DataEventAccess): boolean => {
  const fields = selector.fieldSelectors;
  const equals = (name: string, value: string): boolean =>
    fields.some((f) => f.field === name && f.equals.some((e) => e.toLowerCase() === value.toLowerCase()));
  if (!equals('eventCategory', 'Data') || !equals('resources.type', 'AWS::S3::Object')) return false;
  if (fields.some((f) => f.field === 'resources.ARN')) return false;
  const readOnly = fields.filter((f) => f.field === 'readOnly');
  return readOnly.length === 0 || equals('readOnly', access === 'write' ? 'false' : 'true');
};

/** The logging multi-Region trails whose selectors log `access` data events for every S3 object. */
export const trailsLoggingS3Objects = (trails: readonly TrailSummary[], access: DataEventAccess): TrailSummary[] =>
  trails.filter(
    (t) => t.isLogging && (t.basicSelectors.some((s) => basicCovers(s, access)) || t.advancedSelectors.some((s) => advancedCovers(s, access))),
  );
