import { backendScheme, liveOnly, methodLabel, restMethods } from '../../resources/apigateway/inspect';
import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { RestApiSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, notApplicable, pass, unobserved } from '../define-rule';

const HTTP_TYPES = new Set(['HTTP', 'HTTP_PROXY']);

export const apigwBackendHttps = defineRule<RestApiSnapshot>({
  id: 'apigw-backend-https',
  title: 'API Gateway REST HTTP integrations call their backends over HTTPS',
  severity: 'MEDIUM',
  kind: ApigatewayKind.REST_API,
  anchors: {},
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Point HTTP and HTTP_PROXY integrations at https:// endpoints.',
    cli: "aws apigateway update-integration --rest-api-id <api-id> --resource-id <resource-id> --http-method <METHOD> --patch-operations 'op=replace,path=/uri,value=https://<backend>/<path>'",
  },
  rationale: 'Plain-HTTP backend calls expose request data, including forwarded credentials, on the network between API Gateway and the backend.',
  evaluate(api) {
    if (api.resources === null) return unobserved(`REST API ${api.id}: ${liveOnly('integrations')}`);
    const http = restMethods(api).filter(({ method }) => HTTP_TYPES.has((method.integration?.type ?? '').toUpperCase()));
    if (http.length === 0) return notApplicable(`REST API ${api.id}: no HTTP or HTTP_PROXY integration`);
    const plain = http.filter(({ method }) => backendScheme(method.integration?.uri ?? null) === 'http');
    if (plain.length > 0) {
      const message = `REST API ${api.id}: ${plain.length} integration(s) call plain-HTTP backends: ${plain.map(methodLabel).join(', ')}`;
      return fail(message, plain.map((m) => ({ message: `${methodLabel(m)} → ${m.method.integration?.uri ?? ''}`, field: 'resources', value: methodLabel(m) })));
    }
    const unknown = http.filter(({ method }) => backendScheme(method.integration?.uri ?? null) === 'unknown').map(methodLabel);
    return pass(`REST API ${api.id}: HTTP integrations use https://`, [
      { message: 'https integrations', field: 'resources', value: http.map(methodLabel) },
      ...(unknown.length > 0 ? [{ message: `note: scheme not visible (stage variables) for ${unknown.join(', ')}`, field: 'resources', value: unknown }] : []),
    ]);
  },
});
