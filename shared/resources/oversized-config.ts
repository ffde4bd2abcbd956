import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { EventValidationError } from '../core';

/**
 * `s3DeliverySummary.s3BucketLocation` of an oversized Config notification: `<bucket>/<key>`, the key under
 * `AWSLogs/<account>/Config/` (https://docs.aws.amazon.com/config/latest/developerguide/oversized-notification-example.html).
 */
export const parseS3Location = (location: string): { bucket: string; key: string } => {
  const slash = location.indexOf('/');
  const bucket = slash > 0 ? location.slice(0, slash) : '';
  const key = slash > 0 ? location.slice(slash + 1) : '';
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || !key.includes('/Config/')) {
    throw new EventValidationError(`oversized Config item: s3BucketLocation is not an AWS Config delivery location (${JSON.stringify(location.slice(0, 200))})`, [
      'detail.s3DeliverySummary.s3BucketLocation: not <bucket>/…/AWSLogs/<account>/Config/…',
    ]);
  }
  return { bucket, key };
};

let s3Client: S3Client | undefined;
const lazyS3 = (): S3Client => (s3Client ??= new S3Client({ followRegionRedirects: true }));

/**
 * The configuration item an oversized notification points at. The object holds the complete change notification
 * (gzip-compressed JSON, `.json.gz`), whose `configurationItem` is the item; a bare item is accepted too.
 */
export const configItemFromObject = (bytes: Uint8Array): unknown => {
  const gzipped = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(gzipped ? gunzipSync(bytes) : bytes).toString('utf8'));
  } catch (error) {
    throw new EventValidationError(`oversized Config item: the S3 object is not (gzipped) JSON: ${(error as Error).message}`, ['s3 object: not JSON'], { cause: error });
  }
  const record = parsed as { configurationItem?: unknown; configurationItems?: unknown[] } | null;
  if (record && typeof record === 'object' && record.configurationItem) return record.configurationItem;
  if (record && typeof record === 'object' && Array.isArray(record.configurationItems) && record.configurationItems.length > 0) return record.configurationItems[0];
  return parsed;
};

/**
 * Reads an oversized Config item from the S3 location its notification names (s3:GetObject, granted on that path only).
 * The delivery bucket may sit in another Region: the client follows S3's redirect to it.
 */
export const createOversizedItemFetcher = (s3: () => S3Client = lazyS3) => async (s3Location: string): Promise<unknown> => {
    const { bucket, key } = parseS3Location(s3Location);
    const answer = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!answer.Body) throw new Error(`oversized Config item s3://${bucket}/${key}: empty answer`);
    return configItemFromObject(await answer.Body.transformToByteArray());
  };
