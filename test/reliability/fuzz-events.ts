/**
 * fast-check arbitraries of SQS message bodies for the evaluators: recorded events with fields replaced by values of
 * any JSON type (or removed), events built from the trigger catalogue with arbitrary request parameters (so that every
 * resolver and collector sees odd ids), Config items with odd fields, and plain junk.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ALL_FAMILIES } from '../../shared/families';
import { FIXTURES_DIR, loadCloudTrailRecords, loadFixture, toEventBridge } from '../helpers/fixtures';
import { WORLD_ACCOUNT } from '../helpers/aws-world';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const fixtureNames = (dir: string) => readdirSync(join(FIXTURES_DIR, dir)).filter((f) => f.endsWith('.json'));

const configChange = (item: Json): Json => ({ version: '0', 'detail-type': 'Config Configuration Item Change', source: 'aws.config', account: WORLD_ACCOUNT, region: 'us-east-1', detail: { messageType: 'ConfigurationItemChangeNotification', configurationItem: item } });

/** Every recorded event of the fixtures, as the EventBridge events Vigil receives. */
export const recordedEvents = (): Json[] => [
  ...fixtureNames('cloudtrail').flatMap((f) => loadCloudTrailRecords(`cloudtrail/${f}`).filter((r) => r && typeof r === 'object').map(toEventBridge)),
  ...fixtureNames('eventbridge').map((f) => loadFixture(`eventbridge/${f}`)),
  ...fixtureNames('config-items').map((f) => configChange(loadFixture(`config-items/${f}`))),
];

/** Every path of a JSON value's nested fields (arrays by index). */
const pathsOf = (value: Json, prefix: string[] = []): string[][] => {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child as Json, [...prefix, key])]);
};

/** Fields the parser, the resolvers and the actor read, whether or not a given record has them. */
const READ_PATHS = [
  ['detail-type'], ['source'], ['account'], ['detail'], ['detail', 'resources'], ['detail', 'resources', '0'], ['detail', 'userIdentity'],
  ['detail', 'userIdentity', 'userName'], ['detail', 'userIdentity', 'type'], ['detail', 'userIdentity', 'arn'], ['detail', 'userIdentity', 'invokedBy'],
  ['detail', 'userIdentity', 'sessionContext', 'sessionIssuer', 'arn'], ['detail', 'requestParameters'], ['detail', 'responseElements'],
  ['detail', 'eventTime'], ['detail', 'eventName'], ['detail', 'eventSource'], ['detail', 'recipientAccountId'], ['detail', 'awsRegion'],
  ['detail', 'errorCode'], ['detail', 'readOnly'], ['detail', 'additionalEventData'], ['detail', 'configurationItem', 'configurationItemCaptureTime'],
  ['detail', 'configurationItem', 'relationships'], ['detail', 'configurationItem', 'configuration'], ['detail', 'configurationItem', 'supplementaryConfiguration'],
  ['detail', 'configurationItem', 'resourceId'], ['detail', 'configurationItemSummary'], ['detail', 's3DeliverySummary'],
];

/** Values of every JSON type, and the ones that broke parsers before: numbers as times, nulls in lists, empty names. */
const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, 0, -1, 1e20, 1.5, '', ' ', '...', 'not-a-time', '1e20', [], [null], [5], [''], {}, { nested: { deeper: [1] } }, 'arn:aws:s3:::b', WORLD_ACCOUNT),
  fc.string({ maxLength: 40 }),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

const setAt = (root: Json, path: readonly string[], value: Json | undefined): Json => {
  const copy = structuredClone(root);
  let node = copy as { [key: string]: Json };
  for (const key of path.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as { [key: string]: Json };
  }
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
};

/** A recorded event with up to four fields replaced by odd values or removed. */
const mutatedRecorded = (pool: readonly Json[]): fc.Arbitrary<Json> =>
  fc
    .record({
      base: fc.nat(),
      changes: fc.array(fc.record({ at: fc.nat(), read: fc.boolean(), remove: fc.boolean(), value: oddValue }), { minLength: 1, maxLength: 4 }),
    })
    .map(({ base, changes }) => {
      let event = pool[base % pool.length];
      for (const change of changes) {
        const paths = change.read ? READ_PATHS : pathsOf(event);
        if (paths.length === 0) continue;
        event = setAt(event, paths[change.at % paths.length], change.remove ? undefined : change.value);
      }
      return event;
    });

/** Request-parameter names the trigger catalogue reads ids from. */
const ID_FIELDS = [
  'bucketName', 'name', 'functionName', 'resource', 'layerName', 'versionNumber', 'logGroupName', 'roleName', 'userName', 'newUserName', 'groupName',
  'policyArn', 'serverCertificateName', 'analyzerName', 'resourceArn', 'tableName', 'targetTableName', 'globalTableName', 'serviceNamespace',
  'resourceId', 'clusterName', 'resourceName', 'restApiId', 'apiId', 'stageName', 'domainName', 'createStageInput', 'createDeploymentInput',
];

const idValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9._-]{1,24}$/) },
  { weight: 2, arbitrary: fc.constantFrom<Json>(`arn:aws:lambda:us-east-1:${WORLD_ACCOUNT}:function:f`, `arn:aws:dynamodb:us-east-1:${WORLD_ACCOUNT}:table/t`, `arn:aws:iam::${WORLD_ACCOUNT}:policy/p`, `arn:aws:apigateway:us-east-1::/restapis/a1/stages/s`, `arn:aws:lambda:us-east-1:${WORLD_ACCOUNT}:layer:l:3`, 'table/t/index/i', 'dynamodb', '/aws/lambda/f', `arn:aws:dax:us-east-1:${WORLD_ACCOUNT}:cache/c`) },
  { weight: 1, arbitrary: oddValue },
);

const TRIGGER_CALLS = ALL_FAMILIES.flatMap((family) => family.triggers.flatMap((row) => row.eventNames.map((eventName) => ({ eventSource: row.eventSource, eventName: row.match === 'prefix' ? `${eventName}20150331` : eventName }))));

/** An API call of the trigger catalogue with arbitrary request parameters, response, identity and resources. */
const catalogueCall: fc.Arbitrary<Json> = fc
  .record({
    call: fc.constantFrom(...TRIGGER_CALLS),
    request: fc.dictionary(fc.constantFrom(...ID_FIELDS), idValue, { maxKeys: 4 }),
    response: fc.option(fc.dictionary(fc.constantFrom(...ID_FIELDS, 'id', 'functionArn', 'layerVersionArn', 'accessKey'), idValue, { maxKeys: 3 }), { nil: null }),
    identity: fc.record({ type: fc.constantFrom('IAMUser', 'Root', 'AssumedRole', 'AWSService'), userName: fc.option(fc.stringMatching(/^[a-z]{1,8}$/), { nil: undefined }) }),
    resources: fc.option(fc.array(fc.record({ ARN: idValue, type: fc.constantFrom('AWS::DynamoDB::Table', 'AWS::S3::AccessPoint', 'AWS::S3::Object') }), { maxLength: 2 }), { nil: undefined }),
    errorCode: fc.option(fc.constantFrom('AccessDenied', 'ThrottlingException'), { freq: 8, nil: undefined }),
    readOnly: fc.option(fc.boolean(), { nil: undefined }),
    region: fc.constantFrom('us-east-1', 'eu-west-1', 'cn-north-1'),
  })
  .map(({ call, request, response, identity, resources, errorCode, readOnly, region }) =>
    JSON.parse(
      JSON.stringify({
        version: '0',
        'detail-type': 'AWS API Call via CloudTrail',
        source: `aws.${call.eventSource.split('.')[0]}`,
        account: WORLD_ACCOUNT,
        region,
        detail: {
          ...call,
          eventTime: '2024-06-01T10:00:00Z',
          eventID: 'fuzz',
          awsRegion: region,
          recipientAccountId: WORLD_ACCOUNT,
          userIdentity: { ...identity, accountId: WORLD_ACCOUNT, arn: `arn:aws:iam::${WORLD_ACCOUNT}:user/fuzz` },
          requestParameters: request,
          responseElements: response,
          resources,
          errorCode,
          readOnly,
        },
      }),
    ) as Json,
  );

/** Anything at all: JSON of any shape, an envelope of a known detail-type around any detail, or text that is not JSON. */
const junk: fc.Arbitrary<Json | { raw: string }> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.record({
    'detail-type': fc.constantFrom('AWS API Call via CloudTrail', 'AWS Console Sign In via CloudTrail', 'Config Configuration Item Change', 'Scheduled Event', 'AWS Insight via CloudTrail'),
    source: fc.constantFrom('aws.s3', 'aws.config', 'aws.events', 'custom'),
    detail: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  }) as fc.Arbitrary<Json>,
  fc.string().map((raw) => ({ raw })),
);

/** One SQS message body: mostly events close to real ones, so that parsing, resolution and collection all run. */
export const fuzzedBody = (pool: readonly Json[]): fc.Arbitrary<string> =>
  fc
    .oneof({ weight: 5, arbitrary: mutatedRecorded(pool) }, { weight: 3, arbitrary: catalogueCall }, { weight: 2, arbitrary: junk })
    .map((event) => (event && typeof event === 'object' && !Array.isArray(event) && 'raw' in event && Object.keys(event).length === 1 ? String(event.raw) : JSON.stringify(event)));
