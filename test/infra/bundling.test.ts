import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { PROJECT_ROOT } from '../../infra/constructs/vigil-function';
import { buildVigilApp } from '../../infra/vigil-app';
import { sampleFamilies, testApp } from './helpers';

/** Lambda bundles stay small: the SDK is provided by the runtime, zod comes from zod/mini. */
const MAX_BUNDLE_BYTES = 500 * 1024;

// The one test that really bundles (esbuild, locally, no Docker): slow-ish, so only the s3 evaluator, the s3 sweep and the notifier.
describe('NodejsFunction bundling with the local esbuild', () => {
  it('bundles each entry into a small CJS file that loads in Node and exports handler', () => {
    const app = testApp({}, { bundle: true });
    const { central } = buildVigilApp(app, sampleFamilies().filter((f) => f.name === 's3'));
    const template = Template.fromStack(central); // synthesises: runs esbuild
    template.resourceCountIs('AWS::Lambda::Function', 4); // evaluator, sweep, notifier, health relay

    const outdir = app.outdir;
    const assets = readdirSync(outdir).filter((name) => name.startsWith('asset.') && statSync(join(outdir, name)).isDirectory());
    expect(assets).toHaveLength(4);
    for (const asset of assets) {
      const bundle = join(outdir, asset, 'index.js');
      const size = statSync(bundle).size;
      expect(size).toBeGreaterThan(1000);
      expect(size).toBeLessThan(MAX_BUNDLE_BYTES);
      expect(statSync(`${bundle}.map`).size).toBeGreaterThan(0);
      // Load it the way Lambda does (CJS require at cold start); the SDK, external in the bundle, comes from node_modules.
      const loaded = execFileSync(process.execPath, ['-e', `process.stdout.write(typeof require(${JSON.stringify(bundle)}).handler)`], {
        env: {
          PATH: process.env.PATH,
          NODE_PATH: join(PROJECT_ROOT, 'node_modules'),
          AWS_REGION: 'eu-west-1',
          FINDINGS_TABLE: 'vigil-findings',
          ALERT_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:vigil-alerts',
          TRUSTED_ACCOUNT_IDS: '',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
        encoding: 'utf8',
      });
      expect({ asset, loaded }).toEqual({ asset, loaded: 'function' });
    }
    // Class names survive minification (keepNames): Vigil's errors are logged by name, e.g. CollectError.
    expect(assets.some((asset) => readFileSync(join(outdir, asset, 'index.js'), 'utf8').includes('"CollectError"'))).toBe(true);
  });
});
