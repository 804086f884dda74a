import { discordChannel } from '../../adapters/discord/discord-channel.js';
import { xChannel } from '../../adapters/x/x-channel.js';
import type { ChannelAdapter } from './channel-adapter.js';
import type { OutboundRow } from './outbound.js';
import type { PipelineDeps } from '../pipeline/pipeline-deps.js';
import type { AppContext } from '../app/open-app.js';

/** A channel adapter built from the configuration, with what it adds to the pipeline. */
export interface LiveChannel {
  adapter: ChannelAdapter;
  /** Pipeline settings this channel contributes (its account ids, private-message rules...). */
  pipeline?: Partial<Pick<PipelineDeps, 'channelRules' | 'pointerValues' | 'budgetReached'>> & { accountIds?: string[] };
  /** Asked by the outbox before sending this channel's messages; a reason holds one for a person (budget reached). */
  outboxGuard?: (row: OutboundRow) => Promise<string | undefined>;
}

/** Builds a channel when its credentials are configured; null when they are not. */
export type LiveChannelFactory = (app: AppContext) => Promise<LiveChannel | null>;

/**
 * The channels `run` can watch. Each adapter registers its factory here, explicitly, in one line.
 */
export const liveChannelFactories: LiveChannelFactory[] = [
  xChannel,
  discordChannel,
];
