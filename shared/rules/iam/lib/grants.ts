import { actionMatches, allowStatements, parsePolicy, type Grant, type ParsedStatement } from '../../../policy';

const statementsByIndex = (document: string): Map<number, ParsedStatement> => new Map(parsePolicy(document).statements.map((s) => [s.index, s]));

/**
 * Allow statements granting a whole service (`<service>:*`, `*`, or a NotAction that spares the service) on every
 * resource — Prowler's "full access" checks. The engine finds the grants (Deny subtraction, resource coverage); the
 * written action patterns then tell a service-wide grant from one of a few actions.
 */
export const serviceWideGrants = (document: string, service: string): Grant[] => {
  const statements = statementsByIndex(document);
  const whole = `${service}:*`;
  return allowStatements(document, { actions: [whole] }).filter((grant) => {
    const statement = statements.get(grant.statement.index);
    if (!statement) return false;
    if (statement.actions) return statement.actions.some((pattern) => actionMatches(pattern, whole));
    // NotAction: service-wide unless it excludes some of the service's actions.
    return !(statement.notActions ?? []).some((pattern) => pattern === '*' || pattern.toLowerCase().startsWith(`${service.toLowerCase()}:`));
  });
};

/**
 * Allow statements granting one of `actions` on a resource pattern that holds a wildcard (`*`, `arn:aws:iam::*:role/x`,
 * `arn:aws:iam::1:role/*`) or through NotResource. Each wildcard pattern is put to the engine in turn, so Deny
 * subtraction and resource coverage stay the engine's.
 */
export const wildcardResourceGrants = (document: string, actions: readonly string[]): Grant[] => {
  const found = new Map<number, Grant>();
  for (const statement of parsePolicy(document).statements) {
    if (statement.effect !== 'Allow') continue;
    const patterns = statement.notResources ? ['*'] : (statement.resources ?? ['*']).filter((r) => r.includes('*'));
    for (const resource of patterns) {
      for (const grant of allowStatements(document, { actions, resource })) {
        if (grant.statement.index === statement.index && !found.has(statement.index)) found.set(statement.index, grant);
      }
    }
  }
  return [...found.values()].sort((a, b) => a.statement.index - b.statement.index);
};

/** Whether the statement carries a condition on `key` (case-insensitive), whatever its operator. */
export const hasConditionKey = (document: string, index: number, key: string): boolean =>
  (statementsByIndex(document).get(index)?.conditions ?? []).some((c) => c.key.toLowerCase() === key.toLowerCase());
