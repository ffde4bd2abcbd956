import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { RestStageSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, pass } from '../define-rule';

export const apigwStageXray = defineRule<RestStageSnapshot>({
  id: 'apigw-stage-xray',
  title: 'API Gateway REST stage has X-Ray tracing on',
  severity: 'LOW',
  kind: ApigatewayKind.REST_STAGE,
  anchors: { securityHub: ['APIGateway.3'], fsbp: true, prowler: ['apigateway_restapi_tracing_enabled'] },
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Turn on active X-Ray tracing for the stage.',
    cli: "aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations 'op=replace,path=/tracingEnabled,value=true'",
  },
  rationale: 'Tracing shows the path and latency of each request through the API and its backends, which speeds up incident analysis.',
  evaluate(stage) {
    const name = `${stage.restApiId}/${stage.stageName}`;
    if (!stage.tracingEnabled) {
      const message = `stage ${name}: X-Ray tracing is off`;
      return fail(message, [{ message, field: 'tracingEnabled', value: false }]);
    }
    return pass(`stage ${name}: X-Ray tracing is on`, [{ message: 'tracing on', field: 'tracingEnabled', value: true }]);
  },
});
