import { Template } from 'aws-cdk-lib/assertions';
import { EVENT_PATTERN_MAX_CHARS, patternSize } from '../../shared/events';
import { ALL_FAMILIES } from '../../shared/families';
import { buildVigilApp } from '../../infra/vigil-app';
import { resourcesOf, testApp } from './helpers';

/** The three ways the README deploys: default context, a home Region from the CLI environment, Config events on. */
const variants: [string, Record<string, unknown>, Record<string, string>][] = [
  ['default context', {}, {}],
  ['CDK_DEFAULT_REGION=eu-west-1 with an account', {}, { CDK_DEFAULT_REGION: 'eu-west-1', CDK_DEFAULT_ACCOUNT: '123456789012' }],
  ['-c configEvents=true', { configEvents: 'true', region: 'eu-west-1' }, {}],
];

describe.each(variants)('event delivery and health, %s', (_name, context, environment) => {
  const { central, forwarder } = buildVigilApp(testApp(context), ALL_FAMILIES, environment);
  const templates = [Template.fromStack(central), ...(forwarder ? [Template.fromStack(forwarder)] : [])];

  it('gives every EventBridge target a dead-letter queue (and SQS and Lambda targets a retry policy)', () => {
    for (const template of templates) {
      for (const [id, rule] of Object.entries(resourcesOf(template, 'AWS::Events::Rule'))) {
        for (const target of rule.Properties!.Targets) {
          expect({ id, dlq: target.DeadLetterConfig?.Arn !== undefined }).toEqual({ id, dlq: true });
          if (!JSON.stringify(target.Arn).includes('event-bus')) expect(target.RetryPolicy).toBeDefined();
        }
      }
    }
  });

  it('keeps every event pattern within the 2,048-character quota and on AWS sources', () => {
    for (const template of templates) {
      for (const rule of Object.values(resourcesOf(template, 'AWS::Events::Rule'))) {
        const pattern = rule.Properties!.EventPattern;
        if (!pattern) continue; // schedules
        expect(patternSize(pattern)).toBeLessThanOrEqual(EVENT_PATTERN_MAX_CHARS);
        expect(JSON.stringify(pattern.source)).toMatch(/^\[(\{"prefix":"aws\."\}|"aws\.[a-z-]+")\]$/);
      }
    }
  });

  it('alarms on every dead-letter queue, and relays every alarm to the alerts topic', () => {
    const template = templates[0];
    const queues = resourcesOf(template, 'AWS::SQS::Queue');
    const alarms = Object.entries(resourcesOf(template, 'AWS::CloudWatch::Alarm'));
    const healthRule = Object.values(resourcesOf(template, 'AWS::Events::Rule')).find((r) => JSON.stringify(r.Properties!.EventPattern?.source) === '["aws.cloudwatch"]')!;
    const relayed = JSON.stringify(healthRule.Properties!.EventPattern.detail.alarmName);
    for (const [queueId, queue] of Object.entries(queues)) {
      if (queue.Properties?.RedrivePolicy) continue; // a working queue (the evaluators'), not a dead-letter queue
      const alarm = alarms.find(([, a]) => JSON.stringify(a.Properties!.Dimensions).includes(`"${queueId}"`));
      expect({ queueId, alarmed: alarm !== undefined }).toEqual({ queueId, alarmed: true });
      expect(alarm![1].Properties).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
      expect(relayed).toMatch(new RegExp(`"Ref":"${alarm![0]}"|${alarm![1].Properties!.AlarmName}`));
    }
    // The relay publishes to the alerts topic with the same key as the notifier.
    const relay = Object.values(resourcesOf(template, 'AWS::Lambda::Function')).find((f) => f.Properties!.Environment.Variables.POWERTOOLS_SERVICE_NAME === 'vigil-health')!;
    expect(relay.Properties!.Environment.Variables.ALERT_TOPIC_ARN).toEqual({ Ref: 'AlertsTopic' });
    expect(relay.Properties!.DeadLetterConfig?.TargetArn).toBeDefined();
  });

  it('reserves no concurrency by default', () => {
    for (const fn of Object.values(resourcesOf(templates[0], 'AWS::Lambda::Function'))) expect(fn.Properties!.ReservedConcurrentExecutions).toBeUndefined();
  });
});
