import type { EventEmitter } from 'node:events';
import type { SlackDesk } from '../slack/start-slack-desk.js';

/**
 * Whether the Slack desk is connected: in Socket Mode, the Socket Mode client's own state events
 * (connected, reconnecting, disconnected); in HTTP mode, the receiver is up while the desk runs (Slack
 * calls us, so there is no connection to lose). Bolt keeps its receiver private; it is read here, in one
 * place, rather than spread through the desk.
 */
export function watchSlackConnection(desk: SlackDesk): { name: string; isUp: () => boolean } {
  if (desk.mode === 'http') return { name: 'slack_http', isUp: () => true };
  let up = true; // startSlackDesk resolved, so the socket was connected
  const client = (desk.app as unknown as { receiver?: { client?: EventEmitter } }).receiver?.client;
  client?.on('connected', () => (up = true));
  for (const state of ['reconnecting', 'disconnecting', 'disconnected']) client?.on(state, () => (up = false));
  return { name: 'slack_socket_mode', isUp: () => up };
}
