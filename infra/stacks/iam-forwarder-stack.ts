import { Aws, Stack, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { partitionOf, toEventPatterns } from '../../shared/events';
import type { DetectionEventPattern } from '../../shared/events/triggers/detections';
import type { TriggerRow } from '../../shared/events/types';
import type { FamilyDefinition } from '../../shared/families/types';
import { fromJsonPattern, receiveReadOnlyEvents, toRulePattern } from '../constructs/family-evaluator';
import { alarmNameFor, alarmStateChangePattern, deadLetterQueue, queueNotEmptyAlarm } from '../constructs/health';

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

/**
 * Every detection pattern is forwarded too: console sign-ins (recorded in us-east-1 for the root user and most users),
 * root activity and failed calls, which for IAM, a global service, happen in us-east-1 only. A rule that must see
 * read-only events keeps that state in the forwarder as well.
 */
export const globalEventPatterns = (families: readonly FamilyDefinition[]): readonly DetectionEventPattern[] => families.flatMap((family) => family.eventPatterns ?? []);

/** Name of the forwarder stack. */
export const FORWARDER_STACK_NAME = 'VigilIamForwarder';
/** The forwarder's alarm (events it could not forward): the home stack relays its state changes to the alerts topic. */
export const FORWARDER_ALARM_PURPOSE = 'ForwardingFailures';
export const forwarderAlarmName = (stackName = FORWARDER_STACK_NAME): string => alarmNameFor(stackName, FORWARDER_ALARM_PURPOSE);

export interface IamForwarderStackProps extends StackProps {
  /** Region of the central stack, whose default event bus receives the forwarded events. */
  readonly homeRegion: string;
  readonly rows: readonly TriggerRow[];
  /**
   * Further patterns to forward (console sign-ins: root and most console sign-ins are recorded in us-east-1).
   * @default - none
   */
  readonly patterns?: readonly DetectionEventPattern[];
}

/**
 * Deployed in us-east-1 when Vigil's home Region is elsewhere: forwards the global (IAM) catalogue events to the home
 * Region's default bus, where the central stack's IAM rule matches them like local events.
 */
export class IamForwarderStack extends Stack {
  readonly rules: events.Rule[] = [];
  readonly key: kms.Key;
  /** Events EventBridge could not put on the home bus after its retries. */
  readonly deadLetterQueue: sqs.Queue;
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: IamForwarderStackProps) {
    super(scope, id, props);
    this.key = new kms.Key(this, 'Key', { description: `Vigil: encrypts the forwarder's dead-letter queue in ${this.region}`, enableKeyRotation: true });
    this.key.grant(
      new iam.ServicePrincipal('events.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } } }),
      'kms:Decrypt',
      'kms:GenerateDataKey',
    );
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetterQueue', this.key, `IAM events EventBridge could not forward to ${props.homeRegion}`);
    this.alarm = queueNotEmptyAlarm(
      this,
      'DeadLetterAlarm',
      this.deadLetterQueue,
      FORWARDER_ALARM_PURPOSE,
      `Some IAM events could not be forwarded from ${this.region} to Vigil in ${props.homeRegion} (after EventBridge's retries): they wait in the forwarder's dead-letter queue in ${this.region}. ` +
        'Check the VigilIamForwarder stack and its role; the next daily sweep re-reads the IAM resources they name.',
    );
    const homeBus = events.EventBus.fromEventBusArn(
      this,
      'HomeBus',
      `arn:${Aws.PARTITION}:events:${props.homeRegion}:${Aws.ACCOUNT_ID}:event-bus/default`,
    );
    const role = new iam.Role(this, 'ForwardRole', {
      description: `Vigil: lets EventBridge in ${this.region} put IAM change events on the default bus of ${props.homeRegion}`,
      assumedBy: new iam.ServicePrincipal('events.amazonaws.com').withConditions({ StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } }),
    });
    const target = new targets.EventBus(homeBus, { role, deadLetterQueue: this.deadLetterQueue });
    for (const [index, pattern] of toEventPatterns(props.rows).entries()) {
      this.rules.push(
        new events.Rule(this, `Forward${index}`, {
          description: `Vigil: forward ${pattern.detail.eventSource.join(', ')} changes to ${props.homeRegion}`,
          eventPattern: toRulePattern(pattern),
          targets: [target],
        }),
      );
    }
    for (const [index, { description, pattern, readOnlyEvents }] of (props.patterns ?? []).entries()) {
      const rule = new events.Rule(this, `ForwardPattern${index}`, {
        description: `Vigil: forward to ${props.homeRegion}: ${description}`.slice(0, 512),
        eventPattern: fromJsonPattern(pattern),
        targets: [target],
      });
      if (readOnlyEvents) receiveReadOnlyEvents(rule);
      this.rules.push(rule);
    }
    // The home stack turns this alarm's state changes into alerts, like its own alarms'.
    this.rules.push(
      new events.Rule(this, 'ForwardHealth', {
        description: `Vigil: forward the state changes of the forwarder's alarm to ${props.homeRegion}`,
        eventPattern: alarmStateChangePattern([forwarderAlarmName(this.stackName)]),
        targets: [target],
      }),
    );
  }
}
