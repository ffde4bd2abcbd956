import type { ResourceKind } from '../types';

/** Snapshot kinds of the apigateway family. */
export const ApigatewayKind = {
  REST_API: 'AWS::ApiGateway::RestApi',
  REST_STAGE: 'AWS::ApiGateway::Stage',
  DOMAIN_NAME: 'AWS::ApiGateway::DomainName',
  HTTP_API: 'AWS::ApiGatewayV2::Api',
  HTTP_STAGE: 'AWS::ApiGatewayV2::Stage',
} as const;
export type ApigatewayKind = (typeof ApigatewayKind)[keyof typeof ApigatewayKind];

/** AWS Config type of v2 integrations: folded into the v2 API snapshot through the Config index (no kind of its own). */
export const HTTP_INTEGRATION_CONFIG_TYPE = 'AWS::ApiGatewayV2::Integration';

/** `arn:<p>:apigateway:<region>::<path>` — API Gateway resource ARNs have no account field. */
const apigatewayArn = (partition: string, region: string, path: string): string => `arn:${partition}:apigateway:${region}::${path}`;

/** Splits a two-part id `<apiId>/<stageName>` (stage names cannot contain `/`). */
export const splitStageId = (id: string): { readonly apiId: string; readonly stageName: string } => {
  const slash = id.indexOf('/');
  return slash < 0 ? { apiId: id, stageName: '' } : { apiId: id.slice(0, slash), stageName: id.slice(slash + 1) };
};

const kind = (k: ApigatewayKind, path: (id: string) => string, configTypes: readonly string[]): ResourceKind => ({
  kind: k,
  reportedType: k,
  family: 'apigateway',
  global: false,
  configTypes,
  arn: ({ partition, region, id }) => (id.startsWith('arn:') ? id : apigatewayArn(partition, region, path(id))),
});

export const restApiKind = kind(ApigatewayKind.REST_API, (id) => `/restapis/${id}`, ['AWS::ApiGateway::RestApi']);
export const restStageKind = kind(
  ApigatewayKind.REST_STAGE,
  (id) => {
    const { apiId, stageName } = splitStageId(id);
    return `/restapis/${apiId}/stages/${stageName}`;
  },
  ['AWS::ApiGateway::Stage'],
);
export const domainNameKind = kind(ApigatewayKind.DOMAIN_NAME, (id) => `/domainnames/${id}`, ['AWS::ApiGateway::DomainName']);
export const httpApiKind = kind(ApigatewayKind.HTTP_API, (id) => `/apis/${id}`, ['AWS::ApiGatewayV2::Api']);
export const httpStageKind = kind(
  ApigatewayKind.HTTP_STAGE,
  (id) => {
    const { apiId, stageName } = splitStageId(id);
    return `/apis/${apiId}/stages/${stageName}`;
  },
  ['AWS::ApiGatewayV2::Stage'],
);

export const apigatewayKinds: readonly ResourceKind[] = [restApiKind, restStageKind, domainNameKind, httpApiKind, httpStageKind];

/** What an API Gateway ARN (`arn:<p>:apigateway:<region>::/restapis/<id>/stages/<s>`, `/apis/<id>...`, `/domainnames/<n>`) names. */
export interface ApigatewayArnParts {
  readonly region: string;
  readonly restApiId?: string;
  readonly apiId?: string;
  readonly stageName?: string;
  readonly domainName?: string;
}

export const parseApigatewayArn = (arn: unknown): ApigatewayArnParts | undefined => {
  if (typeof arn !== 'string') return undefined;
  const match = /^arn:[a-z-]+:apigateway:([a-z0-9-]*):[^:]*:(\/.*)$/.exec(arn);
  if (!match) return undefined;
  const [, region, path] = match;
  const segments = path.split('/').filter((s) => s.length > 0);
  const stageAt = segments.indexOf('stages');
  const stageName = segments[0] !== 'domainnames' && stageAt === 2 && segments[3] ? decodeURIComponent(segments[3]) : undefined;
  if (segments[0] === 'restapis' && segments[1]) return { region, restApiId: segments[1], ...(stageName ? { stageName } : {}) };
  if (segments[0] === 'apis' && segments[1]) return { region, apiId: segments[1], ...(stageName ? { stageName } : {}) };
  if (segments[0] === 'domainnames' && segments[1]) return { region, domainName: decodeURIComponent(segments[1]) };
  return undefined;
};
