/**
 * Vigil's own policy corpus, written from shared/spec/iam-semantics.md: each case names the rule (spec section) that
 * decides it, and asserts only the verdicts that rule decides.
 */
import type { PolicyContext, PolicyKind } from '../../shared/policy';

export interface CorpusCase {
  readonly id: string;
  /** Spec section (and table row) that decides the expected verdicts. */
  readonly rule: string;
  readonly kind: PolicyKind;
  readonly document: unknown;
  readonly context?: PolicyContext;
  readonly expect: {
    readonly public?: boolean;
    readonly crossAccount?: boolean;
    readonly crossAccountScope?: 'none' | 'org' | 'external' | 'public' | 'unknown';
    readonly accounts?: readonly string[];
    readonly admin?: boolean;
    readonly privesc?: boolean;
    /** Method names that must be among the matches. */
    readonly methods?: readonly string[];
    readonly confusedDeputy?: boolean;
    readonly tlsEnforced?: boolean;
    /** The document is invalid: analyzePolicy throws PolicyParseError whose message matches. */
    readonly error?: RegExp;
  };
}

export const OWN = '111122223333';
export const OTHER = '444455556666';
export const OWN_ORG = 'o-own1234567';
export const OTHER_ORG = 'o-other98765';
export const CONTEXT: PolicyContext = { accountId: OWN, orgId: OWN_ORG };

const B = 'arn:aws:s3:::examplebucket';
const OBJECTS = `${B}/*`;
const FN = `arn:aws:lambda:us-east-1:${OWN}:function:my-fn`;
const API = 'execute-api:/*';
const TABLE = `arn:aws:dynamodb:us-east-1:${OWN}:table/orders`;
const GITHUB = `arn:aws:iam::${OWN}:oidc-provider/token.actions.githubusercontent.com`;
const EKS = `arn:aws:iam::${OWN}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B716D3041E`;

type Statement = Record<string, unknown>;
const doc = (...statements: Statement[]) => ({ Version: '2012-10-17', Statement: statements });
const allowObjects = (principal: unknown, condition?: unknown): Statement => ({
  Effect: 'Allow',
  Principal: principal,
  Action: 's3:GetObject',
  Resource: OBJECTS,
  ...(condition ? { Condition: condition } : {}),
});
const publicRead = (condition?: unknown) => doc(allowObjects('*', condition));
const assume = (principal: unknown, condition?: unknown, action: unknown = 'sts:AssumeRole'): Statement => ({
  Effect: 'Allow',
  Principal: principal,
  Action: action,
  ...(condition ? { Condition: condition } : {}),
});
const identity = (...statements: Statement[]) => doc(...statements);
const allow = (action: unknown, resource: unknown = '*', extra: Statement = {}): Statement => ({ Effect: 'Allow', Action: action, Resource: resource, ...extra });
const deny = (action: unknown, resource: unknown = '*', extra: Statement = {}): Statement => ({ Effect: 'Deny', Action: action, Resource: resource, ...extra });
const tlsDeny = (extra: Statement = {}): Statement => ({
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [B, OBJECTS],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  ...extra,
});

const parsing: CorpusCase[] = [
  { id: 'parse-statement-object', rule: '§1.1', kind: 'identity-policy', document: { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }, expect: { admin: true } },
  { id: 'parse-action-array', rule: '§1.2', kind: 'identity-policy', document: identity(allow(['*'], ['*'])), expect: { admin: true } },
  { id: 'parse-principal-star-string', rule: '§1.3', kind: 'bucket-policy', document: publicRead(), expect: { public: true } },
  { id: 'parse-principal-aws-star', rule: '§1.3', kind: 'bucket-policy', document: doc(allowObjects({ AWS: '*' })), expect: { public: true } },
  { id: 'parse-principal-aws-star-array', rule: '§1.3', kind: 'bucket-policy', document: doc(allowObjects({ AWS: ['*'] })), expect: { public: true } },
  {
    id: 'parse-condition-json-false',
    rule: '§1.5',
    kind: 'bucket-policy',
    document: doc(tlsDeny({ Condition: { Bool: { 'aws:SecureTransport': false } } })),
    expect: { tlsEnforced: true },
  },
  {
    id: 'parse-condition-one-element-array',
    rule: '§1.5',
    kind: 'bucket-policy',
    document: doc(tlsDeny({ Condition: { Bool: { 'aws:SecureTransport': ['false'] } } })),
    expect: { tlsEnforced: true },
  },
  {
    id: 'parse-url-encoded-identity',
    rule: '§1 / controls §0.2.1',
    kind: 'identity-policy',
    document: encodeURIComponent(JSON.stringify(identity(allow('*')))),
    expect: { admin: true },
  },
  {
    id: 'parse-url-encoded-trust',
    rule: '§1 / controls §0.2.1',
    kind: 'trust-policy',
    document: encodeURIComponent(JSON.stringify(doc(assume({ AWS: '*' })))),
    expect: { public: true },
  },
  {
    id: 'parse-variable-2012-not-fixed',
    rule: '§1.6',
    kind: 'bucket-policy',
    document: publicRead({ StringEquals: { 'aws:userid': '${aws:username}' } }),
    expect: { public: true },
  },
  {
    id: 'parse-variable-2008-literal',
    rule: '§1.6',
    kind: 'bucket-policy',
    document: { Version: '2008-10-17', Statement: [allowObjects('*', { StringEquals: { 'aws:userid': '${aws:username}' } })] },
    expect: { public: false },
  },
  { id: 'error-unknown-effect', rule: '§1.7', kind: 'identity-policy', document: identity({ Effect: 'Permit', Action: '*', Resource: '*' }), expect: { error: /Effect/ } },
  { id: 'error-missing-effect', rule: '§1.7', kind: 'identity-policy', document: identity({ Action: '*', Resource: '*' }), expect: { error: /Effect/ } },
  { id: 'error-principal-in-identity', rule: '§1.4/§1.7', kind: 'identity-policy', document: identity(allow('*', '*', { Principal: '*' })), expect: { error: /identity policy cannot have Principal/ } },
  { id: 'error-action-and-notaction', rule: '§1.2', kind: 'identity-policy', document: identity(allow('*', '*', { NotAction: 's3:*' })), expect: { error: /exactly one of Action and NotAction/ } },
  { id: 'error-no-action', rule: '§1.2', kind: 'identity-policy', document: identity({ Effect: 'Allow', Resource: '*' }), expect: { error: /exactly one of Action and NotAction/ } },
  { id: 'error-unknown-principal-type', rule: '§1.3', kind: 'bucket-policy', document: doc(allowObjects({ User: 'bob' })), expect: { error: /unknown principal type/ } },
  { id: 'error-principal-number', rule: '§1.3', kind: 'bucket-policy', document: doc(allowObjects(42)), expect: { error: /Principal must be/ } },
  { id: 'parse-principal-bare-arn-string', rule: '§1.3 (stored S3 policies hold a bare ARN)', kind: 'bucket-policy', document: doc(allowObjects(`arn:aws:iam::${OTHER}:root`)), expect: { public: false, crossAccount: true, accounts: [OTHER] } },
  {
    id: 'error-unknown-operator',
    rule: '§1.5',
    kind: 'bucket-policy',
    document: publicRead({ StringSortOf: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }),
    expect: { error: /unknown condition operator/ },
  },
  { id: 'error-no-statement', rule: '§1.1', kind: 'identity-policy', document: { Version: '2012-10-17' }, expect: { error: /no Statement/ } },
  { id: 'error-not-json', rule: '§1', kind: 'identity-policy', document: '{"Version": "2012-10-17", "Statement": [', expect: { error: /not valid JSON/ } },
  { id: 'error-bad-version', rule: '§1.6', kind: 'identity-policy', document: { Version: '2013-01-01', Statement: [allow('*')] }, expect: { error: /Version/ } },
  { id: 'error-statement-not-object', rule: '§1.1', kind: 'identity-policy', document: { Version: '2012-10-17', Statement: ['Allow everything'] }, expect: { error: /Statement\[0\] must be an object/ } },
  { id: 'error-bucket-without-principal', rule: '§1.4', kind: 'bucket-policy', document: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: OBJECTS }), expect: { error: /needs Principal/ } },
  { id: 'error-resource-and-notresource', rule: '§1.2', kind: 'identity-policy', document: identity(allow('*', '*', { NotResource: B })), expect: { error: /both Resource and NotResource/ } },
  { id: 'error-condition-value-object', rule: '§1.5', kind: 'bucket-policy', document: publicRead({ StringEquals: { 'aws:SourceVpce': { id: 'x' } } }), expect: { error: /must be a string, number or boolean/ } },
];

