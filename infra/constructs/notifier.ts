import { Duration, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FindingsTable } from './findings-table';
import { deadLetterQueue } from './health';
import { VigilFunction } from './vigil-function';

export interface NotifierProps {
  readonly table: FindingsTable;
  readonly topic: sns.ITopic;
  readonly key: kms.IKey;
  readonly logRetention: logs.RetentionDays;
}

/** Reads the findings stream (old and new image) and publishes one alert per finding transition. */
export class Notifier extends Construct {
  readonly notifier: VigilFunction;
  /** Stream batches that still fail after the retries (their shard positions; the records are in the table). */
  readonly failureQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: NotifierProps) {
    super(scope, id);
    this.failureQueue = deadLetterQueue(this, 'FailureQueue', props.key, 'the on-failure destination of the findings stream event source');

    this.notifier = new VigilFunction(this, 'Notify', {
      entry: 'notify.ts',
      description: 'Vigil notifier: publishes an alert to the alerts topic for each finding transition on the findings stream',
      serviceName: 'vigil-notify',
      timeout: Duration.seconds(30),
      memorySize: 256,
      logRetention: props.logRetention,
      environment: { ALERT_TOPIC_ARN: props.topic.topicArn },
    });
    const fn = this.notifier.function;
    fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        retryAttempts: 3,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        onFailure: this.failureDestination(),
      }),
    );
    // Publishing to a topic encrypted with the CMK needs a data key (SNS calls KMS with the publisher's rights).
    fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'PublishAlerts', actions: ['sns:Publish'], resources: [props.topic.topicArn] }));
    fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'EncryptAlertsAndFailures', actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [props.key.keyArn] }));
    Validations.of(this.notifier.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Only dynamodb:ListStreams, added by the DynamoDB event source: ListStreams does not support resource-level permissions. Stream reads themselves are scoped to the findings table stream ARN.',
    });
  }

  /**
   * The SQS on-failure destination with only the rights it needs (SqsDlq would grant kms:GenerateDataKey*, kms:ReEncrypt*
   * and kms:Encrypt through grantSendMessages): send to this one queue; the key statement is added once, above.
   */
  private failureDestination(): lambda.IEventSourceDlq {
    const queue = this.failureQueue;
    return {
      bind: (_mapping, handler) => {
        handler.addToRolePolicy(new iam.PolicyStatement({ sid: 'SendStreamFailures', actions: ['sqs:SendMessage'], resources: [queue.queueArn] }));
        return { destination: queue.queueArn };
      },
    };
  }
}
