import { liveOnly } from '../../resources/apigateway/inspect';
import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { RestApiSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, notApplicable, pass, unobserved } from '../define-rule';

export const apigwDefaultEndpointDisabled = defineRule<RestApiSnapshot>({
  id: 'apigw-default-endpoint-disabled',
  title: 'API Gateway REST API served on a custom domain has its default endpoint disabled',
  severity: 'MEDIUM',
  kind: ApigatewayKind.REST_API,
  anchors: {},
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Disable the default execute-api endpoint so that clients must use the custom domain (its TLS policy, mTLS and WAF).',
    cli: "aws apigateway update-rest-api --rest-api-id <api-id> --patch-operations 'op=replace,path=/disableExecuteApiEndpoint,value=true'",
  },
  rationale: 'The default execute-api endpoint bypasses the custom domain, and with it the domain-level TLS policy, mutual TLS and WAF.',
  evaluate(api) {
    if (api.disableExecuteApiEndpoint) return pass(`REST API ${api.id}: default endpoint disabled`, [{ message: 'disableExecuteApiEndpoint', field: 'disableExecuteApiEndpoint', value: true }]);
    if (api.customDomainMappings === null) return unobserved(`REST API ${api.id}: ${liveOnly('custom domain mappings')}`);
    if (api.customDomainMappings.length === 0) return notApplicable(`REST API ${api.id}: no custom domain maps the API`);
    const domains = [...new Set(api.customDomainMappings.map((m) => m.domainName))];
    const message = `REST API ${api.id}: served on ${domains.join(', ')} but the default execute-api endpoint is still enabled`;
    return fail(message, [{ message, field: 'disableExecuteApiEndpoint', value: false }, { message: 'custom domains', field: 'customDomainMappings', value: domains }]);
  },
});
