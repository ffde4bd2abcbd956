import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventValidationError } from '../../shared/core';
import { matchingRows, parseCloudTrailDetail, parseEventBridgeEvent, resolveTargets, toEventPatterns } from '../../shared/events';
import {
  accessPointName,
  multiRegionAccessPointName,
  predictableBucketName,
  S3_BUCKET_EVENT_NAMES,
  S3_OBJECT_SAMPLE_EVENT_NAMES,
  s3Triggers,
} from '../../shared/events/triggers/s3';
import { S3_KIND, s3Kinds } from '../../shared/resources/s3/kinds';
import { FIXTURES_DIR, loadCloudTrailRecords, loadFixture, toEventBridge } from '../helpers/fixtures';

const catalogue = { rows: s3Triggers, kinds: s3Kinds };

/** Parses a CloudTrail record as the evaluator receives it (EventBridge envelope). */
const parse = (record: unknown) => parseEventBridgeEvent(toEventBridge(record), catalogue);
const targetsOf = (record: unknown) => {
  const parsed = parse(record);
  if (parsed.type !== 'cloudtrail') throw new Error(`expected a CloudTrail event, got ${parsed.type}`);
  return parsed;
};
const bucketRef = (name: string, accountId: string, region: string) => ({
  kind: S3_KIND.bucket,
  id: name,
  arn: `arn:aws:s3:::${name}`,
  accountId,
  region,
});

/** A bucket event re-evaluates the bucket, and the object-ACL sample when it changes ownership, BPA or the bucket's existence. */
const refsFor = (eventName: string, name: string, accountId: string, region: string) => [
  bucketRef(name, accountId, region),
  ...((S3_OBJECT_SAMPLE_EVENT_NAMES as readonly string[]).includes(eventName) ? [{ ...bucketRef(name, accountId, region), kind: S3_KIND.bucketObjectSample }] : []),
];

/** Every mutating S3 record in the recorded fixtures, with the bucket it must resolve to. */
const BUCKET_EVENTS: [file: string, eventName: string, bucket: string, account: string, region: string][] = [
  ['s3-DeleteBucket-assumedrole.awsdocs.json', 'DeleteBucket', 'my-test-bucket-cross-account', '777788889999', 'us-east-2'],
  ['s3-DeleteBucketEncryption.panther.json', 'DeleteBucketEncryption', 'sensitive-data-bucket', '111111111111', 'us-east-1'],
  ['s3-DeleteBucketPolicy-PutBucketAcl-GetBucketVersioning.awsdocs.json', 'DeleteBucketPolicy', 'myawsbucket', '111122223333', 'us-west-2'],
  ['s3-DeleteBucketPublicAccessBlock.panther.json', 'DeleteBucketPublicAccessBlock', 'corporate-documents', '111111111111', 'us-east-1'],
  ['s3-PutBucketAcl.panther.json', 'PutBucketAcl', 'bucket', '123456789012', 'us-west-2'],
  ['s3-PutBucketLogging-disable.panther.json', 'PutBucketLogging', 'critical-data-bucket', '111111111111', 'us-west-2'],
  ['s3-PutBucketLogging-enable.panther.json', 'PutBucketLogging', 'critical-data-bucket', '111111111111', 'us-west-2'],
  ['s3-PutBucketPolicy-cross-account-console.cwlogs-sample.json', 'PutBucketPolicy', 'my-bucket', '555555555555', 'us-east-1'],
  ['s3-PutBucketPolicy-cross-account.stratus-challenge.json', 'PutBucketPolicy', 'stratus-red-team-bdbp-ypyjcgrxup', '438465128930', 'ap-southeast-2'],
  ['s3-PutBucketPolicy-not-public.panther.json', 'PutBucketPolicy', 'example-bucket', '123456789012', 'us-west-2'],
  ['s3-PutBucketPolicy-public.panther.json', 'PutBucketPolicy', 'example-bucket', '123456789012', 'us-west-2'],
  ['s3-PutBucketPolicy-public.streamalert.json', 'PutBucketPolicy', 'test', '123456789123', 'us-east-1'],
  // StreamAlert redacted this bucket name to '...'; the row still takes it from requestParameters.bucketName.
  ['s3-PutBucketPublicAccessBlock-all-false.streamalert.json', 'PutBucketPublicAccessBlock', '...', '123456789123', 'us-east-1'],
  ['s3-PutBucketPublicAccessBlock-all-true.streamalert.json', 'PutBucketPublicAccessBlock', 'test', '123456789123', 'us-east-1'],
  ['s3-PutBucketVersioning-Enabled.panther.json', 'PutBucketVersioning', 'important-files-bucket', '111111111111', 'us-east-1'],
  ['s3-PutBucketVersioning-MfaDelete-Disabled.panther.json', 'PutBucketVersioning', 'critical-data-bucket', '111111111111', 'us-east-1'],
  ['s3-PutBucketVersioning-Suspended.panther.json', 'PutBucketVersioning', 'important-files-bucket', '111111111111', 'us-east-1'],
];

