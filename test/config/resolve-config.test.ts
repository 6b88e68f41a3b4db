import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { resolveConfig } from '../../src/config/index.ts';

const KEY = 'sk-config-SECRET-1234567890';

function project(yaml?: string): string {
  const cwd = mkdtempSync(join(tmpdir(), 'flowlens-config-'));
  if (yaml !== undefined) writeFileSync(join(cwd, 'flowlens.config.yaml'), yaml);
  return cwd;
}

describe('resolveConfig', () => {
  it('defaults to the offline provider when no endpoint or key is configured', () => {
    const config = resolveConfig({}, { cwd: project() });
    expect(config).toMatchObject({ provider: 'offline', model: 'offline-narrator-v1', template: 'explain-flow@v1', maxRetries: 2, timeoutMs: 60000, record: false });
    expect(config.sources).toEqual({ provider: 'default' });
  });

  it('picks openai when the environment names an endpoint, reading the FLOWLENS_ and OPENAI_ names', () => {
    const cwd = project();
    const a = resolveConfig({}, { cwd, env: { FLOWLENS_BASE_URL: 'http://127.0.0.1:11434/v1', FLOWLENS_MODEL: 'llama3' } });
    expect(a).toMatchObject({ provider: 'openai', baseURL: 'http://127.0.0.1:11434/v1', model: 'llama3', apiKey: undefined });
    const b = resolveConfig({}, { cwd, env: { OPENAI_API_KEY: KEY } });
    expect(b).toMatchObject({ provider: 'openai', apiKey: KEY, model: 'gpt-4o-mini', price: { prompt_per_million: 0.15, completion_per_million: 0.6 } });
    const c = resolveConfig({}, { cwd, env: { FLOWLENS_API_KEY: 'first-key', OPENAI_API_KEY: KEY } });
    expect(c.apiKey).toBe('first-key');
  });

  it('layers flags > flowlens.config.yaml > environment > defaults, recording each source', () => {
    const cwd = project('model: from-file\nbase_url: http://127.0.0.1:8000/v1\ntimeout_ms: 5000\ncassette_dir: tapes\nprices:\n  from-file: { prompt_per_million: 1, completion_per_million: 2 }\n');
    const config = resolveConfig({ timeoutMs: 100 }, { cwd, env: { FLOWLENS_MODEL: 'from-env', FLOWLENS_BASE_URL: 'http://127.0.0.1:9/v1', FLOWLENS_API_KEY: KEY } });
    expect(config).toMatchObject({
      provider: 'openai',
      model: 'from-file',
      baseURL: 'http://127.0.0.1:8000/v1',
      apiKey: KEY,
      timeoutMs: 100,
      cassetteDir: join(cwd, 'tapes'),
      price: { prompt_per_million: 1, completion_per_million: 2 },
      configFile: join(cwd, 'flowlens.config.yaml'),
    });
    expect(config.sources).toMatchObject({ model: 'config-file', baseURL: 'config-file', apiKey: 'environment', timeoutMs: 'flag', provider: 'default' });
  });

  it('lets a flag choose the provider over an endpoint in the environment', () => {
    const config = resolveConfig({ provider: 'replay' }, { cwd: project(), env: { FLOWLENS_BASE_URL: 'http://127.0.0.1:1/v1' } });
    expect(config.provider).toBe('replay');
    expect(config.cassetteDir).toMatch(/fixtures\/cassettes$/);
  });

  it.each([
    [{ timeoutMs: -1 }, {}, undefined, 'timeoutMs', 'command-line flags'],
    [{}, { FLOWLENS_PROVIDER: 'anthropic' }, undefined, 'provider', 'the environment'],
    [{}, { FLOWLENS_BASE_URL: 'not a url' }, undefined, 'baseURL', 'the environment'],
    [{}, {}, 'modle: x\n', 'modle', 'FILE'],
    [{}, {}, 'max_retries: many\n', 'maxRetries', 'FILE'],
  ])('names the key and the source of a bad value (%#)', (flags, env, yaml, key, source) => {
    const cwd = project(yaml);
    const error = (() => {
      try {
        resolveConfig(flags, { cwd, env });
      } catch (e) {
        return e;
      }
    })() as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.key).toBe(key);
    expect(error.source).toBe(source === 'FILE' ? join(cwd, 'flowlens.config.yaml') : source);
  });

  it('asks for a key or an endpoint when openai is chosen without either', () => {
    expect(() => resolveConfig({ provider: 'openai' }, { cwd: project() })).toThrow(
      'The openai provider needs FLOWLENS_API_KEY or a base URL (FLOWLENS_BASE_URL) (`apiKey` from flag)',
    );
  });

  it('reports a missing explicit config file and an unparsable one', () => {
    const cwd = project('model: [unclosed\n');
    expect(() => resolveConfig({}, { cwd })).toThrow(/^Cannot parse .*flowlens\.config\.yaml as YAML/);
    expect(() => resolveConfig({}, { cwd, configFile: 'nope.yaml' })).toThrow(/Config file .*nope\.yaml does not exist/);
  });

  it('never prints the API key: JSON, inspect and errors are redacted', () => {
    const config = resolveConfig({ apiKey: KEY, baseURL: 'http://127.0.0.1:1/v1' }, { cwd: project() });
    expect(config.apiKey).toBe(KEY);
    expect(JSON.stringify(config)).not.toContain(KEY);
    expect(JSON.stringify(config)).toContain('"apiKey":"[redacted]"');
    expect(inspect(config)).not.toContain(KEY);
    expect(`${JSON.stringify({ config })}`).not.toContain(KEY);
    let message = '';
    try {
      resolveConfig({ apiKey: '' }, { cwd: project() });
    } catch (error) {
      message = `${(error as Error).message} ${JSON.stringify(error)}`;
    }
    expect(message).toContain('`apiKey` from command-line flags');
  });
});

describe('flowlens.config.example.yaml', () => {
  it('is a valid config file', async () => {
    const { copyFileSync } = await import('node:fs');
    const cwd = project();
    copyFileSync(join(import.meta.dirname, '../../flowlens.config.example.yaml'), join(cwd, 'flowlens.config.yaml'));
    const config = resolveConfig({}, { cwd });
    expect(config).toMatchObject({ provider: 'openai', baseURL: 'http://127.0.0.1:11434/v1', model: 'llama3.1:8b', mode: 'narrative', params: { temperature: 0.2, seed: 7 } });
  });
});
