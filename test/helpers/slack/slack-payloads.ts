import type { BlockAction, ButtonAction, PlainTextInputAction, SlashCommand, ViewSubmitAction } from '@slack/bolt';
import type { AppHomeOpenedEvent, GenericMessageEvent } from '@slack/types';

// Payloads in the shapes Slack sends (typed with Bolt's and @slack/types' own definitions), with only
// what the handlers read varying between tests.

const TEAM = { id: 'T0LUMORA01', domain: 'lumora' };
let trigger = 0;

/** A click on a button of a message in `channel` (the case's top message at `messageTs`). */
export function buttonClick(input: {
  userId: string;
  actionId: string;
  value: string;
  channel: string;
  messageTs: string;
  threadTs?: string;
  responseUrl: string;
}): BlockAction<ButtonAction> {
  trigger++;
  return {
    type: 'block_actions',
    team: TEAM,
    api_app_id: 'A0MENTIONS',
    token: 'legacy-verification-token',
    trigger_id: `${trigger}.1.trigger`,
    user: {
      id: input.userId,
      username: input.userId.toLowerCase(),
      name: input.userId.toLowerCase(),
      team_id: TEAM.id,
    },
    channel: { id: input.channel, name: 'social-desk' },
    container: {
      type: 'message',
      message_ts: input.messageTs,
      channel_id: input.channel,
      is_ephemeral: false,
      ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
    },
    message: {
      type: 'message',
      ts: input.messageTs,
      text: 'case',
      ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
    },
    response_url: input.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: input.actionId,
        block_id: 'case_actions',
        value: input.value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: '1763460000.000001',
      },
    ],
  } as BlockAction<ButtonAction>;
}

/** A keystroke in a modal's text input that dispatches actions (the reply's live preview). */
export function typing(input: {
  userId: string;
  view: any;
  viewId: string;
  hash: string;
  blockId: string;
  actionId: string;
  value: string;
}): BlockAction<PlainTextInputAction> {
  trigger++;
  return {
    type: 'block_actions',
    team: TEAM,
    api_app_id: 'A0MENTIONS',
    token: 'legacy-verification-token',
    trigger_id: `${trigger}.1.trigger`,
    user: {
      id: input.userId,
      username: input.userId.toLowerCase(),
      name: input.userId.toLowerCase(),
      team_id: TEAM.id,
    },
    container: { type: 'view', view_id: input.viewId },
    view: { ...input.view, id: input.viewId, hash: input.hash, team_id: TEAM.id, state: { values: {} } },
    actions: [
      {
        type: 'plain_text_input',
        action_id: input.actionId,
        block_id: input.blockId,
        value: input.value,
        action_ts: '1763460000.000002',
      },
    ],
  } as unknown as BlockAction<PlainTextInputAction>;
}

/** Submitting a modal the app opened (`view` as it was opened), with the values typed into its inputs. */
export function submission(input: {
  userId: string;
  view: any;
  viewId: string;
  values: Record<string, Record<string, any>>;
}): ViewSubmitAction {
  trigger++;
  return {
    type: 'view_submission',
    team: TEAM,
    api_app_id: 'A0MENTIONS',
    token: 'legacy-verification-token',
    trigger_id: `${trigger}.1.trigger`,
    user: {
      id: input.userId,
      username: input.userId.toLowerCase(),
      name: input.userId.toLowerCase(),
      team_id: TEAM.id,
    },
    view: {
      ...input.view,
      id: input.viewId,
      team_id: TEAM.id,
      app_id: 'A0MENTIONS',
      bot_id: 'B0BOTID001',
      hash: 'h1',
      root_view_id: input.viewId,
      previous_view_id: null,
      app_installed_team_id: TEAM.id,
      external_id: '',
      clear_on_close: false,
      notify_on_close: false,
      state: { values: input.values },
    },
  } as unknown as ViewSubmitAction;
}

/** The form fields of `/mentions <text>`. */
export function slashCommand(input: {
  userId: string;
  text: string;
  channel: string;
  responseUrl: string;
}): Record<
  keyof Pick<
    SlashCommand,
    | 'token'
    | 'command'
    | 'text'
    | 'user_id'
    | 'user_name'
    | 'channel_id'
    | 'channel_name'
    | 'team_id'
    | 'team_domain'
    | 'response_url'
    | 'trigger_id'
    | 'api_app_id'
  >,
  string
> {
  trigger++;
  return {
    token: 'legacy-verification-token',
    command: '/mentions',
    text: input.text,
    user_id: input.userId,
    user_name: input.userId.toLowerCase(),
    channel_id: input.channel,
    channel_name: 'social-desk',
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    response_url: input.responseUrl,
    trigger_id: `${trigger}.1.trigger`,
    api_app_id: 'A0MENTIONS',
  };
}

/** An Events API envelope around one event. */
export function eventEnvelope(event: AppHomeOpenedEvent | GenericMessageEvent): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM.id,
    api_app_id: 'A0MENTIONS',
    type: 'event_callback',
    event_id: `Ev${Date.now()}${trigger++}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
    authorizations: [
      { enterprise_id: null, team_id: TEAM.id, user_id: 'U0BOTUSER1', is_bot: true, is_enterprise_install: false },
    ],
  };
}

/** Someone opened the app's Home tab. */
export function homeOpened(userId: string): AppHomeOpenedEvent {
  return {
    type: 'app_home_opened',
    user: userId,
    channel: `D${userId.slice(1)}`,
    tab: 'home',
    event_ts: '1763460000.000003',
  } as AppHomeOpenedEvent;
}

/** Someone typed in a case's thread (the app subscribes to no message events; this proves nothing leaks). */
export function threadMessage(input: {
  userId: string;
  channel: string;
  threadTs: string;
  text: string;
}): GenericMessageEvent {
  return {
    type: 'message',
    channel: input.channel,
    user: input.userId,
    text: input.text,
    ts: '1763460999.000001',
    thread_ts: input.threadTs,
    event_ts: '1763460999.000001',
    channel_type: 'channel',
  } as GenericMessageEvent;
}
