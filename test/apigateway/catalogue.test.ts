import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { apigatewayFamily } from '../../shared/families/apigateway';
import { apigatewayCatalogueRules, apigatewayRules, apigatewayV2CompanionRules } from '../../shared/rules/apigateway';

/**
 * Transcribed from spec/controls.md §4.1, §4.3, the API Gateway rows of §8.2 and `apigw-gateway-responses-generic` (§8.7):
 * id, severity, anchors (SH ids, FSBP membership, Prowler ids) and the catalogue's resource type. A change here is a
 * catalogue change and shows in review.
 */
const CATALOGUE = [
  ['apigw-stage-execution-logging', 'MEDIUM', { securityHub: ['APIGateway.1'], fsbp: true, prowler: ['apigateway_restapi_logging_enabled'] }, 'AWS::ApiGateway::Stage'],
  ['apigwv2-websocket-stage-execution-logging', 'MEDIUM', { securityHub: ['APIGateway.1'], fsbp: true }, 'AWS::ApiGatewayV2::Stage'],
  ['apigw-stage-client-certificate', 'MEDIUM', { securityHub: ['APIGateway.2'], fsbp: true, prowler: ['apigateway_restapi_client_certificate_enabled'] }, 'AWS::ApiGateway::Stage'],
  ['apigw-stage-xray', 'LOW', { securityHub: ['APIGateway.3'], fsbp: true, prowler: ['apigateway_restapi_tracing_enabled'] }, 'AWS::ApiGateway::Stage'],
  ['apigw-stage-waf', 'MEDIUM', { securityHub: ['APIGateway.4'], fsbp: true, prowler: ['apigateway_restapi_waf_acl_attached'] }, 'AWS::ApiGateway::Stage'],
  ['apigw-stage-cache-encrypted', 'MEDIUM', { securityHub: ['APIGateway.5'], fsbp: true, prowler: ['apigateway_restapi_cache_encrypted'] }, 'AWS::ApiGateway::Stage'],
  ['apigwv2-route-authorization', 'MEDIUM', { securityHub: ['APIGateway.8'], fsbp: true, prowler: ['apigatewayv2_api_authorizers_enabled'] }, 'AWS::ApiGatewayV2::Route'],
  ['apigwv2-stage-access-logging', 'MEDIUM', { securityHub: ['APIGateway.9'], fsbp: true, prowler: ['apigatewayv2_api_access_logging_enabled'] }, 'AWS::ApiGatewayV2::Stage'],
  ['apigwv2-integration-private-https', 'MEDIUM', { securityHub: ['APIGateway.10'] }, 'AWS::ApiGatewayV2::Integration'],
  ['apigw-domain-tls-policy', 'MEDIUM', { securityHub: ['APIGateway.11'] }, 'AWS::ApiGateway::DomainName'],
  ['apigw-restapi-authorization', 'MEDIUM', { prowler: ['apigateway_restapi_authorizers_enabled'] }, 'AWS::ApiGateway::RestApi'],
  ['apigw-restapi-private-endpoint', 'MEDIUM', { prowler: ['apigateway_restapi_public'] }, 'AWS::ApiGateway::RestApi'],
  ['apigw-public-restapi-has-authorizer', 'MEDIUM', { prowler: ['apigateway_restapi_public_with_authorizer'] }, 'AWS::ApiGateway::RestApi'],
  ['apigw-stage-no-secrets-in-variables', 'HIGH', { prowler: ['apigateway_restapi_no_secrets_in_stage_variables'] }, 'AWS::ApiGateway::Stage'],
  ['apigw-domain-pqc-tls', 'LOW', { prowler: ['apigateway_domain_name_pqc_tls_enabled'] }, 'AWS::ApiGateway::DomainName'],
  ['apigwv2-api-has-authorizer', 'MEDIUM', { prowler: ['apigatewayv2_api_authorizers_enabled'] }, 'AWS::ApiGatewayV2::Api'],
  ['apigw-method-authorization', 'HIGH', {}, 'AWS::ApiGateway::RestApi'],
  ['apigw-stage-throttling', 'MEDIUM', {}, 'AWS::ApiGateway::Stage'],
  ['apigwv2-public-api-waf-fronted', 'MEDIUM', {}, 'AWS::ApiGatewayV2::Api'],
  ['apigw-default-endpoint-disabled', 'MEDIUM', {}, 'AWS::ApiGateway::RestApi'],
  ['apigw-private-api-policy', 'HIGH', {}, 'AWS::ApiGateway::RestApi'],
  ['apigw-no-data-trace', 'HIGH', {}, 'AWS::ApiGateway::Stage'],
  ['apigw-rest-access-logging', 'MEDIUM', {}, 'AWS::ApiGateway::Stage'],
  ['apigwv2-cors-not-wildcard', 'MEDIUM', {}, 'AWS::ApiGatewayV2::Api'],
  ['apigw-backend-https', 'MEDIUM', {}, 'AWS::ApiGateway::RestApi'],
  ['apigw-gateway-responses-generic', 'LOW', {}, 'AWS::ApiGateway::RestApi'],
] as const;

