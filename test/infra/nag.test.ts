import { Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
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
    ['sample families, sweeps on a custom schedule without reserved concurrency', { sweepSchedule: 'rate(12 hours)', reserveConcurrency: 'false' }, sampleFamilies()],
    ['a family swept but without triggers (no evaluator queue)', {}, [{ ...sampleFamilies()[0], triggers: [] }]],
    ['the catalogue families without sweeps', { sweep: 'false' }, ALL_FAMILIES],
  ])('finds nothing unacknowledged: %s', (_name, context, families) => {
    let vigil: ReturnType<typeof buildVigilApp> | undefined;
    expect(synthWithNag(context, families, (v) => (vigil = v))).not.toThrow();
    // The checked app includes the sweeps (one per family with rules) unless sweep=false.
    const swept = (context as Record<string, unknown>).sweep === 'false' ? [] : families.filter((f) => f.rules.length > 0);
    expect([...vigil!.central.sweeps.keys()].sort()).toEqual(swept.map((f) => f.name).sort());
  });

  it('checks the sweeps: an unacknowledged wildcard added to a sweep role is reported', () => {
    const synth = synthWithNag({}, sampleFamilies(), ({ central }) =>
      central.sweeps.get('s3')!.sweep.function.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:Get*'], resources: ['arn:aws:s3:::some-bucket'] })),
    );
    let message = '';
    try {
      synth();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/AwsSolutions-IAM5\[Action::s3:Get\*\]/);
    expect(message).toMatch(/Vigil\/Sweep-s3\/Sweep\/Role/);
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
    expect(message).not.toMatch(/Vigil\/Family-|Vigil\/Sweep/); // the real resources stay clean
  });
});
