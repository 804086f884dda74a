/** A message the fake Slack holds, as conversations.history would show it. */
export interface FakeMessage {
  channel: string;
  ts: string;
  text: string;
  blocks?: any[];
  thread_ts?: string;
}

export const BOT_USER = 'U0BOTUSER1';
export const BOT_ID = 'B0BOTID001';

type Answer = Record<string, unknown>;

/**
 * The state behind the fake Web API: channels with their messages and threads, the team channel's
 * members, a user group, and the views and ephemeral messages shown to people. Answers are shaped as
 * Slack's (and checked against the contract by the server).
 */
export class FakeWorkspace {
  readonly messages: FakeMessage[] = [];
  readonly ephemerals: Array<{ channel: string; user: string; text: string; thread_ts?: string }> = [];
  readonly views: Array<{ method: string; view: any; user_id?: string; view_id?: string; hash?: string }> = [];
  members: string[] = [];
  usergroupUsers: string[] = [];
  private seq = 0;
  // Slack's ts is the posting time in seconds (with a per-channel sequence in the micro part).
  private readonly start = Math.floor(Date.now() / 1000);

  private nextTs(): string {
    this.seq++;
    return `${this.start + this.seq}.${String(this.seq).padStart(6, '0')}`;
  }

  /** A user id posted to lands in the app's DM with them, a D... channel (as Slack does). */
  static dmOf(channel: string): string {
    return /^[UW]/.test(channel) ? `D${channel.slice(1)}` : channel;
  }

  topLevel(channel: string): FakeMessage[] {
    return this.messages.filter((m) => m.channel === channel && (!m.thread_ts || m.thread_ts === m.ts));
  }

  thread(channel: string, ts: string): FakeMessage[] {
    return this.messages.filter((m) => m.channel === channel && (m.ts === ts || m.thread_ts === ts));
  }

  private asMessage(m: FakeMessage): Answer {
    const replies = this.messages.filter(
      (r) => r.channel === m.channel && r.thread_ts === m.ts && r.ts !== m.ts,
    ).length;
    return {
      type: 'message',
      user: BOT_USER,
      bot_id: BOT_ID,
      text: m.text,
      ts: m.ts,
      ...(m.blocks ? { blocks: m.blocks } : {}),
      ...(m.thread_ts ? { thread_ts: m.thread_ts } : replies ? { thread_ts: m.ts, reply_count: replies } : {}),
    };
  }

  /** The fake's answer to one Web API method (a Slack error answer for what Slack would refuse). */
  answer(method: string, p: Record<string, any>): Answer {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://lumora.slack.com/',
          team: 'Lumora',
          user: 'mention-desk',
          team_id: 'T0LUMORA01',
          user_id: BOT_USER,
          bot_id: BOT_ID,
        };
      case 'chat.postMessage': {
        const channel = FakeWorkspace.dmOf(p.channel);
        if (!/^[CGD][A-Z0-9]{8,}$/.test(channel)) return { ok: false, error: 'channel_not_found' };
        if (p.thread_ts && !this.messages.some((m) => m.channel === channel && m.ts === p.thread_ts))
          return { ok: false, error: 'thread_not_found' };
        const m: FakeMessage = {
          channel,
          ts: this.nextTs(),
          text: p.text ?? '',
          blocks: p.blocks,
          ...(p.thread_ts ? { thread_ts: p.thread_ts } : {}),
        };
        this.messages.push(m);
        return { ok: true, channel, ts: m.ts, message: this.asMessage(m) };
      }
      case 'chat.update': {
        const m = this.messages.find((x) => x.channel === p.channel && x.ts === p.ts);
        if (!m) return { ok: false, error: 'message_not_found' };
        m.text = p.text ?? m.text;
        m.blocks = p.blocks ?? m.blocks;
        return { ok: true, channel: m.channel, ts: m.ts, text: m.text, message: { text: m.text } };
      }
      case 'chat.postEphemeral':
        this.ephemerals.push({
          channel: p.channel,
          user: p.user,
          text: p.text,
          ...(p.thread_ts ? { thread_ts: p.thread_ts } : {}),
        });
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.getPermalink':
        return {
          ok: true,
          channel: p.channel,
          permalink: `https://lumora.slack.com/archives/${p.channel}/p${String(p.message_ts).replace('.', '')}`,
        };
      case 'conversations.history': {
        const oldest = Number(p.oldest ?? 0);
        const all = this.topLevel(p.channel)
          .filter((m) => Number(m.ts) > oldest)
          .reverse();
        return {
          ok: true,
          messages: all.slice(0, Number(p.limit ?? 100)).map((m) => this.asMessage(m)),
          has_more: false,
          pin_count: 0,
          channel_actions_ts: null,
          channel_actions_count: 0,
        };
      }
      case 'conversations.replies': {
        const thread = this.thread(p.channel, p.ts);
        if (!thread.length) return { ok: false, error: 'thread_not_found' };
        return { ok: true, messages: thread.map((m) => this.asMessage(m)), has_more: false };
      }
      case 'conversations.members':
        return { ok: true, members: this.members, response_metadata: { next_cursor: '' } };
      case 'conversations.open':
        return { ok: true, channel: { id: FakeWorkspace.dmOf(String(p.users)) } };
      case 'usergroups.users.list':
        return { ok: true, users: this.usergroupUsers };
      case 'views.open':
      case 'views.update':
      case 'views.publish': {
        this.views.push({ method, view: p.view, user_id: p.user_id, view_id: p.view_id, hash: p.hash });
        return {
          ok: true,
          view: {
            ...p.view,
            id: p.view_id ?? `V${String(this.views.length).padStart(9, '0')}`,
            hash: `${Date.now()}.hash`,
          },
        };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
