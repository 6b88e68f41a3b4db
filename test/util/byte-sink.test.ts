import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ByteSink } from '../../src/util/byte-sink.ts';

const numbers = [0, -0, 7, -7, 10, 99, 100, 999_999_999, 1e9, -1e9, 2 ** 31 - 1, 2 ** 31, 1_570_000_000_010, 1_000_000_000_007, -1_570_000_000_010, 1e15, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1e21, 0.1, -2.5, 1 / 3, 1e-7, 123456.789, Number.MAX_VALUE];

describe('ByteSink', () => {
  it('writes every number as String(n) and text as UTF-8, across many buffer flushes, to a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'flowlens-sink-')), 'out.txt');
    const sink = await ByteSink.toFile(file);
    let expected = '';
    for (let r = 0; r < 40_000; r++) {
      await sink.room(800);
      for (const n of numbers) {
        sink.number(n + (Number.isSafeInteger(n) && Math.abs(n) < 1e15 ? r : 0));
        sink.byte(44);
        expected += `${String(n + (Number.isSafeInteger(n) && Math.abs(n) < 1e15 ? r : 0))},`;
      }
      sink.text('é→😀');
      sink.byte(10);
      expected += 'é→😀\n';
    }
    await sink.close();
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  it('copies plain ASCII text unit by unit and refuses, writing nothing, text with a special byte or beyond ASCII', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'flowlens-sink-')), 'plain.txt');
    const sink = await ByteSink.toFile(file);
    const special = new Uint8Array(128);
    special[44] = 1;
    await sink.room(100);
    const taken = ['10.0.0.1', '', 'a,b', 'é', 'fe80::1'].map((s) => sink.plainText(s, special));
    await sink.close();
    expect(taken).toEqual([true, true, false, false, true]);
    expect(readFileSync(file, 'utf8')).toBe('10.0.0.1fe80::1');
  });

  it('copies what it hands to a stream, so reusing its buffers changes nothing written', async () => {
    const chunks: Buffer[] = [];
    const stream = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _e, done) {
        chunks.push(chunk);
        setImmediate(done);
      },
    });
    const sink = ByteSink.toStream(stream);
    const line = `${'x'.repeat(999)}\n`;
    for (let r = 0; r < 3000; r++) {
      await sink.room(line.length);
      sink.text(line);
    }
    await sink.close();
    expect(Buffer.concat(chunks).toString()).toBe(line.repeat(3000));
  });
});
