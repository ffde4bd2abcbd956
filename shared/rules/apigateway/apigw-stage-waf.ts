import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { RestStageSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, pass } from '../define-rule';

export const apigwStageWaf = defineRule<RestStageSnapshot>({
  id: 'apigw-stage-waf',
  title: 'API Gateway REST stage is associated with a WAF web ACL',
  severity: 'MEDIUM',
  kind: ApigatewayKind.REST_STAGE,
  anchors: { securityHub: ['APIGateway.4'], fsbp: true, prowler: ['apigateway_restapi_waf_acl_attached'] },
  trigger: 'E',
  // The WAFv2 cross-check (wafv2:GetWebACLForResource) is a collector extra: GetStage.webAclArn alone is authoritative.
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Associate a regional AWS WAF web ACL with the stage.',
    cli: 'aws wafv2 associate-web-acl --web-acl-arn <web-acl-arn> --resource-arn arn:aws:apigateway:<region>::/restapis/<api-id>/stages/<stage>',
  },
  rationale: 'A web ACL filters common web exploits, bad bots and floods before they reach the API and its backends.',
  evaluate(stage) {
    const name = `${stage.restApiId}/${stage.stageName}`;
    if (!stage.webAclArn) {
      const message = `stage ${name}: no WAF web ACL is associated`;
      return fail(message, [{ message, field: 'webAclArn', value: null }]);
    }
    return pass(`stage ${name}: protected by web ACL ${stage.webAclArn}`, [{ message: 'web ACL associated', field: 'webAclArn', value: stage.webAclArn }]);
  },
});
