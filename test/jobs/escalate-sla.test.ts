import { loadConfig } from '../../src/config/load-config';
import { escalateSla } from '../../src/jobs/escalate-sla';
import type { Db } from '../../src/store/create-db';
import { tempDb } from '../helpers/temp-db';

const jobs = loadConfig({
  TEAM_TIMEZONE: 'UTC',
  BUSINESS_HOURS: '09:00-17:00',
  BUSINESS_DAYS: 'mon-fri',
  SLA_UNCLAIMED_MINUTES: '30',
  SLA_NO_REPLY_MINUTES: '60',
  SLA_REPEAT_MINUTES: '30',
}).jobs;
const ONCALL = 'S0ONCALL';
const at = (hhmm: string, day = '18') => new Date(`2026-11-${day}T${hhmm}:00Z`); // the 18th is a Wednesday

describe('escalateSla', () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, close } = await tempDb()));
  afterEach(() => close());
  const open = (data: object) =>
    db.case.create({
      data: {
        customer: { create: { displayName: 'A' } },
        channel: 'x',
        topic: 'other',
        severity: 'none',
        score: 0.9,
        ...data,
      },
    });
  const thread = () => db.outboundMessage.findMany({ where: { kind: 'slack_thread' }, orderBy: { id: 'asc' } });
  const escalations = () => db.caseEvent.findMany({ where: { type: 'sla_escalated' }, orderBy: { id: 'asc' } });

  it('escalates an unclaimed case once it passes the limit, pinging on-call, and repeats until handled', async () => {
    const c = await open({ openedAt: at('10:00') });
    expect(await escalateSla(db, jobs, at('10:29'), ONCALL)).toEqual([]);
    expect(await escalateSla(db, jobs, at('10:30'), ONCALL)).toEqual([c.id]);
    expect(await escalateSla(db, jobs, at('10:45'), ONCALL)).toEqual([]); // repeat interval not reached
    expect(await escalateSla(db, jobs, at('11:00'), ONCALL)).toEqual([c.id]);
    const row = await db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ escalationCount: 2, escalatedAt: at('10:30'), lastEscalatedAt: at('11:00') });
    const events = await escalations();
    expect(events.map((e) => JSON.parse(e.detail))).toEqual([
      { reason: 'unclaimed for 30m of business time (limit 30m)', count: 1, onCall: ONCALL },
      { reason: 'unclaimed for 1h 00m of business time (limit 30m)', count: 2, onCall: ONCALL },
    ]);
    // Each escalation posts a thread line (rendered from its event) and refreshes the top message.
    expect((await thread()).map((p) => JSON.parse(p.target))).toEqual(
      events.map((e) => ({ caseId: c.id, eventId: e.id })),
    );
    expect(await db.outboundMessage.count({ where: { kind: 'slack_case_update', caseId: c.id } })).toBe(2);

    await db.case.update({
      where: { id: c.id },
      data: { ownerSlackId: 'U1', claimedAt: at('11:10'), status: 'claimed', firstHumanReplyAt: at('11:20') },
    });
    expect(await escalateSla(db, jobs, at('15:00'))).toEqual([]);
  });

  it('escalates a claimed case with no reply to the customer', async () => {
    const c = await open({ openedAt: at('09:00'), ownerSlackId: 'U7', claimedAt: at('09:05'), status: 'claimed' });
    expect(await escalateSla(db, jobs, at('10:04'))).toEqual([]);
    expect(await escalateSla(db, jobs, at('10:05'))).toEqual([c.id]);
    expect(JSON.parse((await escalations())[0].detail).reason).toMatch(
      /claimed by U7 but no reply to the customer for 1h 00m/,
    );
  });

  it('counts business time only and stays quiet outside it', async () => {
    const friday = await open({ openedAt: at('16:50', '20') });
    expect(await escalateSla(db, jobs, at('20:00', '20'))).toEqual([]); // Friday evening: closed
    expect(await escalateSla(db, jobs, at('09:10', '23'))).toEqual([]); // Monday: 10 + 10 business minutes
    expect(await escalateSla(db, jobs, at('09:20', '23'))).toEqual([friday.id]);
  });

  it('two instances checking at once escalate a case once', async () => {
    const c = await open({ openedAt: at('10:00') });
    const [a, b] = await Promise.all([escalateSla(db, jobs, at('11:00')), escalateSla(db, jobs, at('11:00'))]);
    expect([...a, ...b]).toEqual([c.id]);
    expect(await thread()).toHaveLength(1);
  });
});
