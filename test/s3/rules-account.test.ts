import type { ResourceRef } from '../../shared/core';
import { createConfigIndex, normaliseConfigItem } from '../../shared/resources/config-item';
import { s3ConfigNormalisers } from '../../shared/resources/s3/from-config';
import { S3_KIND } from '../../shared/resources/s3/kinds';
import { publicAccessBlockFromApi } from '../../shared/resources/s3/normalise-api';
import type {
  AdvancedEventSelector,
  AdvancedFieldSelector,
  S3AccessPointConfig,
  S3AccountDataEventsConfig,
  S3AccountPublicAccessBlockConfig,
  S3BucketObjectSampleConfig,
  S3DirectoryBucketConfig,
  S3MultiRegionAccessPointConfig,
  S3PredictableBucketNameConfig,
  TrailSummary,
} from '../../shared/resources/s3/types';
import { s3AccessPointBlockPublicAccess } from '../../shared/rules/s3/s3-access-point-block-public-access';
import { s3AccountObjectReadDataEvents } from '../../shared/rules/s3/s3-account-object-read-data-events';
import { s3AccountObjectWriteDataEvents } from '../../shared/rules/s3/s3-account-object-write-data-events';
import { s3AccountPublicAccessBlock } from '../../shared/rules/s3/s3-account-public-access-block';
import { s3BucketObjectAclPublicSample } from '../../shared/rules/s3/s3-bucket-object-acl-public-sample';
import { s3BucketShadowResource } from '../../shared/rules/s3/s3-bucket-shadow-resource';
import { s3DirectoryBucketLifecycle } from '../../shared/rules/s3/s3-directory-bucket-lifecycle';
import { s3MrapBlockPublicAccess } from '../../shared/rules/s3/s3-mrap-block-public-access';
import { loadApiResponse, loadFixture } from '../helpers/fixtures';
import { ACCOUNT, NO_BLOCK, ruleContext } from './helpers';

const ALL_ON = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
const accountRef = (kind: string): ResourceRef => ({ kind, id: ACCOUNT, arn: `arn:aws:s3::${ACCOUNT}:account`, accountId: ACCOUNT, region: 'global' });

describe('s3-account-public-access-block', () => {
  const ref = accountRef(S3_KIND.accountPublicAccessBlock);
  const evaluate = (config: S3AccountPublicAccessBlockConfig) => s3AccountPublicAccessBlock.evaluate(config, ruleContext(), ref);

  it('passes the RDK account item (all four flags on), through the Config normaliser', () => {
    const item = normaliseConfigItem(loadFixture('config-items/s3-account-public-access-block.rdk-example.json'));
    const [observation] = s3ConfigNormalisers.find((n) => n.configType === item.resourceType)!.toObservations(item, createConfigIndex([item]));
    expect(observation.state === 'present' && evaluate(observation.config as S3AccountPublicAccessBlockConfig).status).toBe('PASS');
  });

  it('fails the recorded partial account configuration, naming the flags that are off', () => {
    const check = evaluate({ accountId: ACCOUNT, publicAccessBlock: publicAccessBlockFromApi(loadApiResponse('s3control.GetPublicAccessBlock.account-partial.custodian.json')) });
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0]).toMatchObject({ field: 'publicAccessBlock', value: ['ignorePublicAcls', 'blockPublicPolicy', 'restrictPublicBuckets'] });
    expect(check.message).toContain(ACCOUNT);
  });

  it('fails an account without configuration', () => {
    expect(evaluate({ accountId: ACCOUNT, publicAccessBlock: null })).toMatchObject({ status: 'FAIL', evidence: [{ field: 'publicAccessBlock', value: null }] });
  });
});

describe('s3-access-point-block-public-access', () => {
  const ap = (publicAccessBlock: S3AccessPointConfig['publicAccessBlock']): S3AccessPointConfig => ({
    name: 'finance',
    region: 'eu-west-1',
    accountId: ACCOUNT,
    bucket: 'ledger',
    bucketAccountId: ACCOUNT,
    networkOrigin: 'Internet',
    vpcId: null,
    publicAccessBlock,
  });
  const ref: ResourceRef = { kind: S3_KIND.accessPoint, id: 'finance', arn: `arn:aws:s3:eu-west-1:${ACCOUNT}:accesspoint/finance`, accountId: ACCOUNT, region: 'eu-west-1' };

  it('passes with all four flags on', () => {
    expect(s3AccessPointBlockPublicAccess.evaluate(ap(ALL_ON), ruleContext(), ref).status).toBe('PASS');
  });

  it('fails when one flag is off, naming it and the access point', () => {
    const check = s3AccessPointBlockPublicAccess.evaluate(ap({ ...ALL_ON, blockPublicPolicy: false }), ruleContext(), ref);
    expect(check).toMatchObject({ status: 'FAIL', evidence: [{ field: 'publicAccessBlock', value: ['blockPublicPolicy'] }] });
    expect(check.message).toContain('access point finance');
  });

  it('fails when the configuration is unknown', () => {
    expect(s3AccessPointBlockPublicAccess.evaluate(ap(null), ruleContext(), ref).status).toBe('FAIL');
  });
});

