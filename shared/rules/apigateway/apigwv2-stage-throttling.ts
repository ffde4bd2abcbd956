import { throttleCeilings, throttleProblems } from '../../resources/apigateway/inspect';
import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { HttpStageSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, pass } from '../define-rule';

/** v2 half of catalogue §8.2 `apigw-stage-throttling` ("v2: same on DefaultRouteSettings"), under its own id (one kind per rule). */
export const apigwv2StageThrottling = defineRule<HttpStageSnapshot>({
  id: 'apigwv2-stage-throttling',
  title: 'API Gateway HTTP/WebSocket stage has throttling limits',
  severity: 'MEDIUM',
  kind: ApigatewayKind.HTTP_STAGE,
  anchors: {},
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Set default route rate and burst limits sized for the backend.',
    cli: 'aws apigatewayv2 update-stage --api-id <api-id> --stage-name <stage> --default-route-settings ThrottlingRateLimit=100,ThrottlingBurstLimit=50',
  },
  rationale: 'Without stage limits a single caller can use the whole account quota and overload the backends (denial of wallet or of service).',
  evaluate(stage, ctx) {
    const name = `${stage.apiId}/${stage.stageName}`;
    const d = stage.defaultRouteSettings;
    const problems = throttleProblems(d?.throttlingRateLimit ?? null, d?.throttlingBurstLimit ?? null, throttleCeilings(ctx), 'defaultRouteSettings');
    if (problems.length > 0) {
      const message = `stage ${name}: ${problems.join('; ')}`;
      return fail(message, problems.map((p) => ({ message: p, field: 'defaultRouteSettings' })));
    }
    return pass(`stage ${name}: throttled at ${d?.throttlingRateLimit} requests/s, burst ${d?.throttlingBurstLimit}`, [
      { message: 'default route throttling set', field: 'defaultRouteSettings', value: { rate: d?.throttlingRateLimit, burst: d?.throttlingBurstLimit } },
    ]);
  },
});
