/**
 * Sweeps and fan-outs against a throttled account, on simulated time (`npx tsx bench/sweep-sim.ts [--json]` runs them
 * alone; `npm run bench` includes them). The code under test is Vigil's own: the pacing buckets, the sweep (runSweep), the
 * evaluate queue sender, the engine's fan-out and evaluate-message paths with their deadline, back-off and requeue. Around
 * it the bench simulates:
 *  - the account: one API family throttled at 20 requests/s (a token bucket of 20, refilled at 20/s), ThrottlingException
 *    past it, 50 ms per call; reads get no retry inside the SDK (every throttled read goes back through the queue: the
 *    worst case), listing pages get five (as the SDK's retry would);
 *  - the queue: visibility timeout 365 s, at most 3 receives then the dead-letter queue, SendMessageBatch 20 ms;
 *  - Lambda: the evaluator's SQS event source with maximum concurrency 5, batches of 10, 60 s timeout; the sweep 900 s;
 *  - the findings table: 10 ms per verdict written.
 * A third figure runs the sweep while other clients of the account call the same API at 5/s (its bound uses the 15/s left).
 * Figures: `seconds` until the last verdict is written, against `boundSeconds` = calls needed ÷ 20/s (the physical limit);
 * `lostVerdicts` = resources without a conclusive verdict at the end (dead-lettered, or only ERROR verdicts). Goals: seconds ≤ 1.2 × boundSeconds, lostVerdicts = 0, every
 * invocation within its timeout.
 */
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { Observation, ResourceRef, Rule, Verdict } from '../shared/core';
import { createEngine, type ObservationSource } from '../shared/engine';
import type { FamilyDefinition } from '../shared/families/types';
import { Pacer } from '../shared/resources/pacing';
import type { ResourceKind } from '../shared/resources/types';
import { createEvaluateQueue, queuedEvaluation, runSweep } from '../shared/sweep';
import { SimulatedTime } from './sim-time';

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const QUEUE_URL = `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/vigil-sim`;
const TPS = 20;
const CALL_MS = 50;
const SQS_MS = 20;
const WRITE_MS = 10;
const MAX_CONCURRENCY = 5;
const BATCH_SIZE = 10;
const MAX_RECEIVES = 3;
const VISIBILITY_TIMEOUT_MS = 365_000;
const EVALUATOR_TIMEOUT_MS = 60_000;
const SWEEP_TIMEOUT_MS = 900_000;
/** As functions/evaluate.ts: no read starts in the last 5 s of an invocation. */
const DEADLINE_MARGIN_MS = 5_000;
const RULES_PER_RESOURCE = 10;

export interface SweepFigure {
  readonly figure: 'sweep-throttled' | 'fanout-throttled' | 'sweep-contended';
  readonly resources: number;
  readonly tps: number;
  readonly seconds: number;
  readonly boundSeconds: number;
  readonly lostVerdicts: number;
  readonly maxInvocationSeconds: number;
  readonly timeoutSeconds: number;
  readonly callsPerResource: number;
  readonly throttledCalls: number;
  readonly invocations: number;
  /** Calls per second other clients make to the same API (sweep-contended). */
  readonly foreignTps?: number;
  /** The sweep function's own run (sweep figure only) and its timeout. */
  readonly sweepInvocationSeconds?: number;
  readonly sweepTimeoutSeconds?: number;
  readonly ok: boolean;
}

const kind = (name: string, type: string): ResourceKind => ({
  kind: name,
  reportedType: type,
  family: 'sim',
  global: false,
  configTypes: [],
  arn: ({ partition, region, accountId, id }) => `arn:${partition}:sim:${region}:${accountId}:${name === 'Sim::Account' ? 'account' : 'resource'}/${id}`,
});
const resourceKind = kind('Sim::Resource', 'AWS::S3::Bucket');
const accountKind = kind('Sim::Account', 'AWS::::Account');
const rules: Rule<{ open: boolean }>[] = Array.from({ length: RULES_PER_RESOURCE }, (_, i) => ({
  id: `sim-rule-${i}`,
  title: `Simulated rule ${i}`,
  severity: 'HIGH',
  kind: resourceKind.kind,
  anchors: {},
  trigger: 'E',
  reads: [],
  remediation: { text: 'none' },
  rationale: 'simulation',
  evaluate: (config) => (config.open ? { status: 'FAIL', message: 'open', evidence: [] } : { status: 'PASS', message: 'closed', evidence: [] }),
}));
const family: FamilyDefinition = {
  name: 'sim',
  kinds: [resourceKind, accountKind],
  // An account-wide setting whose change re-reads every resource (as the account Block Public Access does every bucket).
  triggers: [{ eventSource: 's3.amazonaws.com', eventNames: ['PutAccountPublicAccessBlock'], kind: accountKind.kind, id: { account: true }, fanOut: [resourceKind.kind] }],
  rules,
  detections: [],
  collectors: {},
  configNormalisers: [],
  extraReadActions: [],
};

