import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { HttpStageSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, pass } from '../define-rule';

/** v2 half of catalogue §4.3 `apigw-stage-no-secrets-in-variables` ("apply the same to v2 StageVariables"), under its own id. */
export const apigwv2StageNoSecretsInVariables = defineRule<HttpStageSnapshot>({
  id: 'apigwv2-stage-no-secrets-in-variables',
  title: 'API Gateway HTTP/WebSocket stage variables contain no secrets',
  severity: 'HIGH',
  kind: ApigatewayKind.HTTP_STAGE,
  anchors: {},
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Move the secret to AWS Secrets Manager or SSM Parameter Store, rotate it, and remove the stage variable.',
    cli: 'aws apigatewayv2 update-stage --api-id <api-id> --stage-name <stage> --stage-variables <name>=<non-secret value or reference>',
  },
  rationale: 'Stage variables are readable by anyone with apigateway:GET and appear in exports; secrets there leak easily.',
  evaluate(stage) {
    const name = `${stage.apiId}/${stage.stageName}`;
    const { names, secrets } = stage.variables;
    // Evidence names the variable, the detector and a hash prefix: the snapshot never held the value.
    if (secrets.length > 0) {
      const message = `stage ${name}: ${secrets.length} stage variable(s) look like secrets: ${secrets.map((s) => s.name).join(', ')}`;
      return fail(message, secrets.map((s) => ({ message: `${s.name}: ${s.reason}`, field: `stageVariables.${s.name}`, value: { detector: s.detector, sha256Prefix: s.sha256Prefix } })));
    }
    return pass(names.length === 0 ? `stage ${name}: no stage variables` : `stage ${name}: no secret found in ${names.length} stage variable(s)`, [
      { message: 'stage variables scanned', field: 'stageVariables', value: names },
    ]);
  },
});
