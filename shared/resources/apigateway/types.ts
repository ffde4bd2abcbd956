/**
 * Canonical snapshots of the apigateway family (REST v1 and HTTP/WebSocket v2). Live SDK reads and AWS Config items both
 * normalise into these types. Absent fields are `null`. Fields marked LIVE-ONLY exist only in live reads (methods,
 * authorizers, routes, usage plans, ...): they are `null` when the snapshot came from Config, and rules that need them
 * return NOT_APPLICABLE with a message saying so, never PASS.
 */
import type { SecretHit } from '../secrets/detector';

export type { SecretHit } from '../secrets/detector';

/** Stage variables without their values: names, and the secret detector's hits (name, detector, reason, SHA-256 prefix). */
export interface StageVariablesSummary {
  readonly names: readonly string[];
  readonly secrets: readonly SecretHit[];
}

export interface AccessLogSettings {
  readonly destinationArn: string | null;
  readonly format: string | null;
}

// ---- REST (v1) -------------------------------------------------------------------------------------------------------------

/** One entry of a REST stage's `methodSettings` (key `*\/*` for the stage default, `<resourcePath>/<METHOD>` for overrides). */
export interface RestMethodSetting {
  readonly loggingLevel: string | null;
  readonly dataTraceEnabled: boolean;
  readonly metricsEnabled: boolean;
  readonly cachingEnabled: boolean;
  readonly cacheDataEncrypted: boolean;
  readonly throttlingRateLimit: number | null;
  readonly throttlingBurstLimit: number | null;
}

/** A usage plan that covers a stage (its throttle applies to requests made with the plan's API keys). */
export interface UsagePlanCoverage {
  readonly id: string;
  readonly name: string | null;
  readonly rateLimit: number | null;
  readonly burstLimit: number | null;
}

/** Kind `AWS::ApiGateway::Stage`, id `<restApiId>/<stageName>`. */
export interface RestStageSnapshot {
  readonly restApiId: string;
  readonly stageName: string;
  readonly deploymentId: string | null;
  readonly methodSettings: Readonly<Record<string, RestMethodSetting>>;
  readonly tracingEnabled: boolean;
  readonly clientCertificateId: string | null;
  /** WAF web ACL (WAFv2 or WAF Classic regional) from the stage, or from WAFv2 GetWebACLForResource. */
  readonly webAclArn: string | null;
  readonly accessLogSettings: AccessLogSettings | null;
  readonly cacheClusterEnabled: boolean;
  readonly variables: StageVariablesSummary;
  /** LIVE-ONLY: the account-level settings (GetAccount); `cloudwatchRoleArn` is needed for execution logs to flow. */
  readonly account: { readonly cloudwatchRoleArn: string | null } | null;
  /** LIVE-ONLY: usage plans that list this stage in their apiStages. */
  readonly usagePlans: readonly UsagePlanCoverage[] | null;
}

export interface RestIntegration {
  readonly type: string | null;
  readonly uri: string | null;
  readonly connectionType: string | null;
}

export interface RestMethod {
  readonly httpMethod: string;
  /** `NONE`, `AWS_IAM`, `CUSTOM`, `COGNITO_USER_POOLS`. */
  readonly authorizationType: string;
  readonly authorizerId: string | null;
  /** API keys identify callers; they do not authenticate them. */
  readonly apiKeyRequired: boolean;
  readonly integration: RestIntegration | null;
}

export interface RestResource {
  readonly id: string;
  readonly path: string;
  readonly methods: readonly RestMethod[];
}

export interface RestAuthorizer {
  readonly id: string;
  readonly name: string | null;
  /** `TOKEN`, `REQUEST`, `COGNITO_USER_POOLS`. */
  readonly type: string | null;
}

export interface GatewayResponseSummary {
  readonly responseType: string;
  readonly statusCode: string | null;
  readonly defaultResponse: boolean;
  /** Mapping templates by content type (templates are configuration, not secrets). */
  readonly templates: Readonly<Record<string, string>>;
}

/** A custom domain's mapping to an API (v1 base path mapping or v2 API mapping). */
export interface CustomDomainMapping {
  readonly domainName: string;
  readonly basePath: string | null;
  readonly stage: string | null;
}

