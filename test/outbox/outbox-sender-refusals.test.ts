import { caseOutboxHooks } from '../../src/cases/record-message-outcome';
import { SendError } from '../../src/core/channel-adapter';
import type { OutboundRow } from '../../src/core/outbound';
import { silentLogger } from '../../src/log/create-logger';
import { OutboxSender } from '../../src/outbox/outbox-sender';
import type { OutboxTransport } from '../../src/outbox/outbox-transport';
import { recordOnlyTransport } from '../../src/outbox/record-only-transport';
import { ingestBatch } from '../../src/pipeline/ingest-batch';
import type { Db } from '../../src/store/create-db';
import { mention } from '../helpers/fixtures';
import { testDeps } from '../helpers/pipeline-deps';
import { tempDb } from '../helpers/temp-db';

/** A channel that refuses the first send with `error`, then accepts. */
function refusingOnce(error: SendError): OutboxTransport & { texts: string[] } {
  const texts: string[] = [];
  return {
    texts,
    async send(row: OutboundRow) {
      texts.push(row.text);
      if (texts.length === 1) throw error;
      return { externalId: `x-${texts.length}` };
    },
  };
}

describe('OutboxSender when the platform refuses a message', () => {
  let store: Awaited<ReturnType<typeof tempDb>>;
  let db: Db;
  const ack = async () => (await db.outboundMessage.findMany({ where: { kind: 'public_reply' } }))[0];
  const sender = (x: OutboxTransport, recompose?: (row: OutboundRow) => Promise<string | undefined>) =>
    new OutboxSender({
      ...caseOutboxHooks,
      db,
      logger: silentLogger(),
      transports: { x, slack: recordOnlyTransport('slack') },
      recompose,
    });

  beforeEach(async () => {
    store = await tempDb();
    db = store.db;
    await ingestBatch(testDeps(db, { now: () => new Date(Date.now() - 60_000) }), [mention()]);
  });
  afterEach(() => store.close());

  it('rewords a duplicate and sends the new words', async () => {
    const x = refusingOnce(new SendError('duplicate', 'X refused the text as duplicate content', false));
    const s = sender(x, async () => 'Completely different words');
    await s.drain();
    expect(await ack()).toMatchObject({ status: 'pending', text: 'Completely different words' });
    await s.drain();
    expect(x.texts[1]).toBe('Completely different words');
    expect(await ack()).toMatchObject({ status: 'sent', externalId: 'x-2' });
  });

  it('holds a duplicate for a person when no other wording fits, and the case says why', async () => {
    const x = refusingOnce(new SendError('duplicate', 'X refused the text as duplicate content', false));
    expect(await sender(x, async () => undefined).drain()).toMatchObject({ held: 1 });
    expect(await ack()).toMatchObject({ status: 'held', error: 'duplicate: X refused the text as duplicate content' });
    expect((await db.case.findFirst())!.holdReason).toBe('duplicate: X refused the text as duplicate content');
  });

  it('holds a message refused for credentials (it can be released once they are fixed), and fails one the platform rejects', async () => {
    await sender(refusingOnce(new SendError('auth', 'X refused the credentials', false))).drain();
    expect(await ack()).toMatchObject({ status: 'held' });
    await db.outboundMessage.updateMany({ where: { kind: 'public_reply' }, data: { status: 'pending', error: null } });
    await sender(refusingOnce(new SendError('rejected', 'X refused the reply', false))).drain();
    expect(await ack()).toMatchObject({ status: 'failed', error: 'rejected: X refused the reply' });
  });
});
