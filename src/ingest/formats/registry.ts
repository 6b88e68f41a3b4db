import type { FormatName } from '../types.ts';
import type { FormatSpec } from './format-spec.ts';
import { nprobeCsv } from './nprobe-csv.ts';

/** Every readable format by name (`empty` has no reader: it yields nothing). */
export const FORMATS: Partial<Record<FormatName, FormatSpec>> = {
  'nprobe-csv': nprobeCsv,
};
