import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { RestStageSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, pass } from '../define-rule';

export const apigwRestAccessLogging = defineRule<RestStageSnapshot>({
  id: 'apigw-rest-access-logging',
  title: 'API Gateway REST stage has access logging configured',
  severity: 'MEDIUM',
  kind: ApigatewayKind.REST_STAGE,
  anchors: {},
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Send the stage access logs to a CloudWatch Logs group or Firehose stream with a format that records caller, request id and status.',
    cli: "aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations 'op=replace,path=/accessLogSettings/destinationArn,value=<log-group-arn>' 'op=replace,path=/accessLogSettings/format,value=$context.requestId $context.identity.sourceIp $context.status'",
  },
  rationale: 'Access logs record who called which resource and with what result; they are the audit trail of the API.',
  evaluate(stage) {
    const name = `${stage.restApiId}/${stage.stageName}`;
    const destination = stage.accessLogSettings?.destinationArn ?? null;
    if (!destination) {
      const message = `stage ${name}: access logging is not configured`;
      return fail(message, [{ message, field: 'accessLogSettings.destinationArn', value: null }]);
    }
    return pass(`stage ${name}: access logs go to ${destination}`, [{ message: 'access log destination set', field: 'accessLogSettings.destinationArn', value: destination }]);
  },
});
