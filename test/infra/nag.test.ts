import { Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ALL_FAMILIES } from '../../shared/families';
import type { FamilyDefinition } from '../../shared/families/types';
import { buildVigilApp } from '../../infra/vigil-app';
import { sampleFamilies, testApp } from './helpers';

/** Synthesises the app the way infra/app.ts does (cdk-nag AwsSolutions on the whole app); synth throws on any finding. */
const synthWithNag = (context: Record<string, unknown>, families: readonly FamilyDefinition[], tamper?: (v: ReturnType<typeof buildVigilApp>) => void) => {
  const app = testApp(context);
  const vigil = buildVigilApp(app, families);
  tamper?.(vigil);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return () => app.synth();
};

describe('cdk-nag AwsSolutions', () => {
  it.each([
    ['the catalogue families, env-agnostic', {}, ALL_FAMILIES],
    ['the catalogue families, eu-west-1 with an email and Config events', { region: 'eu-west-1', alertEmail: 'secops@example.com', configEvents: 'true' }, ALL_FAMILIES],
    ['sample families, eu-west-1 (central + us-east-1 forwarder)', { region: 'eu-west-1', alertEmail: 'secops@example.com', configEvents: 'true', orgId: 'o-a1b2c3d4e5' }, sampleFamilies()],
  ])('finds nothing unacknowledged: %s', (_name, context, families) => {
    expect(synthWithNag(context, families)).not.toThrow();
  });

  it('does report what it should (an unencrypted queue without DLQ or TLS policy added to the stack)', () => {
    const synth = synthWithNag({}, sampleFamilies(), ({ central }) => new sqs.Queue(central, 'Unsafe', { encryption: sqs.QueueEncryption.UNENCRYPTED }));
    let message = '';
    try {
      synth();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/AwsSolutions-SQS2/);
    expect(message).toMatch(/AwsSolutions-SQS4/);
    expect(message).toMatch(/Vigil\/Unsafe\/Resource/);
    expect(message).not.toMatch(/Vigil\/Family-/); // the real resources stay clean
  });
});
