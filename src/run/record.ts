import { createHash } from 'node:crypto';
import type { NarrateRequest, Narrative } from './deps.ts';
import type { DoneRecord, FailedRecord, ResultRecord } from './types.ts';

/** Resume identity of an item: its id, plus the sample index when sampling. */
export function recordId(flowId: string, sample: number | undefined): string {
  return sample ? `${flowId}#${sample}` : flowId;
}

/**
 * Short hash of what decides an answer (provider, model, template, parameters, and the rendered messages,
 * so a table that changed since the last run — another scorer, other data — is explained again, not reused).
 * A done record with another fingerprint is redone.
 */
export function fingerprintOf(providerId: string, request: NarrateRequest): string {
  const basis = JSON.stringify([providerId, request.model, request.template.id, request.template.version, request.params, request.mode, request.messages]);
  return createHash('sha256').update(basis).digest('hex').slice(0, 16);
}

export function doneRecord(
  flowId: string,
  sample: number,
  request: NarrateRequest,
  narrative: Narrative,
  extra: { fingerprint: string; cached: boolean; anonymized: boolean; restore: (text: string) => string },
): DoneRecord {
  return {
    flow_id: flowId,
    status: 'done',
    at: new Date().toISOString(),
    ...(sample ? { sample } : {}),
    provider: narrative.provider,
    model: narrative.model,
    template: request.template,
    fingerprint: extra.fingerprint,
    text: extra.restore(narrative.text),
    ...(narrative.structured !== undefined ? { structured: restoreStrings(narrative.structured, extra.restore) } : {}),
    ...(narrative.usage ? { usage: narrative.usage } : {}),
    ...(narrative.finishReason ? { finish_reason: narrative.finishReason } : {}),
    ...(narrative.warnings?.length ? { warnings: narrative.warnings } : {}),
    cached: extra.cached,
    anonymized: extra.anonymized,
  };
}

/** Restore every string of a structured answer (a real value may hold quotes or line breaks, so never via its JSON text). */
function restoreStrings(value: unknown, restore: (text: string) => string): unknown {
  if (typeof value === 'string') return restore(value);
  if (Array.isArray(value)) return value.map((v) => restoreStrings(v, restore));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restoreStrings(v, restore)]));
  return value;
}

/** A failure as data: class, message with secrets scrubbed, HTTP status when there was one. */
export function failedRecord(flowId: string, sample: number, providerId: string, error: unknown, secrets: readonly string[]): FailedRecord {
  const e = error instanceof Error ? error : new Error(String(error));
  const status = (e as { status?: unknown }).status;
  return {
    flow_id: flowId,
    status: 'failed',
    at: new Date().toISOString(),
    ...(sample ? { sample } : {}),
    provider: providerId,
    error: {
      class: e.name && e.name !== 'Error' ? e.name : e.constructor.name,
      message: scrubSecrets(e.message, secrets),
      ...(typeof status === 'number' ? { status } : {}),
    },
  };
}

/** Remove API keys from text: the configured secrets, and anything shaped like an `sk-` key. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  return out.replace(/\bsk-[A-Za-z0-9_*-]{4,}/g, 'sk-***');
}

/** The last record of each item wins (a retried failure is followed by its success). */
export function latestById(records: readonly ResultRecord[]): Map<string, ResultRecord> {
  const latest = new Map<string, ResultRecord>();
  for (const r of records) latest.set(recordId(r.flow_id, r.sample), r);
  return latest;
}
