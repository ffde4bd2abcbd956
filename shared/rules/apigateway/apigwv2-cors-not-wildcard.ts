import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { HttpApiSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';

export const apigwv2CorsNotWildcard = defineRule<HttpApiSnapshot>({
  id: 'apigwv2-cors-not-wildcard',
  title: 'API Gateway HTTP API CORS does not allow any origin with credentials',
  severity: 'MEDIUM',
  kind: ApigatewayKind.HTTP_API,
  anchors: {},
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'List the exact origins allowed to call the API; never combine AllowOrigins * with AllowCredentials.',
    cli: 'aws apigatewayv2 update-api --api-id <api-id> --cors-configuration AllowOrigins=https://app.example.com,AllowCredentials=true',
  },
  rationale: 'A wildcard origin with credentials lets any web site make authenticated calls with a visitor\'s cookies or tokens.',
  evaluate(api) {
    if (api.cors === null) return notApplicable(`API ${api.apiId}: no CORS configuration`);
    const wildcard = api.cors.allowOrigins.includes('*');
    if (wildcard && api.cors.allowCredentials) {
      const message = `API ${api.apiId}: CORS allows any origin (*) together with credentials`;
      return fail(message, [{ message, field: 'corsConfiguration.allowOrigins', value: api.cors.allowOrigins }, { message: 'allowCredentials', field: 'corsConfiguration.allowCredentials', value: true }]);
    }
    if (wildcard) {
      return pass(`API ${api.apiId}: CORS allows any origin (*) without credentials`, [
        { message: 'warning: AllowOrigins * lets any web site read responses; list the origins if the API is not fully public', field: 'corsConfiguration.allowOrigins', value: api.cors.allowOrigins },
      ]);
    }
    return pass(`API ${api.apiId}: CORS origins are listed`, [{ message: 'allowed origins', field: 'corsConfiguration.allowOrigins', value: api.cors.allowOrigins }]);
  },
});
