import type { ChatMessage, ModelParams } from './provider.ts';

/** Rough size of a request before it is sent: 4 characters a token of the messages, plus the completion budget asked for. */
export function estimateTokens(request: { messages: readonly Pick<ChatMessage, 'content'>[]; params: Pick<ModelParams, 'max_tokens'> }): number {
  const chars = request.messages.reduce((n, m) => n + (typeof m.content === 'string' ? m.content.length : 0), 0);
  return Math.ceil(chars / 4) + (request.params.max_tokens ?? 0);
}

/** The same estimate from a chat-completions request body as sent (JSON text). */
export function estimateBodyTokens(body: string): number {
  try {
    const parsed = JSON.parse(body) as { messages?: { content?: unknown }[]; max_tokens?: number; max_completion_tokens?: number };
    const messages = (parsed.messages ?? []).map((m) => ({ content: typeof m.content === 'string' ? m.content : '' }));
    return estimateTokens({ messages, params: { max_tokens: parsed.max_tokens ?? parsed.max_completion_tokens ?? 0 } });
  } catch {
    return Math.ceil(body.length / 4);
  }
}
