import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { toEventPatterns } from '../../shared/events';
import { ALL_FAMILIES } from '../../shared/families';
import { readSettings } from '../../infra/context';
import { forwarderAlarmName, globalEventsRegionFor, globalTriggerRows } from '../../infra/stacks/iam-forwarder-stack';
import { buildVigilApp, resolveEnvironment } from '../../infra/vigil-app';
import { matchesPattern } from '../helpers/event-pattern';
import { resourcesOf, sampleFamilies, testApp } from './helpers';

describe('IAM forwarder (IAM events reach EventBridge only in us-east-1)', () => {
  const families = sampleFamilies();
  const iamRows = families.find((f) => f.name === 'iam')!.triggers;

  it('forwards the rows of global services (IAM), not regional events of account-level kinds', () => {
    expect(iamRows.length).toBeGreaterThan(0);
    expect(globalTriggerRows(families)).toEqual(iamRows);
    expect(globalTriggerRows(ALL_FAMILIES).every((row) => row.eventSource === 'iam.amazonaws.com')).toBe(true);
  });

  it('is deployed in us-east-1 when the home Region is elsewhere, forwarding the IAM patterns to the home default bus', () => {
    const { central, forwarder } = buildVigilApp(testApp({ region: 'eu-west-1' }), families);
    expect(central.region).toBe('eu-west-1');
    expect(forwarder).toBeDefined();
    expect(forwarder!.stackName).toBe('VigilIamForwarder');
    expect(forwarder!.region).toBe('us-east-1');
    expect(forwarder!.dependencies).toContain(central);
    const template = Template.fromStack(forwarder!);
    const rules = Object.values(resourcesOf(template, 'AWS::Events::Rule'));
    const iamFamily = families.find((f) => f.name === 'iam')!;
    expect(rules.map((r) => r.Properties!.EventPattern)).toEqual(
      JSON.parse(
        JSON.stringify([
          ...toEventPatterns(iamRows),
          ...(iamFamily.eventPatterns ?? []).map((p) => p.pattern),
          { source: ['aws.cloudwatch'], 'detail-type': ['CloudWatch Alarm State Change'], detail: { alarmName: [forwarderAlarmName()] } },
        ]),
      ),
    );
    const roleId = Object.keys(resourcesOf(template, 'AWS::IAM::Role'))[0];
    const homeBus = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':events:eu-west-1:', { Ref: 'AWS::AccountId' }, ':event-bus/default']] };
    const dlqId = Object.keys(resourcesOf(template, 'AWS::SQS::Queue'))[0];
    for (const rule of rules) {
      // Events that cannot reach the home bus are kept in an encrypted dead-letter queue in us-east-1, with an alarm.
      expect(rule.Properties!.Targets).toEqual([{ Arn: homeBus, Id: 'Target0', RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] }, DeadLetterConfig: { Arn: { 'Fn::GetAtt': [dlqId, 'Arn'] } } }]);
    }
    template.hasResourceProperties('AWS::SQS::Queue', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: forwarderAlarmName(), Threshold: 1 });
    // The home stack relays that alarm's state changes (forwarded to it) to the alerts topic.
    Template.fromStack(central).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.cloudwatch'], detail: { alarmName: Match.arrayWith([forwarderAlarmName()]) } },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'events:PutEvents', Effect: 'Allow', Resource: homeBus }] },
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'events.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } })] },
    });
    // The central stack's IAM rule matches the forwarded events (same pattern) on the home bus.
    const central_rules = Object.values(resourcesOf(Template.fromStack(central), 'AWS::Events::Rule')).map((r) => r.Properties!.EventPattern);
    for (const pattern of toEventPatterns(iamRows)) expect(central_rules).toContainEqual(JSON.parse(JSON.stringify(pattern)));
  });

  it('also forwards console sign-ins, root activity and failed calls (IAM\'s happen in us-east-1 only), read-only events included', () => {
    const { forwarder } = buildVigilApp(testApp({ region: 'eu-west-1' }), ALL_FAMILIES);
    const rules = Object.values(resourcesOf(Template.fromStack(forwarder!), 'AWS::Events::Rule')).map((r) => r.Properties!);
    const patterns = rules.map((r) => r.EventPattern);
    expect(patterns).toContainEqual({
      source: [{ prefix: 'aws.' }],
      'detail-type': ['AWS Console Sign In via CloudTrail', 'AWS Console Signin via CloudTrail'],
      detail: { eventSource: ['signin.amazonaws.com'], eventName: ['ConsoleLogin'] },
    });
    const root = rules.find((r) => JSON.stringify(r.EventPattern).includes('"Root"'))!;
    const denied = rules.find((r) => JSON.stringify(r.EventPattern).includes('AccessDenied'))!;
    for (const rule of [root, denied]) expect(rule.State).toBe('ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS');
    // A root GetAccountSummary (IAM, read-only, us-east-1) reaches the forwarder; so does a denied iam:ListUsers.
    const rootRead = { source: 'aws.iam', 'detail-type': 'AWS API Call via CloudTrail', detail: { eventSource: 'iam.amazonaws.com', eventName: 'GetAccountSummary', readOnly: true, userIdentity: { type: 'Root' } } };
    const deniedRead = { source: 'aws.iam', 'detail-type': 'AWS API Call via CloudTrail', detail: { eventSource: 'iam.amazonaws.com', eventName: 'ListUsers', errorCode: 'AccessDenied' } };
    expect(matchesPattern(root.EventPattern, rootRead)).toBe(true);
    expect(matchesPattern(denied.EventPattern, deniedRead)).toBe(true);
  });

  it('is not deployed when the home Region is us-east-1', () => {
    const { central, forwarder } = buildVigilApp(testApp({ region: 'us-east-1' }), families);
    expect(central.region).toBe('us-east-1');
    expect(forwarder).toBeUndefined();
  });

  it('is not deployed when no family has global triggers', () => {
    const regionalOnly = families.filter((f) => f.name !== 'iam');
    expect(buildVigilApp(testApp({ region: 'eu-west-1' }), regionalOnly).forwarder).toBeUndefined();
  });

  it('is not deployed for an env-agnostic app (offline synth, no AWS configuration), which warns how to get it', () => {
    const { central, forwarder } = buildVigilApp(testApp(), families, {});
    expect(forwarder).toBeUndefined();
    expect(central.region).toMatch(/^\$\{Token/); // env-agnostic
    Annotations.fromStack(central).hasWarning('/Vigil', Match.stringLikeRegexp('pass -c region=<home Region>'));
  });

  it('takes the home Region and account from the CDK CLI environment (cdk deploy), so the forwarder exists', () => {
    const cli = { CDK_DEFAULT_REGION: 'eu-west-1', CDK_DEFAULT_ACCOUNT: '123456789012' };
    const { central, forwarder, settings } = buildVigilApp(testApp(), families, cli);
    expect(settings).toMatchObject({ region: 'eu-west-1', account: '123456789012' });
    expect(central.region).toBe('eu-west-1');
    expect(central.account).toBe('123456789012');
    expect(forwarder?.region).toBe('us-east-1');
    // -c region wins over the environment; a Region without an account (the CLI's offline us-east-1 default) is ignored.
    expect(buildVigilApp(testApp({ region: 'ap-southeast-2' }), families, cli).central.region).toBe('ap-southeast-2');
    expect(buildVigilApp(testApp(), families, { CDK_DEFAULT_REGION: 'us-east-1' }).forwarder).toBeUndefined();
    expect(resolveEnvironment(readSettings(testApp().node), { CDK_DEFAULT_REGION: 'us-east-1' }).from).toBe('none');
  });

  it('follows the catalogue: present with a non-us-east-1 home iff some real family has global triggers', () => {
    const { forwarder } = buildVigilApp(testApp({ region: 'eu-central-1' }));
    expect(forwarder !== undefined).toBe(globalTriggerRows(ALL_FAMILIES).length > 0);
  });

  it('uses the partition global Region for China and GovCloud homes', () => {
    expect(globalEventsRegionFor('eu-west-1')).toBe('us-east-1');
    expect(globalEventsRegionFor('cn-northwest-1')).toBe('cn-north-1');
    expect(globalEventsRegionFor('us-gov-east-1')).toBe('us-gov-west-1');
  });
});
