import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { RestStageSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';

export const apigwStageCacheEncrypted = defineRule<RestStageSnapshot>({
  id: 'apigw-stage-cache-encrypted',
  title: 'API Gateway REST stage cache data is encrypted at rest',
  severity: 'MEDIUM',
  kind: ApigatewayKind.REST_STAGE,
  anchors: { securityHub: ['APIGateway.5'], fsbp: true, prowler: ['apigateway_restapi_cache_encrypted'] },
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Turn on cache data encryption for every method setting that enables caching.',
    cli: "aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations 'op=replace,path=/*/*/caching/dataEncrypted,value=true'",
  },
  rationale: 'Cached responses can hold personal or sensitive data; unencrypted cache storage exposes it at rest.',
  evaluate(stage) {
    const name = `${stage.restApiId}/${stage.stageName}`;
    const caching = Object.entries(stage.methodSettings).filter(([, s]) => s.cachingEnabled);
    if (caching.length === 0) return notApplicable(`stage ${name}: no method setting enables caching`);
    const plain = caching.filter(([, s]) => !s.cacheDataEncrypted).map(([key]) => key);
    if (plain.length > 0) {
      const message = `stage ${name}: cached data is not encrypted for ${plain.join(', ')}`;
      return fail(message, plain.map((key) => ({ message: `${key}: caching on, cacheDataEncrypted false`, field: `methodSettings["${key}"].cacheDataEncrypted`, value: false })));
    }
    return pass(`stage ${name}: every cache setting encrypts data`, [{ message: 'cache encrypted', field: 'methodSettings', value: caching.map(([key]) => key) }]);
  },
});
