/**
 * Secret detector of catalogue §8.6, shared by the Lambda environment-variable rule and the API Gateway stage-variable rule.
 * It reports WHY an entry looks secret and a short SHA-256 prefix of the value, never the value itself.
 * Every regular expression here is written by us (none comes from input), anchored or bounded, and runs on a length-capped value.
 */
import { createHash } from 'node:crypto';

export const SecretDetector = {
  KEY_NAME: 'key-name',
  AWS_ACCESS_KEY_ID: 'aws-access-key-id',
  AWS_SECRET_KEY: 'aws-secret-key',
  PRIVATE_KEY_PEM: 'private-key-pem',
  JWT: 'jwt',
  SLACK_TOKEN: 'slack-token',
  GITHUB_TOKEN: 'github-token',
  CONNECTION_STRING_CREDENTIALS: 'connection-string-credentials',
  HIGH_ENTROPY: 'high-entropy',
} as const;
export type SecretDetectorId = (typeof SecretDetector)[keyof typeof SecretDetector];

/** One entry that looks like a secret. Holds no part of the value except a 12-hex-digit SHA-256 prefix (to tell two values apart). */
export interface SecretHit {
  /** The entry's name (environment variable, stage variable). */
  readonly name: string;
  readonly detector: SecretDetectorId;
  /** Why it looks secret, for a person. Never quotes the value. */
  readonly reason: string;
  /** First 12 hex characters of the SHA-256 of the value. */
  readonly sha256Prefix: string;
}

/** Values longer than this are only scanned over their first MAX_SCAN characters (Lambda's whole environment is 4 KB). */
const MAX_SCAN = 16_384;

/** Minimum length and entropy (bits per character, strictly greater) of the high-entropy detector (§8.6). */
export const HIGH_ENTROPY_MIN_LENGTH = 20;
export const HIGH_ENTROPY_THRESHOLD = 4.0;

export const sha256Prefix = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 12);

// ---- allowed references: a pointer to a secret store is the recommended practice, not a secret -------------------------------

const ALLOWED_REFERENCES: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  { pattern: /^arn:aws[a-z-]{0,20}:secretsmanager:[a-z0-9-]{1,30}:\d{12}:secret:[^\s]{1,512}$/, what: 'Secrets Manager ARN' },
  { pattern: /^arn:aws[a-z-]{0,20}:ssm:[a-z0-9-]{1,30}:\d{12}:parameter\/[^\s]{1,2048}$/, what: 'SSM parameter ARN' },
  { pattern: /^arn:aws[a-z-]{0,20}:kms:[a-z0-9-]{1,30}:\d{12}:(?:key|alias)\/[^\s]{1,256}$/, what: 'KMS key ARN' },
  { pattern: /^\{\{resolve:[a-z-]{1,32}:[^{}\s]{1,2048}\}\}$/, what: 'dynamic reference' },
];

/** True for Secrets Manager / SSM parameter / KMS ARNs and `{{resolve:...}}` dynamic references. */
export const isAllowedSecretReference = (value: string): boolean => {
  const v = value.trim();
  return ALLOWED_REFERENCES.some((r) => r.pattern.test(v));
};

// ---- value patterns, strongest first ---------------------------------------------------------------------------------------

