import type { Evidence } from '../../core';
import { loggingLevelsAllowed, methodOverrides, STAGE_DEFAULT_KEY } from '../../resources/apigateway/inspect';
import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { RestStageSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, pass } from '../define-rule';

export const apigwStageExecutionLogging = defineRule<RestStageSnapshot>({
  id: 'apigw-stage-execution-logging',
  title: 'API Gateway REST stage has execution logging on',
  severity: 'MEDIUM',
  kind: ApigatewayKind.REST_STAGE,
  anchors: { securityHub: ['APIGateway.1'], fsbp: true, prowler: ['apigateway_restapi_logging_enabled'] },
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Set the stage-wide logging level to ERROR or INFO, remove method overrides that turn logging OFF, and set the account-level CloudWatch Logs role.',
    cli: "aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations 'op=replace,path=/*/*/logging/loglevel,value=ERROR'",
  },
  rationale: 'Execution logs record errors, authorizer decisions and throttling per request; without them incidents on the API cannot be investigated.',
  evaluate(stage, ctx) {
    const name = `${stage.restApiId}/${stage.stageName}`;
    const allowed = loggingLevelsAllowed(ctx);
    const level = stage.methodSettings[STAGE_DEFAULT_KEY]?.loggingLevel?.toUpperCase() ?? null;
    const field = `methodSettings["${STAGE_DEFAULT_KEY}"].loggingLevel`;
    if (level === null || !allowed.includes(level)) {
      const message = `stage ${name}: stage-wide logging level is ${level ?? 'not set (logging off)'}, expected ${allowed.join(' or ')}`;
      return fail(message, [{ message, field, value: level }]);
    }
    const off = methodOverrides(stage.methodSettings).filter(([, s]) => s.loggingLevel?.toUpperCase() === 'OFF').map(([key]) => key);
    if (off.length > 0) {
      const message = `stage ${name}: method overrides turn execution logging OFF for ${off.join(', ')}`;
      return fail(message, [{ message, field: 'methodSettings', value: off }]);
    }
    const evidence: Evidence[] = [{ message: `stage-wide logging level ${level}`, field, value: level }];
    if (stage.account && !stage.account.cloudwatchRoleArn) {
      evidence.push({ message: 'note: the account has no API Gateway CloudWatch Logs role (GetAccount.cloudwatchRoleArn), so no execution logs are delivered', field: 'account.cloudwatchRoleArn', value: null });
    }
    return pass(`stage ${name}: execution logging is ${level}`, evidence);
  },
});
