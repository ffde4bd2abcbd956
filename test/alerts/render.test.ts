import { ALERT_ATTRIBUTE_NAMES, MAX_JSON_CHARS, MAX_SUBJECT_CHARS, alertFromImages, alertSubject, formatAlertForConsole, renderAlert } from '../../shared/alerts';
import type { AlertBody } from '../../shared/alerts';
import type { VerdictStatus } from '../../shared/core';
import { Transition, nextFinding, suppressFinding } from '../../shared/findings';
import type { Finding, LifecycleContext } from '../../shared/findings';
import type { CloudTrailDetail } from '../../shared/events/types';
import { actorOfFixture, at, clockAt, publicPolicyEvent, verdictOf } from '../findings/helpers';

const RATIONALE = 'A publicly readable bucket exposes its objects to anyone on the internet.';

const step = (old: Finding | undefined, status: VerdictStatus, minute: number, detail: CloudTrailDetail = publicPolicyEvent(), extra: Partial<LifecycleContext> = {}): Finding | undefined =>
  nextFinding(old, verdictOf(status, at(minute), {}, detail), { actor: actorOfFixture(detail), detectedAt: at(minute), now: clockAt(minute), rationale: RATIONALE, ...extra });

const mustStep = (...args: Parameters<typeof step>): Finding => {
  const next = step(...args);
  if (next === undefined) throw new Error('expected a write');
  return next;
};

/** The recorded public-policy event with hostile account-controlled text in the bucket name and the user agent. */
const hostileEvent = (bucketName: string, userAgent = 'aws-cli/2.0\r\nX-Injected: yes'): CloudTrailDetail => {
  const detail = structuredClone(publicPolicyEvent()) as CloudTrailDetail & { requestParameters: Record<string, unknown>; userAgent: string };
  detail.requestParameters.bucketName = bucketName;
  detail.userAgent = userAgent;
  return detail;
};