/** The throttled API family of the account: a token bucket that refuses (rather than delays) calls past its rate. */
class ThrottledApi {
  calls = 0;
  throttled = 0;
  private tokens = TPS;
  private last: number;
  constructor(private readonly time: SimulatedTime) {
    this.last = time.now();
  }
  async call(): Promise<void> {
    const now = this.time.now();
    this.tokens = Math.min(TPS, this.tokens + ((now - this.last) * TPS) / 1000);
    this.last = now;
    this.calls += 1;
    const allowed = this.tokens >= 1;
    if (allowed) this.tokens -= 1;
    else this.throttled += 1;
    await this.time.sleep(CALL_MS);
    if (!allowed) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
  }
}

interface QueuedMessage {
  readonly id: string;
  readonly body: string;
  visibleAt: number;
  receives: number;
  receivedAt: number;
}

/** An SQS standard queue with visibility timeouts and a redrive policy; its `client` answers SendMessageBatch. */
class SimQueue {
  private readonly messages = new Map<string, QueuedMessage>();
  private order: string[] = [];
  private next = 0;
  deadLettered = 0;
  constructor(private readonly time: SimulatedTime) {}

  get size(): number {
    return this.messages.size;
  }

  add(body: string): void {
    const id = `m-${this.next++}`;
    this.messages.set(id, { id, body, visibleAt: this.time.now(), receives: 0, receivedAt: 0 });
    this.order.push(id);
  }

  readonly client = {
    send: async (command: { input: { Entries?: { Id?: string; MessageBody?: string }[] } }) => {
      await this.time.sleep(SQS_MS);
      const entries = command.input.Entries ?? [];
      for (const entry of entries) this.add(entry.MessageBody ?? '');
      return { Successful: entries.map((e) => ({ Id: e.Id, MessageId: e.Id, MD5OfMessageBody: '' })), Failed: [] };
    },
  } as unknown as Pick<SQSClient, 'send'>;

  /** Up to `max` visible messages; a message received more than MAX_RECEIVES times goes to the dead-letter queue instead. */
  receive(max: number): QueuedMessage[] {
    const now = this.time.now();
    const batch: QueuedMessage[] = [];
    for (const id of this.order) {
      if (batch.length >= max) break;
      const m = this.messages.get(id);
      if (!m || m.visibleAt > now) continue;
      if (m.receives >= MAX_RECEIVES) {
        this.deadLettered += 1;
        this.messages.delete(id);
        continue;
      }
      m.receives += 1;
      m.receivedAt = now;
      m.visibleAt = now + VISIBILITY_TIMEOUT_MS;
      batch.push(m);
    }
    if (this.order.length > 2 * this.messages.size + 1000) this.order = this.order.filter((id) => this.messages.has(id));
    return batch;
  }

  delete(id: string): void {
    this.messages.delete(id);
  }

  /** Milliseconds until a message becomes visible (for the pollers' wait). */
  nextVisibleIn(): number | undefined {
    let min: number | undefined;
    for (const m of this.messages.values()) min = min === undefined ? m.visibleAt : Math.min(min, m.visibleAt);
    return min === undefined ? undefined : Math.max(0, min - this.time.now());
  }
}

interface Scenario {
  readonly figure: SweepFigure['figure'];
  readonly resources: number;
  readonly callsPerResource: number;
  readonly pageSize: number;
  /** Calls per second other clients of the account make to the same API (informational contention). @default 0 */
  readonly foreignTps?: number;
}

