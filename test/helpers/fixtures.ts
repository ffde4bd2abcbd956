import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Root of the recorded fixtures (a copy of ../shared/fixtures, so a clone anywhere can run the tests) (real CloudTrail events, Config items, API responses). */
export const FIXTURES_DIR = join(__dirname, '..', 'fixtures');

/** Parsed JSON of a fixture, e.g. `loadFixture('cloudtrail/s3-PutBucketAcl.panther.json')`. A fresh copy on every call. */
export const loadFixture = <T = any>(relativePath: string): T => JSON.parse(readFileSync(join(FIXTURES_DIR, relativePath), 'utf8')) as T;

/** The `data` of a recorded API response (`{status_code, data}` wrappers of cloud-custodian placebo files). */
export const loadApiResponse = <T = any>(name: string): T => {
  const raw = loadFixture<{ status_code?: number; data?: unknown }>(`api-responses/${name}`);
  return (raw && typeof raw === 'object' && 'data' in raw ? raw.data : raw) as T;
};

/** Recorded boto3 answers spell datetimes as `{__class__: 'datetime', year, ...}`: the SDK gives Date objects. */
export const reviveDates = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map(reviveDates) as T;
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (v.__class__ === 'datetime') {
      return new Date(Date.UTC(Number(v.year), Number(v.month) - 1, Number(v.day), Number(v.hour ?? 0), Number(v.minute ?? 0), Number(v.second ?? 0))) as T;
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, reviveDates(x)])) as T;
  }
  return value;
};

/** A recorded API answer as the SDK returns it (dates revived, ResponseMetadata dropped). */
export const sdkResponse = <T = any>(name: string): T => {
  const data = reviveDates(loadApiResponse<Record<string, unknown>>(name));
  const { ResponseMetadata: _drop, ...rest } = data;
  return rest as T;
};

/** CloudTrail records of a fixture file, whatever its container (single record, `{Records:[...]}`, or an array). */
export const loadCloudTrailRecords = (relativePath: string): any[] => {
  const raw = loadFixture(relativePath);
  if (Array.isArray(raw)) return raw;
  if (raw && Array.isArray(raw.Records)) return raw.Records;
  if (raw && raw.detail) return [raw.detail];
  return [raw];
};

/** Wraps a CloudTrail record in the EventBridge envelope "AWS API Call via CloudTrail". */
export const toEventBridge = (record: any): any => ({
  version: '0',
  id: `evt-${record.eventID ?? 'x'}`,
  'detail-type': 'AWS API Call via CloudTrail',
  source: `aws.${String(record.eventSource ?? 'unknown').split('.')[0]}`,
  account: record.recipientAccountId ?? '123456789012',
  time: record.eventTime ?? '2024-01-01T00:00:00Z',
  region: record.awsRegion ?? 'us-east-1',
  resources: [],
  detail: record,
});
