import type { ChannelAdapter } from './channel-adapter.js';
import type { ChannelLimit } from './channel-limit.js';
import type { ChannelRules } from './channel-rules.js';
import type { OutboundRow } from './outbound.js';
import type { SettingShape } from './settings/setting-types.js';

/** What a channel adds to the pipeline while it runs. */
export interface ChannelContribution {
  /** The brand's own account ids on this channel: its own posts are never mentions. */
  accountIds?: string[];
  /** The channel's rules as deployed (e.g. X with DM links on), instead of its static rules. */
  rules?: () => ChannelRules;
  /** Values for the placeholders of the channel's private-message pointer (`{handle}`, `{dm_link}`). */
  pointerValues?: () => Record<string, string>;
  /** Whether the channel's spend budget is used up: acknowledgements then wait in Slack. */
  budgetReached?: () => Promise<boolean>;
}

/** A channel adapter built from its settings, with what it adds to the pipeline and the outbox. */
export interface LiveChannel {
  adapter: ChannelAdapter;
  pipeline?: ChannelContribution;
  /** Asked by the outbox before sending this channel's messages; a reason holds one for a person. */
  outboxGuard?: (row: OutboundRow) => Promise<string | undefined>;
}

/** A channel's settings section, as loadConfig reads it: its env keys and how to build its config. */
export interface ChannelSettingsSection<Settings = unknown> {
  readonly name: string;
  /** Every environment key the channel reads (zod schemas; `.env.example` lists the same keys). */
  readonly settings: SettingShape;
  /** Builds the channel's configuration; `value` is null when its credentials are not set. */
  configure(parsed: Record<string, unknown>): {
    value: Settings | null;
    problem?: { key: string; message: string };
    secrets: Array<string | undefined>;
  };
}

/**
 * One channel, as the app lists it (src/app/channel-list.ts). A channel folder owns all of this: its
 * settings, rules, limits, the account ids it knows without connecting, and how to start it. `Host` is
 * what the running app passes in (database, logger, brand); each channel names what it needs.
 */
export interface ChannelDefinition<Settings = unknown, Host = unknown> extends ChannelSettingsSection<Settings> {
  /** May the bot answer here, and how does it reach someone privately. */
  readonly rules: ChannelRules;
  /** How long a message may be here, counted as the platform counts. */
  readonly limit: ChannelLimit;
  /** The brand's own account ids known from the settings alone (replay drops those posts too). */
  accountIds(settings: Settings): string[];
  /** Builds the live channel; called only when the channel is configured. */
  create(host: Host, settings: Settings): Promise<LiveChannel>;
}
