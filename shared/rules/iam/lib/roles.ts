import { parsePolicy, type ParsedStatement } from '../../../policy';
import type { IamRoleSnapshot } from '../../../resources/iam/types';

/** Allow statements of the trust policy (normalised by the policy engine). */
export const trustAllowStatements = (role: IamRoleSnapshot): readonly ParsedStatement[] =>
  role.trustPolicy ? parsePolicy(role.trustPolicy).statements.filter((s) => s.effect === 'Allow') : [];

/** Service principals of a trust statement. */
export const servicePrincipals = (statement: ParsedStatement): readonly string[] => statement.principal?.service ?? [];

/**
 * A service role: every Allow statement of its trust policy admits AWS services only (no account, user, role, federated
 * or anonymous principal). Prowler skips these for the AdministratorAccess / ReadOnlyAccess role checks.
 */
export const isServiceRole = (role: IamRoleSnapshot): boolean => {
  const statements = trustAllowStatements(role);
  return (
    statements.length > 0 &&
    statements.every((s) => {
      const p = s.principal;
      return !!p && !p.any && p.aws.length === 0 && p.federated.length === 0 && p.canonicalUser.length === 0 && p.service.length > 0;
    })
  );
};

/** A positive (not negated, not IfExists, not ForAllValues, not Null) condition on `key` with at least one value. */
export const hasPositiveCondition = (statement: ParsedStatement | undefined, key: string): boolean =>
  (statement?.conditions ?? []).some(
    (c) => c.key.toLowerCase() === key.toLowerCase() && c.values.length > 0 && !/not|ifexists|^null$|forallvalues/i.test(c.operator),
  );

/** Web-identity (OIDC / Cognito / social) federated principals, as opposed to SAML providers. */
export const webIdentityProviders = (statement: ParsedStatement): readonly string[] =>
  (statement.principal?.federated ?? []).filter((f) => !/:saml-provider\//.test(f));
