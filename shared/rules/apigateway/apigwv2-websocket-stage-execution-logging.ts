import { loggingLevelsAllowed } from '../../resources/apigateway/inspect';
import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { HttpStageSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, notApplicable, pass, unobserved } from '../define-rule';

export const apigwv2WebsocketStageExecutionLogging = defineRule<HttpStageSnapshot>({
  id: 'apigwv2-websocket-stage-execution-logging',
  title: 'API Gateway WebSocket stage has execution logging on',
  severity: 'MEDIUM',
  kind: ApigatewayKind.HTTP_STAGE,
  anchors: { securityHub: ['APIGateway.1'], fsbp: true },
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Set the default route logging level to ERROR or INFO and remove route settings that turn logging OFF.',
    cli: 'aws apigatewayv2 update-stage --api-id <api-id> --stage-name <stage> --default-route-settings LoggingLevel=ERROR',
  },
  rationale: 'Execution logs record connection, authorizer and integration errors of WebSocket APIs.',
  evaluate(stage, ctx) {
    const name = `${stage.apiId}/${stage.stageName}`;
    // HTTP APIs have no execution logs (whether Security Hub fails them is uncertain): not applicable.
    if (stage.protocolType === null) return unobserved(`stage ${name}: protocol of API ${stage.apiId} unknown (the API is not in this snapshot)`);
    if (stage.protocolType.toUpperCase() !== 'WEBSOCKET') return notApplicable(`stage ${name}: ${stage.protocolType} APIs have no execution logs`);
    const allowed = loggingLevelsAllowed(ctx);
    const level = stage.defaultRouteSettings?.loggingLevel?.toUpperCase() ?? null;
    if (level === null || !allowed.includes(level)) {
      const message = `stage ${name}: default route logging level is ${level ?? 'not set (logging off)'}, expected ${allowed.join(' or ')}`;
      return fail(message, [{ message, field: 'defaultRouteSettings.loggingLevel', value: level }]);
    }
    const off = Object.entries(stage.routeSettings).filter(([, s]) => s.loggingLevel?.toUpperCase() === 'OFF').map(([key]) => key);
    if (off.length > 0) {
      const message = `stage ${name}: route settings turn execution logging OFF for ${off.join(', ')}`;
      return fail(message, [{ message, field: 'routeSettings', value: off }]);
    }
    return pass(`stage ${name}: execution logging is ${level}`, [{ message: 'default route logging level', field: 'defaultRouteSettings.loggingLevel', value: level }]);
  },
});