const ACCOUNT_BPA_EVENTS: [file: string, eventName: string, account: string][] = [
  ['s3-PutAccountPublicAccessBlock-all-false.streamalert.json', 'PutAccountPublicAccessBlock', '123456789123'],
  ['s3-DeleteAccountPublicAccessBlock.streamalert.json', 'DeleteAccountPublicAccessBlock', '123456789123'],
];

/** Files whose records are failed or read-only calls, or malformed (empty bucket name), checked one by one below. */
const OTHER_FILES = [
  's3-GetBucketPublicAccessBlock-error.cwlogs-sample.json',
  's3-ListBuckets-PutBucketAcl-GetBucketVersioning.awsdocs.json',
  's3-PutBucketPolicy-failed.panther.json',
];

const recordOf = (file: string, eventName: string) => {
  const record = loadCloudTrailRecords(`cloudtrail/${file}`).find((r) => r.eventName === eventName);
  if (!record) throw new Error(`${file} has no ${eventName} record`);
  return structuredClone(record);
};

describe('S3 trigger rows on the recorded CloudTrail events', () => {
  it('covers every s3-* CloudTrail fixture in this test', () => {
    const files = readdirSync(join(FIXTURES_DIR, 'cloudtrail')).filter((f) => f.startsWith('s3-'));
    const covered = new Set([...BUCKET_EVENTS.map(([f]) => f), ...ACCOUNT_BPA_EVENTS.map(([f]) => f), ...OTHER_FILES]);
    expect(files.filter((f) => !covered.has(f))).toEqual([]);
  });

  it.each(BUCKET_EVENTS)('%s: %s resolves to bucket %s', (file, eventName, bucket, account, region) => {
    const parsed = targetsOf(recordOf(file, eventName));
    expect(parsed.posture).toBe(true);
    expect(parsed.targets.refs).toEqual(refsFor(eventName, bucket, account, region));
    expect(parsed.targets.fanOut).toEqual([]);
  });

  it.each(ACCOUNT_BPA_EVENTS)('%s: %s resolves to the account BPA and fans out to every bucket', (file, eventName, account) => {
    const record = recordOf(file, eventName);
    const parsed = targetsOf(record);
    expect(parsed.targets.refs).toEqual([
      { kind: S3_KIND.accountPublicAccessBlock, id: account, arn: `arn:aws:s3::${account}:account`, accountId: account, region: 'global' },
    ]);
    expect(parsed.targets.fanOut).toEqual([{ kind: S3_KIND.bucket, accountId: account, region: 'global' }]); // an account-wide change reaches buckets in every Region
  });

  it('takes the account from recipientAccountId, not from the x-amz-account-id host of the S3 Control call', () => {
    const record = recordOf('s3-DeleteAccountPublicAccessBlock.streamalert.json', 'DeleteAccountPublicAccessBlock');
    expect(record.requestParameters.host[0]).toMatch(/^954574370272\.s3-control/);
    expect(targetsOf(record).targets.refs[0].accountId).toBe('123456789123');
  });

  it('ignores a failed PutBucketPolicy (errorCode) for posture', () => {
    const parsed = targetsOf(recordOf('s3-PutBucketPolicy-failed.panther.json', 'PutBucketPolicy'));
    expect(parsed.detail.errorCode).toBe('AccessDenied');
    expect(parsed.posture).toBe(false);
    expect(parsed.targets.refs).toEqual([]);
  });

  it('ignores a failed read (GetBucketPublicAccessBlock with NoSuchPublicAccessBlockConfiguration)', () => {
    const parsed = targetsOf(recordOf('s3-GetBucketPublicAccessBlock-error.cwlogs-sample.json', 'GetBucketPublicAccessBlock'));
    expect(parsed.posture).toBe(false);
    expect(parsed.targets.refs).toEqual([]);
  });

  it.each([
    ['s3-ListBuckets-PutBucketAcl-GetBucketVersioning.awsdocs.json', 'ListBuckets'],
    ['s3-ListBuckets-PutBucketAcl-GetBucketVersioning.awsdocs.json', 'GetBucketVersioning'],
    ['s3-DeleteBucketPolicy-PutBucketAcl-GetBucketVersioning.awsdocs.json', 'GetBucketVersioning'],
  ])('%s: the read-only call %s has no row and changes nothing', (file, eventName) => {
    const record = recordOf(file, eventName);
    expect(matchingRows(record, s3Triggers)).toEqual([]);
    expect(targetsOf(record).targets).toEqual({ refs: [], fanOut: [] });
  });

  it('re-reads nothing for a read-only call flagged readOnly: true (only detections see it)', () => {
    const record = recordOf('s3-ListBuckets-PutBucketAcl-GetBucketVersioning.awsdocs.json', 'GetBucketVersioning');
    record.readOnly = true;
    expect(parse(record)).toMatchObject({ type: 'cloudtrail', posture: false, targets: { refs: [], fanOut: [] } });
  });

  it('rejects the documentation PutBucketAcl record whose bucketName is empty, naming the path', () => {
    const record = recordOf('s3-ListBuckets-PutBucketAcl-GetBucketVersioning.awsdocs.json', 'PutBucketAcl');
    expect(record.requestParameters.bucketName).toBe('');
    expect(() => parse(record)).toThrow(EventValidationError);
    expect(() => parse(record)).toThrow(/requestParameters\.bucketName/);
  });
});

