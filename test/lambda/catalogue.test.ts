import { lambdaFamily } from '../../shared/families/lambda';
import { lambdaRules } from '../../shared/rules/lambda';
import { readFileSync } from 'node:fs';
import { catalogueAvailable, catalogueRows, checkMetadata, CONTROLS_MD, repoPath, ruleFiles } from '../dynamodb/catalogue-helpers';

/** Catalogue §5.1, §5.3 and the Lambda rows of §8.1/§8.4/§8.5, pinned: severity, SH, FSBP, Prowler, resource type, trigger. */
const PINNED: Record<string, [string, string[], boolean, string[], string, string]> = {
  'lambda-function-not-public': ['CRITICAL', ['Lambda.1'], true, ['awslambda_function_not_publicly_accessible'], 'AWS::Lambda::Function', 'E'],
  'lambda-supported-runtime': ['MEDIUM', ['Lambda.2'], true, ['awslambda_function_using_supported_runtimes'], 'AWS::Lambda::Function', 'E+P'],
  'lambda-in-vpc': ['LOW', ['Lambda.3'], false, ['awslambda_function_inside_vpc'], 'AWS::Lambda::Function', 'E'],
  'lambda-vpc-multi-az': ['MEDIUM', ['Lambda.5'], true, ['awslambda_function_vpc_multi_az'], 'AWS::Lambda::Function', 'E'],
  'lambda-function-tagged': ['LOW', ['Lambda.6'], false, [], 'AWS::Lambda::Function', 'E'],
  'lambda-xray-active': ['LOW', ['Lambda.7'], false, [], 'AWS::Lambda::Function', 'E'],
  'lambda-function-url-auth': ['HIGH', [], false, ['awslambda_function_url_public'], 'AWS::Lambda::Function', 'E'],
  'lambda-function-url-cors': ['MEDIUM', [], false, ['awslambda_function_url_cors_policy'], 'AWS::Lambda::Function', 'E'],
  'lambda-no-secrets-in-env': ['CRITICAL', [], false, ['awslambda_function_no_secrets_in_variables'], 'AWS::Lambda::Function', 'E'],
  'lambda-no-secrets-in-code': ['CRITICAL', [], false, ['awslambda_function_no_secrets_in_code'], 'AWS::Lambda::Function', 'E'],
  'lambda-layer-no-secrets': ['HIGH', [], false, ['awslambda_layer_no_secrets_in_content'], 'AWS::Lambda::LayerVersion', 'E'],
  'lambda-no-cross-account-layers': ['HIGH', [], false, ['awslambda_function_using_cross_account_layers'], 'AWS::Lambda::Function', 'E'],
  'lambda-env-vars-cmk': ['MEDIUM', [], false, ['awslambda_function_env_vars_not_encrypted_with_cmk'], 'AWS::Lambda::Function', 'E'],
  'lambda-async-failure-handling': ['MEDIUM', [], false, ['awslambda_function_no_dead_letter_queue'], 'AWS::Lambda::Function', 'E'],
  'lambda-invoke-data-events-logged': ['LOW', [], false, ['awslambda_function_invoke_api_operations_cloudtrail_logging_enabled'], 'AWS::Lambda::Function', 'E*'],
  // §8 extras: severity "ours" (log retention has none in the catalogue: MEDIUM chosen), no anchors.
  'lambda-exec-role-least-privilege': ['HIGH', [], false, [], 'AWS::Lambda::Function', 'E'],
  'lambda-log-retention': ['MEDIUM', [], false, [], 'AWS::Lambda::Function', 'E'],
  'lambda-vpc-sg-no-ingress': ['LOW', [], false, [], 'AWS::Lambda::Function', 'E'],
};

const reportedType = (kind: string) => lambdaFamily.kinds.find((k) => k.kind === kind)?.reportedType;
const metaOf = (id: string) => {
  const rule = lambdaRules.find((r) => r.id === id)!;
  return { id, severity: rule.severity, sh: rule.anchors.securityHub ?? [], fsbp: rule.anchors.fsbp ?? false, prowler: rule.anchors.prowler ?? [], type: reportedType(rule.kind), trigger: rule.trigger };
};

describe('lambda rule catalogue', () => {
  it('has every pinned id exactly once, with its severity, anchors, resource type and trigger', () => {
    const ids = lambdaRules.map((r) => r.id);
    expect([...ids].sort()).toEqual(Object.keys(PINNED).sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const [id, [severity, sh, fsbp, prowler, type, trigger]] of Object.entries(PINNED)) expect(metaOf(id)).toEqual({ id, severity, sh, fsbp, prowler, type, trigger });
  });

  it('matches the rows of controls.md §5.1 and §5.3 and the §8.1 severity', () => {
    expect(catalogueAvailable()).toBe(true);
    const rows = catalogueRows(['lambda-']);
    expect(rows).toHaveLength(15);
    for (const row of rows) {
      expect(metaOf(row.id)).toEqual({ id: row.id, severity: row.severity, sh: row.securityHub, fsbp: row.fsbp, prowler: row.prowler, type: row.resourceType, trigger: row.trigger });
    }
    const leastPrivilege = readFileSync(CONTROLS_MD, 'utf8').split('\n').find((l) => l.startsWith('| `lambda-exec-role-least-privilege` |'))!;
    expect(leastPrivilege.split('|').map((c) => c.trim())[3]!.toUpperCase()).toBe(metaOf('lambda-exec-role-least-privilege').severity);
  });

  it('names each rule file after its id, and every file is in the index', () => {
    expect(ruleFiles(repoPath('shared', 'rules', 'lambda'), ['helpers.ts', 'runtimes.ts'])).toEqual(lambdaRules.map((r) => r.id).sort());
  });

  it('gives every rule complete metadata and a kind of the family with a collector', () => {
    for (const rule of lambdaRules) {
      expect({ id: rule.id, problems: checkMetadata(rule) }).toEqual({ id: rule.id, problems: [] });
      expect(Object.keys(lambdaFamily.collectors)).toContain(rule.kind);
    }
  });

  it('wires the family: triggers name its kinds; the function kind has a Config normaliser', () => {
    expect(lambdaFamily.rules).toBe(lambdaRules);
    for (const row of lambdaFamily.triggers) expect(lambdaFamily.kinds.map((k) => k.kind)).toContain(row.kind);
    expect(lambdaFamily.configNormalisers.map((n) => n.configType)).toEqual(['AWS::Lambda::Function']);
    expect(lambdaFamily.extraReadActions).toContain('lambda:ListFunctions');
  });
});
