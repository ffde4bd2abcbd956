import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { VigilFunction } from './vigil-function';

/**
 * EventBridge's own retry policy for a target it cannot reach, stated explicitly (these are the service's defaults: 185
 * attempts within 24 hours, https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html); after
 * them the event goes to the target's dead-letter queue instead of being dropped.
 */
export const TARGET_RETRY_ATTEMPTS = 185;
export const TARGET_MAX_EVENT_AGE = Duration.hours(24);

/** Name of one of Vigil's alarms: fixed, so the health rule (and `vigil doctor`) can name it before it exists. */
export const alarmNameFor = (stackName: string, purpose: string): string => `${stackName}-${purpose}`;

/** An encrypted queue that holds what could not be delivered or processed (nothing consumes it automatically). */
export const deadLetterQueue = (scope: Construct, id: string, key: kms.IKey, holds: string): sqs.Queue => {
  const queue = new sqs.Queue(scope, id, {
    encryption: sqs.QueueEncryption.KMS,
    encryptionMasterKey: key,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: `This queue is itself a dead-letter queue (${holds}); nothing consumes it automatically, so a DLQ of it would never be used. Its alarm alerts on any message.`,
  });
  return queue;
};

/**
 * An alarm that fires as soon as `queue` holds a message. SQS publishes its metrics every minute
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/monitoring-using-cloudwatch.html); a
 * 5-minute maximum catches one message without flapping. Its state changes reach the alerts topic through HealthAlerts.
 */
export const queueNotEmptyAlarm = (scope: Construct, id: string, queue: sqs.IQueue, purpose: string, description: string): cloudwatch.Alarm =>
  new cloudwatch.Alarm(scope, id, {
    alarmName: alarmNameFor(Stack.of(scope).stackName, purpose),
    alarmDescription: description,
    metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });

/** The "CloudWatch Alarm State Change" events of these alarms (CloudWatch guarantees their delivery to EventBridge). */
export const alarmStateChangePattern = (alarmNames: readonly string[]): events.EventPattern => ({
  source: ['aws.cloudwatch'],
  detailType: ['CloudWatch Alarm State Change'],
  detail: { alarmName: [...alarmNames] },
});

export interface HealthAlertsProps {
  readonly topic: sns.ITopic;
  readonly key: kms.IKey;
  readonly logRetention: logs.RetentionDays;
  /** Every alarm of Vigil whose state changes become alerts (this stack's and the forwarder's). */
  readonly alarmNames: readonly string[];
}

/**
 * Vigil's health is an alert too: each state change of Vigil's alarms (dead-letter queues holding messages, …) is relayed
 * to the alerts topic with the attributes subscriptions filter on (see shared/alerts/health.ts for why alarm actions on
 * the topic would not reach a filtered email subscription).
 */
export class HealthAlerts extends Construct {
  readonly relay: VigilFunction;
  readonly rule: events.Rule;
  readonly deadLetterQueue: sqs.Queue;
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: HealthAlertsProps) {
    super(scope, id);
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetterQueue', props.key, 'health alarm events that could not be relayed to the alerts topic');
    this.relay = new VigilFunction(this, 'Relay', {
      entry: 'health-alert.ts',
      description: "Vigil health: relays state changes of Vigil's own alarms to the alerts topic",
      serviceName: 'vigil-health',
      timeout: Duration.seconds(30),
      memorySize: 256,
      logRetention: props.logRetention,
      environment: { ALERT_TOPIC_ARN: props.topic.topicArn },
    });
    const fn = this.relay.function;
    // Lambda retries an asynchronous invocation twice, then sends the event here (its async dead-letter queue).
    fn.configureAsyncInvoke({ retryAttempts: 2 });
    fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'PublishHealthAlerts', actions: ['sns:Publish'], resources: [props.topic.topicArn] }));
    fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'EncryptAlertsAndFailures', actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [props.key.keyArn] }));
    fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'KeepFailedRelays', actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }));
    (fn.node.defaultChild as lambda.CfnFunction).deadLetterConfig = { targetArn: this.deadLetterQueue.queueArn };

    const ownAlarm = 'HealthRelayFailures';
    this.rule = new events.Rule(this, 'AlarmStateChanges', {
      description: "Vigil health: state changes of Vigil's alarms, relayed to the alerts topic",
      eventPattern: alarmStateChangePattern([...props.alarmNames, alarmNameFor(Stack.of(this).stackName, ownAlarm)]),
      targets: [new targets.LambdaFunction(fn, { deadLetterQueue: this.deadLetterQueue, retryAttempts: TARGET_RETRY_ATTEMPTS, maxEventAge: TARGET_MAX_EVENT_AGE })],
    });
    this.alarm = queueNotEmptyAlarm(
      this,
      'DeadLetterAlarm',
      this.deadLetterQueue,
      ownAlarm,
      'Health alarm events could not be relayed to the alerts topic: look at the vigil-health function logs, then receive the messages from the health dead-letter queue.',
    );
  }
}
