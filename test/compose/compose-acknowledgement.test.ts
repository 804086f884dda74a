import twitterText from 'twitter-text';
import { X_LIMIT } from '../../adapters/x/x-rules';
import { findLiabilityPhrases } from '../../src/compose/check-liability';
import { composeAcknowledgement, composeAcknowledgementHashed } from '../../src/compose/compose-acknowledgement';
import { RecentTexts } from '../../src/compose/recent-texts';
import { textHash } from '../../src/core/text-hash';
import { prompts } from '../helpers/pipeline-deps';

const base = {
  channel: 'x',
  limit: X_LIMIT,
  name: 'Maria',
  brand: 'Lumora',
  topic: 'delivery' as const,
  ref: '#12',
  pointerKind: 'x',
  seed: 'x:1',
};

describe('composeAcknowledgement', () => {
  it('is specific: greets by name, speaks to the topic, points to a private message, quotes the reference', () => {
    const text = composeAcknowledgement(prompts, base, new RecentTexts(1e9));
    expect(text).toContain('Maria');
    expect(text).toMatch(/order|delivery/i);
    expect(text).toMatch(/DM|message/);
    expect(text).toContain('#12');
    expect(findLiabilityPhrases(text)).toEqual([]);
  });

  it('never repeats a text across many cases with the same name and topic', () => {
    const recent = new RecentTexts(1e9);
    const texts = Array.from({ length: 500 }, (_, i) =>
      composeAcknowledgement(prompts, { ...base, ref: `#${i}`, seed: `x:${i}` }, recent),
    );
    expect(new Set(texts).size).toBe(500);
  });

  it('refuses, rather than repeats, once every wording for one reference is used up', () => {
    const recent = new RecentTexts(1e9);
    const texts: string[] = [];
    expect(() => {
      for (let i = 0; i < 10_000; i++)
        texts.push(composeAcknowledgement(prompts, { ...base, seed: `same:${i}` }, recent));
    }).toThrow(/no acknowledgement variant fits/);
    expect(texts.length).toBeGreaterThan(100);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('varies the wording itself, not only the reference, while unused combinations remain', () => {
    const recent = new RecentTexts(1e9);
    const bodies = Array.from({ length: 40 }, (_, i) =>
      composeAcknowledgement(prompts, { ...base, ref: `#${i}`, seed: `s${i}` }, recent).replace(/#\d+/, '#'),
    );
    expect(new Set(bodies).size).toBe(40);
  });

  it('may reuse a combination once the window has passed', () => {
    let now = 0;
    const recent = new RecentTexts(1000, () => now);
    const first = composeAcknowledgement(prompts, base, recent);
    now = 500;
    expect(() => composeAcknowledgement(prompts, base, recent)).not.toThrow();
    now = 5000;
    expect(composeAcknowledgement(prompts, base, recent)).toBe(first);
  });

  it('once every combination was used, takes the least recently used one, oldest first', () => {
    let now = 0;
    const recent = new RecentTexts(1e9, () => now);
    const body = (text: string) => text.replace(/#\d+/g, '#');
    const first = Array.from({ length: 216 }, (_, i) => {
      now += 1;
      return body(composeAcknowledgement(prompts, { ...base, ref: `#${i}`, seed: `lru:${i}` }, recent));
    });
    expect(new Set(first).size).toBe(216);
    const next = Array.from({ length: 3 }, (_, i) => {
      now += 1;
      return body(composeAcknowledgement(prompts, { ...base, ref: `#${1000 + i}`, seed: `again:${i}` }, recent));
    });
    expect(next).toEqual(first.slice(0, 3));
  });

  it('returns the hash of the text it composed, the one the outbox stores', () => {
    const composed = composeAcknowledgementHashed(prompts, base, new RecentTexts(1e9));
    expect(composed.hash).toBe(textHash(composed.text));
  });

  it('stays within 280 weighted characters on X, whatever the name and link', () => {
    const recent = new RecentTexts(1e9);
    for (let i = 0; i < 100; i++) {
      const text = composeAcknowledgement(
        prompts,
        {
          ...base,
          name: '王'.repeat(24),
          topic: 'account_access',
          pointerKind: 'x-link',
          seed: `long${i}`,
          pointerValues: { dm_link: 'https://x.com/messages/compose?recipient_id=1500000000000000001&text=Hi' },
        },
        recent,
      );
      expect(twitterText.parseTweet(text).weightedLength).toBeLessThanOrEqual(280);
    }
  });

  it('falls back to the "other" topic lines for a topic without its own', () => {
    const text = composeAcknowledgement(prompts, { ...base, topic: 'other' }, new RecentTexts(1e9));
    expect(prompts.acknowledgement.get('topic other')!.some((line) => text.includes(line))).toBe(true);
  });
});
