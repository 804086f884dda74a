/** An e-mail address or order number a person wrote in private. */
export interface ContactClueValue {
  kind: 'email' | 'order';
  value: string;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// "order 123456", "order #AB-12345", "order no. 98765", "Bestellung 12345": at least five characters with a
// digit, so "order 2" (a count) is not one.
const ORDER = /\b(?:order|bestellung|commande|pedido)\s*(?:no\.?|number|nr\.?|#|:)?\s*#?([A-Z0-9][A-Z0-9-]{3,})\b/giu;

/** The e-mail addresses and order numbers in a text, normalised (lower-case e-mail, upper-case order). */
export function extractContactClues(text: string): ContactClueValue[] {
  const out = new Map<string, ContactClueValue>();
  for (const m of text.matchAll(EMAIL)) {
    const value = m[0].toLowerCase().replace(/\.$/, '');
    out.set(`email:${value}`, { kind: 'email', value });
  }
  for (const m of text.matchAll(ORDER)) {
    const value = m[1].toUpperCase();
    if (/\d/.test(value)) out.set(`order:${value}`, { kind: 'order', value });
  }
  return [...out.values()];
}
