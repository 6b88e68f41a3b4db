import { CassetteMissError } from '../../errors.ts';
import type { CassetteStore } from '../cassette-store.ts';
import type { NarrateRequest, Narrative, Provider } from '../provider.ts';
import { requestKey } from '../request-key.ts';

/** The `replay` provider: answers from recorded cassettes; a miss is a CassetteMissError naming the key. */
export class ReplayProvider implements Provider {
  readonly id = 'replay';
  constructor(private readonly store: CassetteStore) {}

  async narrate(request: NarrateRequest, options: { signal?: AbortSignal } = {}): Promise<Narrative> {
    options.signal?.throwIfAborted();
    const key = requestKey(request);
    const recorded = await this.store.read(key);
    if (!recorded) throw new CassetteMissError(key, this.store.dir);
    return recorded;
  }
}
