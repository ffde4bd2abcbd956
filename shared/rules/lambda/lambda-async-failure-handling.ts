import { FUNCTION_READ_ACTIONS } from '../../resources/lambda/reads';
import { LAMBDA_FUNCTION_KIND, type LambdaFunctionSnapshot } from '../../resources/lambda/types';
import { defineRule, fail, pass } from '../define-rule';

export const lambdaAsyncFailureHandling = defineRule<LambdaFunctionSnapshot>({
  id: 'lambda-async-failure-handling',
  title: 'Lambda function captures failed asynchronous invocations',
  severity: 'MEDIUM',
  kind: LAMBDA_FUNCTION_KIND,
  anchors: { prowler: ['awslambda_function_no_dead_letter_queue'] },
  trigger: 'E',
  reads: [FUNCTION_READ_ACTIONS.configuration, FUNCTION_READ_ACTIONS.eventInvokeConfig],
  remediation: {
    text: 'Configure an on-failure destination (SQS, SNS, EventBridge, Lambda or S3) or a dead-letter queue for asynchronous invocations.',
    cli: 'aws lambda put-function-event-invoke-config --function-name <function> --destination-config \'{"OnFailure":{"Destination":"<queue-arn>"}}\'',
  },
  rationale: 'Without a dead-letter queue or on-failure destination, events whose asynchronous processing fails after retries are dropped silently.',
  evaluate(fn) {
    const onFailure = fn.eventInvokeConfig?.onFailureDestination ?? null;
    if (onFailure) return pass(`function ${fn.name} sends failed asynchronous invocations to ${onFailure}`, [{ message: 'on-failure destination', field: 'eventInvokeConfig.onFailureDestination', value: onFailure }]);
    if (fn.deadLetterTargetArn) return pass(`function ${fn.name} has the dead-letter queue ${fn.deadLetterTargetArn}`, [{ message: 'dead-letter queue', field: 'deadLetterTargetArn', value: fn.deadLetterTargetArn }]);
    return fail(`function ${fn.name} has neither a dead-letter queue nor an on-failure destination (only meaningful if it is invoked asynchronously)`, [
      { message: 'no DeadLetterConfig.TargetArn', field: 'deadLetterTargetArn', value: null },
      { message: 'no DestinationConfig.OnFailure', field: 'eventInvokeConfig.onFailureDestination', value: null },
    ]);
  },
});
