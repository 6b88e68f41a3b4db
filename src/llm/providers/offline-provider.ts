import { narrateOffline } from '../offline/narrate-offline.ts';
import { structuredOffline } from '../offline/structured-offline.ts';
import type { NarrateRequest, Narrative, Provider } from '../provider.ts';
import { renderStructured } from '../render-structured.ts';

/**
 * The `offline` provider: the deterministic narrator, no network. It writes from `request.table`
 * directly (the rendered messages are for models), in either output mode.
 */
export class OfflineProvider implements Provider {
  readonly id = 'offline';

  async narrate(request: NarrateRequest, options: { signal?: AbortSignal } = {}): Promise<Narrative> {
    options.signal?.throwIfAborted();
    const base = { provider: this.id, model: request.model, usage: { prompt_tokens: 0, completion_tokens: 0 }, finishReason: 'stop' };
    if (request.mode === 'structured') {
      const structured = structuredOffline(request.table);
      return { ...base, text: renderStructured(structured), structured };
    }
    return { ...base, text: narrateOffline(request.table) };
  }
}
