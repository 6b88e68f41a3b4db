import { open, type FileHandle } from 'node:fs/promises';
import { once } from 'node:events';
import { writeDouble } from './write-double.ts';

/** Bytes a sink fills before it hands them to the file. */
const BUFFER_BYTES = 1 << 20;

/**
 * Output built as bytes in two large reused buffers (issue 14): rows are written straight into one
 * while the other is being written to the file, so computing and writing overlap and no string per
 * chunk is made, encoded and collected. A row is started with room(), which flushes first when the
 * rest of the buffer might not hold it; then text(), int() and number() append.
 */
export class ByteSink {
  private buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private spare = Buffer.allocUnsafe(BUFFER_BYTES);
  private pos = 0;
  private inFlight: Promise<unknown> = Promise.resolve();

  private constructor(private readonly write: (bytes: Buffer) => Promise<unknown>) {}

  /** A sink writing to a new file (truncated); `failed` turns a write error into the error to throw. */
  static async toFile(path: string, failed: (cause: unknown) => Error = (cause) => cause as Error): Promise<ByteSink & { close(): Promise<void> }> {
    const handle: FileHandle = await open(path, 'w');
    const sink = new ByteSink(async (bytes) => {
      try {
        for (let done = 0; done < bytes.length; ) done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
      } catch (cause) {
        await handle.close().catch(() => {});
        throw failed(cause);
      }
    });
    return Object.assign(sink, {
      async close() {
        await sink.flush();
        await sink.inFlight;
        await handle.close();
      },
    });
  }

  /** A sink writing to a stream (stdout): each buffer is copied, since the stream keeps what it is given. */
  static toStream(stream: NodeJS.WritableStream): ByteSink & { close(): Promise<void> } {
    const sink = new ByteSink(async (bytes) => {
      if (!stream.write(Buffer.from(bytes))) await once(stream, 'drain');
    });
    return Object.assign(sink, {
      async close() {
        await sink.flush();
        await sink.inFlight;
      },
    });
  }

  /** Whether `bytes` more fit as things are: when they do, a row need not await room() (a microtask a row). */
  fits(bytes: number): boolean {
    return this.pos + bytes <= this.buffer.length;
  }

  /** Make room for `bytes` more: flush when they might not fit (and grow for a row larger than a buffer). */
  async room(bytes: number): Promise<void> {
    if (this.pos + bytes <= this.buffer.length) return;
    await this.flush();
    if (bytes > this.buffer.length) this.buffer = Buffer.allocUnsafe(bytes);
  }

  /** Hand the filled part to the writer and continue in the other buffer once its own write is done. */
  async flush(): Promise<void> {
    await this.inFlight;
    if (this.pos === 0) return;
    const full = this.buffer.subarray(0, this.pos);
    this.inFlight = this.write(full);
    // Awaited at the next flush or close; until then a failed write must not count as unhandled.
    this.inFlight.catch(() => {});
    [this.buffer, this.spare] = [this.spare.length >= BUFFER_BYTES ? this.spare : Buffer.allocUnsafe(BUFFER_BYTES), this.buffer];
    this.pos = 0;
  }

  /** UTF-8 text, as is. At most 3 bytes a UTF-16 unit: room(3 × length). */
  text(s: string): void {
    this.pos += this.buffer.write(s, this.pos, 'utf8');
  }

  /**
   * Text copied unit by unit when it is plain ASCII with no byte of `special` (a CSV cell with no quote,
   * comma or line break: nearly every id and address), which for short cells is several times faster than
   * an encoder call; returns false, having written nothing, otherwise.
   */
  plainText(s: string, special: Uint8Array): boolean {
    const buffer = this.buffer;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128 || special[c] === 1) return false;
      buffer[p++] = c;
    }
    this.pos = p;
    return true;
  }

  /** One ASCII byte (a separator). */
  byte(code: number): void {
    this.buffer[this.pos++] = code;
  }

  /**
   * A number as String(n) writes it, without making a string: integers digit by digit (most cells are
   * counts, in int32 arithmetic below 2^31; a millisecond time as two halves), other numbers by
   * writeDouble where it applies; at most 25 bytes.
   */
  number(n: number): void {
    if (!Number.isSafeInteger(n)) {
      const end = writeDouble(this.buffer, this.pos, n);
      this.pos = end >= 0 ? end : this.pos + this.buffer.write(String(n), this.pos, 'latin1');
      return;
    }
    let v = n;
    if (v < 0) {
      this.buffer[this.pos++] = 45; // '-'
      v = -v;
    }
    if (v < 1e9) {
      this.digits(v, 0);
      return;
    }
    const high = Math.floor(v / 1e9);
    if (high < 1e9) {
      this.digits(high, 0);
      this.digits(v - high * 1e9, 9);
      return;
    }
    this.pos += this.buffer.write(String(v), this.pos, 'latin1');
  }

  /** v < 1e9, in decimal, padded with zeros to `width` digits. */
  private digits(v: number, width: number): void {
    let x = v | 0;
    let count = 1;
    for (let p = 10; p <= x; p *= 10) count++;
    if (count < width) count = width;
    const buffer = this.buffer;
    const end = this.pos + count;
    for (let i = end - 1; i >= this.pos; i--) {
      const q = (x / 10) | 0;
      buffer[i] = 48 + x - q * 10;
      x = q;
    }
    this.pos = end;
  }
}
