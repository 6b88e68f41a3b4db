import { describe, expect, it } from 'vitest';
import { estimateTokens, TokenWindow } from '../../src/run/token-window.ts';

describe('TokenWindow', () => {
  it('estimates a prompt at four characters a token plus the completion budget', () => {
    expect(estimateTokens({ messages: [{ role: 'user', content: 'x'.repeat(401) }], params: { max_tokens: 50 } })).toBe(151);
  });

  it('holds a call until the window has room, in arrival order, and counts reported usage', async () => {
    const window = new TokenWindow(100, 80);
    const order: string[] = [];
    const first = await window.acquire(60);
    window.reconcile(first, { prompt_tokens: 70, completion_tokens: 20 });
    const second = window.acquire(20).then(() => order.push('second'));
    const third = window.acquire(5).then(() => order.push('third'));
    await Promise.race([second, new Promise((r) => setTimeout(r, 20))]);
    expect(order).toEqual([]); // 90 reported + 20 > 100: waits for the first to leave the window
    await Promise.all([second, third]);
    expect(order).toEqual(['second', 'third']);
  });

  it('lets a single call larger than the limit run alone', async () => {
    const window = new TokenWindow(10, 50);
    const spend = await window.acquire(500);
    expect(spend.tokens).toBe(500);
  });
});