/** Kind `AWS::ApiGateway::RestApi`, id `<restApiId>`. */
export interface RestApiSnapshot {
  readonly id: string;
  readonly name: string | null;
  /** `EDGE`, `REGIONAL`, `PRIVATE`. */
  readonly endpointTypes: readonly string[];
  readonly vpcEndpointIds: readonly string[];
  /** Resource policy as JSON text (GetRestApi returns it escaped; decoded here), or null when there is none. */
  readonly policy: string | null;
  readonly disableExecuteApiEndpoint: boolean;
  readonly apiKeySource: string | null;
  readonly tags: Readonly<Record<string, string>>;
  /** LIVE-ONLY: resources with their methods (GetResources embed=methods). */
  readonly resources: readonly RestResource[] | null;
  /** LIVE-ONLY: Lambda / Cognito authorizers (GetAuthorizers). */
  readonly authorizers: readonly RestAuthorizer[] | null;
  /** LIVE-ONLY: gateway responses (GetGatewayResponses, defaults included). */
  readonly gatewayResponses: readonly GatewayResponseSummary[] | null;
  /** LIVE-ONLY: names of the API's stages. */
  readonly stageNames: readonly string[] | null;
  /** LIVE-ONLY: custom domains whose base path mappings point at this API. */
  readonly customDomainMappings: readonly CustomDomainMapping[] | null;
}

/** Kind `AWS::ApiGateway::DomainName`, id `<domainName>`. Custom domain names are shared by REST and HTTP APIs. */
export interface DomainNameSnapshot {
  readonly domainName: string;
  /** `TLS_1_0`, `TLS_1_2`, `SecurityPolicy_TLS13_...`; null when unknown. */
  readonly securityPolicy: string | null;
  readonly endpointTypes: readonly string[];
  readonly mutualTlsEnabled: boolean;
}

// ---- HTTP / WebSocket (v2) -------------------------------------------------------------------------------------------------

export interface HttpRouteSettings {
  readonly loggingLevel: string | null;
  readonly dataTraceEnabled: boolean;
  readonly detailedMetricsEnabled: boolean;
  readonly throttlingRateLimit: number | null;
  readonly throttlingBurstLimit: number | null;
}

/** Kind `AWS::ApiGatewayV2::Stage`, id `<apiId>/<stageName>`. */
export interface HttpStageSnapshot {
  readonly apiId: string;
  readonly stageName: string;
  /** `HTTP` or `WEBSOCKET`, from the API; null when the API is unknown (Config snapshot without the API item). */
  readonly protocolType: string | null;
  readonly autoDeploy: boolean;
  readonly accessLogSettings: AccessLogSettings | null;
  readonly defaultRouteSettings: HttpRouteSettings | null;
  readonly routeSettings: Readonly<Record<string, HttpRouteSettings>>;
  readonly variables: StageVariablesSummary;
  readonly clientCertificateId: string | null;
}

export interface HttpRoute {
  readonly routeId: string | null;
  /** `GET /pets`, `$default`, `$connect`, ... */
  readonly routeKey: string;
  /** `NONE`, `AWS_IAM`, `CUSTOM`, `JWT`. */
  readonly authorizationType: string;
  readonly authorizerId: string | null;
  readonly apiKeyRequired: boolean;
  readonly target: string | null;
}

export interface HttpAuthorizer {
  readonly id: string;
  readonly name: string | null;
  /** `REQUEST`, `JWT`. */
  readonly type: string | null;
}

export interface HttpIntegration {
  readonly integrationId: string | null;
  /** `AWS`, `AWS_PROXY`, `HTTP`, `HTTP_PROXY`, `MOCK`. */
  readonly integrationType: string | null;
  /** `INTERNET` or `VPC_LINK`. */
  readonly connectionType: string | null;
  readonly integrationUri: string | null;
  /** TlsConfig of private integrations; null when not configured. */
  readonly tlsConfig: { readonly serverNameToVerify: string | null } | null;
}

export interface CorsSummary {
  readonly allowOrigins: readonly string[];
  readonly allowCredentials: boolean;
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
}

/** Kind `AWS::ApiGatewayV2::Api`, id `<apiId>`. Routes and integrations are aggregated here (one finding per API). */
export interface HttpApiSnapshot {
  readonly apiId: string;
  readonly name: string | null;
  readonly protocolType: string | null;
  readonly apiEndpoint: string | null;
  readonly disableExecuteApiEndpoint: boolean;
  readonly cors: CorsSummary | null;
  readonly tags: Readonly<Record<string, string>>;
  /** LIVE-ONLY (GetRoutes). */
  readonly routes: readonly HttpRoute[] | null;
  /** LIVE-ONLY (GetAuthorizers). */
  readonly authorizers: readonly HttpAuthorizer[] | null;
  /** GetIntegrations live; from Config only when the snapshot holds `AWS::ApiGatewayV2::Integration` items of the API. */
  readonly integrations: readonly HttpIntegration[] | null;
  /** LIVE-ONLY: custom domains whose API mappings point at this API. */
  readonly customDomainMappings: readonly CustomDomainMapping[] | null;
}
