import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ProviderError } from '../errors.ts';
import type { NarrateRequest, Narrative } from './provider.ts';

/** One recorded answer. Holds the request's identity and messages, never keys or headers. */
const CassetteSchema = z.object({
  key: z.string(),
  recorded_at: z.string(),
  request: z.object({
    template: z.object({ id: z.string(), version: z.string() }),
    model: z.string(),
    params: z.record(z.string(), z.unknown()),
    mode: z.enum(['narrative', 'structured']),
    sample: z.number().int(),
    messages: z.array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })),
  }),
  narrative: z.object({
    text: z.string(),
    structured: z.unknown().optional(),
    provider: z.string(),
    model: z.string(),
    usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).optional(),
    finishReason: z.string().optional(),
  }),
});
export type Cassette = z.infer<typeof CassetteSchema>;

/** Cassettes as one JSON file per request key under a directory (`v1-<sha256>.json`). */
export class CassetteStore {
  constructor(readonly dir: string) {}

  fileOf(key: string): string {
    return join(this.dir, `${key.replace(/[^A-Za-z0-9]+/g, '-')}.json`);
  }

  /** The recorded answer, or undefined when there is none. A corrupt cassette is a ProviderError. */
  async read(key: string): Promise<Narrative | undefined> {
    const file = this.fileOf(key);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const parsed = CassetteSchema.safeParse(safeJson(text));
    if (!parsed.success || parsed.data.key !== key) throw new ProviderError('replay', `corrupt cassette ${file}`);
    return parsed.data.narrative as Narrative;
  }

  /** Save an answer atomically (write, then rename), so a crash never leaves half a cassette. */
  async write(key: string, request: NarrateRequest, narrative: Narrative): Promise<void> {
    const cassette: Cassette = {
      key,
      recorded_at: new Date().toISOString(),
      request: {
        template: request.template,
        model: request.model,
        params: { ...request.params },
        mode: request.mode,
        sample: request.sample ?? 0,
        messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
      },
      narrative: {
        text: narrative.text,
        ...(narrative.structured !== undefined ? { structured: narrative.structured } : {}),
        provider: narrative.provider,
        model: narrative.model,
        ...(narrative.usage ? { usage: narrative.usage } : {}),
        ...(narrative.finishReason ? { finishReason: narrative.finishReason } : {}),
      },
    };
    await mkdir(this.dir, { recursive: true });
    const file = this.fileOf(key);
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, `${JSON.stringify(cassette, null, 2)}\n`);
    await rename(tmp, file);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
