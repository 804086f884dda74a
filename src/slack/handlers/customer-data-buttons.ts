import type { App } from '@slack/bolt';
import { exportCustomer } from '../../cases/export-customer.js';
import { forgetCustomer } from '../../cases/forget-customer.js';
import { slackActor } from '../../cases/record-case-change.js';
import type { DeskDeps } from '../desk-deps.js';
import { CustomerDataAction } from '../slack-ids.js';
import { onButton } from './on-button.js';
import { tellUser } from './tell-user.js';

/**
 * The confirmation step of `/mentions customer export|forget`: the export goes to the clicker alone, as
 * a JSON file in a direct message from the app (never into the team channel); the erasure is done and
 * recorded, and the clicker is told what went.
 */
export function registerCustomerDataButtons(app: App, deps: DeskDeps): void {
  onButton(app, deps, CustomerDataAction.Export, async ({ id, actor, client }) => {
    const doc = await exportCustomer(deps.db, { customerId: id, actor: slackActor(actor.userId), at: deps.now() });
    if (!doc) return tellUser(client, actor, 'That customer no longer exists.');
    const dm = await client.conversations.open({ users: actor.userId });
    await client.files.uploadV2({
      channel_id: dm.channel!.id!,
      file: Buffer.from(JSON.stringify(doc, null, 2)),
      filename: `customer-${id}-export.json`,
      title: `Everything stored about customer ${id}`,
    });
    await tellUser(client, actor, ':package: The export is in your direct messages with the app.');
  });

  onButton(app, deps, CustomerDataAction.Forget, async ({ id, actor, client }) => {
    const done = await forgetCustomer(deps.db, { customerId: id, actor: slackActor(actor.userId), at: deps.now() });
    if (!done) return tellUser(client, actor, 'That customer no longer exists.');
    await tellUser(
      client,
      actor,
      `:wastebasket: Erased: ${done.identities} identities and the texts of ${done.mentions} posts; ` +
        `${done.pendingRemoved} pending messages dropped. Anonymous counts stay; the request is recorded.`,
    );
  });
}
