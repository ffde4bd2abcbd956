import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { RestStageSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, pass } from '../define-rule';

export const apigwNoDataTrace = defineRule<RestStageSnapshot>({
  id: 'apigw-no-data-trace',
  title: 'API Gateway REST stage does not log full request and response data',
  severity: 'HIGH',
  kind: ApigatewayKind.REST_STAGE,
  anchors: {},
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Turn off data tracing (full request/response logging) on the stage and on every method override.',
    cli: "aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations 'op=replace,path=/*/*/logging/dataTrace,value=false'",
  },
  rationale: 'Data tracing writes whole request and response bodies, including tokens and personal data, to CloudWatch Logs.',
  evaluate(stage) {
    const name = `${stage.restApiId}/${stage.stageName}`;
    const tracing = Object.entries(stage.methodSettings).filter(([, s]) => s.dataTraceEnabled).map(([key]) => key);
    if (tracing.length > 0) {
      const message = `stage ${name}: full request/response data tracing is on for ${tracing.join(', ')}`;
      return fail(message, tracing.map((key) => ({ message: `${key}: dataTraceEnabled`, field: `methodSettings["${key}"].dataTraceEnabled`, value: true })));
    }
    return pass(`stage ${name}: data tracing is off`, [{ message: 'no method setting enables data tracing', field: 'methodSettings', value: Object.keys(stage.methodSettings) }]);
  },
});
