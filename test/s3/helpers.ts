import type { ResourceRef, RuleContext } from '../../shared/core';
import { createConfigIndex, normaliseConfigItem, type ConfigItem } from '../../shared/resources/config-item';
import { bucketConfigFromItem } from '../../shared/resources/s3/from-config';
import { S3_KIND } from '../../shared/resources/s3/kinds';
import type { S3BucketConfig } from '../../shared/resources/s3/types';
import { loadFixture } from '../helpers/fixtures';

/** An AWS error as the SDK raises it, from a recorded custodian error response (`data.Error.Code`, `status_code`). */
export const recordedError = (fixture: string): Error => {
  const raw = loadFixture<{ status_code: number; data: { Error: { Code: string; Message: string } } }>(`api-responses/${fixture}`);
  return Object.assign(new Error(raw.data.Error.Message), { name: raw.data.Error.Code, $metadata: { httpStatusCode: raw.status_code } });
};

/** An AWS error with just a code (for answers no fixture records, e.g. OwnershipControlsNotFoundError). */
export const awsError = (name: string, httpStatusCode = 404): Error => Object.assign(new Error(name), { name, $metadata: { httpStatusCode } });

export const ACCOUNT = '644160558196';

export const bucketRef = (name: string, region = 'us-east-1', accountId = ACCOUNT): ResourceRef => ({
  kind: S3_KIND.bucket,
  id: name,
  arn: `arn:aws:s3:::${name}`,
  accountId,
  region,
});

export const ruleContext = (params: Record<string, unknown> = {}, accountId = ACCOUNT): RuleContext => ({
  accountId,
  now: new Date('2026-03-01T12:00:00.000Z'),
  params: { trustedAccountIds: [], ...params },
});

/** A Config item fixture, normalised. */
export const configItem = (fixture: string): ConfigItem => normaliseConfigItem(loadFixture(`config-items/${fixture}`));

/**
 * A bucket snapshot from a real Config item (the custodian `s3.json` item: us-east-2, owner-only ACL, no policy,
 * versioning Off, tags), for rules to mutate. Ownership is set to BucketOwnerEnforced and both BPAs fully on, so each
 * test states only what it changes.
 */
export const baseBucket = (): S3BucketConfig => {
  const item = configItem('s3-bucket.s3.custodian.json');
  const bucket = bucketConfigFromItem(item, createConfigIndex([item]));
  const allOn = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
  return { ...bucket, objectOwnership: 'BucketOwnerEnforced', publicAccessBlock: allOn, accountPublicAccessBlock: allOn };
};

export const NO_BLOCK = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };
