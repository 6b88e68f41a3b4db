import type * as OpenAISdk from 'openai';

/**
 * The `openai` package, loaded at the first request rather than with the module: loading it costs
 * about 0.17 s of CPU, which every run that never calls an endpoint (the offline and replay
 * providers, `npm start`) would otherwise pay (issue 14).
 */
let sdk: typeof OpenAISdk | undefined;

export async function loadOpenAI(): Promise<typeof OpenAISdk> {
  return (sdk ??= await import('openai'));
}

/** The SDK when it has been loaded: an error can only be one of its classes then. */
export function loadedOpenAI(): typeof OpenAISdk | undefined {
  return sdk;
}
