import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { severitiesAtLeast } from '../../shared/core';
import { ALL_FAMILIES, type FamilyDefinition } from '../../shared/families';
import type { VigilSettings } from '../context';
import { FamilyEvaluator } from '../constructs/family-evaluator';
import { FamilySweep, sweptFamilies } from '../constructs/family-sweep';
import { FindingsTable } from '../constructs/findings-table';
import { deadLetterQueue, HealthAlerts, queueNotEmptyAlarm } from '../constructs/health';
import { Notifier } from '../constructs/notifier';

/** Logical id of the alerts topic: frozen, because a new topic would drop every subscription. */
export const ALERTS_TOPIC_LOGICAL_ID = 'AlertsTopic';
/** The SNS message attribute the alert filter policy matches (set by shared/alerts on every alert). */
export const SEVERITY_ATTRIBUTE = 'severity';

export interface VigilStackProps extends StackProps {
  readonly settings: VigilSettings;
  /** Alarms of other stacks (the us-east-1 forwarder) whose state changes are relayed to the alerts topic too. @default none */
  readonly externalAlarmNames?: readonly string[];
  /** Families to deploy; those with trigger rows get an evaluator, those with rules a sweep. @default ALL_FAMILIES */
  readonly families?: readonly FamilyDefinition[];
}

/**
 * The central stack: customer-managed key, findings table, alerts topic, one evaluator pipeline per family with triggers
 * (or swept), one scheduled sweep per family with rules (unless `sweep=false`) feeding that family's evaluator queue and
 * run once at the stack's creation as the first-run baseline, and the notifier on the table stream.
 */
export class VigilStack extends Stack {
  readonly key: kms.Key;
  readonly table: FindingsTable;
  readonly topic: sns.Topic;
  readonly evaluators: ReadonlyMap<string, FamilyEvaluator>;
  /** Empty when `sweep=false`. */
  readonly sweeps: ReadonlyMap<string, FamilySweep>;
  /** Scheduled sweep events EventBridge could not deliver; absent when no sweep is deployed. */
  readonly sweepDeadLetterQueue?: sqs.Queue;
  readonly notifier: Notifier;
  /** One alarm per dead-letter queue; their state changes reach the alerts topic through `health`. */
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly health: HealthAlerts;

  constructor(scope: Construct, id: string, props: VigilStackProps) {
    super(scope, id, props);
    const { settings } = props;

    this.key = new kms.Key(this, 'Key', {
      description: 'Vigil: encrypts the findings table and stream, the alerts topic and the event queues',
      enableKeyRotation: true,
    });
    this.table = new FindingsTable(this, 'FindingsTable', { encryptionKey: this.key });

    this.topic = new sns.Topic(this, 'AlertsTopic', { displayName: 'Vigil alerts', masterKey: this.key, enforceSSL: true });
    (this.topic.node.defaultChild as sns.CfnTopic).overrideLogicalId(ALERTS_TOPIC_LOGICAL_ID);
    if (settings.alertEmail) {
      this.topic.addSubscription(
        new subscriptions.EmailSubscription(settings.alertEmail, {
          filterPolicy: { [SEVERITY_ATTRIBUTE]: sns.SubscriptionFilter.stringFilter({ allowlist: severitiesAtLeast(settings.minSeverity) }) },
        }),
      );
    }

    // EventBridge writes to the CMK-encrypted queues (targets and their dead-letter queues) with its own service identity;
    // each queue's policy names the rules allowed to send.
    this.key.grant(
      new iam.ServicePrincipal('events.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': this.account } } }),
      'kms:Decrypt',
      'kms:GenerateDataKey',
    );

    const evaluators = new Map<string, FamilyEvaluator>();
    const swept = settings.sweep ? sweptFamilies(props.families ?? ALL_FAMILIES) : [];
    for (const family of props.families ?? ALL_FAMILIES) {
      // A family without trigger rows still needs its queue and evaluator when it is swept: the sweep only enqueues.
      if (family.triggers.length === 0 && !swept.includes(family)) continue;
      evaluators.set(
        family.name,
        new FamilyEvaluator(this, `Family-${family.name}`, {
          family,
          key: this.key,
          table: this.table,
          maxConcurrency: settings.maxConcurrency,
          reserveConcurrency: settings.reserveConcurrency,
          logRetention: settings.logRetentionDays,
          configEvents: settings.configEvents,
          trustedAccountIds: settings.trustedAccountIds,
          orgId: settings.orgId,
          apiRates: settings.apiRates,
        }),
      );
    }
    this.evaluators = evaluators;

    const sweeps = new Map<string, FamilySweep>();
    if (swept.length > 0) {
      this.sweepDeadLetterQueue = deadLetterQueue(this, 'SweepDeadLetterQueue', this.key, 'of the sweep schedules and first-run baselines: events EventBridge could not deliver after its retries');
      this.alarms.push(
        queueNotEmptyAlarm(
          this,
          'SweepDeadLetterAlarm',
          this.sweepDeadLetterQueue,
          'SweepDeadLetters',
          'A scheduled sweep could not be started (EventBridge could not invoke the sweep function after its retries): check the sweep functions exist and are not throttled.',
        ),
      );
      for (const family of swept) {
        sweeps.set(
          family.name,
          new FamilySweep(this, `Sweep-${family.name}`, {
            family,
            table: this.table,
            schedule: settings.sweepSchedule,
            reserveConcurrency: settings.reserveConcurrency,
            logRetention: settings.logRetentionDays,
            deadLetterQueue: this.sweepDeadLetterQueue,
            queue: evaluators.get(family.name)!.queue,
            maxConcurrency: settings.maxConcurrency,
            apiRates: settings.apiRates,
            trustedAccountIds: settings.trustedAccountIds,
            orgId: settings.orgId,
          }),
        );
      }
    }
    this.sweeps = sweeps;

    this.notifier = new Notifier(this, 'Notifier', { table: this.table, topic: this.topic, key: this.key, logRetention: settings.logRetentionDays });
    this.alarms.push(
      ...[...evaluators.values()].map((e) => e.deadLetterAlarm),
      queueNotEmptyAlarm(
        this,
        'NotifierFailureAlarm',
        this.notifier.failureQueue,
        'NotifierFailures',
        'Some finding transitions could not be published to the alerts topic after the retries: the findings are in the table (vigil findings list), ' +
          'the failed stream positions in the notifier failure queue. Read the cause in the vigil-notify logs.',
      ),
    );
    this.health = new HealthAlerts(this, 'Health', {
      topic: this.topic,
      key: this.key,
      logRetention: settings.logRetentionDays,
      alarmNames: [...this.alarms.map((a) => a.alarmName), ...(props.externalAlarmNames ?? [])],
    });

    new CfnOutput(this, 'FindingsTableName', { value: this.table.tableName, description: 'Findings table (vigil --table)' });
    new CfnOutput(this, 'AlertTopicArn', { value: this.topic.topicArn, description: 'Alerts topic: subscribe email, HTTPS or SQS endpoints here' });
  }
}
