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
  // Built by hand in a fixed order (no generic sorting replacer): it runs once per flow, on
  // every rerun, so a fully cached batch is bounded by this and the render.
  const p = request.params;
  const basis = JSON.stringify([
    request.template.id,
    request.template.version,
    request.model,
    [p.temperature ?? null, p.top_p ?? null, p.max_tokens ?? null, p.seed ?? null],
    request.mode,
    request.messages.map((m) => [m.role, m.content]),
    request.responseSchema ?? null,
    request.sample ?? 0,
  ]);
  return `${REQUEST_KEY_VERSION}:${createHash('sha256').update(basis).digest('hex')}`;
}
