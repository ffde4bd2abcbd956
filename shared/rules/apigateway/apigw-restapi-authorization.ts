import { liveOnly, methodLabel, unauthorizedRestMethods } from '../../resources/apigateway/inspect';
import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { RestApiSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, pass, unobserved } from '../define-rule';

export const apigwRestapiAuthorization = defineRule<RestApiSnapshot>({
  id: 'apigw-restapi-authorization',
  title: 'API Gateway REST API has an authorizer or every method is authorized',
  severity: 'MEDIUM',
  kind: ApigatewayKind.REST_API,
  anchors: { prowler: ['apigateway_restapi_authorizers_enabled'] },
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Create a Lambda or Cognito authorizer for the API, or set an authorization type on every method (apigw-method-authorization checks each method).',
    cli: 'aws apigateway create-authorizer --rest-api-id <api-id> --name <name> --type COGNITO_USER_POOLS --provider-arns <user-pool-arn> --identity-source method.request.header.Authorization',
  },
  rationale: 'An API with neither an authorizer nor per-method authorization lets anyone call it.',
  evaluate(api) {
    if (api.resources === null || api.authorizers === null) return unobserved(`REST API ${api.id}: ${liveOnly('methods and authorizers')}`);
    if (api.authorizers.length > 0) {
      return pass(`REST API ${api.id}: has ${api.authorizers.length} authorizer(s)`, [{ message: 'authorizers', field: 'authorizers', value: api.authorizers.map((a) => a.name ?? a.id) }]);
    }
    const open = unauthorizedRestMethods(api);
    if (open.length === 0) return pass(`REST API ${api.id}: no authorizer, but every method has an authorization type`);
    const labels = open.map(methodLabel);
    const message = `REST API ${api.id}: no authorizer and ${labels.length} method(s) with authorization NONE: ${labels.join(', ')}`;
    return fail(message, [{ message: 'methods without authorization', field: 'resources', value: labels }, { message: 'no authorizer', field: 'authorizers', value: [] }]);
  },
});
