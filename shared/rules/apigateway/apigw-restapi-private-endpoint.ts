import { isIntentionallyPublic, isPrivateRestApi, publicApiTag } from '../../resources/apigateway/inspect';
import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { RestApiSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';

export const apigwRestapiPrivateEndpoint = defineRule<RestApiSnapshot>({
  id: 'apigw-restapi-private-endpoint',
  title: 'API Gateway REST API is not internet-facing',
  severity: 'MEDIUM',
  kind: ApigatewayKind.REST_API,
  anchors: { prowler: ['apigateway_restapi_public'] },
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Make internal APIs PRIVATE (reachable only through interface VPC endpoints); tag intentionally public APIs with vigil:public-api=true.',
    cli: "aws apigateway update-rest-api --rest-api-id <api-id> --patch-operations 'op=replace,path=/endpointConfiguration/types/REGIONAL,value=PRIVATE'",
  },
  rationale: 'EDGE and REGIONAL endpoints are reachable from the internet; internal APIs should not be.',
  evaluate(api, ctx) {
    if (isPrivateRestApi(api)) return pass(`REST API ${api.id}: private endpoint`, [{ message: 'endpoint types', field: 'endpointTypes', value: api.endpointTypes }]);
    if (isIntentionallyPublic(api, ctx)) return notApplicable(`REST API ${api.id}: tagged ${publicApiTag(ctx)}=true (intentionally public)`);
    const message = `REST API ${api.id}: internet-facing endpoint (${api.endpointTypes.join(', ') || 'no endpoint type'})`;
    return fail(message, [{ message, field: 'endpointConfiguration.types', value: api.endpointTypes }]);
  },
});
