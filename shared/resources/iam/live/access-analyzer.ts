import type * as AccessAnalyzerSdk from '@aws-sdk/client-accessanalyzer';
import type { AccessAnalyzerClient, AnalyzerSummary } from '@aws-sdk/client-accessanalyzer';
import type { KindCollector } from '../../types';
import { IAM_KIND, iamRef, nameFromArn } from '../kinds';
import { byText } from '../policy-text';
import type { AccessAnalyzerRegionSnapshot, AccessAnalyzerSnapshot } from '../types';
import { drain, goneObservation, presentObservation, ReadSession, type ResolvedOptions } from './common';
import { WHOLE_SNAPSHOT } from '../../gaps';
import { lazyModule } from '../../lazy-sdk';

/** Only the two Access Analyzer kinds read it: loaded on first use. */
const analyzerSdk = lazyModule(() => require('@aws-sdk/client-accessanalyzer') as typeof AccessAnalyzerSdk);

const NOT_FOUND = ['ResourceNotFoundException', 'ResourceNotFound'] as const;

export const analyzerSnapshot = (a: AnalyzerSummary): AccessAnalyzerSnapshot => ({
  type: 'analyzer',
  name: a.name ?? '',
  arn: a.arn ?? '',
  analyzerType: a.type ?? '',
  status: a.status ?? null,
  tags: { ...(a.tags ?? {}) },
});

const listAnalyzers = (client: AccessAnalyzerClient) => drain(analyzerSdk().paginateListAnalyzers({ client }, {}), (p) => p.analyzers);

/** IAM Access Analyzer analyzers (regional; ref id = analyzer name or ARN). */
export const analyzerCollector = (options: ResolvedOptions): KindCollector => ({
  async collect(ref, clients) {
    const observedAt = options.now().toISOString();
    const client = clients.get(analyzerSdk().AccessAnalyzerClient, ref.region);
    const session = new ReadSession();
    const values = await session.run([
      {
        key: 'analyzer',
        fills: [WHOLE_SNAPSHOT],
        iamAction: 'access-analyzer:GetAnalyzer',
        gone: NOT_FOUND,
        run: async () => (await client.send(new (analyzerSdk().GetAnalyzerCommand)({ analyzerName: nameFromArn(ref.id) }))).analyzer,
      },
    ]);
    if (session.gone) return goneObservation(ref, observedAt);
    const analyzer = values.analyzer as AnalyzerSummary | undefined;
    return presentObservation(ref, analyzer ? analyzerSnapshot(analyzer) : null, session, observedAt);
  },
  async list(scope, clients) {
    const analyzers = await listAnalyzers(clients.get(analyzerSdk().AccessAnalyzerClient, scope.region));
    return analyzers.filter((a) => a.name).map((a) => iamRef(IAM_KIND.analyzer, a.name!, scope.accountId, scope.partition, scope.region));
  },
});

/** The analyzers of one Region (ref id = account id, region = the Region): is an external-access analyzer active here? */
export const analyzerRegionCollector = (options: ResolvedOptions): KindCollector => ({
  async collect(ref, clients) {
    const observedAt = options.now().toISOString();
    const client = clients.get(analyzerSdk().AccessAnalyzerClient, ref.region);
    const session = new ReadSession();
    const values = await session.run([{ key: 'analyzers', fills: [WHOLE_SNAPSHOT], iamAction: 'access-analyzer:ListAnalyzers', run: () => listAnalyzers(client) }]);
    if (session.gone) return goneObservation(ref, observedAt);
    const analyzers = (values.analyzers as AnalyzerSummary[] | undefined) ?? [];
    const snapshot: AccessAnalyzerRegionSnapshot = {
      type: 'analyzer-region',
      region: ref.region,
      analyzers: analyzers
        .map((a) => ({ name: a.name ?? '', arn: a.arn ?? '', analyzerType: a.type ?? '', status: a.status ?? null }))
        .sort((a, b) => byText(a.name, b.name)),
    };
    return presentObservation(ref, values.analyzers === undefined ? null : snapshot, session, observedAt);
  },
  async list(scope) {
    return [iamRef(IAM_KIND.analyzerRegion, scope.accountId, scope.accountId, scope.partition, scope.region)];
  },
});