describe('S3 trigger rows on the recorded EventBridge envelopes', () => {
  it.each([
    ['s3-CreateBucket-console.custodian.json', refsFor('CreateBucket', 'cwe-test', '101010101111', 'us-east-1')],
    ['s3-CreateBucket.custodian.json', refsFor('CreateBucket', 'custodian-create-bucket-v4', '619193117841', 'us-west-2')],
  ])('%s resolves CreateBucket (no recipientAccountId: the caller account)', (file, refs) => {
    const parsed = parseEventBridgeEvent(loadFixture(`eventbridge/${file}`), catalogue);
    expect(parsed.type === 'cloudtrail' && parsed.targets.refs).toEqual(refs);
  });

  it('resolves the PutBucketAcl AllUsers record (envelope redacted by StreamAlert) through its detail', () => {
    const raw = loadFixture('eventbridge/s3-PutBucketAcl-AllUsers.streamalert.json');
    // source and detail-type redacted to '...': not an AWS source, so the envelope is refused
    expect(() => parseEventBridgeEvent(raw, catalogue)).toThrow(/non-AWS source/);
    // The redacted eventTime ('...') is no time: such a record is rejected; with a time filled in it resolves.
    expect(() => parseCloudTrailDetail(raw.detail, catalogue)).toThrow(/eventTime: not a valid time/);
    const parsed = parseCloudTrailDetail({ ...raw.detail, eventTime: '2018-03-01T00:00:00Z' }, catalogue);
    expect(parsed.type === 'cloudtrail' && parsed.targets.refs).toEqual([bucketRef('...', '12345', 'us-east-1')]);
  });

  it('matches nothing when the event source is not S3 (redacted private PutBucketAcl record)', () => {
    const raw = loadFixture('eventbridge/s3-PutBucketAcl-private.streamalert.json');
    expect(matchingRows(raw.detail, s3Triggers)).toEqual([]);
  });
});

