import { liveOnly } from '../../resources/apigateway/inspect';
import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { RestApiSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, pass, unobserved } from '../define-rule';

/**
 * Template variables that echo internal detail. `$context.error.messageString` (AWS's own default template, a generic text
 * such as "Missing Authentication Token") is not flagged; the unquoted `$context.error.message`, authorizer context and
 * validation/integration error details are.
 */
const DETAIL_PATTERNS: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  { pattern: /\$\{?context\.error\.message(?!String)\b/, what: '$context.error.message' },
  { pattern: /\$\{?context\.authorizer\./, what: '$context.authorizer.*' },
  { pattern: /\$\{?context\.error\.validationErrorString\b/, what: '$context.error.validationErrorString' },
  { pattern: /\$\{?context\.integration\.error(Message)?\b|\$\{?context\.integrationErrorMessage\b/, what: '$context.integration error' },
];

export const apigwGatewayResponsesGeneric = defineRule<RestApiSnapshot>({
  id: 'apigw-gateway-responses-generic',
  title: 'API Gateway REST gateway responses do not echo internal error details',
  severity: 'LOW',
  kind: ApigatewayKind.REST_API,
  anchors: {},
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Return generic messages from gateway responses; keep error and authorizer details in the logs.',
    cli: 'aws apigateway put-gateway-response --rest-api-id <api-id> --response-type DEFAULT_4XX --response-templates \'{"application/json":"{\\"message\\":\\"Request failed\\"}"}\'',
  },
  rationale: 'Error responses that echo authorizer context or validation details tell an attacker how the API and its authorization work.',
  evaluate(api) {
    if (api.gatewayResponses === null) return unobserved(`REST API ${api.id}: ${liveOnly('gateway responses')}`);
    const leaks: { responseType: string; contentType: string; what: string }[] = [];
    for (const response of api.gatewayResponses) {
      for (const [contentType, template] of Object.entries(response.templates)) {
        for (const { pattern, what } of DETAIL_PATTERNS) if (pattern.test(template)) leaks.push({ responseType: response.responseType, contentType, what });
      }
    }
    if (leaks.length > 0) {
      const types = [...new Set(leaks.map((l) => l.responseType))];
      const message = `REST API ${api.id}: gateway responses ${types.join(', ')} echo internal details`;
      return fail(message, leaks.map((l) => ({ message: `${l.responseType} (${l.contentType}) uses ${l.what}`, field: `gatewayResponses.${l.responseType}.templates`, value: l.what })));
    }
    return pass(`REST API ${api.id}: ${api.gatewayResponses.length} gateway response(s) return generic messages`);
  },
});
