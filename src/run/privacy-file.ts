import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../errors.ts';
import type { PrivacyOptions } from './types.ts';

/** A privacy policy file (YAML or JSON): what may leave the machine, and what is replaced on the way. */
const PrivacyFileSchema = z
  .object({
    anonymize: z.boolean().optional(),
    anonymize_fields: z.array(z.string().min(1)).optional(),
    allow_fields: z.array(z.string().min(1)).optional(),
  })
  .strict();

/**
 * Read a privacy policy for `--privacy FILE`, e.g.
 * ```yaml
 * anonymize: true
 * anonymize_fields: [L7_PROTO]
 * allow_fields: [IN_BYTES, OUT_BYTES, duration_ms, dst_port, protocol]
 * ```
 */
export function readPrivacyFile(file: string): PrivacyOptions {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new ConfigError('privacy', file, `Cannot read the privacy policy ${file}`, { cause });
  }
  const parsed = PrivacyFileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.') || '(root)';
    throw new ConfigError(key, file, `Invalid privacy policy: ${issue.message}; expected anonymize, anonymize_fields, allow_fields`, { cause: parsed.error });
  }
  const p = parsed.data;
  return {
    ...(p.anonymize !== undefined ? { anonymize: p.anonymize } : {}),
    ...(p.anonymize_fields ? { fields: p.anonymize_fields } : {}),
    ...(p.allow_fields ? { allow: p.allow_fields } : {}),
  };
}
