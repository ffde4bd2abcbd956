/**
 * Live collectors of deployment packages (kind AWS::Lambda::Function::Code) and layer versions (AWS::Lambda::LayerVersion):
 * GetFunction / GetLayerVersion give a pre-signed S3 URL of the ZIP, which is downloaded (size-capped) and scanned.
 * AWS Config records neither, so these kinds are live-only.
 */
import { GetFunctionCommand, GetLayerVersionCommand, LambdaClient, ListFunctionsCommand, ListLayersCommand } from '@aws-sdk/client-lambda';
import { CollectError, type Observation, type ResourceRef } from '../../core';
import { runReads } from '../aws-errors';
import type { ClientFactory } from '../clients';
import type { KindCollector } from '../types';
import { functionArn, parseFunctionIdentifier, parseLayerVersionArn, partitionOfRegion } from './names';
import { CODE_READ_ACTIONS } from './reads';
import { DEFAULT_SCAN_LIMITS, scanZipArchive, type ScanLimits } from './scan';
import { LAMBDA_FUNCTION_CODE_KIND, LAMBDA_LAYER_VERSION_KIND, type CodeScanSnapshot, type LambdaFunctionCodeSnapshot, type LambdaLayerVersionSnapshot } from './types';

/** Downloads a pre-signed URL into memory, refusing more than `maxBytes`. */
export type Downloader = (url: string, maxBytes: number) => Promise<Buffer>;

export const fetchDownloader: Downloader = async (url, maxBytes) => {
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok || !response.body) throw new CollectError(`package download failed: HTTP ${response.status}`, { operation: 'download', awsCode: String(response.status) });
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new CollectError(`package of ${declared} bytes exceeds ${maxBytes}`, { operation: 'download', awsCode: 'TooLarge' });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) throw new CollectError(`package exceeds ${maxBytes} bytes`, { operation: 'download', awsCode: 'TooLarge' });
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
};

export interface CodeCollectorOptions {
  readonly now?: () => Date;
  readonly download?: Downloader;
  readonly limits?: ScanLimits;
}

const scanLocation = async (location: string | undefined, download: Downloader, limits: ScanLimits): Promise<CodeScanSnapshot> => {
  if (!location) return { state: 'skipped', reason: 'no code location returned', filesScanned: 0, hits: [] };
  let archive: Buffer;
  try {
    archive = await download(location, limits.maxArchiveBytes);
  } catch (error) {
    if (error instanceof CollectError && error.context.awsCode === 'TooLarge') return { state: 'skipped', reason: error.message, filesScanned: 0, hits: [] };
    throw error;
  }
  return scanZipArchive(archive, limits);
};

export const createFunctionCodeCollector = (options: CodeCollectorOptions = {}): KindCollector => {
  const now = options.now ?? (() => new Date());
  const download = options.download ?? fetchDownloader;
  const limits = options.limits ?? DEFAULT_SCAN_LIMITS;
  return {
    async collect(ref: ResourceRef, clients: ClientFactory): Promise<Observation> {
      const observedAt = now().toISOString();
      const arn = functionArn({ partition: partitionOfRegion(ref.region), accountId: ref.accountId, region: ref.region, id: ref.id });
      const reads = await runReads([
        { key: 'function', command: 'GetFunction', fills: ['packageType', 'codeSha256', 'scan'], iamAction: CODE_READ_ACTIONS.getFunction, gone: ['ResourceNotFoundException'], run: () => clients.get(LambdaClient, ref.region).send(new GetFunctionCommand({ FunctionName: arn })) },
      ]);
      if (reads.gone) return { state: 'gone', ref, observedAt, source: 'live' };
      const fn = reads.values.function as { Configuration?: { FunctionName?: string; PackageType?: string; CodeSha256?: string }; Code?: { Location?: string; RepositoryType?: string } } | undefined;
      const name = fn?.Configuration?.FunctionName ?? parseFunctionIdentifier(ref.id)?.name ?? ref.id;
      const packageType = fn?.Configuration?.PackageType ?? 'Zip';
      const scan: CodeScanSnapshot = !fn
        ? { state: 'skipped', reason: 'GetFunction was denied', filesScanned: 0, hits: [] }
        : packageType === 'Image'
          ? { state: 'skipped', reason: 'container image package (scan images with ECR / Inspector)', filesScanned: 0, hits: [] }
          : await scanLocation(fn.Code?.Location, download, limits);
      const config: LambdaFunctionCodeSnapshot = { name, arn, packageType, codeSha256: fn?.Configuration?.CodeSha256 ?? null, scan };
      return { state: 'present', ref: { ...ref, id: name, arn }, config, gaps: reads.failed, observedAt, source: 'live' };
    },
    async list(scope, clients): Promise<ResourceRef[]> {
      const lambda = clients.get(LambdaClient, scope.region);
      const refs: ResourceRef[] = [];
      let Marker: string | undefined;
      for (let page = 0; page < 1000; page++) {
        const r = await lambda.send(new ListFunctionsCommand({ Marker }));
        for (const f of r.Functions ?? []) {
          if (!f.FunctionName) continue;
          refs.push({
            kind: LAMBDA_FUNCTION_CODE_KIND,
            id: f.FunctionName,
            arn: functionArn({ partition: scope.partition, accountId: scope.accountId, region: scope.region, id: f.FunctionArn ?? f.FunctionName }),
            accountId: scope.accountId,
            region: scope.region,
          });
        }
        if (!r.NextMarker) break;
        Marker = r.NextMarker;
      }
      return refs;
    },
  };
};

