import type { EventEmitter } from 'node:events';
import type { SlackDesk } from '../slack/start-slack-desk.js';

/**
 * Whether the Slack desk is connected: in Socket Mode, the Socket Mode client's own state events
 * (connected, reconnecting, disconnected); in HTTP mode, the receiver is up once the desk has connected (Slack
 * calls us, so there is no connection to lose after that). Bolt keeps its receiver private; it is read here, in one
 * place, rather than spread through the desk.
 */
export function watchSlackConnection(desk: SlackDesk): { name: string; isUp: () => boolean } {
  // A desk that started while Slack answered 5xx or 429 is not up until it has reached Slack.
  if (desk.mode === 'http') return { name: 'slack_http', isUp: () => desk.connected() };
  let up = true; // once the desk has connected, the socket was connected
  const client = (desk.app as unknown as { receiver?: { client?: EventEmitter } }).receiver?.client;
  client?.on('connected', () => (up = true));
  for (const state of ['reconnecting', 'disconnecting', 'disconnected']) client?.on(state, () => (up = false));
  return { name: 'slack_socket_mode', isUp: () => desk.connected() && up };
}
