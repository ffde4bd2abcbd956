import { isPreflightRoute, liveOnly, requiredRouteAuthorization } from '../../resources/apigateway/inspect';
import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { HttpApiSnapshot, HttpRoute } from '../../resources/apigateway/types';
import { defineRule, fail, notApplicable, pass, unobserved } from '../define-rule';

/**
 * Aggregated per API (kind AWS::ApiGatewayV2::Api): one finding per API listing every offending route, where Security Hub
 * reports one per route. Routes are not in AWS Config, so a Config snapshot gives NOT_APPLICABLE.
 */
export const apigwv2RouteAuthorization = defineRule<HttpApiSnapshot>({
  id: 'apigwv2-route-authorization',
  title: 'API Gateway HTTP/WebSocket routes specify an authorization type',
  severity: 'MEDIUM',
  kind: ApigatewayKind.HTTP_API,
  anchors: { securityHub: ['APIGateway.8'], fsbp: true, prowler: ['apigatewayv2_api_authorizers_enabled'] },
  trigger: 'E*',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Attach an authorizer (JWT, Lambda or IAM) to every route; for WebSocket APIs authorize the $connect route.',
    cli: 'aws apigatewayv2 update-route --api-id <api-id> --route-id <route-id> --authorization-type JWT --authorizer-id <authorizer-id>',
  },
  rationale: 'A route with authorization NONE can be called by anyone who knows the endpoint.',
  evaluate(api, ctx) {
    if (api.routes === null) return unobserved(`API ${api.apiId}: ${liveOnly('routes')}`);
    const required = requiredRouteAuthorization(ctx);
    const websocket = (api.protocolType ?? '').toUpperCase() === 'WEBSOCKET';
    // WebSocket APIs can authorize only $connect (deviation from SH, which may flag other routes); HTTP pre-flight OPTIONS routes need none.
    const judged = websocket ? api.routes.filter((r) => r.routeKey === '$connect') : api.routes.filter((r) => !isPreflightRoute(r));
    if (websocket && judged.length === 0) {
      const message = `WebSocket API ${api.apiId}: no $connect route, so connections cannot be authorized`;
      return fail(message, [{ message, field: 'routes', value: api.routes.map((r) => r.routeKey) }]);
    }
    if (judged.length === 0) return notApplicable(`API ${api.apiId}: no routes to authorize`);
    const bad = (r: HttpRoute): boolean => {
      const type = r.authorizationType.toUpperCase();
      return required ? type !== required : type === 'NONE';
    };
    const offending = judged.filter(bad);
    if (offending.length > 0) {
      const message = `API ${api.apiId}: ${offending.length} route(s) ${required ? `not using ${required}` : 'without authorization'}: ${offending.map((r) => r.routeKey).join(', ')}`;
      return fail(message, offending.map((r) => ({ message: `${r.routeKey} has authorizationType ${r.authorizationType}`, field: 'routes', value: { routeKey: r.routeKey, routeId: r.routeId } })));
    }
    return pass(`API ${api.apiId}: ${judged.length} route(s) require authorization`, [{ message: 'routes judged', field: 'routes', value: judged.map((r) => `${r.routeKey}: ${r.authorizationType}`) }]);
  },
});
