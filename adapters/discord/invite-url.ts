import { OAuth2Scopes, PermissionFlagsBits, PermissionsBitField } from 'discord.js';

/** What the bot needs in the channels it watches (the README explains each). */
export const REQUIRED_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.ReadMessageHistory, // catch-up after a restart, and replying to a message
];

/** The link a server admin opens to add the bot with exactly the permissions it needs. */
export function buildInviteUrl(applicationId: string): string {
  const url = new URL('https://discord.com/oauth2/authorize');
  url.searchParams.set('client_id', applicationId);
  url.searchParams.set('scope', OAuth2Scopes.Bot);
  url.searchParams.set('permissions', new PermissionsBitField(REQUIRED_PERMISSIONS).bitfield.toString());
  return url.toString();
}
