import { liveOnly } from '../../resources/apigateway/inspect';
import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { HttpApiSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, pass, unobserved } from '../define-rule';

export const apigwv2ApiHasAuthorizer = defineRule<HttpApiSnapshot>({
  id: 'apigwv2-api-has-authorizer',
  title: 'API Gateway HTTP/WebSocket API has an authorizer',
  severity: 'MEDIUM',
  kind: ApigatewayKind.HTTP_API,
  anchors: { prowler: ['apigatewayv2_api_authorizers_enabled'] },
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Create a JWT or Lambda authorizer and attach it to the routes (apigwv2-route-authorization checks each route).',
    cli: "aws apigatewayv2 create-authorizer --api-id <api-id> --authorizer-type JWT --name <name> --identity-source '$request.header.Authorization' --jwt-configuration Audience=<audience>,Issuer=<issuer-url>",
  },
  rationale: 'An API without any authorizer can only rely on IAM authorization or on nothing at all.',
  evaluate(api) {
    if (api.authorizers === null) return unobserved(`API ${api.apiId}: ${liveOnly('authorizers')}`);
    if (api.authorizers.length === 0) {
      const message = `API ${api.apiId}: has no authorizer`;
      return fail(message, [{ message, field: 'authorizers', value: [] }]);
    }
    return pass(`API ${api.apiId}: has ${api.authorizers.length} authorizer(s)`, [{ message: 'authorizers', field: 'authorizers', value: api.authorizers.map((a) => a.name ?? a.id) }]);
  },
});
