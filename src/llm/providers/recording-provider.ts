import type { CassetteStore } from '../cassette-store.ts';
import type { NarrateOptions, NarrateRequest, Narrative, Provider } from '../provider.ts';
import { requestKey } from '../request-key.ts';

/**
 * `--record`: answers through another provider and saves each successful answer as a cassette
 * (failures are never recorded). Identical requests in flight share one call (STYLE.md §11).
 */
export class RecordingProvider implements Provider {
  readonly id: string;
  readonly metersRequests: boolean;
  private readonly inflight = new Map<string, Promise<Narrative>>();

  constructor(
    private readonly inner: Provider,
    private readonly store: CassetteStore,
  ) {
    this.id = inner.id;
    this.metersRequests = inner.metersRequests ?? false;
  }

  narrate(request: NarrateRequest, options: NarrateOptions = {}): Promise<Narrative> {
    const key = requestKey(request);
    const running = this.inflight.get(key);
    if (running) return running;
    const call = this.record(key, request, options).finally(() => this.inflight.delete(key));
    this.inflight.set(key, call);
    return call;
  }

  private async record(key: string, request: NarrateRequest, options: NarrateOptions): Promise<Narrative> {
    const narrative = await this.inner.narrate(request, options);
    await this.store.write(key, request, narrative);
    return narrative;
  }
}
