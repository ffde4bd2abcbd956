import { PublishCommand } from '@aws-sdk/client-sns';
import type { PublishCommandInput, SNSClient } from '@aws-sdk/client-sns';
import type { PublishableAlert } from './health';

/** SNS rejects larger messages (256 KB); keep a margin for the request around it. */
const MAX_ENVELOPE_BYTES = 240 * 1024;

/**
 * One SNS message for every protocol (MessageStructure 'json'): email subscribers get the text (with Subject),
 * machine subscribers (SQS, Lambda, HTTP/S, email-json, Firehose) get the JSON body. The message attributes
 * (severity, ruleId, resourceType, accountId, region, transition, status) serve subscription filter policies.
 */
export const snsPublishInput = (topicArn: string, msg: PublishableAlert): PublishCommandInput => {
  const envelope: Record<string, string> = {
    default: msg.text,
    email: msg.text,
    'email-json': msg.json,
    sqs: msg.json,
    lambda: msg.json,
    http: msg.json,
    https: msg.json,
    firehose: msg.json,
  };
  let message = JSON.stringify(envelope);
  // Bodies are bounded (MAX_TEXT_CHARS, MAX_JSON_CHARS); this is the last guard: machine subscribers fall back to the text.
  if (Buffer.byteLength(message, 'utf8') > MAX_ENVELOPE_BYTES) message = JSON.stringify({ default: msg.text, email: msg.text });
  return {
    TopicArn: topicArn,
    Subject: msg.subject,
    Message: message,
    MessageStructure: 'json',
    MessageAttributes: { ...msg.attributes },
  };
};

/** Publishes one alert; returns the SNS message id. SDK errors propagate (the stream batch retries the record). */
export const publishAlert = async (sns: SNSClient, topicArn: string, msg: PublishableAlert): Promise<string | undefined> => {
  const { MessageId } = await sns.send(new PublishCommand(snsPublishInput(topicArn, msg)));
  return MessageId;
};
