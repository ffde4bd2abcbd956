/**
 * Vigil CDK app: `npx cdk synth` / `npx cdk deploy` (offline synth needs no AWS credentials).
 *
 * Context options (`-c key=value`, or the "context" block of cdk.json):
 *   alertEmail=ops@example.com    email subscribed to the alerts topic (confirm the subscription mail). Default: none.
 *   minSeverity=HIGH              lowest severity emailed: CRITICAL | HIGH | MEDIUM | LOW | INFORMATIONAL (SNS filter
 *                                 policy on the `severity` message attribute). Default: HIGH.
 *   region=eu-west-1              home Region; pins the stacks to it. When it is not us-east-1 and the IAM family has
 *                                 triggers, a VigilIamForwarder stack is added in us-east-1 (IAM events reach EventBridge
 *                                 only there). Default: the CDK CLI's environment (CDK_DEFAULT_REGION, set by `cdk deploy`
 *                                 from the profile) when it has an account; else env-agnostic with a warning, no forwarder.
 *   account=123456789012          account to pin the stacks to. Default: CDK_DEFAULT_ACCOUNT, else env-agnostic.
 *   trustedAccountIds=111111111111,222222222222
 *                                 accounts treated as our own by cross-account rules (comma list, or a JSON array in
 *                                 cdk.json). Default: none.
 *   orgId=o-a1b2c3d4e5            organization treated as our own by cross-account rules. Default: none.
 *   maxConcurrency=5              concurrent invocations per family evaluator (SQS maximum concurrency, 2–1000: bounds
 *                                 the load without reserving anything). Default: 5.
 *   reserveConcurrency=true       also reserve maxConcurrency per evaluator and 1 per sweep. Off by default: Lambda
 *                                 keeps 100 unreserved executions and new accounts may have a quota of 10, where any
 *                                 reservation fails the deploy. Default: false.
 *   logRetentionDays=90           retention of the functions' log groups (a CloudWatch Logs value: 1, 3, 5, 7, 14, 30,
 *                                 60, 90, 120, 150, 180, 365, ...). Default: 90.
 *   configEvents=true             also route AWS Config "Configuration Item Change" events of each family's resource
 *                                 types to its evaluator, oversized ones included (read from the Config bucket with
 *                                 s3:GetObject on AWSLogs/<account>/Config/*); needs an AWS Config recorder. Default: false.
 *   sweep=false                   do not deploy the scheduled sweeps. Each family with rules otherwise gets a sweep
 *                                 function that lists and evaluates every resource of the family in the home Region
 *                                 (IAM, being global, once per account): it runs the periodic-only rules (credential age,
 *                                 unused credentials, deprecated runtimes) and catches what the events missed. Default: true.
 *   sweepSchedule="cron(0 5 ? * MON-FRI *)"
 *                                 when the sweeps run, in UTC: an EventBridge cron(minutes hours day-of-month month
 *                                 day-of-week year) with one fixed minute, or rate(<n> hours|days); at most once an hour
 *                                 (a sweep may run 15 minutes). A bad value fails the synth. Default: cron(17 3 * * ? *),
 *                                 daily at 03:17 UTC.
 *
 * Environment: SKIP_NAG=1 skips the cdk-nag AwsSolutions checks (they run by default and fail the synth on any finding).
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildVigilApp } from './vigil-app';

const app = new App();
buildVigilApp(app);
if (process.env.SKIP_NAG !== '1') {
  // Not CDK_*: the CDK CLI parses CDK_* variables as its own options.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
}
