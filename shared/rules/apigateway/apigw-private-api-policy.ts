import { publicGrants } from '../../policy';
import { isPrivateRestApi } from '../../resources/apigateway/inspect';
import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { RestApiSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';

export const apigwPrivateApiPolicy = defineRule<RestApiSnapshot>({
  id: 'apigw-private-api-policy',
  title: 'API Gateway REST API resource policy does not allow public invocation',
  severity: 'HIGH',
  kind: ApigatewayKind.REST_API,
  anchors: {},
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'For private APIs, allow execute-api:Invoke only with an aws:SourceVpce (or aws:SourceVpc) condition; for public APIs, do not allow "*" without a restricting condition.',
    cli: "aws apigateway update-rest-api --rest-api-id <api-id> --patch-operations 'op=replace,path=/policy,value=<policy JSON with a StringEquals aws:SourceVpce condition>'",
  },
  rationale: 'A resource policy that lets any principal invoke the API without a network or identity condition removes the protection a private endpoint is meant to give.',
  evaluate(api, ctx, ref) {
    const isPrivate = isPrivateRestApi(api);
    if (api.policy === null) {
      if (!isPrivate) return notApplicable(`REST API ${api.id}: public API without a resource policy`);
      const message = `REST API ${api.id}: private API has no resource policy restricting aws:SourceVpce/aws:SourceVpc`;
      return fail(message, [{ message, field: 'policy', value: null }]);
    }
    const grants = publicGrants('api-resource-policy', api.policy, { accountId: ref.accountId, orgId: ctx.orgId, trustedAccountIds: ctx.params.trustedAccountIds, resourceArn: ref.arn }, ['execute-api:Invoke']);
    if (grants.length > 0) {
      const message = `REST API ${api.id}: the ${isPrivate ? 'private' : 'public'} API's resource policy allows anyone to invoke it without a restricting condition`;
      return fail(message, grants.map((g) => ({ message: g.reason, field: 'policy', statements: [g.statement], value: g.principals })));
    }
    return pass(`REST API ${api.id}: resource policy restricts who can invoke the ${isPrivate ? 'private' : 'public'} API`, [{ message: 'no public grant of execute-api:Invoke', field: 'policy' }]);
  },
});
