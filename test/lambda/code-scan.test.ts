import { GetFunctionCommand, GetLayerVersionCommand, LambdaClient, ListLayersCommand } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { crc32, deflateRawSync } from 'node:zlib';
import type { ResourceRef } from '../../shared/core';
import { createClientFactory } from '../../shared/resources/clients';
import { createFunctionCodeCollector, createLayerVersionCollector, type Downloader } from '../../shared/resources/lambda/collect-code';
import { DEFAULT_SCAN_LIMITS, isScannableFile, scanText, scanZipArchive } from '../../shared/resources/lambda/scan';
import type { LambdaFunctionCodeSnapshot, LambdaLayerVersionSnapshot } from '../../shared/resources/lambda/types';
import { readZipEntries } from '../../shared/resources/lambda/zip';
import { loadApiResponse } from '../helpers/fixtures';

/** A minimal ZIP writer for tests: deflated (or stored) entries, central directory, end record. */
const makeZip = (files: Record<string, string | Buffer>, method: 0 | 8 = 8): Buffer => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const packed = method === 8 ? deflateRawSync(data) : data;
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
};

const AKID = ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('');
const SECRET_LINE = `const db = { password: "${['hun', 'ter2', '-prod'].join('')}" };`;

describe('ZIP reader', () => {
  it('reads stored and deflated entries and skips directories', () => {
    for (const method of [0, 8] as const) {
      const zip = makeZip({ 'a/': '', 'a/index.js': 'console.log(1)\n', 'b.txt': 'hello' }, method);
      const entries = readZipEntries(zip);
      expect(entries.map((e) => e.name)).toEqual(['a/index.js', 'b.txt']);
      expect(entries[0]!.read(1024).toString()).toBe('console.log(1)\n');
    }
  });

  it('refuses an entry larger than the limit (zip bomb) and a non-ZIP buffer', () => {
    const entry = readZipEntries(makeZip({ 'big.txt': 'x'.repeat(10_000) }))[0]!;
    expect(() => entry.read(100)).toThrow(/exceed/);
    expect(() => readZipEntries(Buffer.from('not a zip at all, just text that is long enough'))).toThrow(/not a ZIP/);
  });
});

describe('package scanner', () => {
  it('reports file, line, detector and hash prefix, never the value', () => {
    const hits = scanText('src/db.js', `// config\n${SECRET_LINE}\nconst region = "us-east-1";\nconst key = '${AKID}';\n`);
    expect(hits.map((h) => [h.file, h.line, h.detector])).toEqual([
      ['src/db.js', 2, 'key-name'],
      ['src/db.js', 4, 'aws-access-key-id'],
    ]);
    expect(JSON.stringify(hits)).not.toContain('hunter2');
    expect(JSON.stringify(hits)).not.toContain(AKID);
    expect(hits[0]!.sha256Prefix).toMatch(/^[0-9a-f]{12}$/);
  });

  it('scans text files of an archive, skipping vendored dependencies and binaries', () => {
    const zip = makeZip({
      'index.py': 'import os\nTOKEN = os.environ["TOKEN"]\n',
      'settings.json': `{"apiKey": "${['sk', 'live', '9aZ2xQ7rT1vB8nM4kL0pW6yE'].join('_')}"}`,
      'node_modules/aws-sdk/README.md': `example ${AKID}`,
      'lib/native.so': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]),
      'vendor.js': `var k="${AKID}"`,
    });
    const scan = scanZipArchive(zip);
    expect(scan.state).toBe('scanned');
    expect(scan.filesScanned).toBe(3);
    expect(scan.hits.map((h) => `${h.file}:${h.line}:${h.detector}`)).toEqual(['settings.json:1:key-name', 'vendor.js:1:aws-access-key-id']);
    expect(isScannableFile('node_modules/x/index.js')).toBe(false);
    expect(isScannableFile('.env.production')).toBe(true);
  });

  it('skips archives over the size limit and unreadable archives', () => {
    expect(scanZipArchive(Buffer.alloc(64), { ...DEFAULT_SCAN_LIMITS, maxArchiveBytes: 10 })).toMatchObject({ state: 'skipped', reason: expect.stringMatching(/exceeds/) });
    expect(scanZipArchive(Buffer.from('garbage'.repeat(10)))).toMatchObject({ state: 'skipped', reason: expect.stringMatching(/not a ZIP/) });
  });
});

const lambda = mockClient(LambdaClient);
const NOW = new Date('2026-03-01T00:00:00Z');
const clients = () => createClientFactory({ region: 'us-west-2', maxAttempts: 1 });
const ref: ResourceRef = {
  kind: 'AWS::Lambda::Function::Code',
  id: 'custodian-ec2-ssm-query',
  arn: 'arn:aws:lambda:us-west-2:644160558196:function:custodian-ec2-ssm-query',
  accountId: '644160558196',
  region: 'us-west-2',
};

