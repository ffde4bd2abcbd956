export {
  detectSecrets,
  isAllowedSecretReference,
  sha256Prefix,
  shannonEntropy,
  SecretDetector,
  HIGH_ENTROPY_MIN_LENGTH,
  HIGH_ENTROPY_THRESHOLD,
} from './detector';
export type { SecretHit, SecretDetectorId } from './detector';
