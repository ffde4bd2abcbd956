import { apigatewayTriggers } from '../events/triggers/apigateway';
import { APIGATEWAY_GET, apigatewayCollectors, WAFV2_GET_WEB_ACL_FOR_RESOURCE } from '../resources/apigateway/collect-live';
import { apigatewayConfigNormalisers } from '../resources/apigateway/config';
import { apigatewayKinds } from '../resources/apigateway/kinds';
import { apigatewayRules } from '../rules/apigateway';
import type { FamilyDefinition } from './types';

/**
 * The apigateway family: REST (v1) APIs, stages and custom domain names; HTTP/WebSocket (v2) APIs and stages. v2 routes and
 * integrations are aggregated on the v2 API kind (one finding per API, listing the offending routes/integrations).
 */
export const apigatewayFamily: FamilyDefinition = {
  name: 'apigateway',
  kinds: apigatewayKinds,
  triggers: apigatewayTriggers,
  rules: apigatewayRules,
  detections: [],
  collectors: apigatewayCollectors,
  configNormalisers: apigatewayConfigNormalisers,
  // apigateway:GET covers every API Gateway read (v1 and v2, listing included); the WAFv2 read cross-checks REST stages.
  extraReadActions: [APIGATEWAY_GET, WAFV2_GET_WEB_ACL_FOR_RESOURCE],
};
