import type { DiscordConfig } from '../../adapters/discord/discord-settings.js';
import { buildInviteUrl, REQUIRED_PERMISSIONS } from '../../adapters/discord/invite-url.js';
import type { Config } from '../config/load-config.js';
import { AppError, ErrorCode } from '../core/app-error.js';

/**
 * `mention-desk discord-invite`: the link a server admin opens to add the bot with the permissions it
 * needs, built from the configured application id (or the bot id the token carries).
 */
export function discordInviteLines(config: Pick<Config, 'channels'>): string[] {
  const discord = config.channels.discord as DiscordConfig | null | undefined;
  const id = discord?.applicationId;
  if (!id) {
    throw new AppError(
      ErrorCode.ConfigInvalid,
      'Discord is not configured: set DISCORD_BOT_TOKEN (and ' +
        'DISCORD_APPLICATION_ID if the token does not carry the bot id).',
    );
  }
  return [
    buildInviteUrl(id),
    `Permissions asked for (${REQUIRED_PERMISSIONS.length}): View ` +
      `Channel, Send Messages, Send Messages in Threads, Read Message History.`,
    'Also switch on MESSAGE CONTENT INTENT in the Developer Portal (Bot, Privileged Gateway Intents).',
  ];
}
