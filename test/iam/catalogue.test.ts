import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { iamFamily } from '../../shared/families/iam';
import { IAM_KINDS } from '../../shared/resources/iam/kinds';
import { iamDetections } from '../../shared/rules/detections';
import { iamRules } from '../../shared/rules/iam';

/** Catalogue ids and severities (spec/controls.md §1.1, §1.2, §1.3, §8.1 IAM rows; "(P)" = Prowler's rating). */
const CATALOGUE: Record<string, string> = {
  // §1.1 Security Hub
  'iam-customer-policy-no-admin-star': 'HIGH',
  'iam-user-no-direct-policies': 'LOW',
  'iam-access-key-rotated-90d': 'MEDIUM',
  'iam-root-no-access-keys': 'CRITICAL',
  'iam-user-console-mfa': 'MEDIUM',
  'iam-root-hardware-mfa': 'CRITICAL',
  'iam-password-policy-strong': 'MEDIUM',
  'iam-unused-credentials-90d': 'MEDIUM',
  'iam-root-mfa': 'CRITICAL',
  'iam-password-policy-pci': 'MEDIUM',
  'iam-password-policy-uppercase': 'MEDIUM',
  'iam-password-policy-lowercase': 'MEDIUM',
  'iam-password-policy-symbol': 'MEDIUM',
  'iam-password-policy-number': 'MEDIUM',
  'iam-password-policy-min-length-14': 'MEDIUM',
  'iam-password-policy-reuse-24': 'LOW',
  'iam-password-policy-max-age-90': 'LOW',
  'iam-support-role-exists': 'LOW',
  'iam-user-mfa-enabled': 'MEDIUM',
  'iam-customer-policy-no-service-wildcard': 'LOW',
  'iam-unused-credentials-45d': 'MEDIUM',
  'iam-access-analyzer-tagged': 'LOW',
  'iam-role-tagged': 'LOW',
  'iam-user-tagged': 'LOW',
  'iam-server-cert-not-expired': 'MEDIUM',
  'iam-no-cloudshell-full-access': 'MEDIUM',
  'iam-access-analyzer-external-enabled': 'HIGH',
  'iam-customer-policy-no-kms-decrypt-all': 'MEDIUM',
  'iam-inline-policy-no-kms-decrypt-all': 'MEDIUM',
  // §1.2 CIS
  'iam-root-not-used': 'HIGH',
  'iam-no-access-key-at-user-setup': 'MEDIUM',
  'iam-user-single-active-key': 'MEDIUM',
  'iam-no-admin-policy-attached': 'CRITICAL',
  'iam-federation-central': 'LOW',
  // §1.3 Prowler
  'iam-inline-policy-no-admin-star': 'CRITICAL',
  'iam-policy-no-privilege-escalation': 'HIGH',
  'iam-inline-policy-no-privilege-escalation': 'HIGH',
  'iam-policy-no-cloudtrail-full-access': 'MEDIUM', // catalogue: "Medium/High (P)" — managed Medium, inline High
  'iam-policy-no-kms-full-access': 'MEDIUM',
  'iam-policy-no-marketplace-subscribe-wildcard': 'MEDIUM',
  'iam-policy-no-permissive-role-assumption': 'HIGH',
  'iam-user-no-administratoraccess': 'CRITICAL',
  'iam-role-no-administratoraccess': 'HIGH',
  'iam-group-no-administratoraccess': 'HIGH',
  'iam-admin-group-members-mfa': 'HIGH',
  'iam-role-no-cross-account-readonly': 'HIGH',
  'iam-role-trust-confused-deputy': 'HIGH',
  'iam-root-credentials-centrally-managed': 'HIGH',
  'iam-security-audit-role-exists': 'LOW',
  'iam-user-hardware-mfa': 'HIGH',
  'iam-user-no-long-lived-key-usage': 'HIGH',
  'iam-stale-bedrock-sagemaker-access': 'MEDIUM',
  // §8.1 least privilege (IAM rows; lambda-exec-role-least-privilege belongs to the Lambda family)
  'iam-role-trust-not-public': 'CRITICAL',
  'iam-role-trust-external-id': 'MEDIUM',
  'iam-role-trust-oidc-sub': 'HIGH',
  'iam-passrole-scoped': 'HIGH',
  'iam-unused-permissions': 'MEDIUM',
};
/** Vigil's own rules beyond the catalogue (reported to the lead). */
const VIGIL_EXTRAS: Record<string, string> = {
  'iam-principal-no-admin-access': 'HIGH',
  'iam-principal-no-privilege-escalation': 'HIGH',
};
const DETECTIONS = [
  'det-root-activity',
  'det-console-login-no-mfa',
  'det-console-auth-failures',
  'det-unauthorized-api-calls',
  'det-iam-policy-change',
  'det-s3-bucket-policy-change',
  'det-cloudtrail-config-change',
  'det-kms-key-disable-or-delete',
  'det-config-change',
];
const PERIODIC = ['iam-access-key-rotated-90d', 'iam-unused-credentials-90d', 'iam-unused-credentials-45d', 'iam-server-cert-not-expired', 'iam-no-access-key-at-user-setup', 'iam-user-no-long-lived-key-usage', 'iam-stale-bedrock-sagemaker-access', 'iam-unused-permissions'];

