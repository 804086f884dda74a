import type { App } from '@slack/bolt';
import type { DeskDeps } from './desk-deps.js';
import { registerAlertButton } from './handlers/alert-button.js';
import { registerAppHome } from './handlers/app-home.js';
import { registerCaseButtons } from './handlers/case-buttons.js';
import { registerCustomerDataButtons } from './handlers/customer-data-buttons.js';
import { registerHandOffFlow } from './handlers/hand-off-flow.js';
import { registerMaybeMissedButton } from './handlers/maybe-missed-button.js';
import { registerMentionsCommand } from './handlers/mentions-command.js';
import { registerPersonFlow } from './handlers/person-flow.js';
import { registerReplayGuard } from './handlers/refuse-replays.js';
import { registerReplyFlow } from './handlers/reply-flow.js';
import { registerResolveFlow } from './handlers/resolve-flow.js';

/**
 * Every handler of the desk, registered explicitly. There is deliberately no `message` listener:
 * what the team types in a thread stays internal; only "Reply publicly" reaches a customer. A request
 * seen before (by its trigger id) is refused ahead of them all.
 */
export function registerHandlers(app: App, deps: DeskDeps): void {
  registerReplayGuard(app, deps); // first: a replayed request reaches no handler
  registerCaseButtons(app, deps);
  registerHandOffFlow(app, deps);
  registerReplyFlow(app, deps);
  registerResolveFlow(app, deps);
  registerAlertButton(app, deps);
  registerMaybeMissedButton(app, deps);
  registerPersonFlow(app, deps);
  registerCustomerDataButtons(app, deps);
  registerMentionsCommand(app, deps);
  registerAppHome(app, deps);
}