const matching: CorpusCase[] = [
  { id: 'match-action-case-insensitive', rule: '§2 Action', kind: 'identity-policy', document: identity(allow('IAM:createpolicyversion')), expect: { privesc: true, methods: ['CreateNewPolicyVersion'] } },
  { id: 'match-action-inner-star', rule: '§2 Action', kind: 'identity-policy', document: identity(allow('iam:*AccessKey*')), expect: { privesc: true, methods: ['CreateAccessKey'] } },
  { id: 'match-action-question-mark', rule: '§2 Action / §11.16', kind: 'identity-policy', document: identity(allow('iam:Create?ccessKey')), expect: { privesc: true, methods: ['CreateAccessKey'] } },
  { id: 'match-action-put-star', rule: '§2 Action', kind: 'identity-policy', document: identity(allow('iam:Put*')), expect: { privesc: true, methods: ['PutUserPolicy', 'PutGroupPolicy', 'PutRolePolicy'] } },
  {
    id: 'match-resource-case-sensitive',
    rule: '§2 Resource',
    kind: 'bucket-policy',
    document: doc(allowObjects('*'), { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::EXAMPLEBUCKET/*' }),
    expect: { public: true },
  },
  {
    id: 'match-resource-prefix-covers',
    rule: '§2 static coverage',
    kind: 'bucket-policy',
    document: doc(allowObjects('*'), { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::example*' }),
    expect: { public: false },
  },
  {
    id: 'match-account-id-equals-root-arn',
    rule: '§2 Principal',
    kind: 'bucket-policy',
    document: doc(allowObjects({ AWS: `arn:aws:iam::${OTHER}:root` }), { Effect: 'Deny', Principal: { AWS: OTHER }, Action: 's3:*', Resource: OBJECTS }),
    expect: { crossAccount: false },
  },
  {
    id: 'match-condition-key-case',
    rule: '§2 Condition key names',
    kind: 'bucket-policy',
    document: publicRead({ StringEquals: { 'AWS:sourcevpce': 'vpce-1a2b3c4d' } }),
    expect: { public: false },
  },
  {
    id: 'match-action-pattern-deny-covers',
    rule: '§2 static coverage',
    kind: 'bucket-policy',
    document: doc(allowObjects('*'), { Effect: 'Deny', Principal: '*', Action: 'S3:Get*', Resource: OBJECTS }),
    expect: { public: false },
  },
  {
    id: 'match-deny-pattern-unknown-not-covered',
    rule: '§2 static coverage (unknown → not covered for Deny)',
    kind: 'bucket-policy',
    document: doc(allowObjects('*'), { Effect: 'Deny', Principal: '*', Action: 's3:*Acl', Resource: OBJECTS }),
    expect: { public: true },
  },
];

const evaluation: CorpusCase[] = [
  {
    id: 'deny-star-cancels-public',
    rule: '§3.1 Deny subtraction',
    kind: 'bucket-policy',
    document: doc(allowObjects('*'), { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [B, OBJECTS] }),
    expect: { public: false, crossAccount: false },
  },
  {
    id: 'deny-prefix-only-does-not-cancel',
    rule: '§3.1 Deny subtraction',
    kind: 'bucket-policy',
    document: doc(allowObjects('*'), { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: `${B}/private/*` }),
    expect: { public: true },
  },
  {
    id: 'deny-conditional-removes-nothing',
    rule: '§3.1 conditional Deny',
    kind: 'bucket-policy',
    document: doc(allowObjects('*'), { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: OBJECTS, Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }),
    expect: { public: true },
  },
  {
    id: 'deny-notprincipal-spares-own-role',
    rule: '§3.1 NotPrincipal in a Deny',
    kind: 'bucket-policy',
    document: doc(allowObjects('*'), { Effect: 'Deny', NotPrincipal: { AWS: `arn:aws:iam::${OWN}:role/reader` }, Action: 's3:*', Resource: OBJECTS }),
    expect: { public: false, crossAccount: false },
  },
  {
    id: 'deny-notprincipal-spares-foreign-role',
    rule: '§3.1 NotPrincipal in a Deny',
    kind: 'bucket-policy',
    document: doc(allowObjects('*'), { Effect: 'Deny', NotPrincipal: { AWS: `arn:aws:iam::${OTHER}:role/reader` }, Action: 's3:*', Resource: OBJECTS }),
    expect: { public: false, crossAccount: true },
  },
  {
    id: 'deny-notaction-covers',
    rule: '§3.1 NotAction in a Deny',
    kind: 'bucket-policy',
    document: doc(allowObjects('*'), { Effect: 'Deny', Principal: '*', NotAction: 's3:PutObject', Resource: OBJECTS }),
    expect: { public: false },
  },
  {
    id: 'deny-notaction-excludes-granted',
    rule: '§3.1 NotAction in a Deny',
    kind: 'bucket-policy',
    document: doc(allowObjects('*'), { Effect: 'Deny', Principal: '*', NotAction: 's3:GetObject', Resource: OBJECTS }),
    expect: { public: true },
  },
  {
    id: 'deny-notresource-covers',
    rule: '§3.1 NotResource in a Deny',
    kind: 'bucket-policy',
    document: doc(allowObjects('*'), { Effect: 'Deny', Principal: '*', Action: 's3:*', NotResource: 'arn:aws:s3:::otherbucket/*' }),
    expect: { public: false },
  },
  {
    id: 'deny-partial-actions',
    rule: '§3.1 Deny subtraction',
    kind: 'bucket-policy',
    document: doc({ ...allowObjects('*'), Action: ['s3:GetObject', 's3:PutObject'] }, { Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: OBJECTS }),
    expect: { public: true },
  },
  {
    id: 'deny-union-of-denies',
    rule: '§3.1 Deny subtraction',
    kind: 'bucket-policy',
    document: doc(
      { ...allowObjects('*'), Action: ['s3:GetObject', 's3:PutObject'] },
      { Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: OBJECTS },
      { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: OBJECTS },
    ),
    expect: { public: false },
  },
  {
    id: 'deny-negated-org-trust',
    rule: '§3.1 negated-Deny refinement',
    kind: 'trust-policy',
    document: doc(assume({ AWS: '*' }), { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': OWN_ORG } } }),
    expect: { public: false, crossAccountScope: 'org' },
  },
  {
    id: 'deny-negated-foreign-org-trust',
    rule: '§3.1 negated-Deny refinement / §5',
    kind: 'trust-policy',
    document: doc(assume({ AWS: '*' }), { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': OTHER_ORG } } }),
    expect: { public: false, crossAccount: true },
  },
  {
    id: 'deny-negated-two-keys-not-credited',
    rule: '§3.1 negated-Deny refinement (single key only)',
    kind: 'trust-policy',
    document: doc(assume({ AWS: '*' }), {
      Effect: 'Deny',
      Principal: '*',
      Action: 'sts:AssumeRole',
      Condition: { StringNotEquals: { 'aws:PrincipalOrgID': OWN_ORG, 'aws:PrincipalAccount': OWN } },
    }),
    expect: { public: true },
  },
  {
    id: 'deny-negated-vpce-trust',
    rule: '§3.1 negated-Deny refinement',
    kind: 'trust-policy',
    document: doc(assume({ AWS: '*' }), { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }),
    expect: { public: false },
  },
  {
    id: 'deny-conditional-keeps-cross-account',
    rule: '§3.1 conditional Deny',
    kind: 'bucket-policy',
    document: doc(allowObjects({ AWS: OTHER }), { Effect: 'Deny', Principal: { AWS: OTHER }, Action: 's3:*', Resource: OBJECTS, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }),
    expect: { crossAccount: true },
  },
  {
    id: 'deny-unconditional-foreign-account',
    rule: '§3.1 Deny subtraction',
    kind: 'bucket-policy',
    document: doc(allowObjects({ AWS: `arn:aws:iam::${OTHER}:user/alice` }), { Effect: 'Deny', Principal: { AWS: OTHER }, Action: '*', Resource: '*' }),
    expect: { crossAccount: false },
  },
  {
    id: 'deny-trust-everyone',
    rule: '§3.1 / §4.4',
    kind: 'trust-policy',
    document: doc(assume('*'), { Effect: 'Deny', Principal: '*', Action: 'sts:*' }),
    expect: { public: false, crossAccount: false },
  },
];

const bucketPublic: CorpusCase[] = [
  { id: 's3-star-no-condition', rule: '§4.1 documented example', kind: 'bucket-policy', document: publicRead(), expect: { public: true, crossAccount: true, crossAccountScope: 'public' } },
  { id: 's3-aws-list-with-star', rule: '§4.3 principalIsPublic', kind: 'bucket-policy', document: doc(allowObjects({ AWS: [`arn:aws:iam::${OTHER}:root`, '*'] })), expect: { public: true } },
  { id: 's3-partial-wildcard-principal', rule: '§4.3 principalIsPublic / §11.15', kind: 'bucket-policy', document: doc(allowObjects({ AWS: 'arn:aws:iam::*:root' })), expect: { public: true, crossAccount: true } },
  { id: 's3-notprincipal-allow', rule: '§4.3 principalIsPublic / §11.14', kind: 'bucket-policy', document: doc({ Effect: 'Allow', NotPrincipal: { AWS: `arn:aws:iam::${OWN}:root` }, Action: 's3:GetObject', Resource: OBJECTS }), expect: { public: true } },
  { id: 's3-federated-facebook', rule: '§4.1 documented example', kind: 'bucket-policy', document: doc({ Effect: 'Allow', Principal: { Federated: 'graph.facebook.com' }, Action: 's3:PutObject', Resource: OBJECTS }), expect: { public: true } },
  { id: 's3-federated-google', rule: '§4.3 principalIsPublic', kind: 'bucket-policy', document: doc({ ...allowObjects({ Federated: 'accounts.google.com' }) }), expect: { public: true } },
  { id: 's3-fixed-foreign-account', rule: '§4.3 fixed principal / §5', kind: 'bucket-policy', document: doc(allowObjects({ AWS: `arn:aws:iam::${OTHER}:root` })), expect: { public: false, crossAccount: true, accounts: [OTHER] } },
  { id: 's3-own-account', rule: '§4.3 fixed principal / §5', kind: 'bucket-policy', document: doc(allowObjects({ AWS: OWN })), expect: { public: false, crossAccount: false } },
  { id: 's3-own-role', rule: '§4.3 fixed principal', kind: 'bucket-policy', document: doc(allowObjects({ AWS: `arn:aws:iam::${OWN}:role/app` })), expect: { public: false, crossAccount: false } },
  { id: 's3-canonical-user', rule: '§4.3 fixed principal / §5', kind: 'bucket-policy', document: doc(allowObjects({ CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' })), expect: { public: false, crossAccountScope: 'unknown' } },
  { id: 's3-sourcevpc-wildcard', rule: '§4.1 documented example', kind: 'bucket-policy', document: publicRead({ StringLike: { 'aws:SourceVpc': 'vpc-*' } }), expect: { public: true } },
  { id: 's3-sourcevpc-fixed', rule: '§4.1 documented example', kind: 'bucket-policy', document: publicRead({ StringEquals: { 'aws:SourceVpc': 'vpc-91237329' } }), expect: { public: false } },
  { id: 's3-sourcevpce-fixed', rule: '§4.1 item 5', kind: 'bucket-policy', document: publicRead({ StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }), expect: { public: false, crossAccount: true } },
  { id: 's3-sourceip-24', rule: '§4.1 item 2', kind: 'bucket-policy', document: publicRead({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }), expect: { public: false } },
  { id: 's3-sourceip-slash-1', rule: '§4.1 item 2 (0.0.0.0/1 example)', kind: 'bucket-policy', document: publicRead({ IpAddress: { 'aws:SourceIp': '0.0.0.0/1' } }), expect: { public: true } },
  { id: 's3-sourceip-slash-0', rule: '§4.1 item 2', kind: 'bucket-policy', document: publicRead({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }), expect: { public: true } },
  { id: 's3-sourceip-slash-8', rule: '§4.3 CIDR rule', kind: 'bucket-policy', document: publicRead({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }), expect: { public: false } },
  { id: 's3-sourceip-slash-7', rule: '§4.3 CIDR rule', kind: 'bucket-policy', document: publicRead({ IpAddress: { 'aws:SourceIp': '12.0.0.0/7' } }), expect: { public: true } },
  { id: 's3-sourceip-bare-address', rule: '§4.3 CIDR rule (no prefix = /32)', kind: 'bucket-policy', document: publicRead({ IpAddress: { 'aws:SourceIp': '198.51.100.7' } }), expect: { public: false } },
  { id: 's3-sourceip-one-wide-value', rule: '§4.3 every value', kind: 'bucket-policy', document: publicRead({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '0.0.0.0/0'] } }), expect: { public: true } },
  { id: 's3-sourceip-ipv6-32', rule: '§4.3 CIDR rule IPv6', kind: 'bucket-policy', document: publicRead({ IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }), expect: { public: false } },
  { id: 's3-sourceip-ipv6-31', rule: '§4.3 CIDR rule IPv6', kind: 'bucket-policy', document: publicRead({ IpAddress: { 'aws:SourceIp': '2001:db8::/31' } }), expect: { public: true } },
  { id: 's3-sourceip-notipaddress', rule: '§4.3 negated operators', kind: 'bucket-policy', document: publicRead({ NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }), expect: { public: true } },
  { id: 's3-orgid-fixed', rule: '§4.1 item 1 (aws:PrincipalOrgID)', kind: 'bucket-policy', document: publicRead({ StringEquals: { 'aws:PrincipalOrgID': OWN_ORG } }), expect: { public: false } },
  { id: 's3-orgid-wildcard', rule: '§4.3 fixed values', kind: 'bucket-policy', document: publicRead({ StringLike: { 'aws:PrincipalOrgID': 'o-*' } }), expect: { public: true } },
  { id: 's3-orgid-forallvalues', rule: '§4.3 not ForAllValues', kind: 'bucket-policy', document: publicRead({ 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': OWN_ORG } }), expect: { public: true } },
  { id: 's3-orgid-foranyvalue', rule: '§4.3 ForAnyValue allowed', kind: 'bucket-policy', document: publicRead({ 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgID': OWN_ORG } }), expect: { public: false } },
  { id: 's3-vpce-ifexists', rule: '§4.3 not IfExists', kind: 'bucket-policy', document: publicRead({ StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }), expect: { public: true } },
  { id: 's3-vpce-negated', rule: '§4.3 not negated', kind: 'bucket-policy', document: publicRead({ StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }), expect: { public: true } },
  { id: 's3-vpce-null', rule: '§4.3 not Null', kind: 'bucket-policy', document: publicRead({ Null: { 'aws:SourceVpce': 'false' } }), expect: { public: true } },
  { id: 's3-sourceaccount-fixed', rule: '§4.1 item 7', kind: 'bucket-policy', document: publicRead({ StringEquals: { 'aws:SourceAccount': OWN } }), expect: { public: false, crossAccount: false } },
  { id: 's3-sourceaccount-foreign', rule: '§4.1 item 7 / §5', kind: 'bucket-policy', document: publicRead({ StringEquals: { 'aws:SourceAccount': OTHER } }), expect: { public: false, crossAccount: true } },
  { id: 's3-sourceowner-fixed', rule: '§4.1 item 6', kind: 'bucket-policy', document: publicRead({ StringEquals: { 'aws:SourceOwner': OWN } }), expect: { public: false } },
  { id: 's3-sourcearn-variable', rule: '§4.1 (no policy variable)', kind: 'bucket-policy', document: publicRead({ ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:${aws:PrincipalAccount}:topic' } }), expect: { public: true } },
  { id: 's3-sourcearn-fixed', rule: '§4.1 item 3', kind: 'bucket-policy', document: publicRead({ ArnEquals: { 'aws:SourceArn': `arn:aws:cloudfront::${OWN}:distribution/EDFDVBD6EXAMPLE` } }), expect: { public: false } },
  { id: 's3-sourcearn-wildcard-fixed-account', rule: '§11.5 (follows the S3 text)', kind: 'bucket-policy', document: publicRead({ ArnLike: { 'aws:SourceArn': `arn:aws:cloudfront::${OWN}:distribution/*` } }), expect: { public: true } },
  { id: 's3-userid-fixed', rule: '§4.1 item 8 / §11.2', kind: 'bucket-policy', document: publicRead({ StringEquals: { 'aws:userid': 'AIDAJQABLZS4A3QDU576Q' } }), expect: { public: false } },
  { id: 's3-referer-not-trusted', rule: '§4.3 (aws:Referer is not a restriction)', kind: 'bucket-policy', document: publicRead({ StringLike: { 'aws:Referer': 'https://www.example.com/*' } }), expect: { public: true } },
  { id: 's3-securetransport-allow-not-trusted', rule: '§4.3 / §9', kind: 'bucket-policy', document: publicRead({ Bool: { 'aws:SecureTransport': 'true' } }), expect: { public: true, tlsEnforced: false } },
  {
    id: 's3-accesspoint-arn-wildcard-name',
    rule: '§4.1 item 9 (bucket-policy exception)',
    kind: 'bucket-policy',
    document: publicRead({ ArnLike: { 's3:DataAccessPointArn': `arn:aws:s3:us-west-2:${OWN}:accesspoint/*` } }),
    expect: { public: false },
  },
  {
    id: 's3-accesspoint-arn-wildcard-account',
    rule: '§4.1 item 9',
    kind: 'bucket-policy',
    document: publicRead({ ArnLike: { 's3:DataAccessPointArn': 'arn:aws:s3:us-west-2:*:accesspoint/*' } }),
    expect: { public: true },
  },
  { id: 's3-accesspoint-account', rule: '§4.1 item 10', kind: 'bucket-policy', document: publicRead({ StringEquals: { 's3:DataAccessPointAccount': OWN } }), expect: { public: false } },
  { id: 's3-accesspoint-delegation-own-account', rule: '§5 (scope: access points of the owner)', kind: 'bucket-policy', document: doc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: '*', Resource: [B, OBJECTS], Condition: { StringEquals: { 's3:DataAccessPointAccount': OWN } } }), expect: { public: false, crossAccount: false } },
  { id: 's3-principalarn-fixed', rule: '§4.3 TRUSTED[S3] (aws:PrincipalArn)', kind: 'bucket-policy', document: publicRead({ ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${OWN}:role/app` } }), expect: { public: false, crossAccount: false } },
  { id: 's3-principalarn-wildcard', rule: '§4.3 fixed values (no trust relaxation)', kind: 'bucket-policy', document: publicRead({ ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${OWN}:role/*` } }), expect: { public: true } },
  {
    id: 's3-one-public-statement',
    rule: '§4.1 one public statement',
    kind: 'bucket-policy',
    document: doc(allowObjects('*', { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }), { ...allowObjects('*'), Action: 's3:ListBucket', Resource: B }),
    expect: { public: true },
  },
  {
    id: 's3-trusted-and-untrusted-anded',
    rule: '§4.3 AND of clauses',
    kind: 'bucket-policy',
    document: publicRead({ StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' }, StringLike: { 'aws:Referer': '*' } }),
    expect: { public: false },
  },
  { id: 's3-values-one-wildcard', rule: '§4.3 every value fixed (no * even under StringEquals)', kind: 'bucket-policy', document: publicRead({ StringEquals: { 'aws:SourceVpce': ['vpce-1a2b3c4d', 'vpce-*'] } }), expect: { public: true } },
  { id: 's3-stringlike-values-one-wildcard', rule: '§4.3 every value fixed', kind: 'bucket-policy', document: publicRead({ StringLike: { 'aws:SourceVpce': ['vpce-1a2b3c4d', 'vpce-*'] } }), expect: { public: true } },
  { id: 's3-service-principal-fixed', rule: '§4.3 fixed Service', kind: 'bucket-policy', document: doc({ Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: OBJECTS, Condition: { StringEquals: { 'aws:SourceAccount': OWN } } }), expect: { public: false, crossAccount: false, confusedDeputy: false } },
  { id: 's3-federated-saml-not-public', rule: '§4.3 (web-identity providers only)', kind: 'bucket-policy', document: doc(allowObjects({ Federated: `arn:aws:iam::${OWN}:saml-provider/corp` })), expect: { public: false } },
  { id: 's3-principal-is-aws-service-not-s3-key', rule: '§4.3 TRUSTED[S3]', kind: 'bucket-policy', document: publicRead({ Bool: { 'aws:PrincipalIsAWSService': 'true' } }), expect: { public: true } },
];

const otherPublic: CorpusCase[] = [
  { id: 'ddb-sourceip-not-trusted', rule: '§4.2 (no aws:SourceIp)', kind: 'table-resource-policy', document: doc({ Effect: 'Allow', Principal: '*', Action: 'dynamodb:GetItem', Resource: TABLE, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }), expect: { public: true } },
  { id: 'ddb-principalaccount', rule: '§4.2', kind: 'table-resource-policy', document: doc({ Effect: 'Allow', Principal: '*', Action: 'dynamodb:GetItem', Resource: TABLE, Condition: { StringEquals: { 'aws:PrincipalAccount': OWN } } }), expect: { public: false, crossAccount: false } },
  { id: 'ddb-is-aws-service-true', rule: '§4.2 (must be true)', kind: 'table-resource-policy', document: doc({ Effect: 'Allow', Principal: '*', Action: 'dynamodb:GetItem', Resource: TABLE, Condition: { Bool: { 'aws:PrincipalIsAWSService': 'true' } } }), expect: { public: false } },
  { id: 'ddb-is-aws-service-false', rule: '§4.2 (must be true)', kind: 'table-resource-policy', document: doc({ Effect: 'Allow', Principal: '*', Action: 'dynamodb:GetItem', Resource: TABLE, Condition: { Bool: { 'aws:PrincipalIsAWSService': 'false' } } }), expect: { public: true } },
  { id: 'ddb-sourcevpce', rule: '§4.2', kind: 'table-resource-policy', document: doc({ Effect: 'Allow', Principal: '*', Action: 'dynamodb:*', Resource: TABLE, Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }), expect: { public: false } },
  { id: 'ddb-star', rule: '§4.2 / §10', kind: 'table-resource-policy', document: doc({ Effect: 'Allow', Principal: '*', Action: 'dynamodb:Query', Resource: TABLE }), expect: { public: true } },
  { id: 'ddb-foreign-role', rule: '§5', kind: 'table-resource-policy', document: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:role/reader` }, Action: 'dynamodb:GetItem', Resource: TABLE }), expect: { public: false, crossAccount: true, accounts: [OTHER] } },
  { id: 'lambda-star-invoke', rule: '§4.3 / §10 Lambda', kind: 'lambda-resource-policy', document: doc({ Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: FN }), expect: { public: true, crossAccount: true } },
  { id: 'lambda-star-sourcearn-fixed', rule: '§4.3 Lambda uses the S3 set', kind: 'lambda-resource-policy', document: doc({ Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: FN, Condition: { ArnLike: { 'AWS:SourceArn': `arn:aws:sns:us-east-1:${OWN}:alerts` } } }), expect: { public: false } },
  { id: 'lambda-star-orgid', rule: '§4.3 / §10 layers', kind: 'lambda-resource-policy', document: doc({ Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: FN, Condition: { StringEquals: { 'aws:PrincipalOrgID': OWN_ORG } } }), expect: { public: false } },
  { id: 'lambda-url-auth-none', rule: '§4.3 Lambda function URLs', kind: 'lambda-resource-policy', document: doc({ Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunctionUrl', Resource: FN, Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } } }), expect: { public: true } },
  { id: 'lambda-foreign-account', rule: '§5', kind: 'lambda-resource-policy', document: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 'lambda:InvokeFunction', Resource: FN }), expect: { public: false, crossAccount: true } },
  { id: 'api-star-invoke', rule: '§10 API Gateway', kind: 'api-resource-policy', document: doc({ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: API }), expect: { public: true } },
  { id: 'api-sourceip-24', rule: '§4.3 API Gateway keeps aws:SourceIp', kind: 'api-resource-policy', document: doc({ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: API, Condition: { IpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '198.51.100.0/24'] } } }), expect: { public: false } },
  { id: 'api-sourceip-wide', rule: '§4.3 CIDR rule', kind: 'api-resource-policy', document: doc({ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: API, Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } }), expect: { public: true } },
  { id: 'api-private-vpce', rule: '§10 private APIs', kind: 'api-resource-policy', document: doc({ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: API, Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }), expect: { public: false } },
  { id: 'api-private-vpc', rule: '§10 private APIs', kind: 'api-resource-policy', document: doc({ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: API, Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-91237329' } } }), expect: { public: false } },
  { id: 'api-foreign-account', rule: '§5', kind: 'api-resource-policy', document: doc({ Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::${OTHER}:user/bob`] }, Action: 'execute-api:Invoke', Resource: API }), expect: { public: false, crossAccount: true } },
];

const trust: CorpusCase[] = [
  { id: 'trust-aws-star', rule: '§4.4 "*"', kind: 'trust-policy', document: doc(assume({ AWS: '*' })), expect: { public: true, crossAccount: true } },
  { id: 'trust-star-externalid', rule: '§4.4 / §8 external ID', kind: 'trust-policy', document: doc(assume('*', { StringEquals: { 'sts:ExternalId': 'abc123' } })), expect: { public: true } },
  { id: 'trust-star-own-org', rule: '§4.4 / §5', kind: 'trust-policy', document: doc(assume({ AWS: '*' }, { StringEquals: { 'aws:PrincipalOrgID': OWN_ORG } })), expect: { public: false, crossAccountScope: 'org' } },
  { id: 'trust-star-foreign-org', rule: '§5', kind: 'trust-policy', document: doc(assume({ AWS: '*' }, { StringEquals: { 'aws:PrincipalOrgID': OTHER_ORG } })), expect: { public: false, crossAccount: true, crossAccountScope: 'external' } },
  { id: 'trust-principalarn-foreign-role-wildcard', rule: '§4.4 fixed account segment', kind: 'trust-policy', document: doc(assume({ AWS: '*' }, { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${OTHER}:role/*` } })), expect: { public: false, crossAccount: true, accounts: [OTHER] } },
  { id: 'trust-principalarn-wildcard-account', rule: '§4.4 wildcard account segment', kind: 'trust-policy', document: doc(assume({ AWS: '*' }, { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/deploy' } })), expect: { public: true, crossAccount: true } },
  { id: 'trust-principalarn-own-role-wildcard', rule: '§4.4 / §5', kind: 'trust-policy', document: doc(assume({ AWS: '*' }, { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${OWN}:role/*` } })), expect: { public: false, crossAccount: false } },
  { id: 'trust-principalaccount-own', rule: '§5', kind: 'trust-policy', document: doc(assume({ AWS: '*' }, { StringEquals: { 'aws:PrincipalAccount': OWN } })), expect: { public: false, crossAccount: false } },
  { id: 'trust-principalarn-ifexists', rule: '§4.3 not IfExists', kind: 'trust-policy', document: doc(assume({ AWS: '*' }, { ArnLikeIfExists: { 'aws:PrincipalArn': `arn:aws:iam::${OWN}:role/*` } })), expect: { public: true } },
  { id: 'trust-root-wildcard', rule: '§8 any account', kind: 'trust-policy', document: doc(assume({ AWS: 'arn:aws:iam::*:root' })), expect: { public: true, crossAccount: true } },
  { id: 'trust-cognito-no-aud', rule: '§4.4 Cognito', kind: 'trust-policy', document: doc(assume({ Federated: 'cognito-identity.amazonaws.com' }, undefined, 'sts:AssumeRoleWithWebIdentity')), expect: { public: true } },
  {
    id: 'trust-cognito-aud-fixed',
    rule: '§4.4 Cognito',
    kind: 'trust-policy',
    document: doc(
      assume(
        { Federated: 'cognito-identity.amazonaws.com' },
        { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:12345678-abcd-abcd-abcd-123456789012' }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } },
        'sts:AssumeRoleWithWebIdentity',
      ),
    ),
    expect: { public: false, crossAccount: false },
  },
  {
    id: 'trust-cognito-aud-wildcard',
    rule: '§4.4 Cognito (fixed aud)',
    kind: 'trust-policy',
    document: doc(assume({ Federated: 'cognito-identity.amazonaws.com' }, { StringLike: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:*' } }, 'sts:AssumeRoleWithWebIdentity')),
    expect: { public: true },
  },
  {
    id: 'trust-cognito-amr-only',
    rule: '§4.4 Cognito',
    kind: 'trust-policy',
    document: doc(assume({ Federated: 'cognito-identity.amazonaws.com' }, { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } }, 'sts:AssumeRoleWithWebIdentity')),
    expect: { public: true },
  },
  { id: 'trust-github-aud-only', rule: '§4.4 GitHub (aud alone does not restrict)', kind: 'trust-policy', document: doc(assume({ Federated: GITHUB }, { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }, 'sts:AssumeRoleWithWebIdentity')), expect: { public: true } },
  {
    id: 'trust-github-repo-wildcard-after',
    rule: '§4.4 GitHub (GH example)',
    kind: 'trust-policy',
    document: doc(
      assume(
        { Federated: GITHUB },
        { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:*' } },
        'sts:AssumeRoleWithWebIdentity',
      ),
    ),
    expect: { public: false },
  },
  { id: 'trust-github-org-wildcard', rule: '§4.4 GitHub (repo must be fixed)', kind: 'trust-policy', document: doc(assume({ Federated: GITHUB }, { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/*' } }, 'sts:AssumeRoleWithWebIdentity')), expect: { public: true } },
  { id: 'trust-github-sub-star', rule: '§4.4 GitHub / §11.13', kind: 'trust-policy', document: doc(assume({ Federated: GITHUB }, { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*' } }, 'sts:AssumeRoleWithWebIdentity')), expect: { public: true } },
  {
    id: 'trust-github-branch-fixed',
    rule: '§4.4 GitHub',
    kind: 'trust-policy',
    document: doc(assume({ Federated: GITHUB }, { StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:ref:refs/heads/main' } }, 'sts:AssumeRoleWithWebIdentity')),
    expect: { public: false },
  },
  {
    id: 'trust-github-one-value-open',
    rule: '§4.4 GitHub (values are OR-ed)',
    kind: 'trust-policy',
    document: doc(assume({ Federated: GITHUB }, { StringLike: { 'token.actions.githubusercontent.com:sub': ['repo:octo-org/octo-repo:*', 'repo:*'] } }, 'sts:AssumeRoleWithWebIdentity')),
    expect: { public: true },
  },
  {
    id: 'trust-github-ifexists',
    rule: '§4.3 not IfExists',
    kind: 'trust-policy',
    document: doc(assume({ Federated: GITHUB }, { StringLikeIfExists: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:*' } }, 'sts:AssumeRoleWithWebIdentity')),
    expect: { public: true },
  },
  { id: 'trust-eks-sub-fixed', rule: '§4.4 other OIDC', kind: 'trust-policy', document: doc(assume({ Federated: EKS }, { StringEquals: { 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B716D3041E:sub': 'system:serviceaccount:default:app' } }, 'sts:AssumeRoleWithWebIdentity')), expect: { public: false } },
  { id: 'trust-eks-aud-only', rule: '§4.4 other OIDC', kind: 'trust-policy', document: doc(assume({ Federated: EKS }, { StringEquals: { 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B716D3041E:aud': 'sts.amazonaws.com' } }, 'sts:AssumeRoleWithWebIdentity')), expect: { public: true } },
  { id: 'trust-saml', rule: '§8 SAML (own account)', kind: 'trust-policy', document: doc(assume({ Federated: `arn:aws:iam::${OWN}:saml-provider/corp` }, { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }, 'sts:AssumeRoleWithSAML')), expect: { public: false, crossAccount: false } },
  { id: 'trust-service-only', rule: '§5 service principals', kind: 'trust-policy', document: doc(assume({ Service: 'ec2.amazonaws.com' })), expect: { public: false, crossAccount: false } },
  { id: 'trust-notprincipal', rule: '§4.3 / §11.14', kind: 'trust-policy', document: doc({ Effect: 'Allow', NotPrincipal: { AWS: `arn:aws:iam::${OWN}:root` }, Action: 'sts:AssumeRole' }), expect: { public: true } },
  { id: 'trust-tagsession-only', rule: '§8 (assume statements only)', kind: 'trust-policy', document: doc(assume('*', undefined, 'sts:TagSession')), expect: { public: false, crossAccount: false } },
  { id: 'trust-sts-star', rule: '§8 sts:*', kind: 'trust-policy', document: doc(assume('*', undefined, 'sts:*')), expect: { public: true } },
  { id: 'trust-action-star', rule: '§8 *', kind: 'trust-policy', document: doc(assume({ AWS: '*' }, undefined, '*')), expect: { public: true } },
  { id: 'trust-foreign-root', rule: '§5 / §8', kind: 'trust-policy', document: doc(assume({ AWS: `arn:aws:iam::${OTHER}:root` })), expect: { public: false, crossAccount: true, accounts: [OTHER] } },
  { id: 'trust-own-root', rule: '§5', kind: 'trust-policy', document: doc(assume({ AWS: `arn:aws:iam::${OWN}:root` })), expect: { public: false, crossAccount: false } },
  { id: 'trust-foreign-externalid', rule: '§8 external ID does not change crossAccount', kind: 'trust-policy', document: doc(assume({ AWS: OTHER }, { StringEquals: { 'sts:ExternalId': 'Unique-ID-1' } })), expect: { public: false, crossAccount: true, confusedDeputy: false } },
  { id: 'trust-foreign-assumed-role', rule: '§5 sts ARN account', kind: 'trust-policy', document: doc(assume({ AWS: `arn:aws:sts::${OTHER}:assumed-role/ops/alice` })), expect: { crossAccount: true, accounts: [OTHER] } },
  { id: 'trust-trusted-account', rule: '§5 trustedAccountIds', kind: 'trust-policy', context: { ...CONTEXT, trustedAccountIds: [OTHER] }, document: doc(assume({ AWS: OTHER })), expect: { crossAccount: false } },
];

const crossAccount: CorpusCase[] = [
  { id: 'cross-bare-id', rule: '§5 bare 12-digit ID', kind: 'bucket-policy', document: doc(allowObjects({ AWS: OTHER })), expect: { crossAccount: true, crossAccountScope: 'external', accounts: [OTHER] } },
  { id: 'cross-foreign-user', rule: '§5 ARN segment 5', kind: 'bucket-policy', document: doc(allowObjects({ AWS: `arn:aws:iam::${OTHER}:user/alice` })), expect: { crossAccount: true } },
  { id: 'cross-trusted-account', rule: '§5 / controls §0.2.3', kind: 'bucket-policy', context: { ...CONTEXT, trustedAccountIds: [OTHER] }, document: doc(allowObjects({ AWS: OTHER })), expect: { crossAccount: false } },
  { id: 'cross-star-foreign-org', rule: '§5 org ≠ context.orgId', kind: 'bucket-policy', document: publicRead({ StringEquals: { 'aws:PrincipalOrgID': OTHER_ORG } }), expect: { public: false, crossAccount: true, crossAccountScope: 'external' } },
  { id: 'cross-star-own-org', rule: '§5 / §11.7', kind: 'bucket-policy', document: publicRead({ StringEquals: { 'aws:PrincipalOrgID': OWN_ORG } }), expect: { public: false, crossAccountScope: 'org' } },
  { id: 'cross-star-principalaccount-own', rule: '§5', kind: 'bucket-policy', document: publicRead({ StringEquals: { 'aws:PrincipalAccount': OWN } }), expect: { public: false, crossAccount: false } },
  { id: 'cross-star-principalaccount-foreign', rule: '§5', kind: 'bucket-policy', document: publicRead({ StringEquals: { 'aws:PrincipalAccount': OTHER } }), expect: { public: false, crossAccount: true, accounts: [OTHER] } },
  { id: 'cross-star-principalarn-own', rule: '§5', kind: 'lambda-resource-policy', document: doc({ Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: FN, Condition: { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${OWN}:role/caller` } } }), expect: { public: false, crossAccount: false } },
  { id: 'cross-service-not-account', rule: '§5 service principals', kind: 'lambda-resource-policy', document: doc({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: FN, Condition: { ArnLike: { 'AWS:SourceArn': `arn:aws:sns:us-east-1:${OTHER}:topic` } } }), expect: { public: false, crossAccount: false } },
  { id: 'cross-public-is-cross', rule: '§5 public is crossAccount', kind: 'api-resource-policy', document: doc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'execute-api:Invoke', Resource: API }), expect: { crossAccount: true, crossAccountScope: 'public' } },
  { id: 'cross-federated-not-account', rule: '§5 Federated', kind: 'trust-policy', document: doc(assume({ Federated: GITHUB }, { StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:environment:prod' } }, 'sts:AssumeRoleWithWebIdentity')), expect: { crossAccount: false } },
  { id: 'cross-identity-policy', rule: '§5 (resource and trust policies)', kind: 'identity-policy', document: identity(allow('sts:AssumeRole', `arn:aws:iam::${OTHER}:role/x`)), expect: { crossAccount: false, public: false } },
];

const admin: CorpusCase[] = [
  { id: 'admin-star-star-string', rule: '§6 table row 1', kind: 'identity-policy', document: identity(allow('*', '*')), expect: { admin: true } },
  { id: 'admin-star-star-array', rule: '§6 table row 1', kind: 'identity-policy', document: identity(allow(['*'], ['*'])), expect: { admin: true } },
  { id: 'admin-star-star-statement-object', rule: '§6 table row 1', kind: 'identity-policy', document: { Version: '2012-10-17', Statement: allow('*', '*') }, expect: { admin: true } },
  { id: 'admin-star-colon-star', rule: '§6 (every action)', kind: 'identity-policy', document: identity(allow('*:*', '*')), expect: { admin: true } },
  { id: 'admin-with-mfa-condition', rule: '§6 table row 2', kind: 'identity-policy', document: identity(allow('*', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })), expect: { admin: true } },
  { id: 'admin-with-ip-condition', rule: '§6 table row 2', kind: 'identity-policy', document: identity(allow('*', '*', { Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })), expect: { admin: true } },
  { id: 'admin-s3-star', rule: '§6 table row 3', kind: 'identity-policy', document: identity(allow('s3:*', '*')), expect: { admin: false, privesc: false } },
  { id: 'admin-iam-star', rule: '§6 table row 3', kind: 'identity-policy', document: identity(allow('iam:*', '*')), expect: { admin: false, privesc: true } },
  { id: 'admin-notaction-iam', rule: '§6 table row 4 (PowerUserAccess)', kind: 'identity-policy', document: identity({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }), expect: { admin: false, privesc: true } },
  { id: 'admin-notaction-s3-resource', rule: '§6 table row 5', kind: 'identity-policy', document: identity({ Effect: 'Allow', NotAction: 's3:DeleteBucket', Resource: 'arn:aws:s3:::*' }), expect: { admin: false } },
  { id: 'admin-notaction-cofinite', rule: '§6 table row 6', kind: 'identity-policy', document: identity({ Effect: 'Allow', NotAction: ['s3:DeleteBucket'], Resource: '*' }), expect: { admin: true } },
  { id: 'admin-notresource-bucket', rule: '§6 table row 7', kind: 'identity-policy', document: identity({ Effect: 'Allow', Action: '*', NotResource: ['arn:aws:s3:::examplebucket'] }), expect: { admin: true } },
  { id: 'admin-one-bucket', rule: '§6 table row 8', kind: 'identity-policy', document: identity(allow('*', B)), expect: { admin: false } },
  { id: 'admin-deny-star', rule: '§6 table row 9', kind: 'identity-policy', document: identity(allow('*'), deny('*')), expect: { admin: false, privesc: false } },
  { id: 'admin-deny-iam', rule: '§6 table row 10', kind: 'identity-policy', document: identity(allow('*'), deny('iam:*')), expect: { admin: false } },
  { id: 'admin-deny-notaction', rule: '§6 table row 11', kind: 'identity-policy', document: identity(allow('*'), { Effect: 'Deny', NotAction: 's3:*', Resource: '*' }), expect: { admin: false } },
  {
    id: 'admin-deny-outside-region',
    rule: '§6 table row 12',
    kind: 'identity-policy',
    document: identity(allow('*'), deny('*', '*', { Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } } })),
    expect: { admin: true },
  },
  { id: 'admin-deny-non-iam-action', rule: '§6 (IAM intact)', kind: 'identity-policy', document: identity(allow('*'), deny('s3:DeleteBucket')), expect: { admin: true } },
  { id: 'admin-deny-iam-put', rule: '§6 (removes an IAM action)', kind: 'identity-policy', document: identity(allow('*'), deny('iam:Put*')), expect: { admin: false } },
  { id: 'admin-notaction-passrole', rule: '§6 (X removes an IAM action)', kind: 'identity-policy', document: identity({ Effect: 'Allow', NotAction: 'iam:PassRole', Resource: '*' }), expect: { admin: false } },
  { id: 'admin-notresource-iam', rule: '§6 (X removes IAM resources)', kind: 'identity-policy', document: identity({ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:iam::*:role/admin' }), expect: { admin: false } },
  { id: 'admin-notaction-star', rule: '§6 (X removes everything)', kind: 'identity-policy', document: identity({ Effect: 'Allow', NotAction: '*', Resource: '*' }), expect: { admin: false } },
  { id: 'admin-deny-star-on-bucket', rule: '§6 (resource carve-out, IAM intact)', kind: 'identity-policy', document: identity(allow('*'), deny('*', [B, OBJECTS])), expect: { admin: true } },
  { id: 'admin-bucket-policy-kind', rule: '§6 (identity policies)', kind: 'bucket-policy', document: doc({ Effect: 'Allow', Principal: { AWS: OWN }, Action: '*', Resource: [B, OBJECTS] }), expect: { admin: false } },
  { id: 'admin-deny-notresource', rule: '§6 (Deny NotResource makes A finite)', kind: 'identity-policy', document: identity(allow('*'), { Effect: 'Deny', Action: '*', NotResource: B }), expect: { admin: false } },
];

const single = (action: string, method: string): CorpusCase => ({
  id: `privesc-${method}`,
  rule: '§7.1 / §7.2 default catalogue',
  kind: 'identity-policy',
  document: identity(allow(action)),
  expect: { privesc: true, admin: false, methods: [method] },
});
const combo = (id: string, actions: string[], method: string): CorpusCase => ({
  id: `privesc-${id}`,
  rule: '§7.1 / §7.2 default catalogue',
  kind: 'identity-policy',
  document: identity(allow(actions)),
  expect: { privesc: true, methods: [method] },
});

const privesc: CorpusCase[] = [
  single('iam:CreatePolicyVersion', 'CreateNewPolicyVersion'),
  single('iam:SetDefaultPolicyVersion', 'SetExistingDefaultPolicyVersion'),
  combo('ec2-passrole', ['iam:PassRole', 'ec2:RunInstances'], 'CreateEC2WithExistingIP'),
  single('iam:CreateAccessKey', 'CreateAccessKey'),
  single('iam:CreateLoginProfile', 'CreateLoginProfile'),
  single('iam:UpdateLoginProfile', 'UpdateLoginProfile'),
  single('iam:AttachUserPolicy', 'AttachUserPolicy'),
  single('iam:AttachGroupPolicy', 'AttachGroupPolicy'),
  single('iam:AttachRolePolicy', 'AttachRolePolicy'),
  single('iam:PutUserPolicy', 'PutUserPolicy'),
  single('iam:PutGroupPolicy', 'PutGroupPolicy'),
  single('iam:PutRolePolicy', 'PutRolePolicy'),
  single('iam:AddUserToGroup', 'AddUserToGroup'),
  single('iam:UpdateAssumeRolePolicy', 'UpdateRolePolicyToAssumeIt'),
  combo('lambda-invoke', ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'], 'PassExistingRoleToNewLambdaThenInvoke'),
  combo(
    'lambda-new-dynamo',
    ['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping', 'dynamodb:CreateTable', 'dynamodb:PutItem'],
    'PassExistingRoleToNewLambdaThenTriggerWithNewDynamo',
  ),
  combo('lambda-existing-dynamo', ['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'], 'PassExistingRoleToNewLambdaThenTriggerWithExistingDynamo'),
  combo('glue-dev-endpoint', ['iam:PassRole', 'glue:CreateDevEndpoint'], 'PassExistingRoleToNewGlueDevEndpoint'),
  single('glue:UpdateDevEndpoint', 'UpdateExistingGlueDevEndpoint'),
  combo('cloudformation', ['iam:PassRole', 'cloudformation:CreateStack'], 'PassExistingRoleToCloudFormation'),
  combo('datapipeline', ['iam:PassRole', 'datapipeline:CreatePipeline'], 'PassExistingRoleToNewDataPipeline'),
  single('lambda:UpdateFunctionCode', 'EditExistingLambdaFunctionWithRole'),
  combo('glue-job-start', ['iam:PassRole', 'glue:CreateJob', 'glue:StartJobRun'], 'Glue job new'),
  combo('glue-job-trigger', ['iam:PassRole', 'glue:CreateJob', 'glue:CreateTrigger'], 'Glue job new'),
  combo('glue-job-update', ['iam:PassRole', 'glue:UpdateJob', 'glue:StartJobRun'], 'Glue job update'),
  combo('codebuild', ['iam:PassRole', 'codebuild:CreateProject', 'codebuild:StartBuild'], 'CodeBuild new project'),
  combo('codebuild-batch', ['iam:PassRole', 'codebuild:CreateProject', 'codebuild:StartBuildBatch'], 'CodeBuild new project'),
  combo('stackset', ['iam:PassRole', 'cloudformation:CreateStackSet', 'cloudformation:CreateStackInstances'], 'CloudFormation StackSet'),
  combo('changeset', ['cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet'], 'CloudFormation change set on existing stack'),
  combo('lambda-addpermission', ['iam:PassRole', 'lambda:CreateFunction', 'lambda:AddPermission'], 'Lambda + AddPermission'),
  combo('ec2-spot', ['iam:PassRole', 'ec2:RequestSpotInstances'], 'EC2 Spot'),
  { id: 'privesc-passrole-alone', rule: '§7.2 every action of a method', kind: 'identity-policy', document: identity(allow('iam:PassRole')), expect: { privesc: false } },
  { id: 'privesc-lambda-without-passrole', rule: '§7.2 every action of a method', kind: 'identity-policy', document: identity(allow(['lambda:CreateFunction', 'lambda:InvokeFunction'])), expect: { privesc: false } },
  { id: 'privesc-self-access-key', rule: '§7.2 self-scoped credential action', kind: 'identity-policy', document: identity(allow(['iam:CreateAccessKey', 'iam:DeleteAccessKey', 'iam:ListAccessKeys'], 'arn:aws:iam::*:user/${aws:username}')), expect: { privesc: false } },
  { id: 'privesc-self-login-profile', rule: '§7.2 self-scoped credential action', kind: 'identity-policy', document: identity(allow(['iam:CreateLoginProfile', 'iam:UpdateLoginProfile'], `arn:aws:iam::${OWN}:user/\${aws:username}`)), expect: { privesc: false } },
  { id: 'privesc-self-put-user-policy', rule: '§7.2 self-scoped permission change', kind: 'identity-policy', document: identity(allow('iam:PutUserPolicy', 'arn:aws:iam::*:user/${aws:username}')), expect: { privesc: true, methods: ['PutUserPolicy'] } },
  { id: 'privesc-self-attach-user-policy', rule: '§7.2 self-scoped permission change', kind: 'identity-policy', document: identity(allow('iam:AttachUserPolicy', `arn:aws:iam::${OWN}:user/\${aws:username}`)), expect: { privesc: true } },
  { id: 'privesc-star-on-s3-object', rule: '§7.2 other-service resources', kind: 'identity-policy', document: identity(allow('*', OBJECTS)), expect: { privesc: false, admin: false } },
  { id: 'privesc-role-wildcard', rule: '§7.2 resource-type wildcard', kind: 'identity-policy', document: identity(allow(['iam:PassRole', 'ec2:RunInstances'], [`arn:aws:iam::${OWN}:role/*`, 'arn:aws:ec2:*:*:*'])), expect: { privesc: true } },
  { id: 'privesc-policy-version-scoped', rule: '§7.2 resource-type wildcard', kind: 'identity-policy', document: identity(allow('iam:CreatePolicyVersion', `arn:aws:iam::${OWN}:policy/*`)), expect: { privesc: true } },
  { id: 'privesc-denied', rule: '§7.2 unconditional Deny', kind: 'identity-policy', document: identity(allow('iam:AttachUserPolicy'), deny('iam:AttachUserPolicy')), expect: { privesc: false } },
  { id: 'privesc-deny-conditional', rule: '§7.2 only UNCONDITIONAL Deny', kind: 'identity-policy', document: identity(allow('iam:AttachUserPolicy'), deny('iam:AttachUserPolicy', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } })), expect: { privesc: true } },
  { id: 'privesc-iam-star-denied', rule: '§7.2 unconditional Deny', kind: 'identity-policy', document: identity(allow('iam:*'), deny('iam:*')), expect: { privesc: false } },
  { id: 'privesc-deny-all-users', rule: '§7.2 Deny covering the resource scope', kind: 'identity-policy', document: identity(allow('iam:CreateAccessKey'), deny('iam:CreateAccessKey', 'arn:aws:iam::*:user/*')), expect: { privesc: false } },
  { id: 'privesc-read-only-iam', rule: '§7.2', kind: 'identity-policy', document: identity(allow(['iam:Get*', 'iam:List*'])), expect: { privesc: false } },
  { id: 'privesc-notaction-s3', rule: '§7.2 NotAction', kind: 'identity-policy', document: identity({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }), expect: { privesc: true, admin: true } },
  { id: 'privesc-runinstances-alone', rule: '§7.2 every action of a method', kind: 'identity-policy', document: identity(allow('ec2:RunInstances')), expect: { privesc: false } },
  { id: 'privesc-glue-endpoint-arn', rule: '§7.2 resource-type ARN', kind: 'identity-policy', document: identity(allow('glue:UpdateDevEndpoint', `arn:aws:glue:us-east-1:${OWN}:devEndpoint/*`)), expect: { privesc: true } },
  { id: 'privesc-update-code-function-arn', rule: '§7.2 resource-type ARN', kind: 'identity-policy', document: identity(allow('lambda:UpdateFunctionCode', `arn:aws:lambda:us-east-1:${OWN}:function:*`)), expect: { privesc: true } },
  { id: 'privesc-update-code-wrong-service', rule: '§7.2 other-service resources', kind: 'identity-policy', document: identity(allow('lambda:UpdateFunctionCode', OBJECTS)), expect: { privesc: false } },
  { id: 'privesc-split-statements', rule: '§7.2 (actions from several statements)', kind: 'identity-policy', document: identity(allow('iam:PassRole'), allow('cloudformation:CreateStack')), expect: { privesc: true, methods: ['PassExistingRoleToCloudFormation'] } },
  { id: 'privesc-notresource', rule: '§7.2 (NotResource: yes)', kind: 'identity-policy', document: identity({ Effect: 'Allow', Action: 'iam:CreateAccessKey', NotResource: `arn:aws:iam::${OWN}:user/admin` }), expect: { privesc: true, methods: ['CreateAccessKey'] } },
  { id: 'privesc-passrole-runinstances-split-resources', rule: '§7.2', kind: 'identity-policy', document: identity(allow('iam:PassRole', `arn:aws:iam::${OWN}:role/*`), allow('ec2:RunInstances', '*')), expect: { privesc: true, methods: ['CreateEC2WithExistingIP'] } },
  { id: 'privesc-passrole-on-s3', rule: '§7.2 other-service resources', kind: 'identity-policy', document: identity(allow('iam:PassRole', OBJECTS), allow('ec2:RunInstances', '*')), expect: { privesc: false } },
  { id: 'privesc-bucket-policy-kind', rule: '§7 (identity policies)', kind: 'bucket-policy', document: doc({ Effect: 'Allow', Principal: { AWS: OWN }, Action: '*', Resource: OBJECTS }), expect: { privesc: false } },
];

const personalize = (condition?: unknown) => doc(assume({ Service: 'personalize.amazonaws.com' }, condition));
const deputy: CorpusCase[] = [
  { id: 'deputy-personalize-open', rule: '§8 cross-service', kind: 'trust-policy', document: personalize(), expect: { confusedDeputy: true, public: false, crossAccount: false } },
  { id: 'deputy-personalize-sourceaccount', rule: '§8', kind: 'trust-policy', document: personalize({ StringEquals: { 'aws:SourceAccount': OWN } }), expect: { confusedDeputy: false } },
  { id: 'deputy-personalize-sourcearn', rule: '§8', kind: 'trust-policy', document: personalize({ ArnLike: { 'aws:SourceArn': `arn:aws:personalize:us-east-1:${OWN}:*` } }), expect: { confusedDeputy: false } },
  { id: 'deputy-personalize-sourcearn-any-account', rule: '§8 (* account segment)', kind: 'trust-policy', document: personalize({ ArnLike: { 'aws:SourceArn': 'arn:aws:personalize:us-east-1:*:*' } }), expect: { confusedDeputy: true } },
  { id: 'deputy-personalize-stringlike-star', rule: '§8 (StringLike * is not a restriction)', kind: 'trust-policy', document: personalize({ StringLike: { 'aws:SourceAccount': '*' } }), expect: { confusedDeputy: true } },
  { id: 'deputy-personalize-ifexists', rule: '§8 (non-IfExists)', kind: 'trust-policy', document: personalize({ StringEqualsIfExists: { 'aws:SourceAccount': OWN } }), expect: { confusedDeputy: true } },
  { id: 'deputy-personalize-negated', rule: '§8 (non-negated)', kind: 'trust-policy', document: personalize({ StringNotEquals: { 'aws:SourceAccount': OTHER } }), expect: { confusedDeputy: true } },
  { id: 'deputy-personalize-forallvalues', rule: '§8 (non-ForAllValues)', kind: 'trust-policy', document: personalize({ 'ForAllValues:StringEquals': { 'aws:SourceAccount': OWN } }), expect: { confusedDeputy: true } },
  { id: 'deputy-personalize-source-org', rule: '§8', kind: 'trust-policy', document: personalize({ StringEquals: { 'aws:SourceOrgID': OWN_ORG } }), expect: { confusedDeputy: false } },
  { id: 'deputy-personalize-externalid', rule: '§8 (external ID is the third-party guard)', kind: 'trust-policy', document: personalize({ StringEquals: { 'sts:ExternalId': 'abc' } }), expect: { confusedDeputy: true } },
  { id: 'deputy-lambda-s3-arn-only', rule: '§8 sources without an account segment', kind: 'lambda-resource-policy', document: doc({ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: FN, Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::examplebucket' } } }), expect: { confusedDeputy: true, public: false } },
  {
    id: 'deputy-lambda-s3-arn-and-account',
    rule: '§8 sources without an account segment',
    kind: 'lambda-resource-policy',
    document: doc({ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: FN, Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::examplebucket' }, StringEquals: { 'AWS:SourceAccount': OWN } } }),
    expect: { confusedDeputy: false },
  },
  { id: 'deputy-lambda-apigw-sourcearn', rule: '§8 (wildcards after the account)', kind: 'lambda-resource-policy', document: doc({ Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: FN, Condition: { ArnLike: { 'AWS:SourceArn': `arn:aws:execute-api:us-east-1:${OWN}:a1b2c3d4e5/*/GET/items` } } }), expect: { confusedDeputy: false } },
  { id: 'deputy-lambda-sns-open', rule: '§8 LAMBDA', kind: 'lambda-resource-policy', document: doc({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: FN }), expect: { confusedDeputy: true } },
  { id: 'deputy-bucket-logging-open', rule: '§8 bucket service grants', kind: 'bucket-policy', document: doc({ Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: OBJECTS }), expect: { confusedDeputy: true, public: false } },
  { id: 'deputy-bucket-cloudfront-arn', rule: '§8 bucket service grants', kind: 'bucket-policy', document: doc({ Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject', Resource: OBJECTS, Condition: { StringEquals: { 'AWS:SourceArn': `arn:aws:cloudfront::${OWN}:distribution/EDFDVBD6EXAMPLE` } } }), expect: { confusedDeputy: false, public: false } },
  { id: 'deputy-identity-policy', rule: '§8 (resource and trust policies)', kind: 'identity-policy', document: identity(allow('*')), expect: { confusedDeputy: false } },
];

const tls: CorpusCase[] = [
  { id: 'tls-standard', rule: '§9', kind: 'bucket-policy', document: doc(tlsDeny()), expect: { tlsEnforced: true, public: false } },
  { id: 'tls-action-star-resource-star', rule: '§9', kind: 'bucket-policy', document: doc(tlsDeny({ Action: '*', Resource: '*' })), expect: { tlsEnforced: true } },
  { id: 'tls-boolifexists', rule: '§9', kind: 'bucket-policy', document: doc(tlsDeny({ Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } } })), expect: { tlsEnforced: true } },
  { id: 'tls-aws-star-principal', rule: '§9', kind: 'bucket-policy', document: doc(tlsDeny({ Principal: { AWS: '*' } })), expect: { tlsEnforced: true } },
  { id: 'tls-objects-only', rule: '§9 (objects alone fails)', kind: 'bucket-policy', document: doc(tlsDeny({ Resource: OBJECTS })), expect: { tlsEnforced: false } },
  { id: 'tls-bucket-only', rule: '§9 (bucket ARN alone fails)', kind: 'bucket-policy', document: doc(tlsDeny({ Resource: B })), expect: { tlsEnforced: false } },
  { id: 'tls-single-action', rule: '§9 (a single action fails)', kind: 'bucket-policy', document: doc(tlsDeny({ Action: 's3:GetObject' })), expect: { tlsEnforced: false } },
  { id: 'tls-specific-principal', rule: '§9 (a specific principal fails)', kind: 'bucket-policy', document: doc(tlsDeny({ Principal: { AWS: `arn:aws:iam::${OWN}:root` } })), expect: { tlsEnforced: false } },
  { id: 'tls-notprincipal', rule: '§9 (no NotPrincipal carve-out)', kind: 'bucket-policy', document: doc({ ...tlsDeny(), Principal: undefined, NotPrincipal: { AWS: `arn:aws:iam::${OWN}:role/legacy` } }), expect: { tlsEnforced: false } },
  { id: 'tls-allow-securetransport-true', rule: '§9 (an Allow is not compliant)', kind: 'bucket-policy', document: doc({ Effect: 'Allow', Principal: { AWS: OWN }, Action: 's3:*', Resource: [B, OBJECTS], Condition: { Bool: { 'aws:SecureTransport': 'true' } } }), expect: { tlsEnforced: false } },
  { id: 'tls-wrong-polarity', rule: '§9 (true on a Deny denies HTTPS)', kind: 'bucket-policy', document: doc(tlsDeny({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } })), expect: { tlsEnforced: false } },
  { id: 'tls-extra-clause', rule: '§9 (no other clause AND-ed)', kind: 'bucket-policy', document: doc(tlsDeny({ Condition: { Bool: { 'aws:SecureTransport': 'false' }, StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })), expect: { tlsEnforced: false } },
  { id: 'tls-tlsversion-only', rule: '§9 notes (s3:TlsVersion alone)', kind: 'bucket-policy', document: doc(tlsDeny({ Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } })), expect: { tlsEnforced: false } },
  {
    id: 'tls-tlsversion-additional',
    rule: '§9 notes (good additional control)',
    kind: 'bucket-policy',
    document: doc(tlsDeny(), tlsDeny({ Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } })),
    expect: { tlsEnforced: true },
  },
  { id: 'tls-union', rule: '§9 union of Deny statements', kind: 'bucket-policy', document: doc(tlsDeny({ Resource: B }), tlsDeny({ Resource: OBJECTS })), expect: { tlsEnforced: true } },
  { id: 'tls-none', rule: '§9', kind: 'bucket-policy', document: doc(allowObjects({ AWS: OWN })), expect: { tlsEnforced: false } },
  { id: 'tls-and-public-independent', rule: '§9 notes (independent of publicness)', kind: 'bucket-policy', document: doc(allowObjects('*'), tlsDeny()), expect: { tlsEnforced: true, public: true } },
  { id: 'tls-string-false-uppercase-key', rule: '§2 key names / §9', kind: 'bucket-policy', document: doc(tlsDeny({ Condition: { Bool: { 'AWS:SecureTransport': 'false' } } })), expect: { tlsEnforced: true } },
];

export const CORPUS: readonly CorpusCase[] = [
  ...parsing,
  ...matching,
  ...evaluation,
  ...bucketPublic,
  ...otherPublic,
  ...trust,
  ...crossAccount,
  ...admin,
  ...privesc,
  ...deputy,
  ...tls,
];
