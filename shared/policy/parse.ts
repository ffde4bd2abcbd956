/**
 * Decoding and normalisation of policy documents (spec §1). Every malformed input throws PolicyParseError naming the
 * problem; nothing is guessed.
 */
import { PolicyParseError } from '../core';

export interface PrincipalSet {
  /** `"*"` or `{"AWS":"*"}` (all principals, anonymous included). */
  readonly any: boolean;
  readonly aws: readonly string[];
  readonly service: readonly string[];
  readonly federated: readonly string[];
  readonly canonicalUser: readonly string[];
}
export interface ConditionClause {
  /** Operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  /** Key as written (compare case-insensitively). */
  readonly key: string;
  /** Values as strings (`false` ≡ `"false"`). */
  readonly values: readonly string[];
}
export interface ParsedStatement {
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly principal?: PrincipalSet;
  readonly notPrincipal?: PrincipalSet;
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources?: readonly string[];
  readonly notResources?: readonly string[];
  readonly conditions: readonly ConditionClause[];
}
export interface ParsedPolicy {
  readonly version?: string;
  readonly statements: readonly ParsedStatement[];
}

const VERSIONS = new Set(['2012-10-17', '2008-10-17']);
const POLICY_KEYS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);

/** Condition operators without set prefix or IfExists suffix, lower-cased (IAM-CND). */
export const BASE_OPERATORS = new Set([
  'stringequals', 'stringnotequals', 'stringequalsignorecase', 'stringnotequalsignorecase', 'stringlike', 'stringnotlike',
  'numericequals', 'numericnotequals', 'numericlessthan', 'numericlessthanequals', 'numericgreaterthan', 'numericgreaterthanequals',
  'dateequals', 'datenotequals', 'datelessthan', 'datelessthanequals', 'dategreaterthan', 'dategreaterthanequals',
  'bool', 'binaryequals', 'ipaddress', 'notipaddress', 'arnequals', 'arnlike', 'arnnotequals', 'arnnotlike', 'null',
]);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const describe = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return typeof value === 'object' ? 'an object' : String(value);
};

const tryJson = (text: string): { ok: true; value: unknown } | { ok: false; error: string } => {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
};

/** URL-decodes (when encoded) and JSON-parses a policy document as IAM returns it. */
export const decodePolicyDocument = (text: string): unknown => {
  if (typeof text !== 'string') throw new PolicyParseError(`policy document must be text, got ${describe(text)}`);
  let current = text.trim();
  // Config items may double-encode: a JSON string that holds the JSON text. Unwrap a bounded number of layers.
  for (let layer = 0; layer < 3; layer += 1) {
    if (current === '') throw new PolicyParseError('policy document is empty');
    const first = current[0];
    let parsed: unknown;
    if (first === '{' || first === '[' || first === '"') {
      const result = tryJson(current);
      if (!result.ok) throw new PolicyParseError(`policy document is not valid JSON: ${result.error}`);
      parsed = result.value;
    } else if (first === '%') {
      let decoded: string;
      try {
        decoded = decodeURIComponent(current);
      } catch {
        throw new PolicyParseError('policy document is not valid URL-encoded text');
      }
      let result = tryJson(decoded);
      if (!result.ok && decoded.includes('+')) result = tryJson(decodeURIComponent(current.replace(/\+/g, '%20')));
      if (!result.ok) throw new PolicyParseError(`URL-decoded policy document is not valid JSON: ${result.error}`);
      parsed = result.value;
    } else {
      throw new PolicyParseError(`policy document is neither JSON nor URL-encoded JSON (starts with ${describe(current.slice(0, 12))})`);
    }
    if (typeof parsed !== 'string') return parsed;
    current = parsed.trim();
  }
  throw new PolicyParseError('policy document is encoded too many times');
};

// Error messages name the statement and element; they are built only when there is an error (parsing runs for every
// element of every statement, so no per-element closures or strings). Parsing is synchronous: module state is safe.
let currentIndex = 0;
let currentSid: string | undefined;
const here = (suffix: string): string => `Statement[${currentIndex}]${currentSid !== undefined ? ` (Sid "${currentSid}")` : ''}${suffix}`;

const listError = (element: string, type: string | undefined, i: number | undefined, problem: string): PolicyParseError =>
  new PolicyParseError(`${here(`.${element}${type ? `.${type}` : ''}${i === undefined ? '' : `[${i}]`}`)} ${problem}`);

