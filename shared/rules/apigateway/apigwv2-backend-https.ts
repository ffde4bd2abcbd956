import { backendScheme, liveOnly } from '../../resources/apigateway/inspect';
import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { HttpApiSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, notApplicable, pass, unobserved } from '../define-rule';

const HTTP_TYPES = new Set(['HTTP', 'HTTP_PROXY']);

/** v2 half of catalogue §8.2 `apigw-backend-https` ("v2 HTTP_PROXY integrations likewise"), under its own id. VPC-link ones are APIGateway.10's. */
export const apigwv2BackendHttps = defineRule<HttpApiSnapshot>({
  id: 'apigwv2-backend-https',
  title: 'API Gateway HTTP/WebSocket HTTP integrations call their backends over HTTPS',
  severity: 'MEDIUM',
  kind: ApigatewayKind.HTTP_API,
  anchors: {},
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Point HTTP and HTTP_PROXY integrations at https:// endpoints.',
    cli: 'aws apigatewayv2 update-integration --api-id <api-id> --integration-id <integration-id> --integration-uri https://<backend>/<path>',
  },
  rationale: 'Plain-HTTP backend calls expose request data, including forwarded credentials, on the network between API Gateway and the backend.',
  evaluate(api) {
    if (api.integrations === null) return unobserved(`API ${api.apiId}: ${liveOnly('integrations')}`);
    const internet = api.integrations.filter(
      (i) => HTTP_TYPES.has((i.integrationType ?? '').toUpperCase()) && (i.connectionType ?? 'INTERNET').toUpperCase() !== 'VPC_LINK',
    );
    if (internet.length === 0) return notApplicable(`API ${api.apiId}: no internet HTTP integration`);
    const plain = internet.filter((i) => backendScheme(i.integrationUri) === 'http');
    if (plain.length > 0) {
      const message = `API ${api.apiId}: ${plain.length} integration(s) call plain-HTTP backends: ${plain.map((i) => i.integrationUri).join(', ')}`;
      return fail(message, plain.map((i) => ({ message: `integration ${i.integrationId ?? '?'} → ${i.integrationUri ?? ''}`, field: 'integrations', value: i.integrationId })));
    }
    return pass(`API ${api.apiId}: HTTP integrations use https://`, [{ message: 'integrations', field: 'integrations', value: internet.map((i) => i.integrationId) }]);
  },
});
