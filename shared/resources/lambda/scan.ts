/**
 * Secret scan of deployment packages and layers (catalogue §5.3 `lambda-no-secrets-in-code`, `lambda-layer-no-secrets`).
 * Each text line is checked with the §8.6 detector: quoted assignments (`NAME = "value"`, `name: 'value'`) go through the
 * key-name and value detectors, the whole line through the value patterns. Only file, line, detector, reason and a
 * SHA-256 prefix are kept. Limits bound the work: archive size, files, bytes per file and in total, line length.
 */
import { detectSecrets, SecretDetector, type SecretHit } from '../secrets/detector';
import type { CodeScanSnapshot, CodeSecretHit } from './types';
import { readZipEntries, ZipFormatError } from './zip';

export interface ScanLimits {
  readonly maxArchiveBytes: number;
  readonly maxFiles: number;
  readonly maxFileBytes: number;
  readonly maxTotalBytes: number;
  readonly maxHits: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = {
  maxArchiveBytes: 75 * 1024 * 1024,
  maxFiles: 20_000,
  maxFileBytes: 2 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
  maxHits: 100,
};

const TEXT_EXTENSIONS = /\.(?:js|mjs|cjs|ts|jsx|tsx|py|rb|java|kt|go|rs|cs|php|pl|sh|bash|ps1|json|ya?ml|toml|ini|cfg|conf|properties|env|xml|txt|config|tf|sql|pem|key)$/i;
const TEXT_BASENAMES = /(?:^|\/)(?:\.env(?:\.[\w-]+)?|\.npmrc|\.pypirc|\.netrc|credentials|config|Dockerfile)$/;
/** Third-party code and caches: vendored SDKs ship documented example keys; scanning them buries real findings. */
const SKIPPED_PATHS = /(?:^|\/)(?:node_modules|__pycache__|\.git|site-packages\/[^/]+\.dist-info)\//;
const MAX_LINE = 4096;
const ASSIGNMENT = /([A-Za-z_][A-Za-z0-9_.-]{0,64})["']?\s{0,8}(?:=|:|=>|:=)\s{0,8}(["'`])([^"'`\r\n]{1,1024})\2/g;

export const isScannableFile = (name: string): boolean => !SKIPPED_PATHS.test(name) && (TEXT_EXTENSIONS.test(name) || TEXT_BASENAMES.test(name));

const rank = (h: SecretHit): number => (h.detector === SecretDetector.HIGH_ENTROPY ? 2 : h.detector === SecretDetector.KEY_NAME ? 1 : 0);

/** Hits of one text, one per line (the strongest detector wins). */
export const scanText = (file: string, text: string): CodeSecretHit[] => {
  const hits: CodeSecretHit[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.length > MAX_LINE ? lines[i]!.slice(0, MAX_LINE) : lines[i]!;
    if (line.trim().length < 8) continue;
    const entries: Record<string, string> = {};
    for (const m of line.matchAll(ASSIGNMENT)) entries[m[1]!] = m[3]!;
    const found = [...detectSecrets(entries), ...detectSecrets({ [`line ${i + 1}`]: line }).filter((h) => h.detector !== SecretDetector.HIGH_ENTROPY)];
    if (found.length === 0) continue;
    const best = found.sort((a, b) => rank(a) - rank(b))[0]!;
    hits.push({ file, line: i + 1, detector: best.detector, reason: best.reason, sha256Prefix: best.sha256Prefix });
  }
  return hits;
};

const looksBinary = (data: Buffer): boolean => data.subarray(0, 8192).includes(0);

/** Scans a ZIP archive (deployment package or layer content). Never throws for a bad archive: the scan is "skipped". */
export const scanZipArchive = (zip: Buffer, limits: ScanLimits = DEFAULT_SCAN_LIMITS): CodeScanSnapshot => {
  if (zip.length > limits.maxArchiveBytes) return { state: 'skipped', reason: `archive of ${zip.length} bytes exceeds the ${limits.maxArchiveBytes}-byte limit`, filesScanned: 0, hits: [] };
  let entries;
  try {
    entries = readZipEntries(zip);
  } catch (error) {
    if (error instanceof ZipFormatError) return { state: 'skipped', reason: error.message, filesScanned: 0, hits: [] };
    throw error;
  }
  const hits: CodeSecretHit[] = [];
  let filesScanned = 0;
  let total = 0;
  const notes: string[] = [];
  for (const entry of entries) {
    if (!isScannableFile(entry.name)) continue;
    if (filesScanned >= limits.maxFiles || total >= limits.maxTotalBytes) {
      notes.push('scan limit reached; remaining files not scanned');
      break;
    }
    if (entry.uncompressedSize > limits.maxFileBytes) continue;
    let data: Buffer;
    try {
      data = entry.read(limits.maxFileBytes);
    } catch {
      continue;
    }
    total += data.length;
    if (looksBinary(data)) continue;
    filesScanned++;
    hits.push(...scanText(entry.name, data.toString('utf8')));
    if (hits.length >= limits.maxHits) {
      notes.push(`stopped after ${limits.maxHits} hits`);
      break;
    }
  }
  return { state: 'scanned', reason: notes.length > 0 ? notes.join('; ') : null, filesScanned, hits: hits.slice(0, limits.maxHits) };
};