describe('package and layer collectors', () => {
  beforeEach(() => lambda.reset());

  it('downloads the package from the recorded pre-signed location and scans it', async () => {
    const recorded = loadApiResponse('lambda.GetFunction.env-kms.custodian.json');
    lambda.on(GetFunctionCommand).resolves(recorded);
    const urls: string[] = [];
    const download: Downloader = async (url, max) => {
      urls.push(url);
      expect(max).toBe(DEFAULT_SCAN_LIMITS.maxArchiveBytes);
      return makeZip({ 'custodian_policy.py': `${SECRET_LINE}\n` });
    };
    const obs = await createFunctionCodeCollector({ now: () => NOW, download }).collect(ref, clients());
    if (obs.state !== 'present') throw new Error('expected present');
    const code = obs.config as LambdaFunctionCodeSnapshot;
    expect(urls).toEqual([recorded.Code.Location]);
    expect(code).toMatchObject({ name: 'custodian-ec2-ssm-query', packageType: 'Zip', codeSha256: recorded.Configuration.CodeSha256, scan: { state: 'scanned', filesScanned: 1 } });
    expect(code.scan.hits.map((h) => h.file)).toEqual(['custodian_policy.py']);
  });

  it('skips container images without downloading', async () => {
    const recorded = loadApiResponse('lambda.GetFunction.env-kms.custodian.json');
    recorded.Configuration.PackageType = 'Image';
    lambda.on(GetFunctionCommand).resolves(recorded);
    const download = jest.fn<Promise<Buffer>, [string, number]>();
    const obs = await createFunctionCodeCollector({ now: () => NOW, download }).collect(ref, clients());
    expect(download).not.toHaveBeenCalled();
    expect(obs.state === 'present' && (obs.config as LambdaFunctionCodeSnapshot).scan.state).toBe('skipped');
  });

  it('reports a deleted function as gone and a denied GetFunction as a failed read of the scan', async () => {
    lambda.on(GetFunctionCommand).rejects(Object.assign(new Error('x'), { name: 'ResourceNotFoundException' }));
    expect((await createFunctionCodeCollector({ now: () => NOW, download: jest.fn() }).collect(ref, clients())).state).toBe('gone');
    lambda.on(GetFunctionCommand).rejects(Object.assign(new Error('x'), { name: 'AccessDeniedException' }));
    const obs = await createFunctionCodeCollector({ now: () => NOW, download: jest.fn() }).collect(ref, clients());
    expect(obs.state === 'present' && obs.gaps.map((g) => [g.reason, g.read, g.inputs])).toEqual([['failed', 'GetFunction', ['codeSha256', 'packageType', 'scan']]]);
  });

  it('scans a layer version and lists the latest version of each layer', async () => {
    const layerArn = 'arn:aws:lambda:us-east-1:644160558196:layer:AWSLambdaPowertoolsPythonV2:59';
    lambda.on(GetLayerVersionCommand).resolves({ Content: { Location: 'https://example.invalid/layer.zip', CodeSha256: 'abc' }, LayerVersionArn: layerArn, Version: 59 });
    const download: Downloader = async () => makeZip({ 'python/settings.py': `AWS_KEY = "${AKID}"\n` });
    const collector = createLayerVersionCollector({ now: () => NOW, download });
    const obs = await collector.collect({ kind: 'AWS::Lambda::LayerVersion', id: layerArn, arn: layerArn, accountId: '644160558196', region: 'us-east-1' }, clients());
    if (obs.state !== 'present') throw new Error('expected present');
    expect(obs.config as LambdaLayerVersionSnapshot).toMatchObject({ layerName: 'AWSLambdaPowertoolsPythonV2', version: 59, codeSha256: 'abc', scan: { state: 'scanned' } });
    expect(lambda).toHaveReceivedCommandWith(GetLayerVersionCommand, { LayerName: 'arn:aws:lambda:us-east-1:644160558196:layer:AWSLambdaPowertoolsPythonV2', VersionNumber: 59 });
    lambda.on(ListLayersCommand).resolves({ Layers: [{ LayerName: 'AWSLambdaPowertoolsPythonV2', LatestMatchingVersion: { LayerVersionArn: layerArn, Version: 59 } }] });
    expect((await collector.list({ accountId: '644160558196', region: 'us-east-1', partition: 'aws' }, clients())).map((r) => r.id)).toEqual(['AWSLambdaPowertoolsPythonV2:59']);
  });
});
