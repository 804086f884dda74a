import { decodeHTMLStrict } from 'entities';

/** Longer texts are cut before scoring: the first few thousand characters carry the complaint. */
export const MAX_SCORED_CHARS = 4000;

// Characters that change nothing a reader sees but split words ("ne\u200bver arrived") or reorder
// them: zero-width spaces and joiners, word joiner, BOM, soft hyphen, bidirectional controls.
const INVISIBLE = /[\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * The text as a reader sees it, ready for tokenising: cut to MAX_SCORED_CHARS, invisible and control
 * characters removed, HTML entities and tags undone, Slack and Discord markup reduced to its visible
 * label (a `<!channel>` or `@everyone` is just noise to the scorer), links and @handles dropped, and the
 * literal "\n" that some exports leave in text turned back into a line break.
 */
export function normalizeText(raw: unknown): string {
  let text = typeof raw === 'string' ? raw : String(raw ?? '');
  // Cut before any regular expression runs, so a megabyte of input costs no more than 4 kB.
  if (text.length > MAX_SCORED_CHARS) text = text.slice(0, MAX_SCORED_CHARS);
  // Every HTML5 entity, named or numeric (`&rsquo;`, `&#8217;`, `&#x1F621;`), decoded first so what it
  // stands for (a zero-width space, a non-breaking space) goes through the passes below like typed text.
  if (text.includes('&')) text = decodeHTMLStrict(text).replace(/\u00a0/g, ' ');
  // Invisible characters and lone surrogates are all outside ASCII: plain text skips those passes.
  text = (/[^\x00-\x7f]/.test(text) ? text.toWellFormed().replace(INVISIBLE, '') : text).replace(CONTROL, ' ');
  // Markup, entities, links and handles are rare in most texts: skip their passes when none can match.
  if (text.includes('\\')) text = text.replace(/\\n/g, '\n');
  if (text.includes('<')) {
    text = text
      .replace(/<(https?:\/\/[^|>\s]*)\|([^>]*)>/g, ' $2 ') // Slack link with a label: keep the label
      .replace(/<a?:(\w+):\d+>/g, ' ') // Discord custom emoji
      .replace(/<[!@#&][^>\s]{0,80}>/g, ' ') // Slack <!channel>, <@U1>, <#C1|x>; Discord <@1>, <@&1>, <#1>
      .replace(/<\/?[a-z][^>]{0,200}>/gi, ' '); // HTML tags
  }
  if (/https?:|www\./i.test(text)) text = text.replace(/https?:\/\/\S+|www\.\S+/gi, ' ');
  if (text.includes('@')) text = text.replace(/(^|[^\w])@\w+/g, '$1 ');
  return text.replace(/[ \t]+/g, ' ').trim();
}
