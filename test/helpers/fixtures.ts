import type { Mention } from '../../src/core/mention';

let seq = 0;

/** A mention with sensible defaults; override what the test is about. */
export function mention(
  over: Omit<Partial<Mention>, 'author'> & { author?: Partial<Mention['author']> } = {},
): Mention {
  seq++;
  const { author, ...rest } = over;
  return {
    channel: 'x',
    id: `p${seq}`,
    author: { id: `u${seq}`, handle: `user${seq}`, name: `User ${seq}`, ...author },
    text: '@lumora my order never arrived and nobody answers. Unacceptable!',
    createdAt: new Date('2026-11-18T09:00:00Z'),
    mentionsBrand: true,
    ...rest,
  };
}