describe('S3 trigger rows: access points, MRAPs, directory buckets, trails', () => {
  const base = () => recordOf('s3-DeleteBucket-assumedrole.awsdocs.json', 'DeleteBucket');

  it('resolves an access point from requestParameters.name to its regional ARN', () => {
    const record = { ...base(), eventName: 'CreateAccessPoint', requestParameters: { name: 'finance-ap', 'x-amz-account-id': '777788889999' } };
    expect(resolveTargets(record, s3Triggers, s3Kinds).refs).toEqual([
      { kind: S3_KIND.accessPoint, id: 'finance-ap', arn: 'arn:aws:s3:us-east-2:777788889999:accesspoint/finance-ap', accountId: '777788889999', region: 'us-east-2' },
    ]);
  });

  it('falls back to resources[] for an access point without requestParameters.name', () => {
    const record = {
      ...base(),
      eventName: 'DeleteAccessPoint',
      requestParameters: {},
      resources: [{ type: 'AWS::S3::AccessPoint', ARN: 'arn:aws:s3:us-east-2:777788889999:accesspoint/old-ap', accountId: '777788889999' }],
    };
    expect(accessPointName(record)).toBe('old-ap');
    expect(resolveTargets(record, s3Triggers, s3Kinds).refs.map((r) => r.id)).toEqual(['old-ap']);
  });

  it('yields no access point (and does not throw) when neither the name nor resources[] is present', () => {
    const record = { ...base(), eventName: 'PutAccessPointPolicy', requestParameters: {} };
    expect(resolveTargets(record, s3Triggers, s3Kinds)).toEqual({ refs: [], fanOut: [] });
  });

  it('resolves a Multi-Region Access Point from the request Details.Name to a global ref', () => {
    const record = {
      ...base(),
      eventName: 'CreateMultiRegionAccessPoint',
      awsRegion: 'us-west-2',
      requestParameters: { CreateMultiRegionAccessPointRequest: { ClientToken: 't', Details: { Name: 'global-ap', Regions: [] } } },
    };
    expect(multiRegionAccessPointName(record)).toBe('global-ap');
    expect(resolveTargets(record, s3Triggers, s3Kinds).refs).toEqual([
      { kind: S3_KIND.multiRegionAccessPoint, id: 'global-ap', arn: 'arn:aws:s3::777788889999:accesspoint/global-ap', accountId: '777788889999', region: 'global' },
    ]);
  });

  it('resolves an s3express CreateBucket to the directory bucket', () => {
    const record = { ...base(), eventSource: 's3express.amazonaws.com', eventName: 'CreateBucket', requestParameters: { bucketName: 'logs--use2-az1--x-s3' } };
    expect(resolveTargets(record, s3Triggers, s3Kinds).refs).toEqual([
      {
        kind: S3_KIND.directoryBucket,
        id: 'logs--use2-az1--x-s3',
        arn: 'arn:aws:s3express:us-east-2:777788889999:bucket/logs--use2-az1--x-s3',
        accountId: '777788889999',
        region: 'us-east-2',
      },
    ]);
  });

  it('resolves a general purpose DeleteBucket to the bucket kinds, not to the directory bucket kind', () => {
    expect(resolveTargets(base(), s3Triggers, s3Kinds).refs.map((r) => r.kind)).toEqual([S3_KIND.bucket, S3_KIND.bucketObjectSample]);
  });

  it('re-checks a predictable service bucket name created in this account and Region, and no other name', () => {
    const record = { ...base(), eventName: 'CreateBucket', requestParameters: { bucketName: 'sagemaker-us-east-2-777788889999' } };
    expect(predictableBucketName(record)).toBe('sagemaker-us-east-2-777788889999');
    expect(resolveTargets(record, s3Triggers, s3Kinds).refs.map((r) => r.kind)).toEqual([S3_KIND.bucket, S3_KIND.bucketObjectSample, S3_KIND.predictableBucketName]);
    expect(predictableBucketName({ ...record, requestParameters: { bucketName: 'sagemaker-us-west-2-777788889999' } })).toBeUndefined();
    expect(predictableBucketName(base())).toBeUndefined();
  });

  it('re-evaluates the account data-event rules on a trail change', () => {
    const record = { ...base(), eventSource: 'cloudtrail.amazonaws.com', eventName: 'PutEventSelectors', requestParameters: { trailName: 'main' } };
    expect(resolveTargets(record, s3Triggers, s3Kinds).refs).toEqual([
      { kind: S3_KIND.accountDataEvents, id: '777788889999', arn: 'arn:aws:s3::777788889999:account', accountId: '777788889999', region: 'global' },
    ]);
  });
});

describe('S3 trigger rows: catalogue and patterns', () => {
  it('lists every §6.4 bucket-level name, with the logged (not API) names', () => {
    expect(S3_BUCKET_EVENT_NAMES).toEqual(expect.arrayContaining(['PutBucketLifecycle', 'PutBucketNotification', 'PutBucketObjectLockConfiguration', 'DeleteBucketWebsite']));
    expect(S3_BUCKET_EVENT_NAMES).not.toContain('PutBucketLifecycleConfiguration');
    expect(S3_BUCKET_EVENT_NAMES).not.toContain('PutObjectLockConfiguration');
    expect(S3_BUCKET_EVENT_NAMES).toHaveLength(25);
  });

  it('names only S3 kinds, each of which exists', () => {
    const kinds = new Set(s3Kinds.map((k) => k.kind));
    for (const row of s3Triggers) expect(kinds.has(row.kind)).toBe(true);
    for (const row of s3Triggers) for (const fan of row.fanOut ?? []) expect(kinds.has(fan)).toBe(true);
  });

  it('builds one exact-name pattern per source, excluding failed calls', () => {
    const patterns = toEventPatterns(s3Triggers);
    expect(patterns.map((p) => p.detail.eventSource[0])).toEqual(['cloudtrail.amazonaws.com', 's3.amazonaws.com', 's3express.amazonaws.com']);
    const s3 = patterns.find((p) => p.detail.eventSource[0] === 's3.amazonaws.com')!;
    expect(s3.detail.eventName).toHaveLength(25 + 2 + 4 + 3);
    expect(s3.detail.eventName.every((n) => typeof n === 'string')).toBe(true);
    expect(s3.detail.errorCode).toEqual([{ exists: false }]);
  });
});
