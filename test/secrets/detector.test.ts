import { createHash } from 'node:crypto';
import {
  detectSecrets,
  HIGH_ENTROPY_THRESHOLD,
  isAllowedSecretReference,
  sha256Prefix,
  shannonEntropy,
} from '../../shared/resources/secrets/detector';
import { loadApiResponse } from '../helpers/fixtures';

// Test values are assembled at run time so that no literal credential-shaped string sits in the repository.
const AKID = ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('');
const SECRET40 = ['wJalrXUtnFEMI', '/K7MDENG/bPxRfiCY', 'EXAMPLEKEY'].join('');
const JWT_VALUE = ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'].join('.');
const PEM = ['-----BEGIN RSA PRIVATE', ' KEY-----\nMIIEow\n-----END RSA PRIVATE', ' KEY-----'].join('');
const SLACK = ['xoxb', '123456789012', '1234567890123', 'AbCdEfGhIjKlMnOpQrStUvWx'].join('-');
const GITHUB = ['ghp', 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789'].join('_');
const GITHUB_PAT = ['github', 'pat', '11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOP'].join('_');

const byName = (entries: Record<string, string | undefined>) => Object.fromEntries(detectSecrets(entries).map((h) => [h.name, h]));

describe('detectSecrets', () => {
  describe('value patterns', () => {
    it.each([
      ['aws-access-key-id', { ACCESS: AKID }],
      ['private-key-pem', { SIGNING_MATERIAL: PEM }],
      ['jwt', { BEARER: `Bearer ${JWT_VALUE}` }],
      ['slack-token', { SLACK_HOOK_VALUE: SLACK }],
      ['github-token', { GH: GITHUB }],
      ['github-token', { GH: GITHUB_PAT }],
      ['connection-string-credentials', { DATABASE_URL: 'postgres://app:s3cr3t-pw@db.internal:5432/orders' }],
      ['connection-string-credentials', { CACHE_URL: 'redis://:hunter2hunter2@cache.internal:6379' }],
    ])('reports %s', (detector, entries) => {
      const hits = detectSecrets(entries);
      expect(hits).toHaveLength(1);
      expect(hits[0]!.detector).toBe(detector);
    });

    it('reports a 40-character secret key when an access key id sits beside it, and the id itself', () => {
      const hits = byName({ KEY_A: AKID, KEY_B: SECRET40 });
      expect(hits.KEY_A!.detector).toBe('aws-access-key-id');
      expect(hits.KEY_B!.detector).toBe('aws-secret-key');
      expect(hits.KEY_B!.reason).toMatch(/access key id sits beside it/);
    });

    it('reports a 40-character secret key alone when the name says it is one', () => {
      expect(detectSecrets({ AWS_SECRET_ACCESS_KEY: SECRET40 })[0]!.detector).toBe('aws-secret-key');
    });

    it('falls back to high entropy for the same 40 characters without an id or a telling name', () => {
      expect(detectSecrets({ BLOB: SECRET40 })[0]!.detector).toBe('high-entropy');
    });
  });

  describe('key-name heuristic', () => {
    it.each(['DB_PASSWORD', 'dbPasswd', 'JWT_SECRET', 'API_KEY', 'api-key', 'STRIPE_TOKEN', 'OAUTH_CLIENT_SECRET', 'PRIVATE_KEY', 'SERVICE_CREDENTIALS', 'BASIC_AUTH'])(
      'reports %s holding a literal',
      (name) => {
        const [hit] = detectSecrets({ [name]: 'hunter2' });
        expect(hit?.detector).toBe('key-name');
        expect(hit?.reason).toMatch(/^name contains "/);
      },
    );

    it.each([
      ['a Secrets Manager ARN', 'arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf'],
      ['an SSM parameter ARN', 'arn:aws:ssm:us-east-1:111122223333:parameter/prod/db/password'],
      ['a KMS key ARN', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
      ['a dynamic reference', '{{resolve:secretsmanager:prod/db:SecretString:password}}'],
      ['an SSM parameter path', '/prod/db/password'],
      ['a placeholder', '${DB_PASSWORD}'],
      ['a boolean', 'true'],
      ['a number with a unit', '3600s'],
      ['an empty string', ''],
    ])('ignores a secret-sounding name holding %s', (_what, value) => {
      expect(detectSecrets({ DB_PASSWORD: value })).toEqual([]);
    });

    it.each(['DB_SECRET_ARN', 'DB_SECRET_NAME', 'API_KEY_PARAMETER', 'TOKEN_TTL', 'AUTH_HEADER', 'PASSWORD_MIN_LENGTH', 'AUTH_URL'])(
      'ignores %s: the name describes a secret rather than holding one',
      (name) => {
        expect(detectSecrets({ [name]: 'prod-orders' })).toEqual([]);
      },
    );

    it.each(['PASSTHROUGH', 'BYPASS_CACHE', 'AUTHOR'])('ignores %s: a benign word contains a fragment', (name) => {
      expect(detectSecrets({ [name]: 'sometimes' })).toEqual([]);
    });
  });

  describe('allowed references', () => {
    it.each([
      'arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/api-key-x1Y2z3',
      'arn:aws-us-gov:ssm:us-gov-west-1:111122223333:parameter/app/token',
      'arn:aws:kms:us-east-1:111122223333:alias/app',
      '{{resolve:ssm-secure:/app/token:1}}',
    ])('accepts %s', (value) => {
      expect(isAllowedSecretReference(value)).toBe(true);
      expect(detectSecrets({ API_TOKEN: value })).toEqual([]);
    });

    it('does not accept an ARN of another service as a secret store reference', () => {
      expect(isAllowedSecretReference('arn:aws:dynamodb:us-east-1:111122223333:table/orders')).toBe(false);
    });

    it('still reports a password embedded next to a dynamic reference elsewhere in a connection string', () => {
      expect(detectSecrets({ DSN: 'mysql://app:plainpw@db:3306/x' })[0]!.detector).toBe('connection-string-credentials');
      expect(detectSecrets({ DSN: 'mysql://app:{{resolve:secretsmanager:db}}@db:3306/x' })).toEqual([]);
      expect(detectSecrets({ DSN: 'mysql://app:${DB_PASSWORD}@db:3306/x' })).toEqual([]);
    });
  });

  describe('benign values', () => {
    it.each([
      ['a URL', 'https://api.example.com/v1/orders?limit=10'],
      ['a Region', 'us-east-1'],
      ['a government Region', 'us-gov-west-1'],
      ['a boolean', 'false'],
      ['a log level', 'INFO'],
      ['a table ARN', 'arn:aws:dynamodb:us-east-1:111122223333:table/orders'],
      ['a log group path', '/aws/lambda/my-function-prod'],
      ['a hyphenated name', 'my-service-production-handler'],
      ['a versioned name', 'orders-service-v2-production-eu'],
      ['a Java handler', 'com.example.orders.OrderHandlerFactory'],
      ['a UUID', '123e4567-e89b-12d3-a456-426614174000'],
      ['a SHA-256 in hex', createHash('sha256').update('x').digest('hex')],
      ['JSON configuration', '{"feature":"x","limit":10,"mode":"fast"}'],
    ])('ignores %s', (_what, value) => {
      expect(detectSecrets({ SETTING: value })).toEqual([]);
    });

    it('ignores the environment of the recorded custodian function', () => {
      const fn = loadApiResponse('lambda.GetFunction.env-kms.custodian.json');
      expect(detectSecrets(fn.Configuration.Environment.Variables)).toEqual([]);
    });
  });

  describe('high-entropy edge', () => {
    it('reports a random 21-character token above the threshold', () => {
      const value = 'Ab1Cd2Ef3Gh4Ij5Kl6Mn7';
      expect(shannonEntropy(value)).toBeGreaterThan(HIGH_ENTROPY_THRESHOLD);
      expect(detectSecrets({ X: value })[0]!.detector).toBe('high-entropy');
    });

    it('ignores the same kind of token one character below the minimum length', () => {
      const value = 'Ab1Cd2Ef3Gh4Ij5Kl6M'; // 19 characters
      expect(shannonEntropy(value)).toBeGreaterThan(HIGH_ENTROPY_THRESHOLD);
      expect(detectSecrets({ X: value })).toEqual([]);
    });

    it('ignores a long value whose entropy is exactly at or below the threshold', () => {
      const value = 'Ab1Cd2Ef'.repeat(4); // 8 distinct characters → 3 bits
      expect(shannonEntropy(value)).toBeLessThanOrEqual(HIGH_ENTROPY_THRESHOLD);
      expect(detectSecrets({ X: value })).toEqual([]);
      const sixteen = '0123456789abcdef'.repeat(2); // 16 equally frequent symbols → exactly 4.0 bits, not above
      expect(shannonEntropy(sixteen)).toBeCloseTo(4.0, 10);
      expect(detectSecrets({ X: sixteen })).toEqual([]);
    });

    it('ignores random-looking lowercase-only strings (one character class)', () => {
      expect(detectSecrets({ X: 'qwertyuiopasdfghjklzxcvbnm' })).toEqual([]);
    });
  });

  describe('output', () => {
    it('never contains the value, only a 12-hex SHA-256 prefix of it', () => {
      const value = 'postgres://app:s3cr3t-pw@db.internal:5432/orders';
      const hits = detectSecrets({ DATABASE_URL: value, DB_PASSWORD: 'hunter2', OTHER: AKID });
      const text = JSON.stringify(hits);
      for (const secret of [value, 's3cr3t-pw', 'hunter2', AKID]) expect(text).not.toContain(secret);
      const db = hits.find((h) => h.name === 'DATABASE_URL')!;
      expect(db.sha256Prefix).toBe(createHash('sha256').update(value).digest('hex').slice(0, 12));
      expect(db.sha256Prefix).toMatch(/^[0-9a-f]{12}$/);
      expect(sha256Prefix('hunter2')).toBe(hits.find((h) => h.name === 'DB_PASSWORD')!.sha256Prefix);
    });

    it('returns one hit per entry, sorted by name, and skips undefined values', () => {
      const hits = detectSecrets({ Z_TOKEN: 'abc-literal', A_PASSWORD: 'literal', M: undefined, N: 'plain' });
      expect(hits.map((h) => h.name)).toEqual(['A_PASSWORD', 'Z_TOKEN']);
    });

    it('stays fast on long adversarial input', () => {
      const value = `${'eyJ'.repeat(3000)}${'a:'.repeat(3000)}${'-'.repeat(5000)}`;
      const hits = detectSecrets({ X: value, Y: `x://${':'.repeat(10_000)}@`, Z: 'a'.repeat(100_000) });
      expect(Array.isArray(hits)).toBe(true);
    });
  });
});
