import { caseRef } from '../cases/case-intents.js';
import { composeAcknowledgement } from '../compose/compose-acknowledgement.js';
import { greetingName } from '../compose/greeting-name.js';
import { describeError } from '../core/app-error.js';
import type { OutboundRow } from '../core/outbound.js';
import { textHash } from '../core/text-hash.js';
import type { Topic } from '../scoring/score-types.js';
import type { PipelineDeps } from './pipeline-deps.js';

/**
 * New wording for an acknowledgement the platform refused as duplicate content (X refuses a text the
 * account posted before, e.g. by hand or before the uniqueness window). Composed like the first one,
 * from the stored mention and case, with the refused text marked as used so another variant is chosen.
 * Returns undefined for anything but an acknowledgement, or when no other variant fits: the outbox
 * then holds the message for a person.
 */
export function recomposeAcknowledgement(deps: PipelineDeps): (row: OutboundRow) => Promise<string | undefined> {
  return async (row) => {
    if (
      row.kind !== 'public_reply' ||
      row.purpose !== 'acknowledgement' ||
      row.mentionId === null ||
      row.caseId === null
    )
      return undefined;
    const mention = await deps.db.mention.findUnique({
      where: { id: row.mentionId },
      select: { channel: true, externalId: true, topic: true, identity: { select: { handle: true, name: true } } },
    });
    if (!mention) return undefined;
    deps.recent.add(textHash(row.text));
    const rules = deps.channelRules(mention.channel);
    try {
      return composeAcknowledgement(
        deps.prompts,
        {
          channel: mention.channel,
          limit: deps.channelLimit(mention.channel),
          name: greetingName(mention.identity),
          brand: deps.brand.name,
          topic: mention.topic as Topic,
          ref: caseRef(row.caseId),
          pointerKind: rules.pointerKind,
          pointerValues: deps.pointerValues?.(mention.channel),
          seed: `${mention.channel}:${mention.externalId}:reworded:${row.attempts}`,
        },
        deps.recent,
      );
    } catch (error) {
      deps.logger.warn({ outboundId: row.id, error: describeError(error) }, 'no other acknowledgement variant fits');
      return undefined;
    }
  };
}