export const layerVersionArn = (p: { readonly partition: string; readonly accountId: string; readonly region: string; readonly id: string }): string =>
  p.id.startsWith('arn:') ? p.id : `arn:${p.partition}:lambda:${p.region}:${p.accountId}:layer:${p.id}`;

export const createLayerVersionCollector = (options: CodeCollectorOptions = {}): KindCollector => {
  const now = options.now ?? (() => new Date());
  const download = options.download ?? fetchDownloader;
  const limits = options.limits ?? DEFAULT_SCAN_LIMITS;
  return {
    async collect(ref: ResourceRef, clients: ClientFactory): Promise<Observation> {
      const observedAt = now().toISOString();
      const arn = layerVersionArn({ partition: partitionOfRegion(ref.region), accountId: ref.accountId, region: ref.region, id: ref.id });
      const parts = parseLayerVersionArn(arn);
      if (!parts) throw new CollectError(`not a layer version ARN: ${arn}`, { ref, operation: CODE_READ_ACTIONS.getLayerVersion });
      const reads = await runReads([
        {
          key: 'layer',
          command: 'GetLayerVersion',
          fills: ['codeSha256', 'scan'],
          iamAction: CODE_READ_ACTIONS.getLayerVersion,
          gone: ['ResourceNotFoundException'],
          run: () =>
            clients
              .get(LambdaClient, parts.region)
              .send(new GetLayerVersionCommand({ LayerName: `arn:${parts.partition}:lambda:${parts.region}:${parts.accountId}:layer:${parts.layerName}`, VersionNumber: parts.version })),
        },
      ]);
      if (reads.gone) return { state: 'gone', ref, observedAt, source: 'live' };
      const layer = reads.values.layer as { Content?: { Location?: string; CodeSha256?: string } } | undefined;
      const scan = layer ? await scanLocation(layer.Content?.Location, download, limits) : ({ state: 'skipped', reason: 'GetLayerVersion was denied', filesScanned: 0, hits: [] } as const);
      const config: LambdaLayerVersionSnapshot = { arn, layerName: parts.layerName, version: parts.version, codeSha256: layer?.Content?.CodeSha256 ?? null, scan };
      return { state: 'present', ref: { ...ref, id: `${parts.layerName}:${parts.version}`, arn }, config, gaps: reads.failed, observedAt, source: 'live' };
    },
    /** Older versions are not listed: their findings stay until an event about them. */
    partialListing: true,
    /** The latest version of every layer of the account (older versions are scanned when published). */
    async list(scope, clients): Promise<ResourceRef[]> {
      const lambda = clients.get(LambdaClient, scope.region);
      const refs: ResourceRef[] = [];
      let Marker: string | undefined;
      for (let page = 0; page < 1000; page++) {
        const r = await lambda.send(new ListLayersCommand({ Marker }));
        for (const l of r.Layers ?? []) {
          const arn = l.LatestMatchingVersion?.LayerVersionArn;
          const parts = arn ? parseLayerVersionArn(arn) : undefined;
          if (!arn || !parts) continue;
          refs.push({ kind: LAMBDA_LAYER_VERSION_KIND, id: `${parts.layerName}:${parts.version}`, arn, accountId: parts.accountId, region: parts.region });
        }
        if (!r.NextMarker) break;
        Marker = r.NextMarker;
      }
      return refs;
    },
  };
};
