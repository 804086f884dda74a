// `#144`, `Ref #144`, `(#144)`: what the acknowledgement gave. Not `<#123…>` (a Discord channel link, whose
// snowflakes are far longer anyway) nor `&#39;` (an HTML entity), and at most nine digits.
const REFERENCE = /(?<![<\w&])#(\d{1,9})(?!\d)/g;

/** The case ids a text quotes as references, in order of appearance, each once. */
export function findCaseReferences(text: string): number[] {
  const ids = new Set<number>();
  for (const match of text.matchAll(REFERENCE)) ids.add(Number(match[1]));
  return [...ids];
}
