import { readFile, writeFile } from 'node:fs/promises';
import { BaselineError } from '../errors.ts';
import { FEATURE_NAMES, REGISTRY_VERSION } from '../features/index.ts';
import { BASELINE_FORMAT, BASELINE_FORMAT_VERSION, BaselineSchema, type Baseline } from './baseline-schema.ts';

/** Write a baseline as pretty JSON (it is meant to be read and diffed). */
export async function saveBaseline(baseline: Baseline, file: string): Promise<void> {
  await writeFile(file, `${JSON.stringify(baseline, null, 1)}\n`, 'utf8');
}

/**
 * Read and validate a baseline file. Throws BaselineError for unreadable or corrupt JSON, another
 * format version, another feature registry version, or a feature set that differs from the registry.
 */
export async function loadBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new BaselineError(file, `cannot read the baseline file (${(cause as Error).message})`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new BaselineError(file, `not valid JSON (${(cause as Error).message}); fit a new one with \`flowlens baseline fit\``, { cause });
  }
  return parseBaseline(json, file);
}

/** Validate an already-parsed baseline object (see loadBaseline). */
export function parseBaseline(json: unknown, file: string): Baseline {
  const head = (json ?? {}) as Record<string, unknown>;
  if (typeof json !== 'object' || json === null || head.format !== BASELINE_FORMAT) {
    throw new BaselineError(file, `not a flowlens baseline (expected "format": "${BASELINE_FORMAT}")`);
  }
  if (head.version !== BASELINE_FORMAT_VERSION) {
    throw new BaselineError(file, `baseline format version ${String(head.version)}, this flowlens reads version ${BASELINE_FORMAT_VERSION}; refit it with \`flowlens baseline fit\``);
  }
  if (head.registry_version !== REGISTRY_VERSION) {
    throw new BaselineError(file, `fitted with feature registry version ${String(head.registry_version)}, this flowlens has version ${REGISTRY_VERSION}; refit it with \`flowlens baseline fit\``);
  }
  const names = Object.keys((head.features ?? {}) as object);
  const missing = FEATURE_NAMES.filter((n) => !names.includes(n));
  const extra = names.filter((n) => !(FEATURE_NAMES as readonly string[]).includes(n));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `unknown ${extra.join(', ')}` : ''].filter(Boolean);
    throw new BaselineError(file, `features do not match the registry: ${parts.join('; ')}`);
  }
  const parsed = BaselineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BaselineError(file, `corrupt baseline: ${issue.path.join('.') || '(root)'}: ${issue.message}`, { cause: parsed.error });
  }
  if (parsed.data.sample.some((row) => row.length !== FEATURE_NAMES.length)) {
    throw new BaselineError(file, `corrupt baseline: sample rows must have ${FEATURE_NAMES.length} values`);
  }
  return parsed.data;
}
