import { liveOnly } from '../../resources/apigateway/inspect';
import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { HttpApiSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, notApplicable, pass, unobserved } from '../define-rule';

/** Aggregated per API (kind AWS::ApiGatewayV2::Api): one finding per API listing the private integrations without TLS. */
export const apigwv2IntegrationPrivateHttps = defineRule<HttpApiSnapshot>({
  id: 'apigwv2-integration-private-https',
  title: 'API Gateway private (VPC link) integrations use TLS',
  severity: 'MEDIUM',
  kind: ApigatewayKind.HTTP_API,
  anchors: { securityHub: ['APIGateway.10'] },
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Configure TLS on private integrations (ServerNameToVerify) and serve HTTPS on the private load balancer listener.',
    cli: 'aws apigatewayv2 update-integration --api-id <api-id> --integration-id <integration-id> --tls-config ServerNameToVerify=<backend-host-name>',
  },
  rationale: 'Without TLS, traffic from API Gateway to the private backend travels unencrypted inside the VPC.',
  evaluate(api) {
    if (api.integrations === null) return unobserved(`API ${api.apiId}: ${liveOnly('integrations')}`);
    const privateOnes = api.integrations.filter((i) => (i.connectionType ?? '').toUpperCase() === 'VPC_LINK');
    if (privateOnes.length === 0) return notApplicable(`API ${api.apiId}: no private (VPC link) integration`);
    const plain = privateOnes.filter((i) => !i.tlsConfig?.serverNameToVerify);
    if (plain.length > 0) {
      const message = `API ${api.apiId}: ${plain.length} private integration(s) without TLS: ${plain.map((i) => i.integrationId ?? '?').join(', ')}`;
      return fail(message, plain.map((i) => ({ message: `integration ${i.integrationId ?? '?'} (${i.integrationUri ?? 'no URI'}) has no TlsConfig.ServerNameToVerify`, field: 'integrations', value: i.integrationId })));
    }
    return pass(`API ${api.apiId}: ${privateOnes.length} private integration(s) use TLS`, [{ message: 'TLS private integrations', field: 'integrations', value: privateOnes.map((i) => i.integrationId) }]);
  },
});
