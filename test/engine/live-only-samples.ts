/**
 * One present snapshot of each kind the Config corpora of missing-inputs.test.ts do not hold (live-only kinds, and
 * Config kinds without a recorded item), so that the property covers every rule. Built through the real normalisers
 * from recorded answers where the repository has them.
 */
import type { Observation, ResourceRef } from '../../shared/core';
import { normaliseDomainName } from '../../shared/resources/apigateway/normalise';
import { normaliseDaxCluster } from '../../shared/resources/dynamodb/normalise';
import { DAX_CLUSTER_KIND } from '../../shared/resources/dynamodb/types';
import { IAM_KIND } from '../../shared/resources/iam/kinds';
import type { AccessAnalyzerRegionSnapshot, AccessAnalyzerSnapshot, IamServerCertificateSnapshot } from '../../shared/resources/iam/types';
import type { LambdaFunctionCodeSnapshot, LambdaLayerVersionSnapshot } from '../../shared/resources/lambda/types';
import { LAMBDA_FUNCTION_CODE_KIND, LAMBDA_LAYER_VERSION_KIND } from '../../shared/resources/lambda/types';
import { S3_KIND } from '../../shared/resources/s3/kinds';
import type {
  S3AccessPointConfig,
  S3AccountDataEventsConfig,
  S3BucketObjectSampleConfig,
  S3DirectoryBucketConfig,
  S3MultiRegionAccessPointConfig,
  S3PredictableBucketNameConfig,
} from '../../shared/resources/s3/types';
import { baseAccount } from '../iam/helpers';

const ACCOUNT = '111122223333';
const OPEN = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };
const ref = (kind: string, id: string, region = 'us-east-1'): ResourceRef => ({ kind, id, arn: `arn:aws:test:${region}:${ACCOUNT}:${kind}/${id}`, accountId: ACCOUNT, region });
const live = (kind: string, id: string, config: unknown, region?: string): Observation => ({
  state: 'present',
  ref: ref(kind, id, region),
  config,
  gaps: [],
  observedAt: '2026-11-30T00:00:00.000Z',
  source: 'live',
});
const scan = { state: 'scanned' as const, reason: null, filesScanned: 2, hits: [{ file: 'app.py', line: 3, detector: 'aws-access-key-id' as const, reason: 'AWS access key id', sha256Prefix: '0123456789ab' }] };

export const liveOnlySamples = (): Observation[] => [
  live(S3_KIND.accessPoint, 'ap', { name: 'ap', region: 'us-east-1', accountId: ACCOUNT, bucket: 'b', bucketAccountId: ACCOUNT, networkOrigin: 'Internet', vpcId: null, publicAccessBlock: OPEN } satisfies S3AccessPointConfig),
  live(S3_KIND.multiRegionAccessPoint, 'mrap', { name: 'mrap', accountId: ACCOUNT, alias: 'm.mrap', status: 'READY', publicAccessBlock: { ...OPEN, blockPublicPolicy: true }, buckets: ['a', 'b'] } satisfies S3MultiRegionAccessPointConfig, 'global'),
  live(S3_KIND.directoryBucket, 'd--use1-az4--x-s3', { name: 'd--use1-az4--x-s3', region: 'us-east-1', accountId: ACCOUNT, lifecycle: { rules: [{ id: 'r', status: 'Enabled', expirationDays: 30, transitions: [], noncurrentVersionExpirationDays: null }] } } satisfies S3DirectoryBucketConfig),
  live(S3_KIND.accountDataEvents, ACCOUNT, {
    accountId: ACCOUNT,
    trails: [{ name: 't', arn: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/t`, homeRegion: 'us-east-1', isOrganizationTrail: false, isLogging: true, basicSelectors: [{ readWriteType: 'All', dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] }], advancedSelectors: [] }],
  } satisfies S3AccountDataEventsConfig),
  live(S3_KIND.predictableBucketName, `sagemaker-us-east-1-${ACCOUNT}`, { name: `sagemaker-us-east-1-${ACCOUNT}`, service: 'sagemaker', region: 'us-east-1', accountId: ACCOUNT, exists: true, ownedByAccount: false } satisfies S3PredictableBucketNameConfig),
  live(S3_KIND.bucketObjectSample, 'b', {
    name: 'b',
    region: 'us-east-1',
    accountId: ACCOUNT,
    objectOwnership: 'ObjectWriter',
    publicAccessBlock: null,
    accountPublicAccessBlock: null,
    objects: [{ key: 'k', acl: { ownerId: 'o', grants: [{ grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'READ' }] } }],
  } satisfies S3BucketObjectSampleConfig),
  live(IAM_KIND.account, ACCOUNT, baseAccount(), 'global'),
  live(IAM_KIND.serverCertificate, 'old', { type: 'server-certificate', name: 'old', arn: `arn:aws:iam::${ACCOUNT}:server-certificate/old`, path: '/', expiration: '2020-01-01T00:00:00.000Z', uploadDate: '2019-01-01T00:00:00.000Z' } satisfies IamServerCertificateSnapshot, 'global'),
  live(IAM_KIND.analyzer, 'a', { type: 'analyzer', name: 'a', arn: `arn:aws:access-analyzer:us-east-1:${ACCOUNT}:analyzer/a`, analyzerType: 'ACCOUNT', status: 'ACTIVE', tags: { team: 'sec' } } satisfies AccessAnalyzerSnapshot),
  live(IAM_KIND.analyzerRegion, ACCOUNT, { type: 'analyzer-region', region: 'us-east-1', analyzers: [{ name: 'a', arn: 'arn:a', analyzerType: 'ACCOUNT', status: 'ACTIVE' }] } satisfies AccessAnalyzerRegionSnapshot),
  live(DAX_CLUSTER_KIND, 'c', normaliseDaxCluster({ ClusterName: 'c', ClusterArn: 'arn:aws:dax:us-east-1:1:cache/c', Status: 'available', SSEDescription: { Status: 'ENABLED' }, ClusterEndpointEncryptionType: 'TLS', Nodes: [{ NodeId: 'c-a', AvailabilityZone: 'us-east-1a' }, { NodeId: 'c-b', AvailabilityZone: 'us-east-1b' }] })),
  live('AWS::ApiGateway::DomainName', 'api.example.com', normaliseDomainName('api.example.com', { domainName: 'api.example.com', securityPolicy: 'TLS_1_0', endpointConfiguration: { types: ['REGIONAL'] } })),
  live(LAMBDA_FUNCTION_CODE_KIND, 'f', { name: 'f', arn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:f`, packageType: 'Zip', codeSha256: 'x', scan } satisfies LambdaFunctionCodeSnapshot),
  live(LAMBDA_LAYER_VERSION_KIND, 'l:1', { arn: `arn:aws:lambda:us-east-1:${ACCOUNT}:layer:l:1`, layerName: 'l', version: 1, codeSha256: 'x', scan } satisfies LambdaLayerVersionSnapshot),
];
