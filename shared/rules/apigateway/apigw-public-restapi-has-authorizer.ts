import { isPreflightMethod, isPrivateRestApi, liveOnly, restMethods } from '../../resources/apigateway/inspect';
import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { RestApiSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, notApplicable, pass, unobserved } from '../define-rule';

export const apigwPublicRestapiHasAuthorizer = defineRule<RestApiSnapshot>({
  id: 'apigw-public-restapi-has-authorizer',
  title: 'Public API Gateway REST API has an authorizer',
  severity: 'MEDIUM',
  kind: ApigatewayKind.REST_API,
  anchors: { prowler: ['apigateway_restapi_public_with_authorizer'] },
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Create a Lambda or Cognito authorizer and attach it to the methods, or use IAM authorization on every method.',
    cli: 'aws apigateway create-authorizer --rest-api-id <api-id> --name <name> --type TOKEN --authorizer-uri <lambda-invocation-uri> --identity-source method.request.header.Authorization',
  },
  rationale: 'An internet-facing API without any authorizer relies on callers not finding it.',
  evaluate(api) {
    if (isPrivateRestApi(api)) return notApplicable(`REST API ${api.id}: private endpoint`);
    if (api.authorizers === null || api.resources === null) return unobserved(`REST API ${api.id}: ${liveOnly('authorizers and methods')}`);
    if (api.authorizers.length > 0) {
      return pass(`REST API ${api.id}: has ${api.authorizers.length} authorizer(s)`, [{ message: 'authorizers', field: 'authorizers', value: api.authorizers.map((a) => a.name ?? a.id) }]);
    }
    // Our variant (unlike Prowler): IAM authorization on every method counts as an authorizer.
    const methods = restMethods(api).filter(({ method }) => !isPreflightMethod(method.httpMethod));
    if (methods.length > 0 && methods.every(({ method }) => method.authorizationType.toUpperCase() === 'AWS_IAM')) {
      return pass(`REST API ${api.id}: no authorizer, but every method uses IAM authorization`);
    }
    const message = `REST API ${api.id}: internet-facing (${api.endpointTypes.join(', ')}) and has no authorizer`;
    return fail(message, [{ message, field: 'authorizers', value: [] }]);
  },
});
