import { STAGE_DEFAULT_KEY, throttleCeilings, throttleProblems } from '../../resources/apigateway/inspect';
import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { RestStageSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, pass, unobserved } from '../define-rule';

export const apigwStageThrottling = defineRule<RestStageSnapshot>({
  id: 'apigw-stage-throttling',
  title: 'API Gateway REST stage has throttling limits',
  severity: 'MEDIUM',
  kind: ApigatewayKind.REST_STAGE,
  anchors: {},
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Set stage-wide rate and burst limits sized for the backend (or cover the stage with a usage plan that throttles).',
    cli: "aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations 'op=replace,path=/*/*/throttling/rateLimit,value=100' 'op=replace,path=/*/*/throttling/burstLimit,value=50'",
  },
  rationale: 'Without stage limits a single caller can use the whole account quota and overload the backends (denial of wallet or of service).',
  evaluate(stage, ctx) {
    const name = `${stage.restApiId}/${stage.stageName}`;
    const defaults = stage.methodSettings[STAGE_DEFAULT_KEY];
    const problems = throttleProblems(defaults?.throttlingRateLimit ?? null, defaults?.throttlingBurstLimit ?? null, throttleCeilings(ctx), `methodSettings["${STAGE_DEFAULT_KEY}"]`);
    if (problems.length === 0) {
      return pass(`stage ${name}: throttled at ${defaults?.throttlingRateLimit} requests/s, burst ${defaults?.throttlingBurstLimit}`, [
        { message: 'stage-wide throttling set', field: `methodSettings["${STAGE_DEFAULT_KEY}"]`, value: { rate: defaults?.throttlingRateLimit, burst: defaults?.throttlingBurstLimit } },
      ]);
    }
    if (stage.usagePlans === null) return unobserved(`stage ${name}: ${problems.join('; ')}; usage plans not available in this snapshot (evaluate with live reads)`);
    if (stage.usagePlans.length > 0) {
      return pass(`stage ${name}: covered by usage plan(s) ${stage.usagePlans.map((p) => p.name ?? p.id).join(', ')}`, [
        { message: 'usage plans cover the stage', field: 'usagePlans', value: stage.usagePlans.map((p) => p.id) },
      ]);
    }
    const message = `stage ${name}: ${problems.join('; ')}, and no usage plan covers the stage`;
    return fail(message, problems.map((p) => ({ message: p, field: `methodSettings["${STAGE_DEFAULT_KEY}"]` })));
  },
});
