/**
 * Trigger catalogue slice of the lambda family (catalogue §6.9, ids §7.6, dependencies §6.10, §8.4, §8.5).
 * Lambda event names carry API-version suffixes (`CreateFunction20150331`, `AddPermission20150331v2`) while function URL
 * events do not (`CreateFunctionUrlConfig`): rows match by prefix and list names without the suffix; the parser compares the
 * version-stripped name exactly, so overlapping prefixes (`CreateFunction` / `CreateFunctionUrlConfig`) never mix.
 */
import { partitionOf, valueAtPath } from '../names';
import type { CloudTrailDetail, TriggerRow } from '../types';
import { parseFunctionIdentifier, parseLayerVersionArn } from '../../resources/lambda/names';
import { LAMBDA_FUNCTION_CODE_KIND, LAMBDA_FUNCTION_KIND, LAMBDA_LAYER_VERSION_KIND } from '../../resources/lambda/types';

/**
 * The function an identifier names: a name, a full ARN or a partial ARN (`123456789012:function:f`), optionally qualified.
 * Normalised to the function name; a function of another account keeps its unqualified ARN so the reference gets the owner.
 */
export const functionIdFrom = (value: unknown, detail: CloudTrailDetail): string | undefined => {
  if (typeof value !== 'string' || value.length === 0) return undefined;
  const parsed = parseFunctionIdentifier(value);
  if (!parsed) return undefined;
  if (parsed.accountId && detail.recipientAccountId && parsed.accountId !== detail.recipientAccountId) {
    const region = parsed.region ?? detail.awsRegion;
    return `arn:${parsed.partition ?? partitionOf(region)}:lambda:${region}:${parsed.accountId}:function:${parsed.name}`;
  }
  return parsed.name;
};

const functionAt =
  (...paths: string[]) =>
  (detail: CloudTrailDetail): string | undefined => {
    for (const path of paths) {
      const id = functionIdFrom(valueAtPath(detail, path), detail);
      if (id) return id;
    }
    return undefined;
  };

/** `/aws/lambda/<function>` log groups; custom groups (LoggingConfig.LogGroup) are left to the daily sweep. */
export const functionOfLogGroup = (detail: CloudTrailDetail): string | undefined => {
  const name = detail.requestParameters?.logGroupName;
  const m = typeof name === 'string' ? /^\/aws\/lambda\/([A-Za-z0-9_-]{1,140})$/.exec(name) : null;
  return m ? m[1] : undefined;
};

/** Layer version of PublishLayerVersion (response ARN) or DeleteLayerVersion (layer name or ARN + version number). */
export const layerVersionFrom = (detail: CloudTrailDetail): string | undefined => {
  const published = detail.responseElements?.layerVersionArn;
  if (typeof published === 'string' && parseLayerVersionArn(published)) return published;
  const layer = detail.requestParameters?.layerName;
  const version = detail.requestParameters?.versionNumber;
  if (typeof layer !== 'string' || (typeof version !== 'number' && typeof version !== 'string')) return undefined;
  const arn = layer.startsWith('arn:') ? `${layer}:${version}` : `arn:${partitionOf(detail.awsRegion)}:lambda:${detail.awsRegion}:${detail.recipientAccountId ?? ''}:layer:${layer}:${version}`;
  return parseLayerVersionArn(arn) ? arn : undefined;
};

const LAMBDA = 'lambda.amazonaws.com';

export const lambdaTriggers: readonly TriggerRow[] = [
  {
    eventSource: LAMBDA,
    match: 'prefix',
    eventNames: [
      'CreateFunction',
      'DeleteFunction',
      'UpdateFunctionConfiguration',
      'UpdateFunctionCode',
      'PublishVersion',
      'AddPermission',
      'RemovePermission',
      'CreateFunctionUrlConfig',
      'UpdateFunctionUrlConfig',
      'DeleteFunctionUrlConfig',
      'CreateAlias',
      'UpdateAlias',
      'DeleteAlias',
      'CreateEventSourceMapping',
      'PutFunctionConcurrency',
      'DeleteFunctionConcurrency',
      'PutProvisionedConcurrencyConfig',
      'DeleteProvisionedConcurrencyConfig',
      'PutFunctionEventInvokeConfig',
      'UpdateFunctionEventInvokeConfig',
      'DeleteFunctionEventInvokeConfig',
      'PutFunctionCodeSigningConfig',
      'DeleteFunctionCodeSigningConfig',
      'PutRuntimeManagementConfig',
      'PutFunctionRecursionConfig',
    ],
    kind: LAMBDA_FUNCTION_KIND,
    id: { resolve: functionAt('requestParameters.functionName', 'responseElements.functionArn', 'responseElements.functionName') },
  },
  {
    eventSource: LAMBDA,
    match: 'prefix',
    eventNames: ['TagResource', 'UntagResource'],
    kind: LAMBDA_FUNCTION_KIND,
    // Event source mappings and code signing configs can be tagged too: only function ARNs resolve.
    id: { resolve: (detail) => (typeof detail.requestParameters?.resource === 'string' && /:function:/.test(detail.requestParameters.resource) ? functionAt('requestParameters.resource')(detail) : undefined) },
  },
  {
    eventSource: LAMBDA,
    match: 'prefix',
    eventNames: ['UpdateEventSourceMapping', 'DeleteEventSourceMapping'],
    kind: LAMBDA_FUNCTION_KIND,
    id: { resolve: functionAt('responseElements.functionArn') },
  },
  {
    eventSource: LAMBDA,
    match: 'prefix',
    eventNames: ['CreateFunction', 'UpdateFunctionCode', 'PublishVersion', 'DeleteFunction'],
    kind: LAMBDA_FUNCTION_CODE_KIND,
    id: { resolve: functionAt('requestParameters.functionName', 'responseElements.functionArn') },
  },
  {
    eventSource: LAMBDA,
    match: 'prefix',
    eventNames: ['PublishLayerVersion', 'DeleteLayerVersion'],
    kind: LAMBDA_LAYER_VERSION_KIND,
    id: { resolve: layerVersionFrom },
  },
  {
    eventSource: 'logs.amazonaws.com',
    eventNames: ['CreateLogGroup', 'DeleteLogGroup', 'PutRetentionPolicy', 'DeleteRetentionPolicy', 'AssociateKmsKey', 'DisassociateKmsKey'],
    kind: LAMBDA_FUNCTION_KIND,
    id: { resolve: functionOfLogGroup },
  },
  {
    // Security groups of VPC functions (lambda-vpc-sg-no-ingress): re-evaluate the Region's functions.
    eventSource: 'ec2.amazonaws.com',
    eventNames: ['AuthorizeSecurityGroupIngress', 'RevokeSecurityGroupIngress', 'ModifySecurityGroupRules'],
    kind: LAMBDA_FUNCTION_KIND,
    id: { resolve: () => undefined },
    fanOut: [LAMBDA_FUNCTION_KIND],
  },
  {
    // Data-event selectors (lambda-invoke-data-events-logged): re-evaluate the Region's functions.
    eventSource: 'cloudtrail.amazonaws.com',
    eventNames: ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'PutEventSelectors', 'StopLogging', 'StartLogging'],
    kind: LAMBDA_FUNCTION_KIND,
    id: { resolve: () => undefined },
    fanOut: [LAMBDA_FUNCTION_KIND],
  },
];
