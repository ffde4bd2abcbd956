import { PolicyParseError } from '../../shared/core';
import {
  actionMatches,
  allowStatements,
  analyzePolicy,
  decodePolicyDocument,
  externalGrants,
  parsePolicy,
  publicGrants,
} from '../../shared/policy';

const ctx = { accountId: '111122223333', orgId: 'o-own1234567' };
const bucket = (statements: unknown[]) => ({ Version: '2012-10-17', Statement: statements });

describe('policy API', () => {
  it('parses string-or-array forms into arrays', () => {
    const parsed = parsePolicy({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' } });
    expect(parsed.statements).toHaveLength(1);
    expect(parsed.statements[0].actions).toEqual(['s3:GetObject']);
    expect(parsed.statements[0].resources).toEqual(['arn:aws:s3:::b/*']);
  });

  it('decodes URL-encoded documents as IAM returns them', () => {
    const text = encodeURIComponent('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}');
    expect(decodePolicyDocument(text)).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    expect(analyzePolicy('identity-policy', text, ctx).admin.value).toBe(true);
  });

  it('rejects malformed documents with a typed error naming the problem', () => {
    expect(() => parsePolicy({ Statement: [{ Effect: 'Permit', Action: '*', Resource: '*' }] })).toThrow(PolicyParseError);
    expect(() => parsePolicy({ Statement: [{ Effect: 'Permit', Action: '*', Resource: '*' }] })).toThrow(/Effect/);
    expect(() => analyzePolicy('identity-policy', { Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }, ctx)).toThrow(/Principal/);
    expect(() => parsePolicy('{not json')).toThrow(PolicyParseError);
  });

  it('matches actions case-insensitively with * and ?', () => {
    expect(actionMatches('iam:*AccessKey*', 'IAM:listaccesskeys')).toBe(true);
    expect(actionMatches('s3:Get?bject', 's3:GetObject')).toBe(true);
    expect(actionMatches('s3:Get*', 's3:PutObject')).toBe(false);
  });

  it('publicGrants names the asked-for actions a public statement grants', () => {
    const doc = bucket([{ Sid: 'Pub', Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }]);
    const grants = publicGrants('bucket-policy', doc, ctx, ['s3:Get*', 's3:PutObject']);
    expect(grants).toHaveLength(1);
    expect(grants[0].statement).toEqual({ index: 0, sid: 'Pub' });
    expect(grants[0].actions).toEqual(['s3:Get*', 's3:PutObject']);
    expect(publicGrants('bucket-policy', doc, ctx, ['iam:PassRole'])).toEqual([]);
  });

  it('externalGrants reports foreign accounts but not the owner or the own org', () => {
    const foreign = bucket([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }]);
    expect(externalGrants('bucket-policy', foreign, ctx)).toHaveLength(1);
    const own = bucket([{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }]);
    expect(externalGrants('bucket-policy', own, ctx)).toEqual([]);
    const org = bucket([
      { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-own1234567' } } },
    ]);
    expect(externalGrants('bucket-policy', org, ctx)).toEqual([]);
    expect(externalGrants('bucket-policy', org, { ...ctx, orgId: 'o-other' })).toHaveLength(1);
  });

  it('allowStatements finds identity grants on all resources, minus unconditional Denies', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] };
    expect(allowStatements(doc, { actions: ['kms:Decrypt'] })).toHaveLength(1);
    const denied = { Version: '2012-10-17', Statement: [...doc.Statement, { Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' }] };
    expect(allowStatements(denied, { actions: ['kms:Decrypt'] })).toEqual([]);
    const oneKey = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:111122223333:key/abc' }] };
    expect(allowStatements(oneKey, { actions: ['kms:Decrypt'] })).toEqual([]);
  });
});

describe('policy API caching', () => {
  it('re-reads a document object that was changed between calls', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] as unknown[] };
    expect(analyzePolicy('bucket-policy', doc, ctx).public.value).toBe(true);
    doc.Statement.push({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' });
    expect(analyzePolicy('bucket-policy', doc, ctx).public.value).toBe(false);
  });

  it('gives the same verdicts for the same text asked twice and for another kind', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'sts:AssumeRole' }] });
    expect(analyzePolicy('trust-policy', text, ctx).crossAccount.value).toBe(true);
    expect(analyzePolicy('trust-policy', text, ctx).crossAccount.value).toBe(true);
    expect(() => analyzePolicy('identity-policy', text, ctx)).toThrow(/identity policy cannot have Principal/);
  });
});
