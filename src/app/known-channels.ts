import type { Config } from '../config/load-config.js';
import { type ChannelLimit, DEFAULT_LIMIT } from '../core/channel-limit.js';
import { type ChannelRules, DEFAULT_RULES } from '../core/channel-rules.js';
import type { ChannelDefinition } from '../core/live-channel.js';
import type { ChannelHost } from './channel-host.js';
import { channelList } from './channel-list.js';

// biome-ignore lint/suspicious/noExplicitAny: each channel has its own settings type.
type AnyChannel = ChannelDefinition<any, ChannelHost>;

const byName = new Map(channelList.map((c) => [c.name, c]));

/** A channel's static rules (replay and the demo use them too); unknown names get the default. */
export function rulesOf(channel: string): ChannelRules {
  return byName.get(channel)?.rules ?? DEFAULT_RULES;
}

/** A channel's length limit; unknown names (replay, console) get the strictest common one. */
export function limitOf(channel: string): ChannelLimit {
  return byName.get(channel)?.limit ?? DEFAULT_LIMIT;
}

/** The channels whose credentials are configured, with their settings. */
export function configuredChannels(
  config: Pick<Config, 'channels'>,
): Array<{ channel: AnyChannel; settings: unknown }> {
  return channelList.flatMap((channel) => {
    const settings = config.channels[channel.name];
    return settings ? [{ channel, settings }] : [];
  });
}

/** Whether any channel has credentials: then `run` watches real platforms instead of the demo. */
export function hasLiveChannels(config: Pick<Config, 'channels'>): boolean {
  return configuredChannels(config).length > 0;
}

/** The brand's own account ids known from the configured channels' settings alone. */
export function brandAccountIds(config: Pick<Config, 'channels'>): string[] {
  return configuredChannels(config).flatMap(({ channel, settings }) => channel.accountIds(settings));
}