describe('Function: renderAlert', () => {
  it('renders a NEW alert: subject, text sections, JSON body and attributes', () => {
    // Prepare
    const finding = mustStep(undefined, 'FAIL', 1);
    // Act
    const alert = renderAlert(Transition.NEW, finding);
    // Assess
    expect(alert.subject).toBe('[CRITICAL] NEW s3-bucket-public-read: example-bucket');
    expect(alert.text).toContain('New finding: example-bucket does not meet "Bucket blocks public read".');
    expect(alert.text).toContain('Status:   OPEN');
    expect(alert.text).toContain(`What\n  bucket example-bucket is publicly readable through its bucket policy`);
    expect(alert.text).toContain(`Why it matters\n  ${RATIONALE}`);
    expect(alert.text).toContain('- policy: statement Public Access allows s3:GetBucketAcl to everyone [statements #0 (Public Access)]');
    expect(alert.text).toMatch(/Changed by: +arn:aws:sts::123456789012:assumed-role\/example-role\/example-user \(AssumedRole\)/);
    expect(alert.text).toMatch(/Event: +PutBucketPolicy \(s3\.amazonaws\.com\)/);
    expect(alert.text).toMatch(/Event time: +2019-01-01T00:00:00Z/);
    expect(alert.text).toMatch(/Source IP: +111\.111\.111\.111/);
    expect(alert.text).toMatch(new RegExp(`Detected at: +${at(1).replace(/\./g, '\\.')}`));
    expect(alert.text).toContain('How to fix\n  Remove the public grant');
    expect(alert.text).toContain('aws s3api put-public-access-block --bucket <bucket>');
    expect(alert.text).toContain(`Finding id: ${finding.findingId}`);
    const body = JSON.parse(alert.json) as AlertBody;
    expect(body).toEqual(alert.body);
    expect(body).toMatchObject({ schema: 'vigil.alert/v1', transition: 'NEW', finding: { findingId: finding.findingId, status: 'OPEN', resource: { id: 'example-bucket', arn: 'arn:aws:s3:::example-bucket' } } });
    expect(body.previousStatus).toBeUndefined();
    expect('history' in body.finding).toBe(false);
    expect(Object.keys(alert.attributes).sort()).toEqual([...ALERT_ATTRIBUTE_NAMES].sort());
    expect(alert.attributes).toMatchObject({
      severity: { DataType: 'String', StringValue: 'CRITICAL' },
      ruleId: { DataType: 'String', StringValue: 's3-bucket-public-read' },
      resourceType: { DataType: 'String', StringValue: 'AWS::S3::Bucket' },
      accountId: { DataType: 'String', StringValue: '123456789012' },
      transition: { DataType: 'String', StringValue: 'NEW' },
      status: { DataType: 'String', StringValue: 'OPEN' },
    });
  });

  it('says how a finding was resolved and gives no fix instructions', () => {
    const open = mustStep(undefined, 'FAIL', 1);
    const resolved = mustStep(open, 'PASS', 2, publicPolicyEvent(), { gone: true });
    const alert = alertFromImages(open, resolved);
    expect(alert?.subject).toBe('[CRITICAL] RESOLVED s3-bucket-public-read: example-bucket');
    expect(alert?.text).toContain('Resolved: example-bucket was deleted.');
    expect(alert?.text).toContain('Status:   OPEN -> RESOLVED');
    expect(alert?.text).not.toContain('How to fix');
    expect(alert?.body.previousStatus).toBe('OPEN');
  });

  it('shows the suppression (owner, reason, expiry, by) on a SUPPRESSED alert', () => {
    const open = mustStep(undefined, 'FAIL', 1);
    const suppressed = suppressFinding(open, { owner: 'web-team', reason: 'public website\nsee TICKET-1', expiresAt: at(90), by: 'alice' }, clockAt(2));
    const alert = alertFromImages(open, suppressed);
    expect(alert?.subject).toBe('[CRITICAL] SUPPRESSED s3-bucket-public-read: example-bucket');
    expect(alert?.text).toContain(`Suppressed: the finding on example-bucket is accepted until ${at(90)}.`);
    expect(alert?.text).toMatch(/Owner: +web-team/);
    expect(alert?.text).toMatch(/Reason: +public website see TICKET-1\n/);
    expect(alert?.text).toMatch(/By: +alice/);
  });

  describe('subject', () => {
    it(`never exceeds ${MAX_SUBJECT_CHARS} characters and cuts the resource part first`, () => {
      const finding = mustStep(undefined, 'FAIL', 1, hostileEvent('b'.repeat(1_000)));
      const subject = renderAlert(Transition.SUPPRESSION_EXPIRED, finding).subject;
      expect(subject.length).toBe(MAX_SUBJECT_CHARS);
      expect(subject).toMatch(/^\[CRITICAL\] SUPPRESSION_EXPIRED s3-bucket-public-read: b+\.\.\.$/);
    });

    it('stays within bounds for an absurdly long rule id', () => {
      const subject = alertSubject(Transition.NEW, { severity: 'LOW', ruleId: 'r'.repeat(300), resourceId: 'x' });
      expect(subject.length).toBeLessThanOrEqual(MAX_SUBJECT_CHARS);
      expect(subject.startsWith('[LOW] NEW rrr')).toBe(true);
    });

    it('neutralises CR/LF header injection, control characters and non-ASCII text', () => {
      const finding = mustStep(undefined, 'FAIL', 1, hostileEvent('evil\r\nBcc: victim@example.com\u0000\u001b[31m\u202eréd'));
      const { subject } = renderAlert(Transition.NEW, finding);
      expect(subject).toBe('[CRITICAL] NEW s3-bucket-public-read: evil Bcc: victim@example.com [31mr?d');
      expect(subject).toMatch(/^[\x20-\x7e]+$/);
    });
  });

  describe('hostile text from the account', () => {
    const hostileName = 'site\n\nFinding id: f-forged\r\n<img src=x onerror=alert(1)>\u0007\u2028' + 'z'.repeat(2_000);
    const finding = mustStep(undefined, 'FAIL', 1, hostileEvent(hostileName, 'Mozilla\r\nChanged by: root\u0000\u009b'));
    const alert = renderAlert(Transition.NEW, finding);
    const lines = alert.text.split('\n');

    it('keeps each value on its own labelled line: no forged lines, no control characters', () => {
      expect(lines.filter((l) => l.startsWith('Finding id:'))).toEqual([`Finding id: ${finding.findingId}`]);
      expect(lines.filter((l) => /^\s*Changed by:/.test(l))).toHaveLength(1);
      expect(alert.text).toMatch(/User agent: +Mozilla Changed by: root\n/);
      expect(alert.text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    });

    it('limits the length of account text', () => {
      const resourceLine = lines.find((l) => l.startsWith('Resource:')) ?? '';
      expect(resourceLine.length).toBeLessThan(300);
      expect(resourceLine.endsWith('…')).toBe(true);
      expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(1_100);
    });

    it('leaves markup inert: plain text, and \\u-escaped <, > and & in the JSON body, which parses back to the exact name', () => {
      expect(alert.json).not.toMatch(/[<>&]/);
      expect(alert.json).toContain('\\u003cimg src=x onerror=alert(1)\\u003e');
      expect((JSON.parse(alert.json) as AlertBody).finding.resource.id).toBe(hostileName);
    });
  });

  it(`bounds the JSON body to ${MAX_JSON_CHARS} characters when the evidence is huge`, () => {
    const evidence = Array.from({ length: 25 }, (_, i) => ({ message: `statement ${i} is public`, field: 'policy', value: 'v'.repeat(3_900) }));
    const finding = nextFinding(undefined, verdictOf('FAIL', at(1), { evidence }), { detectedAt: at(1), now: clockAt(1) }) as Finding;
    const alert = renderAlert(Transition.NEW, finding);
    expect(alert.json.length).toBeLessThanOrEqual(MAX_JSON_CHARS);
    expect(alert.body.finding.evidence).toHaveLength(10);
    expect(alert.body.finding.evidence[0]).toEqual({ message: 'statement 0 is public', field: 'policy' });
    expect(alert.text).toContain(`(15 more evidence items: vigil findings show ${finding.findingId})`);
  });
});

describe('Function: alertFromImages', () => {
  it('gives no alert when nothing changed or nothing is left', () => {
    const open = mustStep(undefined, 'FAIL', 1);
    const again = mustStep(open, 'FAIL', 2);
    expect(alertFromImages(open, again)).toBeUndefined();
    expect(alertFromImages(open, undefined)).toBeUndefined();
    expect(alertFromImages(undefined, undefined)).toBeUndefined();
  });

  it('gives exactly one alert per transition over FAIL, FAIL, PASS, FAIL', () => {
    // Prepare
    let image: Finding | undefined;
    const subjects: string[] = [];
    // Act
    for (const [minute, status] of [[1, 'FAIL'], [2, 'FAIL'], [3, 'PASS'], [4, 'FAIL']] as const) {
      const next = mustStep(image, status, minute);
      const alert = alertFromImages(image, next);
      if (alert) subjects.push(alert.subject);
      image = next;
    }
    // Assess
    expect(subjects).toEqual([
      '[CRITICAL] NEW s3-bucket-public-read: example-bucket',
      '[CRITICAL] RESOLVED s3-bucket-public-read: example-bucket',
      '[CRITICAL] REGRESSED s3-bucket-public-read: example-bucket',
    ]);
  });
});

describe('Function: formatAlertForConsole', () => {
  it('prints the subject framed by rules, then the text', () => {
    const alert = renderAlert(Transition.NEW, mustStep(undefined, 'FAIL', 1));
    const printed = formatAlertForConsole(alert).split('\n');
    expect(printed[1]).toBe(alert.subject);
    expect(printed[0]).toMatch(/^-{40,}$/);
    expect(printed.slice(3).join('\n')).toBe(alert.text);
  });
});
