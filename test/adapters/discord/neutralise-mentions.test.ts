import { neutraliseMentions } from '../../../adapters/discord/neutralise-mentions';

describe('neutraliseMentions', () => {
  it('defuses @everyone, @here (any case) and role mentions', () => {
    expect(neutraliseMentions('@everyone @HERE <@&1180000000000000111> hi')).toBe(
      '@\u200beveryone @\u200bHERE @\u200brole hi',
    );
  });

  it('leaves ordinary text, e-mail addresses and user mentions alone (allowed_mentions keeps those silent)', () => {
    const text = 'Hi Alice, write to care@lumora.example or <@1180000000000000201>.';
    expect(neutraliseMentions(text)).toBe(text);
  });

  it('is idempotent', () => {
    const once = neutraliseMentions('@everyone');
    expect(neutraliseMentions(once)).toBe(once);
  });
});
