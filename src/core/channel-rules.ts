/** How the bot may reach someone privately on a channel. */
export interface ChannelRules {
  /** Which "## pointer <kind>" ends a public acknowledgement. */
  pointerKind: string;
  /**
   * When the bot may open a private conversation itself: `always` (Discord: the bot opens the DM),
   * `after_inbound` (X: only after the customer wrote to the brand first), `never`.
   */
  privateFirst: 'always' | 'after_inbound' | 'never';
  /**
   * The pointer that ends the acknowledgement instead when the bot's private invitation could not be
   * delivered (Discord: the member's DMs are closed), so the public reply never claims a DM that did
   * not arrive. Unset: the channel has no such fallback.
   */
  privateFailedPointerKind?: string;
}

/** The rules of a channel no channel folder describes (a replay file's own names, the console). */
export const DEFAULT_RULES: ChannelRules = { pointerKind: 'replay', privateFirst: 'always' };

/** Whether the bot may send the first private message to this person now. */
export function mayMessagePrivately(rules: ChannelRules, lastPrivateInboundAt: Date | null): boolean {
  if (rules.privateFirst === 'always') return true;
  if (rules.privateFirst === 'after_inbound') return lastPrivateInboundAt !== null;
  return false;
}
