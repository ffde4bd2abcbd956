import {
  GenerateServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsCommand,
  type IAMClient,
  type ServiceLastAccessed as SdkServiceLastAccessed,
} from '@aws-sdk/client-iam';
import { CollectError } from '../../../core';
import { isoDate, byText } from '../policy-text';
import type { ServiceLastAccessed } from '../types';
import { pollUntil, type ResolvedOptions } from './common';

/**
 * Access Advisor for one principal: GenerateServiceLastAccessedDetails, then GetServiceLastAccessedDetails until the job
 * COMPLETED (bounded polls). Lists every service the principal's policies allow, with the last authentication (or none).
 */
export const fetchServiceLastAccessed = async (client: IAMClient, arn: string, options: ResolvedOptions): Promise<ServiceLastAccessed[]> => {
  const { JobId } = await client.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: arn }));
  if (!JobId) throw new CollectError(`no Access Advisor job for ${arn}`, { operation: 'iam:GenerateServiceLastAccessedDetails' });
  const services = await pollUntil<SdkServiceLastAccessed[]>(options, `service-last-accessed report of ${arn}`, async () => {
    const first = await client.send(new GetServiceLastAccessedDetailsCommand({ JobId }));
    if (first.JobStatus === 'FAILED') {
      throw new CollectError(`Access Advisor job failed for ${arn}: ${first.Error?.Message ?? 'unknown error'}`, { operation: 'iam:GetServiceLastAccessedDetails' });
    }
    if (first.JobStatus !== 'COMPLETED') return { done: false };
    const all: SdkServiceLastAccessed[] = [...(first.ServicesLastAccessed ?? [])];
    let marker = first.IsTruncated ? first.Marker : undefined;
    while (marker) {
      const page = await client.send(new GetServiceLastAccessedDetailsCommand({ JobId, Marker: marker }));
      all.push(...(page.ServicesLastAccessed ?? []));
      marker = page.IsTruncated ? page.Marker : undefined;
    }
    return { done: true, value: all };
  });
  return services
    .filter((s) => s.ServiceNamespace)
    .map((s) => ({ namespace: s.ServiceNamespace!, lastAuthenticated: isoDate(s.LastAuthenticated) }))
    .sort((a, b) => byText(a.namespace, b.namespace));
};
