import { ingestBatch } from '../../src/pipeline/ingest-batch';
import type { Db } from '../../src/store/create-db';
import { mention } from '../helpers/fixtures';
import { testDeps } from '../helpers/pipeline-deps';
import { tempDb } from '../helpers/temp-db';

const maria = { id: 'x-maria', handle: 'maria_k', name: 'Maria K' };
const mariaOnDiscord = { id: 'd-maria', handle: 'maria.k', name: 'Maria K' };

describe('automatic linking by a quoted case reference', () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, close } = await tempDb()));
  afterEach(() => close());

  const ingest = (...ms: ReturnType<typeof mention>[]) => ingestBatch(testDeps(db), ms);

  it('links the Discord identity that quotes the open case, and its post joins that case', async () => {
    const [x] = await ingest(mention({ author: maria }));
    expect(x.caseOpened).toBe(true);
    const [d] = await ingest(
      mention({ channel: 'discord', author: mariaOnDiscord, text: `@lumora still nothing, Ref #${x.caseId}` }),
    );
    expect(d.customerId).toBe(x.customerId);
    expect(d.caseId).toBe(x.caseId);
    expect(d.decision!.action).toBe('attach_to_case');
    const identity = await db.identity.findFirstOrThrow({ where: { externalId: 'd-maria' } });
    expect(identity.customerId).toBe(x.customerId);
    const [event] = await db.caseEvent.findMany({ where: { caseId: x.caseId, type: 'identity_linked' } });
    expect(event.actor).toBe('bot');
    expect(JSON.parse(event.detail)).toMatchObject({ how: 'reference', channel: 'discord', handle: 'maria.k' });
    expect(await db.identityLink.count()).toBe(1);
    // The DM that follows is the same identity: the same case, no second case.
    const [dm] = await ingest(
      mention({ channel: 'discord', author: mariaOnDiscord, isPrivate: true, text: 'here is my order 778812' }),
    );
    expect(dm.caseId).toBe(x.caseId);
    expect(await db.case.count()).toBe(1);
  });

  it("does not link by a reference to someone else's closed case", async () => {
    const [x] = await ingest(mention({ author: maria }));
    await db.case.update({ where: { id: x.caseId! }, data: { status: 'resolved', resolvedAt: new Date() } });
    const [d] = await ingest(
      mention({ channel: 'discord', author: mariaOnDiscord, text: `@lumora broken again, see #${x.caseId}` }),
    );
    expect(d.customerId).not.toBe(x.customerId);
    expect(await db.identityLink.count()).toBe(0);
  });

  it('does not link by a number that was never given out as a reference, nor by a Discord channel link', async () => {
    const [x] = await ingestBatch(testDeps(db, { acknowledgementsPaused: async () => true }), [
      mention({ author: maria }),
    ]);
    expect(x.caseOpened).toBe(true);
    expect(await db.outboundMessage.count({ where: { caseId: x.caseId!, purpose: 'acknowledgement' } })).toBe(0);
    const [d] = await ingest(
      mention({ channel: 'discord', author: mariaOnDiscord, text: `@lumora broken #${x.caseId}` }),
    );
    expect(d.customerId).not.toBe(x.customerId);
    const [y] = await ingest(mention({ author: { id: 'x-joe', handle: 'joe', name: 'Joe' } }));
    const [e] = await ingest(
      mention({ channel: 'discord', author: { id: 'd-zed', handle: 'zed', name: 'Zed' }, text: `hi <#${y.caseId}>` }),
    );
    expect(e.customerId).not.toBe(y.customerId);
    expect(await db.identityLink.count()).toBe(0);
  });

  it('only suggests when the quoting identity has an open case of its own', async () => {
    const [x] = await ingest(mention({ author: maria }));
    const other = { id: 'd-other', handle: 'someone', name: 'Someone Else' };
    const [own] = await ingest(mention({ channel: 'discord', author: other }));
    expect(own.caseOpened).toBe(true);
    const [d] = await ingest(
      mention({ channel: 'discord', author: other, text: `@lumora this is the same as #${x.caseId}` }),
    );
    expect(d.caseId).toBe(own.caseId);
    expect(await db.identityLink.count()).toBe(0);
    const suggestions = await db.linkSuggestion.findMany({ where: { caseId: x.caseId! } });
    expect(suggestions).toEqual([
      expect.objectContaining({ status: 'pending', reason: expect.stringContaining('open case') }),
    ]);
  });

  it('the same e-mail address in private messages on two channels is suggested, never linked', async () => {
    const [x] = await ingest(mention({ author: maria }));
    await ingest(mention({ author: maria, isPrivate: true, text: 'my account is maria.k@example.com' }));
    const stranger = { id: 'd-zz', handle: 'zz_top', name: 'ZZ' };
    const [d] = await ingest(
      mention({ channel: 'discord', author: stranger, isPrivate: true, text: 'login Maria.K@example.com fails, help' }),
    );
    expect(d.customerId).not.toBe(x.customerId);
    expect(await db.identityLink.count()).toBe(0);
    const identity = await db.identity.findFirstOrThrow({ where: { externalId: 'd-zz' } });
    const suggestions = await db.linkSuggestion.findMany({ where: { caseId: x.caseId! } });
    expect(suggestions).toEqual([
      expect.objectContaining({ identityId: identity.id, reason: 'the same e-mail address in private messages' }),
    ]);
  });
});