const stringList = (value: unknown, element: string, type?: string): string[] => {
  if (typeof value === 'string' && value.length > 0) return [value];
  if (!Array.isArray(value)) {
    throw listError(element, type, undefined, typeof value === 'string' ? 'is an empty string' : `must be a string, got ${describe(value)}`);
  }
  if (value.length === 0) throw listError(element, type, undefined, 'is an empty array');
  for (let i = 0; i < value.length; i += 1) {
    const item: unknown = value[i];
    if (typeof item !== 'string') throw listError(element, type, i, `must be a string, got ${describe(item)}`);
    if (item.length === 0) throw listError(element, type, i, 'is an empty string');
  }
  return value as string[];
};

const parsePrincipal = (value: unknown, element: 'Principal' | 'NotPrincipal'): PrincipalSet => {
  if (value === '*') return { any: true, aws: ['*'], service: [], federated: [], canonicalUser: [] };
  // Outside the grammar, but stored S3 policies hold it (recorded GetBucketPolicy): read it as an AWS principal.
  if (typeof value === 'string' && value.length > 0) return { any: false, aws: [value], service: [], federated: [], canonicalUser: [] };
  if (!isPlainObject(value)) throw new PolicyParseError(`${here(`.${element}`)} must be "*" or an object keyed by principal type, got ${describe(value)}`);
  let aws: string[] = NONE;
  let service: string[] = NONE;
  let federated: string[] = NONE;
  let canonicalUser: string[] = NONE;
  let types = 0;
  for (const type in value) {
    types += 1;
    const entry = value[type];
    if (type === 'AWS') aws = stringList(entry, element, type);
    else if (type === 'Service') service = stringList(entry, element, type);
    else if (type === 'Federated') federated = stringList(entry, element, type);
    else if (type === 'CanonicalUser') canonicalUser = stringList(entry, element, type);
    else throw new PolicyParseError(`${here(`.${element}`)} has unknown principal type "${type}" (expected AWS, Service, Federated or CanonicalUser)`);
  }
  if (types === 0) throw new PolicyParseError(`${here(`.${element}`)} is an empty object`);
  return { any: aws.includes('*'), aws, service, federated, canonicalUser };
};

const NONE: string[] = [];

export interface OperatorParts {
  /** Lower-cased base operator, e.g. `stringlike`. */
  readonly base: string;
  readonly set: 'any' | 'all' | null;
  readonly ifExists: boolean;
}

/** Splits `ForAnyValue:StringLikeIfExists` into its parts; null when the operator is unknown. */
export const splitOperator = (operator: string): OperatorParts | null => {
  let rest = operator.toLowerCase();
  let set: OperatorParts['set'] = null;
  if (rest.startsWith('foranyvalue:')) {
    set = 'any';
    rest = rest.slice('foranyvalue:'.length);
  } else if (rest.startsWith('forallvalues:')) {
    set = 'all';
    rest = rest.slice('forallvalues:'.length);
  }
  let ifExists = false;
  if (rest.endsWith('ifexists') && rest !== 'ifexists') {
    ifExists = true;
    rest = rest.slice(0, -'ifexists'.length);
  }
  if (!BASE_OPERATORS.has(rest)) return null;
  if (rest === 'null' && (ifExists || set)) return null;
  return { base: rest, set, ifExists };
};

const conditionValue = (value: unknown, operator: string, key: string, i?: number): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  throw new PolicyParseError(`${here(`.Condition.${operator}.${key}${i === undefined ? '' : `[${i}]`}`)} must be a string, number or boolean, got ${describe(value)}`);
};

const NO_CLAUSES: readonly ConditionClause[] = [];

const parseCondition = (value: unknown): readonly ConditionClause[] => {
  if (value === undefined) return NO_CLAUSES;
  if (!isPlainObject(value)) throw new PolicyParseError(`${here('.Condition')} must be an object, got ${describe(value)}`);
  const clauses: ConditionClause[] = [];
  for (const operator in value) {
    const block = value[operator];
    if (!splitOperator(operator)) throw new PolicyParseError(`${here('.Condition')} has unknown condition operator "${operator}"`);
    if (!isPlainObject(block)) throw new PolicyParseError(`${here(`.Condition.${operator}`)} must be an object of keys, got ${describe(block)}`);
    for (const key in block) {
      const raw = block[key];
      const values = Array.isArray(raw) ? raw.map((item, i) => conditionValue(item, operator, key, i)) : [conditionValue(raw, operator, key)];
      clauses.push({ operator, key, values });
    }
  }
  return clauses;
};

