import type { Container } from './containers/container.ts';
import { openDelimited } from './containers/delimited.ts';
import { openJsonArray } from './containers/json-array.ts';
import { openJsonLines } from './containers/json-records.ts';
import { readLines } from './containers/text-chunks.ts';
import { openZeekTsv } from './containers/zeek-tsv.ts';
import type { FormatSpec } from './formats/format-spec.ts';

/** Split the text into header + rows the way the format's container needs. */
export function openContainer(chunks: AsyncIterable<string>, spec: FormatSpec, file: string, delimiter?: string): Promise<Container> {
  switch (spec.container) {
    case 'csv':
      return openDelimited(chunks, { file, ...(delimiter ? { delimiter } : {}), ...(spec.trailers ? { trailers: spec.trailers } : {}) });
    case 'zeek-tsv':
      return openZeekTsv(readLines(chunks), file);
    case 'jsonl':
      return openJsonLines(readLines(chunks), file, spec.knownKeys ?? [], spec.nested === true);
    case 'json-array':
      return openJsonArray(readLines(chunks), file, spec.knownKeys ?? []);
  }
}