describe('s3-mrap-block-public-access', () => {
  const mrap = (publicAccessBlock: S3MultiRegionAccessPointConfig['publicAccessBlock']): S3MultiRegionAccessPointConfig => ({
    name: 'global',
    accountId: ACCOUNT,
    alias: 'mfzwi23gnjvgw.mrap',
    status: 'READY',
    publicAccessBlock,
    buckets: ['a'],
  });
  const ref: ResourceRef = { kind: S3_KIND.multiRegionAccessPoint, id: 'global', arn: `arn:aws:s3::${ACCOUNT}:accesspoint/global`, accountId: ACCOUNT, region: 'global' };

  it('passes with all four flags on and fails with any off', () => {
    expect(s3MrapBlockPublicAccess.evaluate(mrap(ALL_ON), ruleContext(), ref).status).toBe('PASS');
    const check = s3MrapBlockPublicAccess.evaluate(mrap({ ...ALL_ON, ignorePublicAcls: false, restrictPublicBuckets: false }), ruleContext(), ref);
    expect(check).toMatchObject({ status: 'FAIL', evidence: [{ value: ['ignorePublicAcls', 'restrictPublicBuckets'] }] });
    expect(check.message).toContain('Multi-Region Access Point global');
  });
});

describe('s3-directory-bucket-lifecycle', () => {
  const dir = (lifecycle: S3DirectoryBucketConfig['lifecycle']): S3DirectoryBucketConfig => ({ name: 'logs--use1-az4--x-s3', region: 'us-east-1', accountId: ACCOUNT, lifecycle });
  const ref: ResourceRef = { kind: S3_KIND.directoryBucket, id: 'logs--use1-az4--x-s3', arn: 'x', accountId: ACCOUNT, region: 'us-east-1' };
  const expire = (days: number, status: 'Enabled' | 'Disabled' = 'Enabled') => ({ id: 'e', status, expirationDays: days, transitions: [], noncurrentVersionExpirationDays: null });

  it('fails without lifecycle rules, and with disabled rules only', () => {
    expect(s3DirectoryBucketLifecycle.evaluate(dir(null), ruleContext(), ref).status).toBe('FAIL');
    expect(s3DirectoryBucketLifecycle.evaluate(dir({ rules: [expire(7, 'Disabled')] }), ruleContext(), ref).status).toBe('FAIL');
  });

  it('passes an enabled rule and checks targetExpirationDays', () => {
    expect(s3DirectoryBucketLifecycle.evaluate(dir({ rules: [expire(7)] }), ruleContext(), ref).status).toBe('PASS');
    expect(s3DirectoryBucketLifecycle.evaluate(dir({ rules: [expire(7)] }), ruleContext({ targetExpirationDays: 7 }), ref).status).toBe('PASS');
    expect(s3DirectoryBucketLifecycle.evaluate(dir({ rules: [expire(7)] }), ruleContext({ targetExpirationDays: 30 }), ref).status).toBe('FAIL');
  });
});

