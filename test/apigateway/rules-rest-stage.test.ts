import { apigwNoDataTrace } from '../../shared/rules/apigateway/apigw-no-data-trace';
import { apigwRestAccessLogging } from '../../shared/rules/apigateway/apigw-rest-access-logging';
import { apigwStageCacheEncrypted } from '../../shared/rules/apigateway/apigw-stage-cache-encrypted';
import { apigwStageClientCertificate } from '../../shared/rules/apigateway/apigw-stage-client-certificate';
import { apigwStageExecutionLogging } from '../../shared/rules/apigateway/apigw-stage-execution-logging';
import { apigwStageNoSecretsInVariables } from '../../shared/rules/apigateway/apigw-stage-no-secrets-in-variables';
import { apigwStageThrottling } from '../../shared/rules/apigateway/apigw-stage-throttling';
import { apigwStageWaf } from '../../shared/rules/apigateway/apigw-stage-waf';
import { apigwStageXray } from '../../shared/rules/apigateway/apigw-stage-xray';
import { normaliseRestStage } from '../../shared/resources/apigateway/normalise';
import { loadApiResponse } from '../helpers/fixtures';
import { expectStatus, expectUnobserved, recordedRestStage, refOf, restStage, ruleContext } from './helpers';

const METHOD_SETTINGS = 'apigateway.GetStages.rest-methodsettings.custodian.json';
const CLIENT_CERT = 'apigateway.GetStages.rest-clientcert-tracing.custodian.json';
const ref = refOf('AWS::ApiGateway::Stage', 'abcdef74gh/latest');
const ctx = ruleContext();

describe('Rule: apigw-stage-execution-logging', () => {
  it('passes when the stage-wide level is INFO (recorded stage "latest")', () => {
    const check = expectStatus(apigwStageExecutionLogging.evaluate(restStage(recordedRestStage(METHOD_SETTINGS, 'latest')), ctx, ref), 'PASS');
    expect(check.message).toContain('INFO');
    expect(check.evidence).toHaveLength(1);
  });
  it('fails when methodSettings are empty (recorded stage "noop")', () => {
    const check = expectStatus(apigwStageExecutionLogging.evaluate(restStage(recordedRestStage(METHOD_SETTINGS, 'noop')), ctx, ref), 'FAIL');
    expect(check.evidence[0]).toMatchObject({ field: 'methodSettings["*/*"].loggingLevel', value: null });
  });
  it('fails when the stage-wide level is OFF', () => {
    const raw = recordedRestStage(METHOD_SETTINGS, 'latest');
    raw.methodSettings['*/*'].loggingLevel = 'OFF';
    expect(apigwStageExecutionLogging.evaluate(restStage(raw), ctx, ref).message).toMatch(/logging level is OFF/);
  });
  it('fails when only a method override exists (recorded stage "prod" has mytestresource/GET only)', () => {
    expectStatus(apigwStageExecutionLogging.evaluate(restStage(recordedRestStage(CLIENT_CERT, 'prod')), ctx, ref), 'FAIL');
  });
  it('fails when a method override turns logging OFF', () => {
    const raw = recordedRestStage(METHOD_SETTINGS, 'latest');
    raw.methodSettings['pets/GET'] = { ...raw.methodSettings['*/*'], loggingLevel: 'OFF' };
    const check = expectStatus(apigwStageExecutionLogging.evaluate(restStage(raw), ctx, ref), 'FAIL');
    expect(check.evidence[0].value).toEqual(['pets/GET']);
  });
  it('honours the loggingLevel parameter', () => {
    const stage = restStage(recordedRestStage(METHOD_SETTINGS, 'latest'));
    expectStatus(apigwStageExecutionLogging.evaluate(stage, ruleContext({ apigwLoggingLevel: 'ERROR' }), ref), 'FAIL');
    expectStatus(apigwStageExecutionLogging.evaluate(stage, ruleContext({ apigwLoggingLevel: 'INFO' }), ref), 'PASS');
  });
  it('passes with a note when the account has no CloudWatch Logs role', () => {
    const stage = restStage(recordedRestStage(METHOD_SETTINGS, 'latest'), 'abcdef74gh', { account: { cloudwatchRoleArn: null } });
    const check = expectStatus(apigwStageExecutionLogging.evaluate(stage, ctx, ref), 'PASS');
    expect(check.evidence.map((e) => e.field)).toContain('account.cloudwatchRoleArn');
  });
});

