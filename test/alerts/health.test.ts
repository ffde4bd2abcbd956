import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { healthAlertFromAlarmEvent, HEALTH_RULE_ID, snsPublishInput } from '../../shared/alerts';
import { severitiesAtLeast } from '../../shared/core';
import { loadFixture } from '../helpers/fixtures';

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:vigil-alerts';
const alarmEvent = () => loadFixture('eventbridge/cloudwatch-alarm-state-change.awsdocs.json');

describe('health alerts (state changes of Vigil alarms, as CloudWatch sends them to EventBridge)', () => {
  it('turns an ALARM state change into an alert every severity filter lets through', () => {
    const alert = healthAlertFromAlarmEvent(alarmEvent());
    expect(alert.subject).toBe('[VIGIL HEALTH] ALARM ServerCpuTooHigh');
    expect(alert.text).toContain('Goes into alarm when server CPU utilization is too high!');
    expect(alert.text).toContain('Threshold Crossed');
    expect(alert.attributes.ruleId.StringValue).toBe(HEALTH_RULE_ID);
    expect(alert.attributes.transition.StringValue).toBe('HEALTH_ALARM');
    // The email subscription filters on severity: CRITICAL is in every allowed list.
    for (const min of ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const) expect(severitiesAtLeast(min)).toContain(alert.attributes.severity.StringValue);
    expect(JSON.parse(alert.json)).toMatchObject({ schema: 'vigil.health/v1', alarmName: 'ServerCpuTooHigh', state: 'ALARM', previousState: 'OK', accountId: '123456789012' });
  });

  it('says when the alarm recovers', () => {
    const event = alarmEvent();
    event.detail.previousState = { ...event.detail.state };
    event.detail.state = { ...event.detail.state, value: 'OK' };
    const alert = healthAlertFromAlarmEvent(event);
    expect(alert.subject).toBe('[VIGIL HEALTH] RECOVERED ServerCpuTooHigh');
    expect(alert.attributes.transition.StringValue).toBe('HEALTH_RECOVERED');
  });

  it('keeps control characters out of the subject and markup inert in the JSON', () => {
    const event = alarmEvent();
    event.detail.alarmName = 'Vigil-x\n<script>alert(1)</script>';
    const alert = healthAlertFromAlarmEvent(event);
    expect(alert.subject).not.toMatch(/[\n\r]/);
    expect(alert.json).not.toContain('<script>');
  });

  it('rejects anything that is not an alarm state change, naming the problem', () => {
    expect(() => healthAlertFromAlarmEvent({ source: 'aws.cloudwatch', 'detail-type': 'CloudWatch Alarm State Change', detail: {} })).toThrow(/detail\.alarmName/);
    expect(() => healthAlertFromAlarmEvent({ ...alarmEvent(), source: 'custom.app' })).toThrow(/not a CloudWatch alarm state change/);
  });

  it('publishes with the filterable attributes (functions/health-alert)', async () => {
    const sns = mockClient(SNSClient);
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    process.env.ALERT_TOPIC_ARN = TOPIC;
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    try {
      // required here: the module reads ALERT_TOPIC_ARN when it loads
      const { handler } = require('../../functions/health-alert') as typeof import('../../functions/health-alert');
      await handler(alarmEvent());
      const calls = sns.commandCalls(PublishCommand);
      expect(calls).toHaveLength(1);
      expect(calls[0].args[0].input).toEqual(snsPublishInput(TOPIC, healthAlertFromAlarmEvent(alarmEvent())));
      // A failed publish throws, so that Lambda retries and then keeps the event in the dead-letter queue.
      sns.on(PublishCommand).rejects(new Error('KMSAccessDeniedException'));
      await expect(handler(alarmEvent())).rejects.toThrow(/KMSAccessDenied/);
    } finally {
      sns.restore();
      delete process.env.POWERTOOLS_LOG_LEVEL;
    }
  });
});
