import { publicGrants } from '../../policy';
import { isPrivateRestApi, liveOnly, methodLabel, unauthorizedRestMethods } from '../../resources/apigateway/inspect';
import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { RestApiSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, pass, unobserved } from '../define-rule';

export const apigwMethodAuthorization = defineRule<RestApiSnapshot>({
  id: 'apigw-method-authorization',
  title: 'API Gateway REST methods require authorization or the resource policy restricts callers',
  severity: 'HIGH',
  kind: ApigatewayKind.REST_API,
  anchors: {},
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Give every method an authorizer (IAM, Cognito or Lambda), or attach a resource policy that limits callers (source VPC endpoint, IP ranges, principals). API keys identify callers; they do not authenticate them.',
    cli: "aws apigateway update-method --rest-api-id <api-id> --resource-id <resource-id> --http-method <METHOD> --patch-operations 'op=replace,path=/authorizationType,value=AWS_IAM' && aws apigateway create-deployment --rest-api-id <api-id> --stage-name <stage>",
  },
  rationale: 'A method with authorization NONE and no restricting resource policy can be called by anyone on the internet.',
  evaluate(api, ctx, ref) {
    if (api.resources === null) return unobserved(`REST API ${api.id}: ${liveOnly('methods')}`);
    const open = unauthorizedRestMethods(api);
    if (open.length === 0) return pass(`REST API ${api.id}: every method requires authorization (OPTIONS pre-flight excepted)`);
    const labels = open.map(methodLabel);
    if (api.policy !== null) {
      // The resource policy restricts callers when it grants execute-api:Invoke to nobody public (e.g. SourceVpce, SourceIp, principals).
      const grants = publicGrants('api-resource-policy', api.policy, { accountId: ref.accountId, orgId: ctx.orgId, trustedAccountIds: ctx.params.trustedAccountIds, resourceArn: ref.arn }, ['execute-api:Invoke']);
      if (grants.length === 0) {
        return pass(`REST API ${api.id}: ${labels.length} method(s) have no authorizer, but the resource policy restricts who can invoke them`, [
          { message: 'resource policy grants execute-api:Invoke to no public principal', field: 'policy', value: labels },
        ]);
      }
      const message = `REST API ${api.id}: ${labels.length} method(s) without authorization, and the resource policy allows public invocation: ${labels.join(', ')}`;
      return fail(message, [
        ...open.map((m) => ({ message: `${methodLabel(m)} has authorizationType NONE${m.method.apiKeyRequired ? ' (an API key is required, which is not authentication)' : ''}`, field: 'resources', value: methodLabel(m) })),
        ...grants.map((g) => ({ message: g.reason, field: 'policy', statements: [g.statement], value: g.principals })),
      ]);
    }
    if (isPrivateRestApi(api)) {
      return pass(`REST API ${api.id}: private API without a resource policy cannot be invoked; ${labels.length} method(s) have no authorizer`, [
        { message: 'private endpoint, no resource policy', field: 'endpointTypes', value: api.endpointTypes },
      ]);
    }
    const message = `REST API ${api.id}: ${labels.length} method(s) callable without authorization: ${labels.join(', ')}`;
    return fail(
      message,
      open.map((m) => ({ message: `${methodLabel(m)} has authorizationType NONE${m.method.apiKeyRequired ? ' (an API key is required, which is not authentication)' : ''}`, field: 'resources', value: methodLabel(m) })),
    );
  },
});
