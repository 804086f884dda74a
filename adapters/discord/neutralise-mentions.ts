/** Longest message Discord accepts, in characters. */
export const DISCORD_MAX_LENGTH = 2000;

/**
 * Outgoing text that cannot ping a crowd even if it quotes a customer: `@everyone` and `@here` get a
 * zero-width space after the @ (what Discord's own clients do), and role mentions `<@&id>` become plain
 * "@role". Every send also carries `allowed_mentions` with nothing to parse; this is the second lock.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)\b/gi, '@\u200b$1').replace(/<@&\d+>/g, '@\u200brole');
}
