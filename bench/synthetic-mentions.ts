// Synthetic traffic for the benchmark: a realistic mix (complaints of several tempers, praise,
// questions, spam, keyword-only posts, the brand's own posts, duplicates), deterministic per seed.
import fs from 'node:fs';

const COMPLAINTS = [
  'my router never arrived and nobody answers, unacceptable',
  'charged twice this month AGAIN!!! sort it out',
  'internet down for 3 days, still not fixed, switching to another provider',
  'app crashes every time I open my bill 😡',
  'locked out of my account, reset link never comes',
  'the guy in your store was so rude to my mum',
  'not happy with the speed at all, paying for 500 getting 20',
];
const OTHERS = [
  'love the new app, thanks!',
  'how do I change my plan?',
  'does the new router support wifi 7?',
  'shoutout to the engineer who came today, brilliant',
  'FREE crypto giveaway claim your prize now',
  'just switched to you, all good so far',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `n` replay lines (JSON strings), about 40% complaints, 3% duplicates, 2% own posts, 1% quoting a case. */
export function syntheticLines(n: number, seed = 42): string[] {
  const r = rng(seed);
  const lines: string[] = [];
  const start = Date.parse('2026-11-16T00:00:00Z');
  for (let i = 0; i < n; i++) {
    if (i > 10 && r() < 0.03) {
      lines.push(lines[Math.floor(r() * lines.length)]);
      continue;
    }
    const channel = r() < 0.7 ? 'x' : 'discord';
    const own = r() < 0.02;
    const author = own
      ? { id: 'brand', handle: 'lumora', name: 'Lumora' }
      : (() => {
          const k = Math.floor(r() * 8000);
          return { id: `u${k}`, handle: `user_${k}`, name: `User ${k}` };
        })();
    const pool = r() < 0.4 ? COMPLAINTS : OTHERS;
    // A number keeps every text distinct without reading as a case reference ("#123"): only about 1 in 100
    // quotes one, as a customer writing about an earlier case would.
    const quote = r() < 0.01 ? ` re #${1 + Math.floor(r() * Math.max(1, i / 5))}` : '';
    const text = `@lumora ${pool[Math.floor(r() * pool.length)]} (${i})${quote}`;
    lines.push(
      JSON.stringify({
        channel,
        id: `${channel}-${i}`,
        author,
        text,
        createdAt: new Date(start + i * 30_000).toISOString(),
        mentionsBrand: r() > 0.05,
        url: `https://example.com/${i}`,
      }),
    );
  }
  return lines;
}

/** Writes replay lines to `file`, one a line. */
export function writeLines(file: string, lines: string[]): void {
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}
