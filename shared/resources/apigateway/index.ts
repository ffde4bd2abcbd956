export type * from './types';
export * from './kinds';
export {
  decodeRestApiPolicy,
  normaliseDomainName,
  normaliseHttpApi,
  normaliseHttpStage,
  normaliseRestApi,
  normaliseRestStage,
  summariseVariables,
  usagePlansCovering,
} from './normalise';
export { APIGATEWAY_GET, WAFV2_GET_WEB_ACL_FOR_RESOURCE, apigatewayCollectors, createApigatewayCollectors, type ApigatewayCollectorOptions } from './collect-live';
export { apigatewayConfigNormalisers } from './config';
export { fromRecordedResponses, type RecordedCall, type RecordedResponses } from './recorded';
export * from './inspect';
