// Cheap language identification: script ranges for non-Latin text, stop-word counts for Latin text.
// Good enough to keep the English scorer away from what it cannot read; not a general identifier.

const SCRIPTS: Array<[string, RegExp]> = [
  ['ja', /[\u3040-\u30ff]/g],
  ['ko', /[\uac00-\ud7af]/g],
  ['zh', /[\u4e00-\u9fff]/g],
  ['ar', /[\u0600-\u06ff]/g],
  ['he', /[\u0590-\u05ff]/g],
  ['ru', /[\u0400-\u04ff]/g],
  ['el', /[\u0370-\u03ff]/g],
  ['hi', /[\u0900-\u097f]/g],
  ['th', /[\u0e00-\u0e7f]/g],
];

const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'is', 'it', 'to', 'my', 'you', 'your', 'i', 'of', 'a', 'in', 'for', 'this', 'not', 'have', 'was', 'me', 'on', 'with', 'are', 'why', 'what', 'still', 'no', 'been', 'can', 'do', 'just', 'but'],
  fr: ['le', 'la', 'les', 'et', 'est', 'je', 'pas', 'mon', 'ma', 'vous', 'votre', 'une', 'des', 'du', 'que', 'qui', 'pour', 'avec', 'toujours', 'depuis', 'ne', 'ce', 'mais'],
  es: ['el', 'la', 'los', 'las', 'y', 'es', 'mi', 'no', 'que', 'por', 'para', 'con', 'una', 'pero', 'todavía', 'ustedes', 'su', 'muy', 'del', 'se', 'lo'],
  de: ['der', 'die', 'das', 'und', 'ist', 'ich', 'nicht', 'mein', 'meine', 'sie', 'ihr', 'ein', 'eine', 'mit', 'für', 'noch', 'seit', 'auf', 'zu', 'es', 'aber'],
  pt: ['o', 'os', 'as', 'e', 'é', 'meu', 'minha', 'não', 'que', 'por', 'para', 'com', 'uma', 'mas', 'ainda', 'vocês', 'do', 'da', 'em'],
  it: ['il', 'lo', 'gli', 'e', 'è', 'mio', 'mia', 'non', 'che', 'per', 'con', 'una', 'ma', 'ancora', 'voi', 'del', 'della', 'sono'],
  nl: ['de', 'het', 'een', 'en', 'is', 'ik', 'niet', 'mijn', 'jullie', 'van', 'voor', 'met', 'nog', 'maar', 'op', 'te', 'dat'],
};
const STOPWORD_SETS = Object.fromEntries(Object.entries(STOPWORDS).map(([k, v]) => [k, new Set(v)]));

/** ISO 639-1 code of the text's language, `und` when there is too little to tell. */
export function detectLanguage(text: string, tokens: string[]): string {
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  if (letters === 0) return 'und';
  for (const [lang, re] of SCRIPTS) {
    const n = text.match(re)?.length ?? 0;
    if (n / letters > 0.3) return lang;
  }
  if (tokens.length < 3) return 'en'; // too short to argue; English is the default audience
  let best = 'en';
  let bestHits = 0;
  for (const [lang, set] of Object.entries(STOPWORD_SETS)) {
    const hits = tokens.reduce((n, t) => n + (set.has(t) ? 1 : 0), 0);
    if (hits > bestHits) { best = lang; bestHits = hits; }
  }
  const enHits = tokens.reduce((n, t) => n + (STOPWORD_SETS.en.has(t) ? 1 : 0), 0);
  // Another language must clearly beat English: loanwords and names are common in tweets.
  return best !== 'en' && bestHits >= 2 && bestHits > enHits * 1.5 ? best : 'en';
}