describe('s3-account-object-write-data-events and s3-account-object-read-data-events', () => {
  const ref = accountRef(S3_KIND.accountDataEvents);
  const trail = (patch: Partial<TrailSummary>): TrailSummary => ({
    name: 'main',
    arn: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main`,
    homeRegion: 'us-east-1',
    isOrganizationTrail: false,
    isLogging: true,
    basicSelectors: [],
    advancedSelectors: [],
    ...patch,
  });
  const account = (...trails: TrailSummary[]): S3AccountDataEventsConfig => ({ accountId: ACCOUNT, trails });
  const both = (config: S3AccountDataEventsConfig) => [
    s3AccountObjectWriteDataEvents.evaluate(config, ruleContext(), ref).status,
    s3AccountObjectReadDataEvents.evaluate(config, ruleContext(), ref).status,
  ];
  const basic = (readWriteType: 'ReadOnly' | 'WriteOnly' | 'All', values = ['arn:aws:s3']) => [{ readWriteType, dataResources: [{ type: 'AWS::S3::Object', values }] }];
  const field = (name: string, equals: string[]): AdvancedFieldSelector => ({ field: name, equals, startsWith: [], endsWith: [], notEquals: [], notStartsWith: [], notEndsWith: [] });
  const advanced = (...extra: AdvancedFieldSelector[]): AdvancedEventSelector[] => [
    { name: 's3', fieldSelectors: [field('eventCategory', ['Data']), field('resources.type', ['AWS::S3::Object']), ...extra] },
  ];

  it('fails both without trails', () => {
    expect(both(account())).toEqual(['FAIL', 'FAIL']);
  });

  it('reads basic selectors: WriteOnly, ReadOnly, All; arn:aws:s3 and arn:aws:s3::: both mean all objects', () => {
    expect(both(account(trail({ basicSelectors: basic('WriteOnly') })))).toEqual(['PASS', 'FAIL']);
    expect(both(account(trail({ basicSelectors: basic('ReadOnly', ['arn:aws:s3:::']) })))).toEqual(['FAIL', 'PASS']);
    expect(both(account(trail({ basicSelectors: basic('All') })))).toEqual(['PASS', 'PASS']);
  });

  it('fails a basic selector limited to one bucket', () => {
    expect(both(account(trail({ basicSelectors: basic('All', ['arn:aws:s3:::my-bucket/']) })))).toEqual(['FAIL', 'FAIL']);
  });

  it('reads advanced selectors: readOnly absent, false or true', () => {
    expect(both(account(trail({ advancedSelectors: advanced() })))).toEqual(['PASS', 'PASS']);
    expect(both(account(trail({ advancedSelectors: advanced(field('readOnly', ['false'])) })))).toEqual(['PASS', 'FAIL']);
    expect(both(account(trail({ advancedSelectors: advanced(field('readOnly', ['true'])) })))).toEqual(['FAIL', 'PASS']);
  });

  it('fails an advanced selector restricted by resources.ARN', () => {
    const restricted = advanced({ ...field('resources.ARN', []), startsWith: ['arn:aws:s3:::my-bucket/'] });
    expect(both(account(trail({ advancedSelectors: restricted })))).toEqual(['FAIL', 'FAIL']);
  });

  it('fails a qualifying trail that is not logging, and names the qualifying trail on PASS', () => {
    expect(both(account(trail({ basicSelectors: basic('All'), isLogging: false })))).toEqual(['FAIL', 'FAIL']);
    const check = s3AccountObjectWriteDataEvents.evaluate(account(trail({ isLogging: false }), trail({ name: 'org', arn: 'arn:org', basicSelectors: basic('All') })), ruleContext(), ref);
    expect(check).toMatchObject({ status: 'PASS', evidence: [{ field: 'trails', value: ['arn:org'] }] });
  });
});

describe('s3-bucket-shadow-resource', () => {
  const ref: ResourceRef = { kind: S3_KIND.predictableBucketName, id: 'n', arn: 'arn:aws:s3:::n', accountId: ACCOUNT, region: 'eu-west-1' };
  const name = (exists: boolean, ownedByAccount: boolean): S3PredictableBucketNameConfig => ({
    name: `sagemaker-eu-west-1-${ACCOUNT}`,
    service: 'sagemaker',
    region: 'eu-west-1',
    accountId: ACCOUNT,
    exists,
    ownedByAccount,
  });

  it('passes a free name and a name we own', () => {
    expect(s3BucketShadowResource.evaluate(name(false, false), ruleContext(), ref).status).toBe('PASS');
    expect(s3BucketShadowResource.evaluate(name(true, true), ruleContext(), ref).status).toBe('PASS');
  });

  it('fails a name held by another account, naming the service and Region', () => {
    const check = s3BucketShadowResource.evaluate(name(true, false), ruleContext(), ref);
    expect(check).toMatchObject({ status: 'FAIL', evidence: [{ field: 'ownedByAccount', value: false }] });
    expect(check.message).toMatch(/sagemaker-eu-west-1-644160558196, the default sagemaker bucket name for eu-west-1/);
  });
});

describe('s3-bucket-object-acl-public-sample', () => {
  const ref: ResourceRef = { kind: S3_KIND.bucketObjectSample, id: 'b', arn: 'arn:aws:s3:::b', accountId: ACCOUNT, region: 'us-east-1' };
  const publicAcl = { ownerId: 'o', grants: [{ grantee: { type: 'Group' as const, uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'READ' as const }] };
  const privateAcl = { ownerId: 'o', grants: [{ grantee: { type: 'CanonicalUser' as const, id: 'o' }, permission: 'FULL_CONTROL' as const }] };
  const sample = (patch: Partial<S3BucketObjectSampleConfig>): S3BucketObjectSampleConfig => ({
    name: 'b',
    region: 'us-east-1',
    accountId: ACCOUNT,
    objectOwnership: null,
    publicAccessBlock: null,
    accountPublicAccessBlock: null,
    objects: [
      { key: 'public.txt', acl: publicAcl },
      { key: 'private.txt', acl: privateAcl },
    ],
    ...patch,
  });

  it('fails when a sampled object grants AllUsers, naming the key', () => {
    const check = s3BucketObjectAclPublicSample.evaluate(sample({}), ruleContext(), ref);
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0].value).toEqual([{ key: 'public.txt', grants: ['AllUsers READ'] }]);
  });

  it('passes private objects, ACLs disabled, or IgnorePublicAcls', () => {
    expect(s3BucketObjectAclPublicSample.evaluate(sample({ objects: [{ key: 'private.txt', acl: privateAcl }] }), ruleContext(), ref).status).toBe('PASS');
    expect(s3BucketObjectAclPublicSample.evaluate(sample({ objectOwnership: 'BucketOwnerEnforced' }), ruleContext(), ref).status).toBe('PASS');
    expect(s3BucketObjectAclPublicSample.evaluate(sample({ publicAccessBlock: { ...NO_BLOCK, ignorePublicAcls: true } }), ruleContext(), ref).status).toBe('PASS');
  });
});
