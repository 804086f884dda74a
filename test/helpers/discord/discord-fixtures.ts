import {
  type APIChannel,
  type APIGuildMember,
  type APIMessage,
  type APIRole,
  type APIUser,
  ChannelType,
  type GatewayGuildCreateDispatchData,
  type GatewayMessageCreateDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  type GuildHubType,
  type GuildMemberFlags,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  type MessageFlags,
  MessageType,
  type RoleFlags,
  type UserFlags,
} from 'discord-api-types/v10';

// A small Discord world in the API's own payload shapes (typed with discord-api-types): the Lumora
// community server with a support channel, a thread under it, a general chat, the bot and two members.

const EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A snowflake for a moment (ids grow with time, as Discord's do). */
export function snowflake(at: Date | number = Date.now()): string {
  const ms = BigInt(typeof at === 'number' ? at : at.getTime());
  return String(((ms - EPOCH) << 22n) | (increment++ & 0xfffn));
}

const user = (id: string, username: string, globalName: string | null, bot = false): APIUser => ({
  id,
  username,
  discriminator: '0',
  global_name: globalName,
  avatar: null,
  public_flags: 0 as UserFlags,
  flags: 0 as UserFlags,
  primary_guild: null,
  ...(bot ? { bot } : {}),
});

export const BOT = user('1180000000000000001', 'LumoraCare', 'Lumora Care', true);
/** A bot token in Discord's shape: the bot's id in base64, a timestamp part, an HMAC part. */
export const BOT_TOKEN = `${Buffer.from(BOT.id).toString('base64')}.GhIjKl.${'s'.repeat(38)}`;

export const ALICE = user('1180000000000000201', 'alice_w', 'Alice Walker');
export const BOB = user('1180000000000000202', 'bob.k', null);
export const OTHER_BOT = user('1180000000000000203', 'StatusBot', null, true);

export const GUILD_ID = '1180000000000000100';
export const SUPPORT = '1180000000000000101';
export const GENERAL = '1180000000000000102';
export const THREAD = '1180000000000000103';
export const BOT_ROLE = '1180000000000000110';
export const MODS_ROLE = '1180000000000000111';
/** The DM channel Discord opens between the bot and a member (one per member). */
export const dmChannelOf = (user: APIUser) => `19${user.id.slice(2)}`;

function role(id: string, name: string, over: Partial<APIRole> = {}): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 1,
    permissions: '0',
    managed: false,
    mentionable: true,
    flags: 0 as RoleFlags,
    ...over,
  };
}

function textChannel(id: string, name: string, position: number): APIChannel & { type: ChannelType.GuildText } {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: GUILD_ID,
    name,
    position,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    default_auto_archive_duration: 1440,
    last_pin_timestamp: null,
  } as APIChannel & { type: ChannelType.GuildText };
}

export const threadChannel = {
  id: THREAD,
  type: ChannelType.PublicThread,
  guild_id: GUILD_ID,
  name: 'router keeps dropping',
  parent_id: SUPPORT,
  owner_id: ALICE.id,
  last_message_id: null,
  rate_limit_per_user: 0,
  message_count: 1,
  member_count: 1,
  total_message_sent: 1,
  thread_metadata: {
    archived: false,
    auto_archive_duration: 1440,
    archive_timestamp: '2026-11-18T08:00:00.000Z',
    locked: false,
  },
} as APIChannel & { type: ChannelType.PublicThread };

const member = (user: APIUser, roles: string[] = []): APIGuildMember => ({
  user,
  nick: null,
  avatar: null,
  banner: null,
  roles,
  joined_at: '2026-01-01T00:00:00.000Z',
  premium_since: null,
  deaf: false,
  mute: false,
  flags: 0 as GuildMemberFlags,
});

/** The GUILD_CREATE the fake gateway sends after READY. */
export function guildCreate(): GatewayGuildCreateDispatchData {
  return {
    id: GUILD_ID,
    name: 'Lumora Community',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: BOB.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: 'en-US' as never,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    stickers: [],
    emojis: [],
    hub_type: null as GuildHubType | null,
    region: 'deprecated',
    incidents_data: null,
    roles: [
      // @everyone may read and write everywhere; the bot's managed role carries its permissions.
      role(GUILD_ID, '@everyone', {
        permissions: String((1n << 10n) | (1n << 11n) | (1n << 16n) | (1n << 38n)),
        position: 0,
      }),
      role(BOT_ROLE, 'LumoraCare', { managed: true, tags: { bot_id: BOT.id }, mentionable: false }),
      role(MODS_ROLE, 'Moderators'),
    ],
    joined_at: '2026-01-01T00:00:00.000Z',
    large: false,
    member_count: 3,
    unavailable: false,
    members: [member(BOT, [BOT_ROLE]), member(ALICE), member(BOB, [MODS_ROLE])],
    channels: [textChannel(SUPPORT, 'support', 0), textChannel(GENERAL, 'general', 1)],
    threads: [threadChannel],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  } as GatewayGuildCreateDispatchData;
}

export interface MessageSpec {
  author?: APIUser;
  channelId?: string;
  content: string;
  at?: Date;
  id?: string;
  /** The message this one replies to. */
  replyTo?: APIMessage;
  /** A direct message to the bot (no server). */
  direct?: boolean;
  mentions?: APIUser[];
  roleIds?: string[];
}

/** A MESSAGE_CREATE payload (also what GET /channels/:id/messages returns, minus the gateway extras). */
export function message(spec: MessageSpec): GatewayMessageCreateDispatchData {
  const author = spec.author ?? ALICE;
  const at = spec.at ?? new Date();
  const channelId = spec.channelId ?? (spec.direct ? dmChannelOf(author) : SUPPORT);
  const mentioned =
    spec.mentions ??
    [...spec.content.matchAll(/<@!?(\d+)>/g)]
      .map(([, id]) => [BOT, ALICE, BOB].find((u) => u.id === id))
      .filter((u): u is APIUser => !!u);
  return {
    id: spec.id ?? snowflake(at),
    channel_id: channelId,
    author,
    content: spec.content,
    timestamp: at.toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: mentioned,
    mention_roles: spec.roleIds ?? [...spec.content.matchAll(/<@&(\d+)>/g)].map(([, id]) => id),
    attachments: [],
    embeds: [],
    pinned: false,
    type: spec.replyTo ? MessageType.Reply : MessageType.Default,
    flags: 0 as MessageFlags,
    components: [],
    ...(spec.replyTo
      ? {
          message_reference: { message_id: spec.replyTo.id, channel_id: spec.replyTo.channel_id, guild_id: GUILD_ID },
          referenced_message: spec.replyTo,
        }
      : {}),
    ...(spec.direct
      ? { channel_type: ChannelType.DM }
      : {
          guild_id: GUILD_ID,
          member: {
            roles: [],
            joined_at: '2026-01-01T00:00:00.000Z',
            deaf: false,
            mute: false,
            flags: 0 as GuildMemberFlags,
            nick: null,
            avatar: null,
            banner: null,
            premium_since: null,
          },
          channel_type: channelId === THREAD ? ChannelType.PublicThread : ChannelType.GuildText,
        }),
  } as GatewayMessageCreateDispatchData;
}