const runScenario = async (scenario: Scenario): Promise<SweepFigure> => {
  const time = new SimulatedTime();
  const api = new ThrottledApi(time);
  const queue = new SimQueue(time);
  const names = Array.from({ length: scenario.resources }, (_, i) => `r-${i}`);
  const judged = new Set<string>();
  let lastWrite = time.now();
  const sink = {
    reconcile: async (verdict: Verdict) => {
      await time.sleep(WRITE_MS);
      if (verdict.status !== 'ERROR') judged.add(verdict.resourceId);
      lastWrite = time.now();
      return verdict.status;
    },
  };

  /** One Lambda container: its own pacing buckets (the account's quota shared by MAX_CONCURRENCY), source and engine. */
  const container = () => {
    const pacer = new Pacer({ rates: { sim: TPS }, share: MAX_CONCURRENCY, clock: time });
    const paced = async () => {
      await pacer.take('sim', ACCOUNT);
      await api.call();
    };
    const source: ObservationSource = {
      observe: async (ref: ResourceRef): Promise<Observation> => {
        const observedAt = time.date().toISOString();
        const results = await Promise.allSettled(Array.from({ length: scenario.callsPerResource }, paced));
        const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) throw failed.reason;
        return { state: 'present', ref, config: { open: Number(ref.id.slice(2)) % 7 === 0 }, gaps: [], observedAt, source: 'live' };
      },
      list: async (_kind, scope) => {
        for (let page = 0; page < Math.ceil(scenario.resources / scenario.pageSize); page++) {
          for (let attempt = 1; ; attempt++) {
            try {
              await paced();
              break;
            } catch (error) {
              if (attempt >= 5) throw error;
              await time.sleep(1000 * attempt);
            }
          }
        }
        return names.map((id) => ({ kind: resourceKind.kind, id, arn: resourceKind.arn({ partition: 'aws', accountId: scope.accountId, region: REGION, id }), accountId: scope.accountId, region: REGION }));
      },
    };
    const evaluateQueue = createEvaluateQueue({ sqs: queue.client, queueUrl: QUEUE_URL, kinds: family.kinds, sleep: time.sleep });
    const { enqueue, work, setDeadline } = queuedEvaluation(evaluateQueue, pacer, { maxAttempts: MAX_RECEIVES });
    return { source, evaluateQueue, engine: createEngine({ families: [family], source, sink, clock: time.date, enqueue, work }), setDeadline };
  };

  let producing = true;
  let sweepSeconds: number | undefined;
  if (scenario.figure !== 'fanout-throttled') {
    const sweeper = container();
    void (async () => {
      const started = time.now();
      await runSweep({ family, source: sweeper.source, queue: sweeper.evaluateQueue, clock: time.date }, { accountId: ACCOUNT, region: REGION, sweepId: 'bench' });
      sweepSeconds = (time.now() - started) / 1000;
      producing = false;
    })();
  } else {
    queue.add(
      JSON.stringify({
        'detail-type': 'AWS API Call via CloudTrail',
        source: 'aws.s3',
        detail: {
          eventSource: 's3.amazonaws.com',
          eventName: 'PutAccountPublicAccessBlock',
          eventTime: time.date().toISOString(),
          eventID: 'bench-bpa',
          awsRegion: REGION,
          recipientAccountId: ACCOUNT,
          userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/bench`, accountId: ACCOUNT },
        },
      }),
    );
    producing = false;
  }

  let running = 0;
  let invocations = 0;
  let maxInvocationMs = 0;
  const done = () => !producing && queue.size === 0 && running === 0;
  const poller = async () => {
    const lambda = container();
    while (!done()) {
      const batch = queue.receive(BATCH_SIZE);
      if (batch.length === 0) {
        await time.sleep(Math.min(1000, queue.nextVisibleIn() ?? 1000) || 1);
        continue;
      }
      running += 1;
      invocations += 1;
      const started = time.now();
      lambda.setDeadline(started + EVALUATOR_TIMEOUT_MS - DEADLINE_MARGIN_MS);
      const outcome = await lambda.engine.processBatch(batch.map((m) => ({ id: m.id, body: m.body, attempt: m.receives, queueAccountId: ACCOUNT })));
      const duration = time.now() - started;
      maxInvocationMs = Math.max(maxInvocationMs, duration);
      const retry = new Map(outcome.retryAfter.map((r) => [r.id, r.seconds]));
      for (const m of batch) {
        if (duration > EVALUATOR_TIMEOUT_MS) m.visibleAt = m.receivedAt + VISIBILITY_TIMEOUT_MS; // Lambda killed it: the whole batch waits
        else if (!outcome.failedIds.includes(m.id)) queue.delete(m.id);
        else if (retry.has(m.id)) m.visibleAt = time.now() + retry.get(m.id)! * 1000; // ChangeMessageVisibility
      }
      running -= 1;
    }
  };
  for (let i = 0; i < MAX_CONCURRENCY; i++) void poller();
  if (scenario.foreignTps) {
    void (async () => {
      while (!done()) {
        await time.sleep(1000 / scenario.foreignTps!);
        api.call().catch(() => undefined);
      }
    })();
  }

  const neededCalls = Math.ceil(scenario.resources / scenario.pageSize) + scenario.resources * scenario.callsPerResource + (scenario.figure === 'fanout-throttled' ? scenario.callsPerResource : 0);
  // Other clients' calls leave Vigil the rest of the rate.
  const boundSeconds = neededCalls / (TPS - (scenario.foreignTps ?? 0));
  await time.run(done, boundSeconds * 10 * 1000);

  const seconds = Math.round(time.elapsedSeconds(lastWrite));
  const lostVerdicts = names.filter((n) => !judged.has(n)).length;
  const maxInvocationSeconds = Math.round(maxInvocationMs / 100) / 10;
  const ok =
    seconds <= 1.2 * boundSeconds &&
    lostVerdicts === 0 &&
    maxInvocationMs <= EVALUATOR_TIMEOUT_MS &&
    (sweepSeconds === undefined || sweepSeconds * 1000 <= SWEEP_TIMEOUT_MS);
  return {
    figure: scenario.figure,
    resources: scenario.resources,
    tps: TPS,
    seconds,
    boundSeconds: Math.round(boundSeconds),
    lostVerdicts,
    maxInvocationSeconds,
    timeoutSeconds: EVALUATOR_TIMEOUT_MS / 1000,
    callsPerResource: scenario.callsPerResource,
    throttledCalls: api.throttled,
    invocations,
    ...(scenario.foreignTps ? { foreignTps: scenario.foreignTps } : {}),
    ...(sweepSeconds === undefined ? {} : { sweepInvocationSeconds: Math.round(sweepSeconds), sweepTimeoutSeconds: SWEEP_TIMEOUT_MS / 1000 }),
    ok,
  };
};

export interface SweepBenchLine {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: string;
  readonly ok?: boolean;
}

/** A 10,000-table sweep (7 calls each, 100 tables per ListTables page), alone and contended, and a BPA fan-out over 10,000 buckets (16 calls each). */
export const benchSweeps = async (): Promise<{ figures: SweepFigure[]; lines: SweepBenchLine[] }> => {
  const figures = [
    await runScenario({ figure: 'sweep-throttled', resources: 10_000, callsPerResource: 7, pageSize: 100 }),
    await runScenario({ figure: 'fanout-throttled', resources: 10_000, callsPerResource: 16, pageSize: 1000 }),
    // The same sweep while other clients of the account call the same API at 5/s: throttles happen, reads come back through the queue.
    await runScenario({ figure: 'sweep-contended', resources: 10_000, callsPerResource: 7, pageSize: 100, foreignTps: 5 }),
  ];
  const lines = figures.flatMap((f): SweepBenchLine[] => [
    { name: `${f.figure}: seconds until every verdict is written (${f.resources} resources × ${f.callsPerResource} calls at ${f.tps}/s${f.foreignTps ? `, ${f.foreignTps}/s taken by others` : ''})`, value: f.seconds, unit: 's', target: `≤ ${Math.floor(1.2 * f.boundSeconds)} (1.2 × bound ${f.boundSeconds})`, ok: f.seconds <= 1.2 * f.boundSeconds },
    { name: `${f.figure}: resources with no verdict`, value: f.lostVerdicts, unit: '', target: '= 0', ok: f.lostVerdicts === 0 },
    { name: `${f.figure}: longest evaluator invocation (${f.invocations} invocations, ${f.throttledCalls} throttled calls)`, value: f.maxInvocationSeconds, unit: 's', target: `≤ ${f.timeoutSeconds}`, ok: f.maxInvocationSeconds <= f.timeoutSeconds },
    ...(f.sweepInvocationSeconds === undefined ? [] : [{ name: `${f.figure}: sweep invocation (list and enqueue)`, value: f.sweepInvocationSeconds, unit: 's', target: `≤ ${f.sweepTimeoutSeconds}`, ok: f.sweepInvocationSeconds <= f.sweepTimeoutSeconds! }]),
  ]);
  return { figures, lines };
};

if (require.main === module) {
  void benchSweeps().then(({ figures, lines }) => {
    if (process.argv.includes('--json')) for (const f of figures) process.stdout.write(`${JSON.stringify(f)}\n`);
    else for (const l of lines) process.stdout.write(`${l.name}: ${l.value} ${l.unit} (target ${l.target}) ${l.ok ? 'ok' : 'MISSED'}\n`);
    if (figures.some((f) => !f.ok)) process.exitCode = 1;
  });
}
