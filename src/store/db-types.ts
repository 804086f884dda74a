import type { Db } from './create-db.js';

/** The client or an interactive transaction: store functions accept either. */
export type DbTx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/** Parses a JSON column written by this code; a broken value yields the fallback instead of a crash. */
export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