const ACCESS_KEY_ID = /(?:^|[^A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/;
const SECRET_KEY_SHAPE = /^[A-Za-z0-9/+]{40}$/;
const SECRET_KEY_NAME = /secret[_-]?access[_-]?key|aws[_-]?secret/i;
const PEM_PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY(?: BLOCK)?-----/;
// Header and payload of a JWT are base64url JSON objects (`{"` → `eyJ`); '.' is outside the classes, so matching is linear.
const JWT = /eyJ[A-Za-z0-9_-]{4,4096}\.eyJ[A-Za-z0-9_-]{4,8192}\./;
const SLACK_TOKEN = /xox[abposr]-[A-Za-z0-9-]{10,250}/;
const GITHUB_TOKEN = /(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,255})/;
// scheme://user:password@ — the userinfo parts exclude the delimiters, so there is one way to match.
const CONNECTION_STRING = /[A-Za-z][A-Za-z0-9+.-]{1,30}:\/\/([^\s:/@]{0,256}):([^\s/@]{1,256})@/;
const PLACEHOLDER = /^(?:\$\{[^{}]{1,256}\}|\{\{resolve:[^{}]{1,2048}\}\}|\*{3,}|x{3,}|<[^<>]{1,64}>)$/i;

// ---- key-name heuristic ----------------------------------------------------------------------------------------------------

/** §8.6 key-name heuristic. */
const SECRET_NAME = /pass(?:word)?|passwd|secret|token|api[_-]?key|private[_-]?key|client[_-]?secret|credential|auth/i;
/** Words that contain a heuristic fragment but name no credential. */
const BENIGN_NAME_WORDS = /passthrough|bypass|compass|passenger|author(?!i[sz])/gi;
/**
 * Last name segment saying the value describes a secret rather than being one: the NAME / ARN / ID / PATH of a Secrets Manager
 * secret or SSM parameter is an allowed reference (§8.6), a header name or a TTL is metadata.
 */
const DESCRIPTOR_SUFFIX =
  /(?:^|[_\-.])(?:arn|name|id|path|param|parameter|ref|reference|location|url|uri|endpoint|host|domain|port|header|file|ttl|timeout|expiry|expiration|expires|length|size|type|mode|enabled|disabled|region|version|format|algorithm|issuer|audience|scope|scopes|provider|user|username|rotation|days|seconds|minutes|hours)$/i;

const BOOLEAN_OR_WORD = /^(?:true|false|yes|no|on|off|enabled|disabled|none|null|undefined|nil|required|optional)$/i;
const NUMBER_WITH_UNIT = /^-?\d{1,20}(?:\.\d{1,20})?(?:ms|s|m|h|d|kb|mb|gb)?$/i;
const URL_WITHOUT_USERINFO = /^[A-Za-z][A-Za-z0-9+.-]{1,30}:\/\/[^\s@]{1,2048}$/;
const REGION = /^(?:[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]{4,12}-\d{1,2})$/;
const ARN = /^arn:aws[a-z-]{0,20}:[a-z0-9-]{1,64}:[a-z0-9-]{0,30}:(?:\d{12})?:[^\s]{1,2048}$/;
const PATH = /^\/[A-Za-z0-9_.\-/]{0,2048}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN_CHARSET = /^[A-Za-z0-9+/=_\-.~]+$/;

/** Values that carry no secret whatever the name: booleans, numbers, plain URLs, Regions, ARNs, paths, placeholders. */
const isBenignValue = (value: string): boolean =>
  value.length === 0 ||
  BOOLEAN_OR_WORD.test(value) ||
  NUMBER_WITH_UNIT.test(value) ||
  URL_WITHOUT_USERINFO.test(value) ||
  REGION.test(value) ||
  ARN.test(value) ||
  PATH.test(value) ||
  PLACEHOLDER.test(value);

/** Shannon entropy in bits per character. */
export const shannonEntropy = (value: string): number => {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
};

/** A name-like segment (`production`, `OrderHandler`, `HTTP`, `v2`, `2024`): words with an optional trailing number. */
const isWordLikeSegment = (segment: string): boolean => {
  if (segment.length === 0 || /^\d+$/.test(segment)) return true;
  if (segment.length > 40) return false;
  const m = /^([A-Za-z]+)(\d*)$/.exec(segment);
  if (!m) return false;
  return m[1]!.split(/(?=[A-Z][a-z])/).every((word) => /^[a-z]+$/.test(word) || /^[A-Z]+$/.test(word) || /^[A-Z]+[a-z]{2,}$/.test(word));
};

/** Identifiers such as `orders-service-v2-production` or `com.example.OrderHandler`: high entropy by length, not random. */
const isIdentifierLike = (value: string): boolean => value.split(/[-_./~]/).every(isWordLikeSegment);

const characterClasses = (value: string): number => Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/\d/.test(value));

