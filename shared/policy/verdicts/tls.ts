/**
 * (f) TLS ENFORCEMENT — spec §9: Deny statements on everyone, all S3 actions, the bucket and its objects, whose only
 * condition is Bool/BoolIfExists aws:SecureTransport = false (several such Denies may share the coverage).
 */
import type { PolicyContext } from '../index';
import { catalogueServices, expandActionPattern } from '../catalogue';
import { isInsecureTransportTest } from '../conditions';
import { globMatch } from '../match';
import type { CompiledPolicy, CompiledStatement } from '../model';
import { setCoversPattern } from '../sets';
import type { Finding } from './common';
import { statementLabel } from './common';

const qualifies = (deny: CompiledStatement): boolean =>
  !deny.notPrincipal &&
  (deny.principals?.some((p) => p.type === 'any') ?? false) &&
  deny.conditions.length === 1 &&
  isInsecureTransportTest(deny.conditions[0]);

/** The buckets the policy is about: ctx.resourceArn, else the bucket names its statements use. */
const bucketArns = (policy: CompiledPolicy, ctx: PolicyContext): string[] => {
  const fromContext = ctx.resourceArn && /^arn:[^:]+:s3:::[^/]+$/.test(ctx.resourceArn) ? ctx.resourceArn : undefined;
  if (fromContext) return [fromContext];
  const names = new Set<string>();
  for (const statement of policy.statements) {
    for (const pattern of statement.resources?.patterns ?? []) {
      const match = /^(arn:[^:]+:s3:::)([^/*?]+)/.exec(pattern);
      if (match) names.add(`${match[1]}${match[2]}`);
    }
  }
  // No bucket named anywhere: only Denies on every resource can cover it.
  return names.size ? [...names] : ['arn:aws:s3:::\u0000bucket'];
};

/** Every S3 action is covered by the union of these action sets. */
const coverAllS3 = (sets: readonly CompiledStatement['actions'][]): boolean => {
  if (sets.some((s) => setCoversPattern(s, 's3:*'))) return true;
  if (!catalogueServices().includes('s3')) return false;
  const all = expandActionPattern('s3:*') ?? [];
  return all.length > 0 && all.every((a) => sets.some((s) => (s.negated ? !s.patterns.some((p) => globMatch(p, a.action.toLowerCase())) : s.patterns.some((p) => globMatch(p, a.action.toLowerCase())))));
};

const coversTarget = (deny: CompiledStatement, target: string): boolean => !deny.resources || setCoversPattern(deny.resources, target);

export interface TlsResult {
  readonly enforced: boolean;
  readonly findings: readonly Finding[];
  readonly reason: string;
}

export const tlsAnalysis = (policy: CompiledPolicy, ctx: PolicyContext): TlsResult => {
  if (policy.kind !== 'bucket-policy') {
    return { enforced: false, findings: [], reason: `TLS enforcement is judged on bucket policies, not on a ${policy.kind}` };
  }
  const denies = policy.denies.filter(qualifies);
  if (denies.length === 0) {
    const wrong = policy.statements.find((s) => s.conditions.some((c) => c.key === 'aws:securetransport'));
    return {
      enforced: false,
      findings: [],
      reason: wrong
        ? `${statementLabel(wrong)} tests aws:SecureTransport but is not a Deny of everyone whose only condition is aws:SecureTransport = false`
        : 'no Deny statement refuses requests with aws:SecureTransport = false',
    };
  }
  const used = new Set<CompiledStatement>();
  for (const bucket of bucketArns(policy, ctx)) {
    for (const target of [bucket, `${bucket}/*`]) {
      const covering = denies.filter((d) => coversTarget(d, target));
      if (!coverAllS3(covering.map((d) => d.actions))) {
        const part = target === bucket ? `the bucket ${bucket}` : `the objects ${target}`;
        return { enforced: false, findings: [], reason: `the Deny of insecure transport does not cover every S3 action on ${part}` };
      }
      covering.forEach((d) => used.add(d));
    }
  }
  const findings = [...used].map((d) => ({ statement: d, reason: `${statementLabel(d)} denies every S3 action to everyone when aws:SecureTransport is false` }));
  return { enforced: true, findings, reason: findings.map((f) => f.reason).join('; ') };
};
