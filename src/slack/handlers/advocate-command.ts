import { type AdvocateView, addAdvocate, listAdvocates, removeAdvocate } from '../../cases/manage-advocates.js';
import type { DeskDeps } from '../desk-deps.js';
import { escapeMrkdwn } from '../render/escape-mrkdwn.js';
import { channelName, formatHandle, formatSlackMention, shortEscaped } from '../render/format-slack-text.js';

/** The channels an advocate can answer on (the ones the desk watches and attaches replies from). */
const ADVOCATE_CHANNELS = ['x', 'discord', 'bluesky', 'mastodon'];

const USAGE =
  'Usage: `/mentions advocate add x:@your_handle` (links your own ' +
  'account), `/mentions advocate remove x:@your_handle`, `/mentions advocate list`';

/** `x:@jade_lumora` as a channel and a handle, or undefined. */
function parseAccount(word: string | undefined): { channel: string; handle: string } | undefined {
  // `mastodon:@jade@staff.social`: a Mastodon account elsewhere is named with its instance.
  const m = word?.match(/^([a-z]+):@?([\w.-]{1,64}(?:@[\w.-]{1,253})?)$/i);
  if (!m || !ADVOCATE_CHANNELS.includes(m[1].toLowerCase())) return undefined;
  return { channel: m[1].toLowerCase(), handle: m[2] };
}

function describeAccount(a: Pick<AdvocateView, 'channel' | 'handle'>): string {
  return `${formatHandle(a.handle, 64)} on ${escapeMrkdwn(channelName(a.channel))}`;
}

// Where the code goes so that the desk sees it: X only hears posts that mention the brand, or DMs to it.
function whereToPost(channel: string, brandHandle: string): string {
  if (channel === 'x') return `in a post that mentions ${formatHandle(brandHandle, 60)}, or in a DM to it`;
  if (channel === 'discord') return 'in a channel the bot watches, or in a DM to the bot';
  return `in a post that mentions ${formatHandle(brandHandle, 60)}, or in a direct message to it`;
}

/**
 * `/mentions advocate add|remove|list`: a team member links their own social accounts. An account counts
 * once they post or DM its code from it (the pipeline sees that post and matches the code).
 */
export async function answerAdvocateCommand(
  deps: DeskDeps,
  userId: string,
  words: string[],
  brandHandle: string,
): Promise<string> {
  const action = (words[0] ?? 'list').toLowerCase();
  if (action === 'list') {
    const all = await listAdvocates(deps.db);
    if (!all.length) return 'Nobody has linked an account yet. `/mentions advocate add x:@your_handle` links yours.';
    return `*Staff advocates*\n${all
      .map(
        (a) =>
          `• ${formatSlackMention(a.slackUserId)}: ${describeAccount(a)} · ` +
          (a.verifiedAt
            ? 'verified'
            : `not verified yet${a.slackUserId === userId ? ` (post \`${a.verificationCode}\`)` : ''}`),
      )
      .join('\n')}`;
  }
  const account = parseAccount(words[1]);
  if ((action !== 'add' && action !== 'remove') || !account) return USAGE;
  if (action === 'remove') {
    const removed = await removeAdvocate(deps.db, { slackUserId: userId, ...account });
    return removed
      ? `:wave: ${describeAccount(account)} is no longer linked to you; its posts are treated like anyone's again.`
      : `You have no link to ${describeAccount(account)}.`;
  }
  const result = await addAdvocate(deps.db, { slackUserId: userId, ...account, at: deps.now() });
  if (!result.ok)
    return result.reason === 'bad_handle'
      ? `"${shortEscaped(account.handle, 64)}" is not a handle. ${USAGE}`
      : `${describeAccount(account)} is already linked to ` +
          `${formatSlackMention(result.slackUserId)}. They can remove it ` +
          `with \`/mentions advocate remove\`.`;
  const a = result.advocate;
  if (a.verifiedAt) return `${describeAccount(a)} is already linked to you and verified.`;
  return (
    `:link: ${describeAccount(a)} is ${result.already ? 'already' : 'now'} linked to you, *not verified yet*. ` +
    `To prove it is yours, post \`${a.verificationCode}\` from it ${whereToPost(a.channel, brandHandle)}. ` +
    "Until then its posts are treated like anyone else's."
  );
}
