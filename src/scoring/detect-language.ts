// Cheap language identification: script ranges for non-Latin text, stop-word counts for Latin text.
// Good enough to keep the English scorer away from what it cannot read; not a general identifier
// (franc, the usual library, is ESM-only and costs more than the whole scoring budget per text).

const SCRIPTS: Array<[string, number, number]> = [
  ['ja', 0x3040, 0x30ff],
  ['ko', 0xac00, 0xd7af],
  ['zh', 0x4e00, 0x9fff],
  ['ar', 0x0600, 0x06ff],
  ['he', 0x0590, 0x05ff],
  ['ru', 0x0400, 0x04ff],
  ['el', 0x0370, 0x03ff],
  ['hi', 0x0900, 0x097f],
  ['bn', 0x0980, 0x09ff],
  ['ta', 0x0b80, 0x0bff],
  ['th', 0x0e00, 0x0e7f],
];

const STOPWORDS: Record<string, string[]> = {
  en: [
    'the',
    'and',
    'is',
    'it',
    'to',
    'my',
    'you',
    'your',
    'i',
    'of',
    'a',
    'in',
    'for',
    'this',
    'not',
    'have',
    'was',
    'me',
    'on',
    'with',
    'are',
    'why',
    'what',
    'still',
    'no',
    'been',
    'can',
    'do',
    'just',
    'but',
  ],
  fr: [
    'le',
    'la',
    'les',
    'et',
    'est',
    'je',
    'pas',
    'mon',
    'ma',
    'vous',
    'votre',
    'une',
    'des',
    'du',
    'que',
    'qui',
    'pour',
    'avec',
    'toujours',
    'depuis',
    'ne',
    'ce',
    'mais',
    "n'est",
    "c'est",
    'suis',
  ],
  es: [
    'el',
    'la',
    'los',
    'las',
    'y',
    'es',
    'mi',
    'no',
    'que',
    'por',
    'para',
    'con',
    'una',
    'pero',
    'todavía',
    'ustedes',
    'su',
    'muy',
    'del',
    'se',
    'lo',
    'está',
    'hace',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'ich',
    'nicht',
    'mein',
    'meine',
    'sie',
    'ihr',
    'ein',
    'eine',
    'mit',
    'für',
    'noch',
    'seit',
    'auf',
    'zu',
    'es',
    'aber',
    'habe',
    'keine',
  ],
  pt: [
    'o',
    'os',
    'as',
    'e',
    'é',
    'meu',
    'minha',
    'não',
    'que',
    'por',
    'para',
    'com',
    'uma',
    'mas',
    'ainda',
    'vocês',
    'do',
    'da',
    'em',
    'está',
  ],
  it: [
    'il',
    'lo',
    'gli',
    'e',
    'è',
    'mio',
    'mia',
    'non',
    'che',
    'per',
    'con',
    'una',
    'ma',
    'ancora',
    'voi',
    'del',
    'della',
    'sono',
    'ho',
  ],
  nl: [
    'de',
    'het',
    'een',
    'en',
    'is',
    'ik',
    'niet',
    'mijn',
    'jullie',
    'van',
    'voor',
    'met',
    'nog',
    'maar',
    'op',
    'te',
    'dat',
    'geen',
  ],
  id: [
    'yang',
    'dan',
    'di',
    'ini',
    'itu',
    'saya',
    'tidak',
    'sudah',
    'belum',
    'dengan',
    'untuk',
    'ke',
    'dari',
    'kami',
    'ada',
    'tolong',
  ],
  tr: ['ve', 'bir', 'bu', 'da', 'de', 'için', 'ile', 'ama', 'hala', 'değil', 'çok', 'ne', 'siparişim', 'yok'],
  pl: ['i', 'w', 'nie', 'na', 'się', 'że', 'jest', 'do', 'to', 'jak', 'mój', 'moja', 'ale', 'już', 'jeszcze', 'przez'],
};
// word -> the languages it is a stop word of: one lookup per token, not one per language.
const LANGUAGES_OF = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS))
  for (const w of words) LANGUAGES_OF.set(w, [...(LANGUAGES_OF.get(w) ?? []), lang]);

const LETTER = /\p{L}/u;

/** ISO 639-1 code of the text's language, `und` when there is nothing to tell it by. `tokens` from tokenizeText. */
export function detectLanguage(text: string, tokens: string[]): string {
  let letters = 0;
  const script = new Map<string, number>();
  if (!/[^\x00-\x7f]/.test(text))
    letters = /[a-z]/i.test(text) ? 1 : 0; // plain ASCII: the common case
  else {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x80) {
        if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) letters++;
        continue;
      }
      if (code >= 0xd800 && code <= 0xdfff) continue; // emoji and other astral symbols: not letters of these scripts
      if (!LETTER.test(text[i])) continue;
      letters++;
      const hit = SCRIPTS.find(([, lo, hi]) => code >= lo && code <= hi);
      if (hit) script.set(hit[0], (script.get(hit[0]) ?? 0) + 1);
    }
  }
  if (letters === 0) return 'und';
  let top: [string, number] | undefined;
  for (const entry of script) if (!top || entry[1] > top[1]) top = entry;
  // Japanese mixes kanji (the CJK block) with kana; Chinese never uses kana.
  if (top && top[1] / letters > 0.3) return top[0] === 'zh' && script.has('ja') ? 'ja' : top[0];
  let words = 0;
  const hits = new Map<string, number>();
  for (const t of tokens) {
    if (t === '.' || t === ',') continue;
    words++;
    for (const lang of LANGUAGES_OF.get(t) ?? []) hits.set(lang, (hits.get(lang) ?? 0) + 1);
  }
  if (words < 3) return 'en'; // too short to argue; English is the default audience
  const en = hits.get('en') ?? 0;
  let best = 'en';
  let bestHits = en;
  for (const [lang, n] of hits)
    if (n > bestHits) {
      best = lang;
      bestHits = n;
    }
  // Another language must clearly beat English: loanwords and names are common in tweets.
  return best !== 'en' && bestHits >= 2 && bestHits > en * 1.5 ? best : 'en';
}
