import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { RestStageSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, pass } from '../define-rule';

export const apigwStageNoSecretsInVariables = defineRule<RestStageSnapshot>({
  id: 'apigw-stage-no-secrets-in-variables',
  title: 'API Gateway REST stage variables contain no secrets',
  severity: 'HIGH',
  kind: ApigatewayKind.REST_STAGE,
  anchors: { prowler: ['apigateway_restapi_no_secrets_in_stage_variables'] },
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Move the secret to AWS Secrets Manager or SSM Parameter Store, rotate it, and remove the stage variable.',
    cli: "aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations 'op=remove,path=/variables/<name>'",
  },
  rationale: 'Stage variables are readable by anyone with apigateway:GET and appear in exports and deployments; secrets there leak easily.',
  evaluate(stage) {
    const name = `${stage.restApiId}/${stage.stageName}`;
    const { names, secrets } = stage.variables;
    // Evidence names the variable, the detector and a hash prefix: the snapshot never held the value.
    if (secrets.length > 0) {
      const message = `stage ${name}: ${secrets.length} stage variable(s) look like secrets: ${secrets.map((s) => s.name).join(', ')}`;
      return fail(message, secrets.map((s) => ({ message: `${s.name}: ${s.reason}`, field: `variables.${s.name}`, value: { detector: s.detector, sha256Prefix: s.sha256Prefix } })));
    }
    return pass(names.length === 0 ? `stage ${name}: no stage variables` : `stage ${name}: no secret found in ${names.length} stage variable(s)`, [
      { message: 'stage variables scanned', field: 'variables', value: names },
    ]);
  },
});
