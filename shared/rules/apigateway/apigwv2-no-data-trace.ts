import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { HttpStageSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';

/** WebSocket half of catalogue §8.2 `apigw-no-data-trace`, under its own id (one kind per rule). */
export const apigwv2NoDataTrace = defineRule<HttpStageSnapshot>({
  id: 'apigwv2-no-data-trace',
  title: 'API Gateway WebSocket stage does not log full message data',
  severity: 'HIGH',
  kind: ApigatewayKind.HTTP_STAGE,
  anchors: {},
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Turn off data tracing on the default route settings and on every route setting.',
    cli: 'aws apigatewayv2 update-stage --api-id <api-id> --stage-name <stage> --default-route-settings DataTraceEnabled=false',
  },
  rationale: 'Data tracing writes whole messages, including tokens and personal data, to CloudWatch Logs.',
  evaluate(stage) {
    const name = `${stage.apiId}/${stage.stageName}`;
    if ((stage.protocolType ?? '').toUpperCase() === 'HTTP') return notApplicable(`stage ${name}: HTTP APIs have no data tracing`);
    const tracing = [
      ...(stage.defaultRouteSettings?.dataTraceEnabled ? ['defaultRouteSettings'] : []),
      ...Object.entries(stage.routeSettings).filter(([, s]) => s.dataTraceEnabled).map(([key]) => `routeSettings["${key}"]`),
    ];
    if (tracing.length > 0) {
      const message = `stage ${name}: full data tracing is on for ${tracing.join(', ')}`;
      return fail(message, tracing.map((where) => ({ message: `${where}: dataTraceEnabled`, field: `${where}.dataTraceEnabled`, value: true })));
    }
    return pass(`stage ${name}: data tracing is off`);
  },
});
