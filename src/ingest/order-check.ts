import { formatNumber } from './quality-notes.ts';

/** The early check looks at the late share every this many flows with a start time, until it fires. */
export const ORDER_CHECK_EARLY_FLOWS = 1000;
/** Late share at or above which an input counts as clearly not in time order (early and at the end). */
export const ORDER_CHECK_LATE_SHARE = 0.1;
/** At the end, fewer late flows than this never make a warning (a handful of long flows in a small file). */
const MIN_LATE = 10;
/** Rows whose neighbours are compared to name the order the file is in instead. */
const SAMPLED_ROWS = 10_000;

/**
 * Notices an input that is clearly not in time order (issue 2): a share of late flows at or above 10 %,
 * looked at every 1,000 flows with a start time until it is first seen (so a long run warns early, once) and
 * again at the end. It also samples the first rows to say what the file is sorted by instead, when that is plain (the
 * NF-v3 batches are sorted by source address). The warning says what to do: sort the input by start time, or
 * hold it whole (`--reorder-window all`), or widen the window.
 */
export class OrderCheck {
  private flows = 0;
  private late = 0;
  private warnedEarly = false;
  private sampled = 0;
  /** Neighbour pairs of the sampled rows whose source address goes up / down (text order). */
  private srcUp = 0;
  private srcDown = 0;
  private prevSrc = '';

  constructor(
    private readonly file: string,
    private readonly windowMs: number,
    private readonly maxHeld: number,
    private readonly onWarning?: (message: string) => void,
  ) {}

  /** Whether observe() still reads the source address (the first rows only; others may pass ''). */
  get sampling(): boolean {
    return this.sampled < SAMPLED_ROWS;
  }

  /** One accepted flow with a start time (its source address), in input order, and whether the reorder buffer found it late. */
  observe(srcAddr: string, late: boolean): void {
    this.flows++;
    if (late) this.late++;
    if (this.sampled < SAMPLED_ROWS) this.sample(srcAddr);
    // every 1,000 flows until it fires once: the first flows of a large input are held whole (never late),
    // so lateness shows only after them
    if (!this.warnedEarly && this.flows % ORDER_CHECK_EARLY_FLOWS === 0 && this.late >= ORDER_CHECK_LATE_SHARE * this.flows) {
      this.warnedEarly = true;
      this.onWarning?.(this.message(this.late, this.flows, 'of the first'));
    }
  }

  /** The end-of-input verdict: a warning when the whole input is clearly out of time order. */
  verdict(): string | undefined {
    if (this.late < MIN_LATE || this.late < ORDER_CHECK_LATE_SHARE * this.flows) return undefined;
    return this.message(this.late, this.flows, 'of');
  }

  /** True once the early warning went out (the caller need not repeat it word for word). */
  get warned(): boolean {
    return this.warnedEarly;
  }

  private sample(srcAddr: string): void {
    if (this.sampled > 0) {
      if (srcAddr > this.prevSrc) this.srcUp++;
      else if (srcAddr < this.prevSrc) this.srcDown++;
    }
    this.prevSrc = srcAddr;
    this.sampled++;
  }

  private message(late: number, flows: number, of: string): string {
    const share = ((100 * late) / flows).toFixed(1);
    const why = Number.isFinite(this.windowMs)
      ? `started more than the ${formatWindow(this.windowMs)} reorder window before a flow read earlier`
      : `started before flows that the full reorder buffer (${formatNumber(this.maxHeld)} flows) had already let out`;
    // sorted by source: the address changes now and then, and (almost) only upwards
    const bySource = this.srcUp >= 2 && this.srcDown <= 0.05 * (this.sampled - 1);
    return (
      `${this.file} is not in time order: ${formatNumber(late)} ${of} ${formatNumber(flows)} flows (${share} %) ${why}, ` +
      'so they are marked late and get null window features' +
      (bySource ? '; its rows look sorted by source address instead' : '') +
      `. Sort the input by start time, or pass --reorder-window all to sort it whole in memory (up to ${formatNumber(this.maxHeld)} flows), ` +
      'or a wider --reorder-window.'
    );
  }
}

function formatWindow(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return `${formatNumber(ms)} ms`;
}
