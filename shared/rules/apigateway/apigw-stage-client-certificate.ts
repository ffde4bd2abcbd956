import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { RestStageSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, pass } from '../define-rule';

export const apigwStageClientCertificate = defineRule<RestStageSnapshot>({
  id: 'apigw-stage-client-certificate',
  title: 'API Gateway REST stage uses a client certificate for backend authentication',
  severity: 'MEDIUM',
  kind: ApigatewayKind.REST_STAGE,
  anchors: { securityHub: ['APIGateway.2'], fsbp: true, prowler: ['apigateway_restapi_client_certificate_enabled'] },
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Generate a client certificate and attach it to the stage; configure the HTTP backend to require it.',
    cli: "aws apigateway generate-client-certificate && aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations 'op=replace,path=/clientCertificateId,value=<certificate-id>'",
  },
  rationale: 'A client certificate lets HTTP backends verify that requests come from API Gateway and not from a caller bypassing it.',
  evaluate(stage) {
    const name = `${stage.restApiId}/${stage.stageName}`;
    if (!stage.clientCertificateId) {
      const message = `stage ${name}: no client certificate is configured`;
      return fail(message, [{ message, field: 'clientCertificateId', value: null }]);
    }
    return pass(`stage ${name}: client certificate ${stage.clientCertificateId}`, [{ message: 'client certificate set', field: 'clientCertificateId', value: stage.clientCertificateId }]);
  },
});
