import { s3Triggers } from '../events/triggers/s3';
import { createS3Collectors, S3_EXTRA_READ_ACTIONS } from '../resources/s3/collect-live';
import { s3ConfigNormalisers } from '../resources/s3/from-config';
import { s3Kinds } from '../resources/s3/kinds';
import { s3Rules } from '../rules/s3';
import type { FamilyDefinition } from './types';

/**
 * The S3 family: buckets, account-level Block Public Access, access points, Multi-Region Access Points, directory
 * buckets, plus three live-only kinds (the account's trails for S3.22/S3.23, predictable service bucket names, sampled
 * object ACLs). The `det-s3-bucket-policy-change` detection belongs to the detections work.
 */
export const s3Family: FamilyDefinition = {
  name: 's3',
  kinds: s3Kinds,
  triggers: s3Triggers,
  rules: s3Rules,
  detections: [],
  collectors: createS3Collectors(),
  configNormalisers: s3ConfigNormalisers,
  extraReadActions: S3_EXTRA_READ_ACTIONS,
};
