import * as z from 'zod/mini';
import { EventValidationError } from '../core';
import { describeIssues } from '../events/schemas';
import { asciiLine, htmlSafeJson, multiLine, singleLine } from './sanitize';
import type { AlertAttribute, AlertAttributeName, AlertMessage } from './types';

/** What a health alert publishes: the parts of an alert SNS needs (no finding body). */
export type PublishableAlert = Pick<AlertMessage, 'subject' | 'text' | 'json' | 'attributes'>;

/** `ruleId` attribute of Vigil's own health alerts: subscribers filter them in or out with it. */
export const HEALTH_RULE_ID = 'vigil-health';

/**
 * "CloudWatch Alarm State Change", as CloudWatch sends it to EventBridge (guaranteed delivery), the parts read here:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-eventbridge.html
 */
const alarmStateChangeSchema = z.looseObject({
  'detail-type': z.literal('CloudWatch Alarm State Change'),
  source: z.literal('aws.cloudwatch'),
  account: z.optional(z.string()),
  region: z.optional(z.string()),
  time: z.optional(z.string()),
  detail: z.looseObject({
    alarmName: z.string().check(z.minLength(1)),
    state: z.looseObject({ value: z.string(), reason: z.optional(z.string()), timestamp: z.optional(z.string()) }),
    previousState: z.optional(z.looseObject({ value: z.string() })),
    configuration: z.optional(z.looseObject({ description: z.optional(z.string()) })),
  }),
});

/**
 * The alert for one of Vigil's own alarms changing state (a dead-letter queue holding messages, a function failing).
 * CloudWatch's own alarm notifications carry no message attributes, so the subscriptions' severity filter would drop
 * them ("exists": false only matches when some attribute is present:
 * https://docs.aws.amazon.com/sns/latest/dg/attribute-key-matching.html); relayed this way, they carry the same
 * attributes as every alert. Severity is CRITICAL both ways (a blind monitor, then its recovery) so that every severity
 * filter lets them through; `ruleId` is `vigil-health`.
 */
export const healthAlertFromAlarmEvent = (event: unknown): PublishableAlert => {
  const parsed = alarmStateChangeSchema.safeParse(event);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error.issues);
    throw new EventValidationError(`not a CloudWatch alarm state change: ${issues.join('; ')}`, issues);
  }
  const { detail, account, region, time } = parsed.data;
  const alarm = singleLine(detail.alarmName, 200);
  const state = singleLine(detail.state.value, 40);
  const previous = singleLine(detail.previousState?.value, 40);
  const recovered = state === 'OK';
  const subject = asciiLine(`[VIGIL HEALTH] ${recovered ? 'RECOVERED' : state} ${alarm}`, 99);
  const text = [
    recovered ? `Recovered: Vigil's alarm ${alarm} is OK again (was ${previous || 'unknown'}).` : `Vigil needs attention: its alarm ${alarm} is ${state}.`,
    '',
    ...multiLine(detail.configuration?.description),
    '',
    `Reason: ${singleLine(detail.state.reason, 1_000) || '(none given)'}`,
    `Account: ${singleLine(account, 20) || 'unknown'}  Region: ${singleLine(region, 30) || 'unknown'}  Time: ${singleLine(detail.state.timestamp ?? time, 40)}`,
    '',
    'Check the deployment with `vigil doctor`.',
  ].join('\n');
  const json = htmlSafeJson({
    schema: 'vigil.health/v1',
    alarmName: alarm,
    state,
    previousState: previous || undefined,
    reason: singleLine(detail.state.reason, 1_000),
    description: multiLine(detail.configuration?.description).join('\n'),
    accountId: account,
    region,
    time: detail.state.timestamp ?? time,
  });
  const attr = (value: unknown): AlertAttribute => ({ DataType: 'String', StringValue: singleLine(value, 256) || 'unknown' });
  const attributes: Record<AlertAttributeName, AlertAttribute> = {
    severity: attr('CRITICAL'),
    ruleId: attr(HEALTH_RULE_ID),
    resourceType: attr('AWS::CloudWatch::Alarm'),
    accountId: attr(account),
    region: attr(region),
    transition: attr(recovered ? 'HEALTH_RECOVERED' : 'HEALTH_ALARM'),
    status: attr(state),
  };
  return { subject, text, json, attributes };
};