const parseStatement = (raw: unknown, index: number): ParsedStatement => {
  currentIndex = index;
  currentSid = undefined;
  if (!isPlainObject(raw)) throw new PolicyParseError(`${here('')} must be an object, got ${describe(raw)}`);
  for (const key in raw) {
    if (!STATEMENT_KEYS.has(key)) throw new PolicyParseError(`${here('')} has unknown element "${key}"`);
  }
  const sidRaw = raw.Sid;
  if (sidRaw !== undefined && typeof sidRaw !== 'string' && typeof sidRaw !== 'number') {
    throw new PolicyParseError(`${here('.Sid')} must be a string, got ${describe(sidRaw)}`);
  }
  const sid = sidRaw === undefined ? undefined : String(sidRaw);
  currentSid = sid || undefined;
  if (raw.Effect !== 'Allow' && raw.Effect !== 'Deny') {
    throw new PolicyParseError(`${here('')}: Effect must be "Allow" or "Deny", got ${raw.Effect === undefined ? 'nothing' : describe(raw.Effect)}`);
  }
  if ((raw.Action === undefined) === (raw.NotAction === undefined)) throw new PolicyParseError(`${here('')} must have exactly one of Action and NotAction`);
  if (raw.Resource !== undefined && raw.NotResource !== undefined) throw new PolicyParseError(`${here('')} has both Resource and NotResource`);
  if (raw.Principal !== undefined && raw.NotPrincipal !== undefined) throw new PolicyParseError(`${here('')} has both Principal and NotPrincipal`);
  const actionKey = raw.Action !== undefined ? 'Action' : 'NotAction';
  const actionList = stringList(raw[actionKey], actionKey);
  for (const action of actionList) {
    if (!action.includes(':') && !isStars(action)) throw new PolicyParseError(`${here(`.${actionKey}`)} "${action}" is not "*" or "service:action"`);
  }
  const statement: {
    -readonly [K in keyof ParsedStatement]: ParsedStatement[K];
  } = { index, effect: raw.Effect, conditions: parseCondition(raw.Condition) };
  if (sid !== undefined) statement.sid = sid;
  if (actionKey === 'Action') statement.actions = actionList;
  else statement.notActions = actionList;
  if (raw.Resource !== undefined) statement.resources = stringList(raw.Resource, 'Resource');
  if (raw.NotResource !== undefined) statement.notResources = stringList(raw.NotResource, 'NotResource');
  if (raw.Principal !== undefined) statement.principal = parsePrincipal(raw.Principal, 'Principal');
  if (raw.NotPrincipal !== undefined) statement.notPrincipal = parsePrincipal(raw.NotPrincipal, 'NotPrincipal');
  return statement;
};

const isStars = (value: string): boolean => {
  for (let i = 0; i < value.length; i += 1) if (value.charCodeAt(i) !== 42) return false;
  return value.length > 0;
};

/** Parses a document given as an object, JSON text or URL-encoded JSON text. Throws PolicyParseError naming the problem. */
export const parsePolicy = (document: unknown): ParsedPolicy => {
  const doc = typeof document === 'string' ? decodePolicyDocument(document) : document;
  if (!isPlainObject(doc)) throw new PolicyParseError(`policy document must be a JSON object, got ${describe(doc)}`);
  for (const key of Object.keys(doc)) {
    if (!POLICY_KEYS.has(key)) throw new PolicyParseError(`policy document has unknown top-level element "${key}"`);
  }
  const version = doc.Version;
  if (version !== undefined && (typeof version !== 'string' || !VERSIONS.has(version))) {
    throw new PolicyParseError(`policy Version must be "2012-10-17" or "2008-10-17", got ${describe(version)}`);
  }
  if (doc.Statement === undefined) throw new PolicyParseError('policy document has no Statement');
  const rawStatements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  const statements = rawStatements.map((raw, index) => parseStatement(raw, index));
  return version === undefined ? { statements } : { version, statements };
};
