import { SNSClient } from '@aws-sdk/client-sns';
import { Logger } from '@aws-lambda-powertools/logger';
import { healthAlertFromAlarmEvent, publishAlert } from '../shared/alerts';
import { requireEnv } from './env';

const logger = new Logger();
const sns = new SNSClient({});
const topicArn = requireEnv('ALERT_TOPIC_ARN');

/**
 * EventBridge "CloudWatch Alarm State Change" of one of Vigil's alarms → one alert on the alerts topic. A failure throws:
 * EventBridge invoked this function asynchronously, so Lambda retries it, then keeps the event in the dead-letter queue.
 */
export const handler = async (event: unknown): Promise<void> => {
  const alert = healthAlertFromAlarmEvent(event);
  await publishAlert(sns, topicArn, alert);
  logger.info('health alert published', { subject: alert.subject });
};
