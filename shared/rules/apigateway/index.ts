import { apigwBackendHttps } from './apigw-backend-https';
import { apigwDefaultEndpointDisabled } from './apigw-default-endpoint-disabled';
import { apigwDomainPqcTls } from './apigw-domain-pqc-tls';
import { apigwDomainTlsPolicy } from './apigw-domain-tls-policy';
import { apigwGatewayResponsesGeneric } from './apigw-gateway-responses-generic';
import { apigwMethodAuthorization } from './apigw-method-authorization';
import { apigwNoDataTrace } from './apigw-no-data-trace';
import { apigwPrivateApiPolicy } from './apigw-private-api-policy';
import { apigwPublicRestapiHasAuthorizer } from './apigw-public-restapi-has-authorizer';
import { apigwRestAccessLogging } from './apigw-rest-access-logging';
import { apigwRestapiAuthorization } from './apigw-restapi-authorization';
import { apigwRestapiPrivateEndpoint } from './apigw-restapi-private-endpoint';
import { apigwStageCacheEncrypted } from './apigw-stage-cache-encrypted';
import { apigwStageClientCertificate } from './apigw-stage-client-certificate';
import { apigwStageExecutionLogging } from './apigw-stage-execution-logging';
import { apigwStageNoSecretsInVariables } from './apigw-stage-no-secrets-in-variables';
import { apigwStageThrottling } from './apigw-stage-throttling';
import { apigwStageWaf } from './apigw-stage-waf';
import { apigwStageXray } from './apigw-stage-xray';
import { apigwv2ApiHasAuthorizer } from './apigwv2-api-has-authorizer';
import { apigwv2BackendHttps } from './apigwv2-backend-https';
import { apigwv2CorsNotWildcard } from './apigwv2-cors-not-wildcard';
import { apigwv2IntegrationPrivateHttps } from './apigwv2-integration-private-https';
import { apigwv2NoDataTrace } from './apigwv2-no-data-trace';
import { apigwv2PublicApiWafFronted } from './apigwv2-public-api-waf-fronted';
import { apigwv2RouteAuthorization } from './apigwv2-route-authorization';
import { apigwv2StageAccessLogging } from './apigwv2-stage-access-logging';
import { apigwv2StageNoSecretsInVariables } from './apigwv2-stage-no-secrets-in-variables';
import { apigwv2StageThrottling } from './apigwv2-stage-throttling';
import { apigwv2WebsocketStageExecutionLogging } from './apigwv2-websocket-stage-execution-logging';

/** Rules of catalogue §4.1, §4.3, §8.2 (API Gateway rows) and `apigw-gateway-responses-generic` (§8.7), ids verbatim. */
export const apigatewayCatalogueRules = [
  apigwBackendHttps,
  apigwDefaultEndpointDisabled,
  apigwDomainPqcTls,
  apigwDomainTlsPolicy,
  apigwGatewayResponsesGeneric,
  apigwMethodAuthorization,
  apigwNoDataTrace,
  apigwPrivateApiPolicy,
  apigwPublicRestapiHasAuthorizer,
  apigwRestAccessLogging,
  apigwRestapiAuthorization,
  apigwRestapiPrivateEndpoint,
  apigwStageCacheEncrypted,
  apigwStageClientCertificate,
  apigwStageExecutionLogging,
  apigwStageNoSecretsInVariables,
  apigwStageThrottling,
  apigwStageWaf,
  apigwStageXray,
  apigwv2ApiHasAuthorizer,
  apigwv2CorsNotWildcard,
  apigwv2IntegrationPrivateHttps,
  apigwv2PublicApiWafFronted,
  apigwv2RouteAuthorization,
  apigwv2StageAccessLogging,
  apigwv2WebsocketStageExecutionLogging,
] as const;

/**
 * v2 halves of catalogue rows whose logic covers both versions ("v2: same on DefaultRouteSettings", "apply the same to v2
 * StageVariables", ...). A rule evaluates one kind, so they carry `apigwv2-` ids of their own (not in the catalogue).
 */
export const apigatewayV2CompanionRules = [
  apigwv2BackendHttps,
  apigwv2NoDataTrace,
  apigwv2StageNoSecretsInVariables,
  apigwv2StageThrottling,
] as const;

export const apigatewayRules = [...apigatewayCatalogueRules, ...apigatewayV2CompanionRules] as const;
