import { CODE_READ_ACTIONS } from '../../resources/lambda/reads';
import { LAMBDA_LAYER_VERSION_KIND, type LambdaLayerVersionSnapshot } from '../../resources/lambda/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';

export const lambdaLayerNoSecrets = defineRule<LambdaLayerVersionSnapshot>({
  id: 'lambda-layer-no-secrets',
  title: 'Lambda layer content contains no secrets',
  severity: 'HIGH',
  kind: LAMBDA_LAYER_VERSION_KIND,
  anchors: { prowler: ['awslambda_layer_no_secrets_in_content'] },
  trigger: 'E',
  reads: [CODE_READ_ACTIONS.getLayerVersion],
  remediation: {
    text: 'Publish a new layer version without the secret, move functions to it, delete the old version, and rotate the exposed value.',
    cli: 'aws lambda publish-layer-version --layer-name <layer> --zip-file fileb://layer-without-secrets.zip && aws lambda delete-layer-version --layer-name <layer> --version-number <old>',
  },
  rationale: 'Layer versions are immutable and often shared across functions and accounts: a secret in one spreads to every user of the layer.',
  evaluate(layer) {
    const what = `layer ${layer.layerName}:${layer.version}`;
    if (layer.scan.state === 'skipped') return notApplicable(`${what}: content not scanned (${layer.scan.reason ?? 'skipped'})`);
    if (layer.scan.hits.length === 0) return pass(`${what}: no secrets found in ${layer.scan.filesScanned} file(s)`, [{ message: 'files scanned', field: 'scan.filesScanned', value: layer.scan.filesScanned }]);
    return fail(
      `${what}: ${layer.scan.hits.length} possible secret(s) in the layer content`,
      layer.scan.hits.map((h) => ({ message: `${h.file}:${h.line}: ${h.reason}`, field: 'scan.hits', value: { file: h.file, line: h.line, detector: h.detector, sha256Prefix: h.sha256Prefix } })),
    );
  },
});
