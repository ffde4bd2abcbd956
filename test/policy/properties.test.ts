/**
 * Property tests (fast-check): verdicts do not depend on statement order or string-vs-array forms; adding a Deny never
 * makes a policy more public or more privileged; an unconditioned Principal "*" Allow of a read action is public.
 */
import fc from 'fast-check';
import { analyzePolicy, type PolicyKind, type PolicyVerdicts } from '../../shared/policy';

const OWN = '111122223333';
const OTHER = '444455556666';
const CTX = { accountId: OWN, orgId: 'o-own1234567' };

// A fixed seed keeps CI reproducible; FC_SEED=<n> (or FC_SEED=random) explores other inputs locally.
if (process.env.FC_SEED !== 'random') fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261126) });
const B = 'arn:aws:s3:::examplebucket';

type Statement = Record<string, unknown>;

const principal = fc.constantFrom<unknown>(
  '*',
  { AWS: '*' },
  { AWS: OTHER },
  { AWS: [`arn:aws:iam::${OWN}:role/app`, `arn:aws:iam::${OTHER}:root`] },
  { AWS: 'arn:aws:iam::*:root' },
  { Service: 'logging.s3.amazonaws.com' },
  { Service: ['cloudfront.amazonaws.com', 'personalize.amazonaws.com'] },
  { CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' },
  { Federated: 'graph.facebook.com' },
);
const condition = fc.constantFrom<unknown>(
  undefined,
  { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
  { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '0.0.0.0/0'] } },
  { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
  { StringEquals: { 'aws:PrincipalOrgID': 'o-own1234567' } },
  { StringEquals: { 'aws:PrincipalOrgID': 'o-other98765' } },
  { StringNotEquals: { 'aws:PrincipalOrgID': 'o-own1234567' } },
  { StringLike: { 'aws:SourceVpc': 'vpc-*' } },
  { StringEquals: { 'aws:SourceAccount': OWN } },
  { ArnLike: { 'aws:SourceArn': `arn:aws:cloudfront::${OWN}:distribution/*` } },
  { Bool: { 'aws:SecureTransport': 'false' } },
  { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-own1234567' } },
);
const s3Action = fc.constantFrom('s3:GetObject', 's3:PutObject', 's3:*', 's3:Get*', '*', 's3:ListBucket', 's3:DeleteObject');
const s3Resource = fc.constantFrom(B, `${B}/*`, `${B}/private/*`, '*');

const withCondition = (statement: Statement, cond: unknown): Statement => (cond === undefined ? statement : { ...statement, Condition: cond });

const bucketStatement = fc
  .record({
    effect: fc.constantFrom('Allow', 'Deny'),
    principal,
    notPrincipal: fc.boolean(),
    actions: fc.array(s3Action, { minLength: 1, maxLength: 3 }),
    notAction: fc.boolean(),
    resources: fc.array(s3Resource, { minLength: 1, maxLength: 2 }),
    notResource: fc.boolean(),
    condition,
  })
  .map((r): Statement => {
    const principalKey = r.notPrincipal && r.principal !== '*' ? 'NotPrincipal' : 'Principal';
    return withCondition(
      { Effect: r.effect, [principalKey]: r.principal, [r.notAction ? 'NotAction' : 'Action']: r.actions, [r.notResource ? 'NotResource' : 'Resource']: r.resources },
      r.condition,
    );
  });

const iamAction = fc.constantFrom(
  '*', 'iam:*', 'iam:Put*', 'iam:PassRole', 'iam:CreateAccessKey', 'iam:AttachUserPolicy', 'ec2:RunInstances', 'lambda:CreateFunction',
  'lambda:InvokeFunction', 'lambda:UpdateFunctionCode', 's3:*', 'glue:UpdateDevEndpoint', 'cloudformation:CreateStack',
);
const iamResource = fc.constantFrom('*', `arn:aws:iam::${OWN}:role/*`, 'arn:aws:iam::*:user/${aws:username}', `${B}/*`, 'arn:aws:lambda:*:*:function:*');
const identityStatement = fc
  .record({
    effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
    actions: fc.array(iamAction, { minLength: 1, maxLength: 3 }),
    notAction: fc.boolean(),
    resources: fc.array(iamResource, { minLength: 1, maxLength: 2 }),
    notResource: fc.boolean(),
    condition: fc.constantFrom<unknown>(undefined, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
  })
  .map((r): Statement =>
    withCondition({ Effect: r.effect, [r.notAction ? 'NotAction' : 'Action']: r.actions, [r.notResource ? 'NotResource' : 'Resource']: r.resources }, r.condition),
  );

const trustStatement = fc
  .record({
    effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
    principal: fc.constantFrom<unknown>(
      '*',
      { AWS: OTHER },
      { AWS: `arn:aws:iam::${OWN}:root` },
      { Service: 'personalize.amazonaws.com' },
      { Federated: 'cognito-identity.amazonaws.com' },
      { Federated: `arn:aws:iam::${OWN}:oidc-provider/token.actions.githubusercontent.com` },
    ),
    action: fc.constantFrom<unknown>('sts:AssumeRole', ['sts:AssumeRoleWithWebIdentity'], 'sts:*', 'sts:TagSession'),
    condition: fc.constantFrom<unknown>(
      undefined,
      { StringEquals: { 'aws:SourceAccount': OWN } },
      { StringEquals: { 'sts:ExternalId': 'x' } },
      { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:*' } },
      { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool' } },
      { StringNotEquals: { 'aws:PrincipalOrgID': 'o-own1234567' } },
    ),
  })
  .map((r): Statement => withCondition({ Effect: r.effect, Principal: r.principal, Action: r.action }, r.condition));

const policyOf = (kind: PolicyKind): fc.Arbitrary<Statement[]> => {
  const statement = kind === 'identity-policy' ? identityStatement : kind === 'trust-policy' ? trustStatement : bucketStatement;
  return fc.array(statement, { minLength: 1, maxLength: 5 });
};
const KINDS: readonly PolicyKind[] = ['bucket-policy', 'identity-policy', 'trust-policy'];
const kindAndPolicy = fc.constantFrom(...KINDS).chain((kind) => policyOf(kind).map((statements) => ({ kind, statements })));

const booleans = (v: PolicyVerdicts) => ({
  public: v.public.value,
  crossAccount: v.crossAccount.value,
  scope: v.crossAccount.scope,
  admin: v.admin.value,
  privesc: v.privesc.value,
  methods: v.privesc.methods.map((m) => m.name).sort(),
  confusedDeputy: v.confusedDeputy.value,
  tlsEnforced: v.tlsEnforced.value,
});

const analyze = (kind: PolicyKind, statements: unknown) => analyzePolicy(kind, { Version: '2012-10-17', Statement: statements }, CTX);

/** Scalar ↔ one-element array for every list-valued element and principal type. */
const toggleForms = (statement: Statement, toArray: boolean): Statement => {
  const flip = (value: unknown): unknown => {
    if (toArray) return typeof value === 'string' ? [value] : value;
    return Array.isArray(value) && value.length === 1 ? value[0] : value;
  };
  const out: Statement = { ...statement };
  for (const key of ['Action', 'NotAction', 'Resource', 'NotResource']) if (key in out) out[key] = flip(out[key]);
  for (const key of ['Principal', 'NotPrincipal']) {
    const p = out[key];
    if (p && typeof p === 'object' && !Array.isArray(p)) out[key] = Object.fromEntries(Object.entries(p).map(([t, v]) => [t, flip(v)]));
  }
  if (out.Condition && typeof out.Condition === 'object') {
    out.Condition = Object.fromEntries(
      Object.entries(out.Condition as Record<string, Record<string, unknown>>).map(([op, block]) => [op, Object.fromEntries(Object.entries(block).map(([k, v]) => [k, flip(v)]))]),
    );
  }
  return out;
};

describe('policy engine properties', () => {
  it('statement order and string-vs-array forms never change a verdict', () => {
    fc.assert(
      fc.property(kindAndPolicy, fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), fc.integer({ min: 0, max: 1000 }), ({ kind, statements }, forms, seed) => {
        const shuffled = statements
          .map((s, i) => ({ s: toggleForms(s, forms[i % forms.length]), key: (i * 7919 + seed) % 101 }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.s);
        const single = statements.length === 1 && forms[0] ? statements[0] : statements;
        expect(booleans(analyze(kind, shuffled))).toEqual(booleans(analyze(kind, statements)));
        expect(booleans(analyze(kind, single))).toEqual(booleans(analyze(kind, statements)));
      }),
      { numRuns: 300 },
    );
  });

  it('adding a Deny never makes a policy more public or more privileged', () => {
    const denyFor = (kind: PolicyKind) =>
      (kind === 'identity-policy' ? identityStatement : kind === 'trust-policy' ? trustStatement : bucketStatement).map((s) => ({ ...s, Effect: 'Deny' }));
    fc.assert(
      fc.property(kindAndPolicy.chain((p) => denyFor(p.kind).map((deny) => ({ ...p, deny }))), ({ kind, statements, deny }) => {
        const before = analyze(kind, statements);
        const after = analyze(kind, [...statements, deny]);
        for (const verdict of ['public', 'crossAccount', 'admin', 'privesc', 'confusedDeputy'] as const) {
          if (after[verdict].value) expect({ verdict, before: before[verdict].value }).toEqual({ verdict, before: true });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('adding an unconditioned Principal "*" Allow of a read action always makes the policy public', () => {
    // Base policies whose Denies never touch the read action (a covering Deny would rightly cancel it).
    const base = fc.array(
      bucketStatement.map((s) => (s.Effect === 'Deny' ? { ...s, Action: ['s3:PutObject', 's3:DeleteObject'], NotAction: undefined } : s)),
      { maxLength: 4 },
    );
    const read = fc.constantFrom(
      { kind: 'bucket-policy' as const, statement: { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${B}/*` } },
      { kind: 'bucket-policy' as const, statement: { Effect: 'Allow', Principal: { AWS: '*' }, Action: ['s3:ListBucket'], Resource: B } },
    );
    fc.assert(
      fc.property(base, read, fc.boolean(), (statements, { kind, statement }, first) => {
        const cleaned = statements.map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)));
        const all = first ? [statement, ...cleaned] : [...cleaned, statement];
        const v = analyze(kind, all);
        expect(v.public.value).toBe(true);
        expect(v.crossAccount.value).toBe(true);
      }),
      { numRuns: 300 },
    );
    // The same for the other resource-policy kinds.
    for (const [kind, statement] of [
      ['table-resource-policy', { Effect: 'Allow', Principal: '*', Action: 'dynamodb:GetItem', Resource: `arn:aws:dynamodb:us-east-1:${OWN}:table/t` }],
      ['lambda-resource-policy', { Effect: 'Allow', Principal: '*', Action: 'lambda:GetFunction', Resource: `arn:aws:lambda:us-east-1:${OWN}:function:f` }],
      ['api-resource-policy', { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*/GET/*' }],
    ] as const) {
      expect(analyze(kind, [statement]).public.value).toBe(true);
    }
  });
});

describe('policy engine regressions found by the properties', () => {
  it('a Deny NotPrincipal {Service} never turns an Allow "*" into a trust of that service (confused deputy)', () => {
    const allow = { Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:*', NotResource: ['*'], Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-other98765' } } };
    const notPrincipalAllow = { Effect: 'Allow', NotPrincipal: { Service: 'logging.s3.amazonaws.com' }, NotAction: ['s3:GetObject'], NotResource: [`${B}/private/*`], Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-other98765' } } };
    const deny = { Effect: 'Deny', NotPrincipal: { Service: 'logging.s3.amazonaws.com' }, Action: ['s3:GetObject'], NotResource: [B] };
    expect(analyze('bucket-policy', [allow, notPrincipalAllow]).confusedDeputy.value).toBe(false);
    expect(analyze('bucket-policy', [allow, notPrincipalAllow, deny]).confusedDeputy.value).toBe(false);
  });
});
