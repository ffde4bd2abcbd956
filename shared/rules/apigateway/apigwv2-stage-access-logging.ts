import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { HttpStageSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, pass } from '../define-rule';

export const apigwv2StageAccessLogging = defineRule<HttpStageSnapshot>({
  id: 'apigwv2-stage-access-logging',
  title: 'API Gateway HTTP/WebSocket stage has access logging configured',
  severity: 'MEDIUM',
  kind: ApigatewayKind.HTTP_STAGE,
  anchors: { securityHub: ['APIGateway.9'], fsbp: true, prowler: ['apigatewayv2_api_access_logging_enabled'] },
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Configure access logs with a destination log group and a format.',
    cli: "aws apigatewayv2 update-stage --api-id <api-id> --stage-name <stage> --access-log-settings 'DestinationArn=<log-group-arn>,Format=$context.requestId $context.identity.sourceIp $context.status'",
  },
  rationale: 'Access logs record who called which route and with what result; they are the audit trail of the API.',
  evaluate(stage) {
    const name = `${stage.apiId}/${stage.stageName}`;
    const settings = stage.accessLogSettings;
    const missing = [!settings?.destinationArn ? 'destinationArn' : null, !settings?.format ? 'format' : null].filter((m): m is string => m !== null);
    if (missing.length > 0) {
      const message = `stage ${name}: access logging ${settings ? `has no ${missing.join(' and ')}` : 'is not configured'}`;
      return fail(message, missing.map((m) => ({ message: `accessLogSettings.${m} missing`, field: `accessLogSettings.${m}`, value: null })));
    }
    return pass(`stage ${name}: access logs go to ${settings?.destinationArn}`, [{ message: 'access log destination', field: 'accessLogSettings.destinationArn', value: settings?.destinationArn }]);
  },
});
