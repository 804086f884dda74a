// Block Kit has no offline validator (see ../shared/contracts/README.md). These are the limits Slack's
// Block Kit reference publishes and enforces with `invalid_blocks`; the fake checks every message and
// view against them, plus the one rule this project adds: nothing we post may page a channel.

const TEXT_TYPES = new Set(['plain_text', 'mrkdwn']);
const BROADCAST = /<!(channel|here|everyone)(\|[^>]*)?>/;
const BARE_SPECIAL = /(^|[^\w\u2060])@(channel|here|everyone)\b/i;

function checkText(where: string, t: any, max: number, plainOnly = false): string[] {
  if (!t || typeof t !== 'object') return [`${where}: text object missing`];
  if (!TEXT_TYPES.has(t.type) || (plainOnly && t.type !== 'plain_text'))
    return [`${where}: text type ${t.type} not allowed`];
  if (typeof t.text !== 'string' || t.text.length === 0) return [`${where}: text must be a non-empty string`];
  if (t.text.length > max) return [`${where}: text is ${t.text.length} characters (max ${max})`];
  // Slack documents that non-verbatim mrkdwn may have mentions parsed: a bare @here there could page.
  if (t.type === 'mrkdwn' && t.verbatim !== true && BARE_SPECIAL.test(t.text))
    return [`${where}: mrkdwn without verbatim: true holds a bare ${BARE_SPECIAL.exec(t.text)![0].trim()}`];
  return [];
}

function checkElement(where: string, e: any): string[] {
  const out: string[] = [];
  if (typeof e.action_id === 'string' && e.action_id.length > 255) out.push(`${where}: action_id over 255`);
  if (e.type === 'button') {
    out.push(...checkText(`${where}.text`, e.text, 75, true));
    if (e.value !== undefined && String(e.value).length > 2000) out.push(`${where}: value over 2000`);
    if (e.style !== undefined && !['primary', 'danger'].includes(e.style)) out.push(`${where}: style ${e.style}`);
  }
  if (e.type === 'plain_text_input' && e.max_length !== undefined && e.max_length > 3000)
    out.push(`${where}: max_length over 3000`);
  if (e.type === 'static_select' && (!Array.isArray(e.options) || e.options.length > 100))
    out.push(`${where}: 1 to 100 options`);
  return out;
}

function checkBlock(where: string, b: any, inView: boolean): string[] {
  const out: string[] = [];
  if (typeof b.block_id === 'string' && b.block_id.length > 255) out.push(`${where}: block_id over 255`);
  switch (b.type) {
    case 'header':
      return [...out, ...checkText(`${where}.text`, b.text, 150, true)];
    case 'divider':
      return out;
    case 'section':
      if (!b.text && !b.fields) out.push(`${where}: section needs text or fields`);
      if (b.text) out.push(...checkText(`${where}.text`, b.text, 3000));
      if (b.fields)
        (b.fields.length > 10
          ? [`${where}: over 10 fields`]
          : b.fields.flatMap((f: any, i: number) => checkText(`${where}.fields[${i}]`, f, 2000))
        ).forEach((p: string) => out.push(p));
      if (b.accessory) out.push(...checkElement(`${where}.accessory`, b.accessory));
      return out;
    case 'context':
      if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 10)
        return [...out, `${where}: 1 to 10 context elements`];
      return [
        ...out,
        ...b.elements.flatMap((e: any, i: number) =>
          TEXT_TYPES.has(e.type) ? checkText(`${where}.elements[${i}]`, e, 3000) : [],
        ),
      ];
    case 'actions':
      if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 25)
        return [...out, `${where}: 1 to 25 action elements`];
      return [...out, ...b.elements.flatMap((e: any, i: number) => checkElement(`${where}.elements[${i}]`, e))];
    case 'input':
      if (!inView) out.push(`${where}: input blocks belong in views`);
      return [
        ...out,
        ...checkText(`${where}.label`, b.label, 2000, true),
        ...(b.element ? checkElement(`${where}.element`, b.element) : [`${where}: input needs an element`]),
      ];
    default:
      return [...out, `${where}: unknown block type ${b.type}`];
  }
}

/** What is wrong with a message's (or a view's) blocks, by Slack's published limits. */
export function checkBlocks(blocks: unknown, inView = false): string[] {
  if (!Array.isArray(blocks)) return ['blocks must be an array'];
  const max = inView ? 100 : 50;
  const out = blocks.length > max ? [`${blocks.length} blocks (max ${max})`] : [];
  return out.concat(blocks.flatMap((b, i) => checkBlock(`blocks[${i}]`, b, inView)));
}

/** What is wrong with a modal or App Home view. */
export function checkView(view: any): string[] {
  if (!view || (view.type !== 'modal' && view.type !== 'home')) return ['view type must be modal or home'];
  const out: string[] = [];
  if (view.type === 'modal') {
    out.push(...checkText('view.title', view.title, 24, true));
    if (view.submit) out.push(...checkText('view.submit', view.submit, 24, true));
    if (view.close) out.push(...checkText('view.close', view.close, 24, true));
  }
  if (view.private_metadata !== undefined && String(view.private_metadata).length > 3000)
    out.push('private_metadata over 3000');
  return out.concat(checkBlocks(view.blocks, true));
}

/** A channel-wide ping anywhere in what we send (text, blocks, views): never allowed. */
export function findBroadcast(anything: unknown): string | undefined {
  const match = JSON.stringify(anything ?? '').match(BROADCAST);
  return match?.[0];
}
