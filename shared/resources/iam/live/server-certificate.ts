import { GetServerCertificateCommand, paginateListServerCertificates, type ServerCertificateMetadata } from '@aws-sdk/client-iam';
import type { KindCollector } from '../../types';
import { IAM_KIND, iamRef, nameFromArn } from '../kinds';
import { isoDate } from '../policy-text';
import type { IamServerCertificateSnapshot } from '../types';
import { drain, goneObservation, iamClientFor, NO_SUCH_ENTITY, presentObservation, ReadSession, type ResolvedOptions } from './common';
import { WHOLE_SNAPSHOT } from '../../gaps';

export const serverCertificateSnapshot = (m: ServerCertificateMetadata): IamServerCertificateSnapshot => ({
  type: 'server-certificate',
  name: m.ServerCertificateName ?? '',
  arn: m.Arn ?? '',
  path: m.Path ?? '/',
  expiration: isoDate(m.Expiration),
  uploadDate: isoDate(m.UploadDate),
});

/** IAM server certificates (ref id = certificate name). Only the metadata is kept, never the body or chain. */
export const serverCertificateCollector = (options: ResolvedOptions): KindCollector => ({
  async collect(ref, clients) {
    const observedAt = options.now().toISOString();
    const client = iamClientFor(clients, ref);
    const session = new ReadSession();
    const values = await session.run([
      {
        key: 'metadata',
        fills: [WHOLE_SNAPSHOT],
        iamAction: 'iam:GetServerCertificate',
        gone: NO_SUCH_ENTITY,
        run: async () =>
          (await client.send(new GetServerCertificateCommand({ ServerCertificateName: nameFromArn(ref.id) }))).ServerCertificate?.ServerCertificateMetadata,
      },
    ]);
    if (session.gone) return goneObservation(ref, observedAt);
    const metadata = values.metadata as ServerCertificateMetadata | undefined;
    return presentObservation(ref, metadata ? serverCertificateSnapshot(metadata) : null, session, observedAt);
  },
  async list(scope, clients) {
    const client = iamClientFor(clients, { arn: `arn:${scope.partition}:iam::${scope.accountId}:root` });
    const certificates = await drain(paginateListServerCertificates({ client }, {}), (p) => p.ServerCertificateMetadataList);
    return certificates
      .filter((c) => c.ServerCertificateName)
      .map((c) => iamRef(IAM_KIND.serverCertificate, c.ServerCertificateName!, scope.accountId, scope.partition));
  },
});