/** Route and integration rules are aggregated on the v2 API kind (one finding per API) — documented deviation. */
const AGGREGATED: Record<string, string> = { 'AWS::ApiGatewayV2::Route': 'AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Integration': 'AWS::ApiGatewayV2::Api' };

const RULES_DIR = join(__dirname, '..', '..', 'shared', 'rules', 'apigateway');

describe('Catalogue: apigateway rules', () => {
  it.each(CATALOGUE.map((row) => [row[0], row] as const))('%s exists exactly once with the catalogue severity, anchors and kind', (id, [, severity, anchors, type]) => {
    const matches = apigatewayCatalogueRules.filter((r) => r.id === id);
    expect(matches).toHaveLength(1);
    const rule = matches[0];
    expect(rule.severity).toBe(severity);
    expect(rule.anchors).toEqual(anchors);
    expect(rule.kind).toBe(AGGREGATED[type] ?? type);
  });

  it('has no catalogue rule beyond those sections, and companions only carry their own apigwv2- ids', () => {
    expect(apigatewayCatalogueRules.map((r) => r.id).sort()).toEqual(CATALOGUE.map((r) => r[0]).sort());
    expect(apigatewayV2CompanionRules.map((r) => r.id).sort()).toEqual(['apigwv2-backend-https', 'apigwv2-no-data-trace', 'apigwv2-stage-no-secrets-in-variables', 'apigwv2-stage-throttling']);
    const ids = apigatewayRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('one file per rule, named by its id, exporting one camelCase const', () => {
    const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(apigatewayRules.map((r) => r.id).sort());
    for (const file of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = require(join(RULES_DIR, file)) as Record<string, { id?: string }>;
      const id = file.replace(/\.ts$/, '');
      const camel = id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
      expect(Object.keys(exported)).toEqual([camel]);
      expect(exported[camel].id).toBe(id);
    }
  });

  it.each(apigatewayRules.map((r) => [r.id, r] as const))('%s has complete metadata', (_id, rule) => {
    expect(rule.title.length).toBeGreaterThan(10);
    expect(rule.title.length).toBeLessThanOrEqual(150);
    expect(rule.title).not.toMatch(/^Ensure/);
    expect(rule.reads).toEqual(['apigateway:GET']);
    expect(rule.remediation.text.length).toBeGreaterThan(10);
    expect(rule.remediation.cli).toMatch(/^aws (apigateway|apigatewayv2|wafv2) /);
    expect(rule.rationale.length).toBeGreaterThan(10);
    expect(['E', 'E*', 'E+P', 'P']).toContain(rule.trigger);
    expect(rule.id.startsWith(rule.kind.startsWith('AWS::ApiGatewayV2::') ? 'apigwv2-' : 'apigw-')).toBe(true);
  });
});

describe('Family: apigateway', () => {
  it('wires kinds, a collector per kind, Config normalisers, triggers and rules', () => {
    const kinds = apigatewayFamily.kinds.map((k) => k.kind).sort();
    expect(kinds).toEqual(['AWS::ApiGateway::DomainName', 'AWS::ApiGateway::RestApi', 'AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Stage']);
    expect(Object.keys(apigatewayFamily.collectors).sort()).toEqual(kinds);
    expect(apigatewayFamily.configNormalisers.map((n) => n.configType).sort()).toEqual(apigatewayFamily.kinds.flatMap((k) => k.configTypes).sort());
    expect(apigatewayFamily.rules).toBe(apigatewayRules);
    for (const rule of apigatewayFamily.rules) expect(kinds).toContain(rule.kind);
    expect(apigatewayFamily.triggers.length).toBeGreaterThan(0);
    expect(apigatewayFamily.extraReadActions).toEqual(['apigateway:GET', 'wafv2:GetWebACLForResource']);
  });
  it('builds ARNs in the partition of the Region', () => {
    const stage = apigatewayFamily.kinds.find((k) => k.kind === 'AWS::ApiGateway::Stage')!;
    expect(stage.arn({ partition: 'aws-cn', accountId: '123456789012', region: 'cn-north-1', id: 'abc/prod' })).toBe('arn:aws-cn:apigateway:cn-north-1::/restapis/abc/stages/prod');
  });
});
