import { TRAIL_READ_ACTIONS } from '../../resources/lambda/reads';
import { LAMBDA_FUNCTION_KIND, type LambdaFunctionSnapshot, type TrailSelectorsSnapshot } from '../../resources/lambda/types';
import { defineRule, fail, pass } from '../define-rule';

type FieldSelector = TrailSelectorsSnapshot['advancedSelectors'][number]['fieldSelectors'][number];

/** Whether one field selector admits `value` (all its operators AND-ed, values of one operator OR-ed). */
const admits = (f: FieldSelector, value: string): boolean =>
  (f.equals.length === 0 || f.equals.includes(value)) &&
  (f.startsWith.length === 0 || f.startsWith.some((p) => value.startsWith(p))) &&
  (f.endsWith.length === 0 || f.endsWith.some((s) => value.endsWith(s))) &&
  !f.notEquals.includes(value) &&
  !f.notStartsWith.some((p) => value.startsWith(p)) &&
  !f.notEndsWith.some((s) => value.endsWith(s));

/** An advanced selector that logs Invoke data events of this function. */
const advancedCovers = (selector: TrailSelectorsSnapshot['advancedSelectors'][number], functionArn: string): boolean => {
  const byField = (name: string) => selector.fieldSelectors.filter((f) => f.field.toLowerCase() === name.toLowerCase());
  const type = byField('resources.type');
  if (type.length === 0 || !type.every((f) => admits(f, 'AWS::Lambda::Function'))) return false;
  if (!byField('eventCategory').every((f) => admits(f, 'Data'))) return false;
  if (!byField('resources.ARN').every((f) => admits(f, functionArn) || admits(f, `${functionArn}:$LATEST`))) return false;
  if (!byField('eventName').every((f) => admits(f, 'Invoke'))) return false;
  // Invoke is a write (readOnly false) event.
  return byField('readOnly').every((f) => admits(f, 'false'));
};

const basicCovers = (values: readonly string[], functionArn: string): boolean => {
  const partition = functionArn.split(':')[1] ?? 'aws';
  return values.some((v) => v === `arn:${partition}:lambda` || v === functionArn || (v.endsWith(':') && functionArn.startsWith(v)));
};

export const lambdaInvokeDataEventsLogged = defineRule<LambdaFunctionSnapshot>({
  id: 'lambda-invoke-data-events-logged',
  title: 'Lambda Invoke calls are recorded as CloudTrail data events',
  severity: 'LOW',
  kind: LAMBDA_FUNCTION_KIND,
  anchors: { prowler: ['awslambda_function_invoke_api_operations_cloudtrail_logging_enabled'] },
  trigger: 'E*',
  reads: [...TRAIL_READ_ACTIONS],
  remediation: {
    text: 'Log Lambda data events on a multi-Region trail, with an advanced event selector for resources.type AWS::Lambda::Function (optionally limited to chosen functions).',
    cli: 'aws cloudtrail put-event-selectors --trail-name <trail> --advanced-event-selectors \'[{"Name":"Lambda","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::Lambda::Function"]}]}]\'',
  },
  rationale: 'Without data events there is no record of who invoked the function, which investigations of abuse need.',
  evaluate(fn, _ctx, ref) {
    const applicable = fn.trails.filter((t) => t.isLogging !== false && (t.multiRegion || t.homeRegion === ref.region));
    const covering = applicable.filter((t) => basicCovers(t.lambdaDataResources, fn.arn) || t.advancedSelectors.some((s) => advancedCovers(s, fn.arn)));
    if (covering.length > 0) return pass(`function ${fn.name}: Invoke data events are logged by ${covering.map((t) => t.name).join(', ')}`, [{ message: 'covering trails', field: 'trails', value: covering.map((t) => t.arn ?? t.name) }]);
    return fail(`function ${fn.name}: no logging trail records its Invoke data events (${fn.trails.length} trail(s), ${applicable.length} logging in this Region)`, [
      { message: 'no Lambda data-event selector covers the function', field: 'trails', value: applicable.map((t) => t.arn ?? t.name) },
    ]);
  },
});