const looksHighEntropy = (value: string): { entropy: number } | undefined => {
  if (value.length < HIGH_ENTROPY_MIN_LENGTH || !TOKEN_CHARSET.test(value)) return undefined;
  if (UUID.test(value) || characterClasses(value) < 2 || isIdentifierLike(value)) return undefined;
  const entropy = shannonEntropy(value);
  return entropy > HIGH_ENTROPY_THRESHOLD ? { entropy } : undefined;
};

const nameLooksSecret = (name: string): string | undefined => {
  const cleaned = name.replace(BENIGN_NAME_WORDS, ' ');
  const m = SECRET_NAME.exec(cleaned);
  if (!m || DESCRIPTOR_SUFFIX.test(name)) return undefined;
  return m[0].toLowerCase();
};

type Detection = { readonly detector: SecretDetectorId; readonly reason: string };

const detectOne = (name: string, rawValue: string, anyAccessKeyId: boolean): Detection | undefined => {
  const value = rawValue.slice(0, MAX_SCAN).trim();
  if (value.length === 0 || isAllowedSecretReference(value)) return undefined;

  if (PEM_PRIVATE_KEY.test(value)) return { detector: SecretDetector.PRIVATE_KEY_PEM, reason: 'value contains a PEM private key header' };
  if (ACCESS_KEY_ID.test(value)) {
    return { detector: SecretDetector.AWS_ACCESS_KEY_ID, reason: 'value contains an AWS access key id (AKIA/ASIA followed by 16 characters)' };
  }
  if (SECRET_KEY_SHAPE.test(value) && (anyAccessKeyId || SECRET_KEY_NAME.test(name))) {
    return {
      detector: SecretDetector.AWS_SECRET_KEY,
      reason: anyAccessKeyId
        ? 'value has the 40-character shape of an AWS secret access key and an access key id sits beside it'
        : 'value has the 40-character shape of an AWS secret access key and the name says it is one',
    };
  }
  if (JWT.test(value)) return { detector: SecretDetector.JWT, reason: 'value contains a JSON Web Token (eyJ….eyJ….)' };
  if (SLACK_TOKEN.test(value)) return { detector: SecretDetector.SLACK_TOKEN, reason: 'value contains a Slack token (xox?- prefix)' };
  if (GITHUB_TOKEN.test(value)) return { detector: SecretDetector.GITHUB_TOKEN, reason: 'value contains a GitHub token (ghp_/gho_/ghu_/ghs_/ghr_/github_pat_ prefix)' };
  const conn = CONNECTION_STRING.exec(value);
  if (conn && !PLACEHOLDER.test(conn[2]!)) {
    return { detector: SecretDetector.CONNECTION_STRING_CREDENTIALS, reason: 'value is a connection string with an embedded password (scheme://user:password@host)' };
  }

  const fragment = nameLooksSecret(name);
  if (fragment && !isBenignValue(value)) {
    return { detector: SecretDetector.KEY_NAME, reason: `name contains "${fragment}" and the value is a literal, not a reference to Secrets Manager or SSM` };
  }

  const high = looksHighEntropy(value);
  if (high) {
    return {
      detector: SecretDetector.HIGH_ENTROPY,
      reason: `value is a random-looking string (${value.length} characters, ${high.entropy.toFixed(2)} bits of entropy per character)`,
    };
  }
  return undefined;
};

/**
 * Scans name → value entries (Lambda environment variables, API Gateway stage variables) and returns one hit per entry that
 * looks like a secret, ordered by name. Undefined values are skipped. Values are hashed, never returned.
 */
export const detectSecrets = (entries: Readonly<Record<string, string | undefined>>): SecretHit[] => {
  const present = Object.entries(entries).filter((e): e is [string, string] => typeof e[1] === 'string');
  const anyAccessKeyId = present.some(([, v]) => ACCESS_KEY_ID.test(v.slice(0, MAX_SCAN)));
  const hits: SecretHit[] = [];
  for (const [name, value] of present) {
    const found = detectOne(name, value, anyAccessKeyId);
    if (found) hits.push({ name, detector: found.detector, reason: found.reason, sha256Prefix: sha256Prefix(value) });
  }
  return hits.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
};
