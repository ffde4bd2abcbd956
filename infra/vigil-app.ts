import { Annotations, type App } from 'aws-cdk-lib';
import { ALL_FAMILIES, type FamilyDefinition } from '../shared/families';
import { readSettings, type VigilSettings } from './context';
import { globalEventPatterns, globalEventsRegionFor, globalTriggerRows, IamForwarderStack } from './stacks/iam-forwarder-stack';
import { VigilStack } from './stacks/vigil-stack';

export interface VigilApp {
  readonly settings: VigilSettings;
  readonly central: VigilStack;
  /** Present when the home Region is not us-east-1 and some family has global (IAM) triggers. */
  readonly forwarder?: IamForwarderStack;
}

/** Builds Vigil's stacks into `app` from its context. infra/app.ts adds cdk-nag on top. */
export const buildVigilApp = (app: App, families: readonly FamilyDefinition[] = ALL_FAMILIES): VigilApp => {
  const settings = readSettings(app.node);
  const env = settings.region || settings.account ? { region: settings.region, account: settings.account } : undefined;
  const central = new VigilStack(app, 'Vigil', {
    env,
    settings,
    families,
    description: 'Vigil: event-driven continuous compliance monitor (findings table, alerts topic, evaluators, notifier)',
  });

  const rows = globalTriggerRows(families.filter((f) => f.triggers.length > 0));
  if (rows.length === 0) return { settings, central };
  if (!settings.region) {
    Annotations.of(central).addInfo(
      'IAM change events reach EventBridge only in us-east-1. Deploy there, or pass -c region=<home Region> to add the VigilIamForwarder stack.',
    );
    return { settings, central };
  }
  const globalRegion = globalEventsRegionFor(settings.region);
  if (settings.region === globalRegion) return { settings, central };
  const forwarder = new IamForwarderStack(app, 'VigilIamForwarder', {
    env: { region: globalRegion, account: settings.account },
    homeRegion: settings.region,
    rows,
    patterns: globalEventPatterns(families),
    description: `Vigil: forwards IAM change events from ${globalRegion} to ${settings.region}`,
  });
  forwarder.addStackDependency(central, 'the home Region rule should exist before events are forwarded to it');
  return { settings, central, forwarder };
};
