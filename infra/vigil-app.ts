import { Annotations, type App } from 'aws-cdk-lib';
import { ALL_FAMILIES, type FamilyDefinition } from '../shared/families';
import { readSettings, type VigilSettings } from './context';
import { FORWARDER_STACK_NAME, forwarderAlarmName, globalEventPatterns, globalEventsRegionFor, globalTriggerRows, IamForwarderStack } from './stacks/iam-forwarder-stack';
import { VigilStack } from './stacks/vigil-stack';

export interface VigilApp {
  readonly settings: VigilSettings;
  readonly central: VigilStack;
  /** Present when the home Region is not us-east-1 and some family has global (IAM) triggers. */
  readonly forwarder?: IamForwarderStack;
}

/**
 * The deployment's account and Region: `-c account` / `-c region`, else the CDK CLI's environment. `cdk deploy` (and a
 * `cdk synth` with AWS configuration) sets CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION from the profile
 * (https://docs.aws.amazon.com/cdk/v2/guide/configure-env.html); with no credentials there is no account, and the CLI's
 * Region is then only its us-east-1 fallback, so both are ignored and the stacks stay environment-agnostic.
 */
export const resolveEnvironment = (
  settings: VigilSettings,
  env: Readonly<Record<string, string | undefined>> = process.env,
): { settings: VigilSettings; from: 'context' | 'cli-environment' | 'none' } => {
  if (settings.region) return { settings, from: 'context' };
  const account = settings.account ?? env.CDK_DEFAULT_ACCOUNT;
  const region = env.CDK_DEFAULT_REGION;
  if (!env.CDK_DEFAULT_ACCOUNT || !region) return { settings, from: settings.account ? 'context' : 'none' };
  return { settings: { ...settings, account, region }, from: 'cli-environment' };
};

/** Builds Vigil's stacks into `app` from its context. infra/app.ts adds cdk-nag on top. */
export const buildVigilApp = (
  app: App,
  families: readonly FamilyDefinition[] = ALL_FAMILIES,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): VigilApp => {
  const { settings, from } = resolveEnvironment(readSettings(app.node), environment);
  const env = settings.region || settings.account ? { region: settings.region, account: settings.account } : undefined;
  const rows = globalTriggerRows(families.filter((f) => f.triggers.length > 0));
  const globalRegion = settings.region ? globalEventsRegionFor(settings.region) : undefined;
  const needsForwarder = rows.length > 0 && settings.region !== undefined && settings.region !== globalRegion;

  const central = new VigilStack(app, 'Vigil', {
    env,
    settings,
    families,
    externalAlarmNames: needsForwarder ? [forwarderAlarmName()] : [],
    description: 'Vigil: event-driven continuous compliance monitor (findings table, alerts topic, evaluators, notifier)',
  });

  if (rows.length === 0) return { settings, central };
  if (!settings.region || !globalRegion) {
    Annotations.of(central).addWarning(
      'No Region known (no -c region, and no AWS account in the CDK environment): the stacks are environment-agnostic and no IAM forwarder is synthesized. ' +
        'IAM change events reach EventBridge only in us-east-1: deploy with AWS credentials (cdk deploy sets CDK_DEFAULT_REGION), or pass -c region=<home Region>.',
    );
    return { settings, central };
  }
  if (from === 'cli-environment') Annotations.of(central).addInfo(`Home Region ${settings.region} and account ${settings.account} taken from the CDK CLI environment.`);
  if (!needsForwarder) return { settings, central };
  const forwarder = new IamForwarderStack(app, FORWARDER_STACK_NAME, {
    env: { region: globalRegion, account: settings.account },
    homeRegion: settings.region,
    rows,
    patterns: globalEventPatterns(families),
    description: `Vigil: forwards IAM change events from ${globalRegion} to ${settings.region}`,
  });
  forwarder.addStackDependency(central, 'the home Region rule should exist before events are forwarded to it');
  return { settings, central, forwarder };
};
