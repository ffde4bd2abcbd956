import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { HttpApiSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, pass } from '../define-rule';

export const apigwv2PublicApiWafFronted = defineRule<HttpApiSnapshot>({
  id: 'apigwv2-public-api-waf-fronted',
  title: 'API Gateway HTTP/WebSocket API is reachable only through its (WAF-fronted) custom domain',
  severity: 'MEDIUM',
  kind: ApigatewayKind.HTTP_API,
  anchors: {},
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'HTTP and WebSocket APIs cannot be associated with WAF: put CloudFront with a web ACL in front of a custom domain, then disable the default execute-api endpoint.',
    cli: 'aws apigatewayv2 update-api --api-id <api-id> --disable-execute-api-endpoint',
  },
  rationale: 'The default execute-api endpoint of an HTTP or WebSocket API is on the internet with no WAF; callers reaching it bypass any CloudFront/WAF in front of the custom domain.',
  evaluate(api) {
    if (!api.disableExecuteApiEndpoint) {
      const message = `API ${api.apiId}: the default endpoint${api.apiEndpoint ? ` ${api.apiEndpoint}` : ''} is enabled and cannot be protected by WAF`;
      return fail(message, [{ message, field: 'disableExecuteApiEndpoint', value: false }]);
    }
    const domains = api.customDomainMappings === null ? null : [...new Set(api.customDomainMappings.map((m) => m.domainName))];
    return pass(`API ${api.apiId}: default endpoint disabled`, [
      { message: 'disableExecuteApiEndpoint', field: 'disableExecuteApiEndpoint', value: true },
      ...(domains && domains.length > 0 ? [{ message: `note: verify that CloudFront with a web ACL fronts ${domains.join(', ')}`, field: 'customDomainMappings', value: domains }] : []),
    ]);
  },
});
