/**
 * Makes outside text (a post, a display name, a handle, a reason quoting a post) inert in Slack text:
 * `&`, `<` and `>` become entities, and nothing else changes. Unescaped, a customer could write
 * `<!channel>` and page the whole team channel, `<@U123>` to ping someone, or `<https://evil|bank>`
 * to forge a link. Used for mrkdwn and plain text alike (Slack decodes the entities in both).
 */
export function escapeMrkdwn(text: string): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