describe('Rule: apigw-stage-client-certificate', () => {
  it('passes with the recorded certificate 3kxqri', () => {
    const check = expectStatus(apigwStageClientCertificate.evaluate(restStage(recordedRestStage(CLIENT_CERT, 'dev')), ctx, ref), 'PASS');
    expect(check.evidence[0].value).toBe('3kxqri');
  });
  it('fails for the recorded stage without a certificate', () => {
    expectStatus(apigwStageClientCertificate.evaluate(restStage(recordedRestStage(CLIENT_CERT, 'prod')), ctx, ref), 'FAIL');
  });
});

describe('Rule: apigw-stage-xray', () => {
  it('fails when tracing is off (recorded)', () => {
    expectStatus(apigwStageXray.evaluate(restStage(recordedRestStage(CLIENT_CERT, 'dev')), ctx, ref), 'FAIL');
  });
  it('passes when tracing is on', () => {
    const raw = recordedRestStage(CLIENT_CERT, 'dev');
    raw.tracingEnabled = true;
    expectStatus(apigwStageXray.evaluate(restStage(raw), ctx, ref), 'PASS');
  });
});

describe('Rule: apigw-stage-waf', () => {
  it('passes for the recorded stage with a WAFv2 web ACL', () => {
    const raw = loadApiResponse('apigateway.GetStage.rest-webacl.custodian.json');
    expect(expectStatus(apigwStageWaf.evaluate(restStage(raw), ctx, ref), 'PASS').message).toContain('webacl/test');
  });
  it('fails without a web ACL', () => {
    expectStatus(apigwStageWaf.evaluate(restStage(recordedRestStage(METHOD_SETTINGS, 'latest')), ctx, ref), 'FAIL');
  });
  it('passes when only the WAFv2 cross-check found an association', () => {
    const stage = normaliseRestStage('abcdef74gh', recordedRestStage(METHOD_SETTINGS, 'latest'), { webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/x/1' });
    expectStatus(apigwStageWaf.evaluate(stage, ctx, ref), 'PASS');
  });
});

describe('Rule: apigw-stage-cache-encrypted', () => {
  it('is not applicable when no method caches (recorded)', () => {
    expectStatus(apigwStageCacheEncrypted.evaluate(restStage(recordedRestStage(METHOD_SETTINGS, 'latest')), ctx, ref), 'NOT_APPLICABLE');
  });
  it('fails when caching is on without encryption', () => {
    const raw = recordedRestStage(METHOD_SETTINGS, 'latest');
    raw.methodSettings['*/*'].cachingEnabled = true;
    const check = expectStatus(apigwStageCacheEncrypted.evaluate(restStage(raw), ctx, ref), 'FAIL');
    expect(check.evidence[0].field).toBe('methodSettings["*/*"].cacheDataEncrypted');
  });
  it('fails when one of two caching entries is not encrypted', () => {
    const raw = recordedRestStage(METHOD_SETTINGS, 'latest');
    raw.methodSettings['*/*'] = { ...raw.methodSettings['*/*'], cachingEnabled: true, cacheDataEncrypted: true };
    raw.methodSettings['pets/GET'] = { cachingEnabled: true };
    expect(expectStatus(apigwStageCacheEncrypted.evaluate(restStage(raw), ctx, ref), 'FAIL').message).toContain('pets/GET');
  });
  it('passes when every caching entry encrypts', () => {
    const raw = recordedRestStage(METHOD_SETTINGS, 'latest');
    raw.methodSettings['*/*'] = { ...raw.methodSettings['*/*'], cachingEnabled: true, cacheDataEncrypted: true };
    expectStatus(apigwStageCacheEncrypted.evaluate(restStage(raw), ctx, ref), 'PASS');
  });
});

describe('Rule: apigw-no-data-trace', () => {
  it('fails for the recorded stage with dataTraceEnabled on */*', () => {
    expectStatus(apigwNoDataTrace.evaluate(restStage(recordedRestStage(METHOD_SETTINGS, 'latest')), ctx, ref), 'FAIL');
  });
  it('passes when no entry traces data (recorded stage "dev")', () => {
    expectStatus(apigwNoDataTrace.evaluate(restStage(recordedRestStage(CLIENT_CERT, 'dev')), ctx, ref), 'PASS');
  });
  it('fails when only a method override traces data', () => {
    const raw = recordedRestStage(CLIENT_CERT, 'dev');
    raw.methodSettings['login/POST'] = { dataTraceEnabled: true };
    expect(expectStatus(apigwNoDataTrace.evaluate(restStage(raw), ctx, ref), 'FAIL').message).toContain('login/POST');
  });
});

describe('Rule: apigw-rest-access-logging', () => {
  it('passes with the recorded access log settings (UpdateStage response)', () => {
    const raw = loadApiResponse('apigateway.UpdateStage.access-log-settings.localstack-snapshot.json');
    expectStatus(apigwRestAccessLogging.evaluate(restStage(raw), ctx, ref), 'PASS');
  });
  it('fails without access log settings', () => {
    expectStatus(apigwRestAccessLogging.evaluate(restStage(recordedRestStage(METHOD_SETTINGS, 'latest')), ctx, ref), 'FAIL');
  });
});

describe('Rule: apigw-stage-throttling', () => {
  it('passes with the recorded stage-wide limits', () => {
    expectStatus(apigwStageThrottling.evaluate(restStage(recordedRestStage(METHOD_SETTINGS, 'latest')), ctx, ref), 'PASS');
  });
  it('fails above a configured ceiling', () => {
    const check = apigwStageThrottling.evaluate(restStage(recordedRestStage(METHOD_SETTINGS, 'latest')), ruleContext({ apigwMaxThrottlingRateLimit: 500 }), ref);
    expect(expectStatus(check, 'FAIL').message).toMatch(/rate limit 1000 is above the ceiling 500/);
  });
  it('fails when limits are unset (-1 on the override only) and no usage plan covers the stage', () => {
    expectStatus(apigwStageThrottling.evaluate(restStage(recordedRestStage(CLIENT_CERT, 'prod')), ctx, ref), 'FAIL');
  });
  it('passes when a usage plan covers an unthrottled stage', () => {
    const stage = restStage(recordedRestStage(CLIENT_CERT, 'prod'), 'abcdef74gh', { usagePlans: [{ id: 'up1', name: 'gold', rateLimit: 10, burstLimit: 5 }] });
    expectStatus(apigwStageThrottling.evaluate(stage, ctx, ref), 'PASS');
  });
  it('is an ERROR, never a PASS, when limits are unset and usage plans are unknown (Config)', () => {
    const stage = normaliseRestStage('abcdef74gh', recordedRestStage(CLIENT_CERT, 'prod'));
    expectUnobserved(apigwStageThrottling, stage, ctx, ref, /usage plans not available/);
  });
});

describe('Rule: apigw-stage-no-secrets-in-variables', () => {
  it('passes for the recorded stage with no variables', () => {
    expectStatus(apigwStageNoSecretsInVariables.evaluate(restStage(recordedRestStage(METHOD_SETTINGS, 'latest')), ctx, ref), 'PASS');
  });
  it('passes for non-secret variables', () => {
    const raw = recordedRestStage(METHOD_SETTINGS, 'latest');
    raw.variables = { backendHost: 'api.internal.example.com', lambdaAlias: 'live' };
    expect(expectStatus(apigwStageNoSecretsInVariables.evaluate(restStage(raw), ctx, ref), 'PASS').evidence[0].value).toEqual(['backendHost', 'lambdaAlias']);
  });
  it('fails on a secret-looking variable and never carries its value', () => {
    const raw = recordedRestStage(METHOD_SETTINGS, 'latest');
    const secretValue = 'AKIA' + 'ABCDEFGHIJKLMNOP';
    raw.variables = { backendHost: 'api.internal.example.com', awsKey: secretValue, dbPassword: 'correct-horse-battery' };
    const stage = restStage(raw);
    const check = expectStatus(apigwStageNoSecretsInVariables.evaluate(stage, ctx, ref), 'FAIL');
    expect(check.evidence.map((e) => e.field).sort()).toEqual(['variables.awsKey', 'variables.dbPassword']);
    const everything = JSON.stringify({ stage, check });
    expect(everything).not.toContain(secretValue);
    expect(everything).not.toContain('correct-horse-battery');
  });
});
