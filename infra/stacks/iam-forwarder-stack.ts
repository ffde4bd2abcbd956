import { Aws, Stack, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { partitionOf, toEventPatterns } from '../../shared/events';
import type { TriggerRow } from '../../shared/events/types';
import type { FamilyDefinition } from '../../shared/families/types';
import { fromJsonPattern, toRulePattern } from '../constructs/family-evaluator';

/** CloudTrail events of global services (IAM) reach EventBridge only here (in the commercial partition). */
export const GLOBAL_EVENTS_REGION = 'us-east-1';

/** Region where a partition's global-service events are delivered: us-east-1, or the partition's own for China and GovCloud. */
export const globalEventsRegionFor = (homeRegion: string): string => {
  const partition = partitionOf(homeRegion);
  return partition === 'aws-cn' ? 'cn-north-1' : partition === 'aws-us-gov' ? 'us-gov-west-1' : GLOBAL_EVENTS_REGION;
};

/**
 * Event sources of global services whose CloudTrail events EventBridge delivers only in us-east-1 (IAM above all).
 * Not the same as a kind's `global` flag, which means "one finding per account": S3 account settings or CloudTrail
 * trails are global kinds whose events arrive in the Region where the call was made.
 */
export const GLOBAL_EVENT_SOURCES: ReadonlySet<string> = new Set(['iam.amazonaws.com', 'organizations.amazonaws.com', 'cloudfront.amazonaws.com', 'route53.amazonaws.com']);

/** Trigger rows of global services (IAM): their events must be forwarded from us-east-1 to the home Region. */
export const globalTriggerRows = (families: readonly FamilyDefinition[]): TriggerRow[] =>
  families.flatMap((family) => family.triggers.filter((row) => GLOBAL_EVENT_SOURCES.has(row.eventSource)));

/** Extra patterns (detections) on console sign-ins, which are recorded in us-east-1 for the root user and most users. */
export const globalEventPatterns = (families: readonly FamilyDefinition[]): NonNullable<IamForwarderStackProps['patterns']> =>
  families.flatMap((family) =>
    (family.eventPatterns ?? []).filter((p) => ((p.pattern.detail as { eventSource?: unknown } | undefined)?.eventSource as string[] | undefined)?.includes('signin.amazonaws.com')),
  );

export interface IamForwarderStackProps extends StackProps {
  /** Region of the central stack, whose default event bus receives the forwarded events. */
  readonly homeRegion: string;
  readonly rows: readonly TriggerRow[];
  /**
   * Further patterns to forward (console sign-ins: root and most console sign-ins are recorded in us-east-1).
   * @default - none
   */
  readonly patterns?: readonly { readonly description: string; readonly pattern: Readonly<Record<string, unknown>> }[];
}

/**
 * Deployed in us-east-1 when Vigil's home Region is elsewhere: forwards the global (IAM) catalogue events to the home
 * Region's default bus, where the central stack's IAM rule matches them like local events.
 */
export class IamForwarderStack extends Stack {
  readonly rules: events.Rule[] = [];

  constructor(scope: Construct, id: string, props: IamForwarderStackProps) {
    super(scope, id, props);
    const homeBus = events.EventBus.fromEventBusArn(
      this,
      'HomeBus',
      `arn:${Aws.PARTITION}:events:${props.homeRegion}:${Aws.ACCOUNT_ID}:event-bus/default`,
    );
    const role = new iam.Role(this, 'ForwardRole', {
      description: `Vigil: lets EventBridge in ${this.region} put IAM change events on the default bus of ${props.homeRegion}`,
      assumedBy: new iam.ServicePrincipal('events.amazonaws.com').withConditions({ StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } }),
    });
    const target = new targets.EventBus(homeBus, { role });
    for (const [index, pattern] of toEventPatterns(props.rows).entries()) {
      this.rules.push(
        new events.Rule(this, `Forward${index}`, {
          description: `Vigil: forward ${pattern.detail.eventSource.join(', ')} changes to ${props.homeRegion}`,
          eventPattern: toRulePattern(pattern),
          targets: [target],
        }),
      );
    }
    for (const [index, { description, pattern }] of (props.patterns ?? []).entries()) {
      this.rules.push(
        new events.Rule(this, `ForwardPattern${index}`, {
          description: `Vigil: forward to ${props.homeRegion}: ${description}`.slice(0, 512),
          eventPattern: fromJsonPattern(pattern),
          targets: [target],
        }),
      );
    }
  }
}
