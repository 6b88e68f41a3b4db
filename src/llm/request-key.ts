import { createHash } from 'node:crypto';
import type { NarrateRequest } from './provider.ts';

/** Bump when the key's basis changes, so old cassettes and caches stop matching instead of lying. */
export const REQUEST_KEY_VERSION = 'v1';

/**
 * Content key of a request: a versioned SHA-256 of template id and version, model, parameters,
 * mode, rendered messages, response schema and sample index. Never keys, headers or base URLs,
 * so cassettes and caches hold no secrets and survive a change of endpoint.
 *
 * @example
 * requestKey(request) // 'v1:3f2a…'
 */
export function requestKey(request: NarrateRequest): string {
  const basis = canonical({
    template: request.template,
    model: request.model,
    params: request.params,
    mode: request.mode,
    messages: request.messages,
    responseSchema: request.responseSchema ?? null,
    sample: request.sample ?? 0,
  });
  return `${REQUEST_KEY_VERSION}:${createHash('sha256').update(basis).digest('hex')}`;
}

/** JSON with sorted object keys and undefined members dropped: equal requests, equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