const RULES_DIR = join(__dirname, '..', '..', 'shared', 'rules', 'iam');
const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

describe('IAM rule catalogue', () => {
  it('every catalogue id exists exactly once, with the catalogue severity; the only extras are Vigil\'s two principal rules', () => {
    const ids = iamRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.fromEntries(iamRules.map((r) => [r.id, r.severity]))).toEqual({ ...CATALOGUE, ...VIGIL_EXTRAS });
    expect(Object.keys(CATALOGUE)).toHaveLength(29 + 5 + 18 + 5);
  });
  it('every §1.5 detection exists exactly once', () => {
    expect(iamDetections.map((d) => d.id).sort()).toEqual([...DETECTIONS].sort());
  });
  it('one file per rule: file name = id, export = camelCase id, and index.ts lists every file', () => {
    const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(iamRules.map((r) => r.id).sort());
    for (const id of files) expect(readFileSync(join(RULES_DIR, `${id}.ts`), 'utf8')).toContain(`export const ${camel(id)} = `);
    const detectionFiles = readdirSync(join(RULES_DIR, '..', 'detections')).filter((f) => f.startsWith('det-')).map((f) => f.replace(/\.ts$/, ''));
    expect(detectionFiles.sort()).toEqual([...DETECTIONS].sort());
  });
  it('metadata: good-state titles, remediation text, IAM read actions, known kinds, catalogue trigger modes', () => {
    const kinds = new Set(IAM_KINDS.map((k) => k.kind));
    for (const rule of iamRules) {
      expect({ id: rule.id, ensure: /^Ensure/i.test(rule.title), titleLength: rule.title.length <= 150 }).toEqual({ id: rule.id, ensure: false, titleLength: true });
      expect(rule.remediation.text.length).toBeGreaterThan(20);
      expect(rule.rationale.length).toBeGreaterThan(20);
      expect(rule.reads.length).toBeGreaterThan(0);
      for (const action of rule.reads) expect(action).toMatch(/^(iam|access-analyzer):[A-Z][A-Za-z]+$/);
      const ruleKinds = (rule as { kinds?: readonly string[] }).kinds ?? [rule.kind];
      for (const kind of ruleKinds) expect(kinds.has(kind)).toBe(true);
      expect({ id: rule.id, periodic: rule.trigger === 'P' }).toEqual({ id: rule.id, periodic: PERIODIC.includes(rule.id) });
    }
  });
  it('the family registers one entry per (rule, kind), unique per kind, and every IAM kind with a rule is reachable from a trigger row', () => {
    const pairs = iamFamily.rules.map((r) => `${r.id}|${r.kind}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const multi = iamRules.reduce((n, r) => n + ((r as { kinds?: readonly string[] }).kinds?.length ?? 1), 0);
    expect(iamFamily.rules).toHaveLength(multi);
    expect(iamFamily.rules.filter((r) => r.id === 'iam-inline-policy-no-admin-star').map((r) => r.kind)).toEqual(['AWS::IAM::User', 'AWS::IAM::Role', 'AWS::IAM::Group']);
    const triggered = new Set(iamFamily.triggers.map((t) => t.kind));
    expect(triggered.has('event')).toBe(true);
    for (const kind of new Set(iamFamily.rules.map((r) => r.kind))) expect({ kind, triggered: triggered.has(kind) }).toEqual({ kind, triggered: true });
    expect(Object.keys(iamFamily.collectors).sort()).toEqual(IAM_KINDS.map((k) => k.kind).sort());
    expect(iamFamily.detections).toBe(iamDetections);
  });
});
