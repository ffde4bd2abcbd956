import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { toEventPatterns } from '../../shared/events';
import { ALL_FAMILIES } from '../../shared/families';
import { globalEventsRegionFor, globalTriggerRows } from '../../infra/stacks/iam-forwarder-stack';
import { buildVigilApp } from '../../infra/vigil-app';
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
    expect(rules.map((r) => r.Properties!.EventPattern)).toEqual(JSON.parse(JSON.stringify(toEventPatterns(iamRows))));
    const roleId = Object.keys(resourcesOf(template, 'AWS::IAM::Role'))[0];
    const homeBus = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':events:eu-west-1:', { Ref: 'AWS::AccountId' }, ':event-bus/default']] };
    for (const rule of rules) expect(rule.Properties!.Targets).toEqual([{ Arn: homeBus, Id: 'Target0', RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] } }]);
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

  it('also forwards console sign-ins (recorded in us-east-1) for the detections', () => {
    const { forwarder } = buildVigilApp(testApp({ region: 'eu-west-1' }), ALL_FAMILIES);
    const patterns = Object.values(resourcesOf(Template.fromStack(forwarder!), 'AWS::Events::Rule')).map((r) => r.Properties!.EventPattern);
    expect(patterns).toContainEqual({ 'detail-type': ['AWS Console Sign In via CloudTrail', 'AWS Console Signin via CloudTrail'], detail: { eventSource: ['signin.amazonaws.com'], eventName: ['ConsoleLogin'] } });
    // Root activity and failed calls of every source stay regional: forwarding them would double the home Region's own.
    expect(patterns.some((p) => JSON.stringify(p).includes('"Root"'))).toBe(false);
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

  it('is not deployed for an env-agnostic app, which says how to get it', () => {
    const { central, forwarder } = buildVigilApp(testApp(), families);
    expect(forwarder).toBeUndefined();
    Annotations.fromStack(central).hasInfo('/Vigil', Match.stringLikeRegexp('pass -c region=<home Region> to add the VigilIamForwarder stack'));
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
