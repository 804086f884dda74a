import { compile, type TopLevelSpec } from 'vega-lite';
import { buildDigest } from '../../src/digest/build-digest';
import { queryDigestData } from '../../src/digest/query-digest-data';
import { digestChartSpec, MIN_MENTIONS_FOR_SHARE, renderDigestChart } from '../../src/digest/render-digest-chart';
import { COUNTING_RULE, renderDigestMarkdown } from '../../src/digest/render-digest-markdown';
import type { Db } from '../../src/store/create-db';
import { period, seed, t } from '../helpers/digest-seed';
import { tempDb } from '../helpers/temp-db';

describe("the managers' digest on a fixed data set", () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, close } = await tempDb()));
  afterEach(() => close());

  it('matches the hand-computed figures', async () => {
    const { c3, c4 } = await seed(db);
    const d = buildDigest(await queryDigestData(db, period, 'sqlite'));
    expect(d.volume).toEqual({
      total: 27,
      complaints: 13,
      complaintShare: 13 / 27,
      previousShare: 0.2,
      people: 1,
      complainingPeople: 1,
    });
    expect(d.byChannel).toEqual([
      { channel: 'x', total: 25, complaints: 11 },
      { channel: 'discord', total: 2, complaints: 2 },
    ]);
    expect(d.byTopic).toEqual([
      { topic: 'outage', total: 22, complaints: 12 },
      { topic: 'billing', total: 5, complaints: 1 },
    ]);
    expect(d.buckets).toEqual([
      { start: '2026-11-16', total: 4, complaints: 1 },
      { start: '2026-11-17', total: 2, complaints: 2 },
      { start: '2026-11-18', total: 20, complaints: 10 },
      { start: '2026-11-19', total: 0, complaints: 0 }, // every day of the period is there, quiet ones as zero
      { start: '2026-11-20', total: 1, complaints: 0 },
      { start: '2026-11-21', total: 0, complaints: 0 },
      { start: '2026-11-22', total: 0, complaints: 0 },
    ]);
    expect(d.spikes).toEqual([{ start: '2026-11-18', total: 20 }]);
    expect(d.times.acknowledge).toEqual({ n: 3, median: 2, p90: expect.closeTo(2.8, 6) });
    expect(d.times.claim).toEqual({ n: 3, median: 40, p90: expect.closeTo(56, 6) });
    expect(d.times.firstHumanReply).toEqual({ n: 2, median: 45, p90: expect.closeTo(57, 6) });
    expect(d.times.resolve).toEqual({ n: 2, median: 180, p90: expect.closeTo(228, 6) });
    expect(d.perOwner.map((o) => [o.owner, o.cases, o.claim.median])).toEqual([
      ['U1', 2, 35],
      ['U2', 1, 40],
    ]);
    expect(d.sla).toEqual({ breaches: 1, cases: [{ id: c3, escalations: 2 }] });
    expect(d.open.total).toBe(2);
    expect(d.open.unclaimed).toBe(1);
    expect(d.open.oldest.map((o) => o.id)).toEqual([c3, c4]);
    expect(d.ratings).toEqual({ count: 2, average: 4, distribution: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 1 } });
    expect(d.spend.totalUsd).toBeCloseTo(0.02, 10);
    expect(d.spend.byChannel).toEqual([
      { channel: 'x', action: 'public_reply', usd: expect.closeTo(0.02, 10), calls: 2 },
    ]);

    const md = renderDigestMarkdown(d);
    expect(md).toContain('**27 mentions**, 13 complaints (48.1%, up 28.1 points from 20.0%)');
    expect(md).toContain(`${COUNTING_RULE}_`);
    expect(md).toContain('| claim | 3 | 40m | 56m |');
    expect(md).toContain('| resolve | 2 | 3h 00m | 3h 48m |');
    expect(md).toContain(`1 case breached the SLA: #${c3} (2×).`);
    expect(md).toContain('2 ratings, average 4.0 / 5 (5: 1, 4: 0, 3: 1, 2: 0, 1: 0).');
    expect(md).toContain('- 2026-11-18: 20 mentions');
    expect(md).toContain('$0.02 in total.');
  });

  it("buckets by hour in the team's time zone", async () => {
    await seed(db);
    const d = buildDigest(
      await queryDigestData(
        db,
        { from: t('18T00:00:00'), to: t('19T00:00:00'), bucket: 'hour', timeZone: 'Asia/Kolkata' },
        'sqlite',
      ),
    );
    // 12:00 UTC is 17:30 IST, bucketed by hour; the period (05:30 to 05:30 IST) spans 25 clock hours, all drawn.
    expect(d.buckets.filter((b) => b.total)).toEqual([{ start: '2026-11-18T17:00', total: 20, complaints: 10 }]);
    expect(d.buckets).toHaveLength(25);
    expect([d.buckets[0].start, d.buckets.at(-1)!.start]).toEqual(['2026-11-18T05:00', '2026-11-19T05:00']);
  });

  it('renders the chart as a PNG without a browser', async () => {
    await seed(db);
    const d = buildDigest(await queryDigestData(db, period, 'sqlite'));
    const spec = digestChartSpec(d) as { data: { values: Array<{ total: number; share: number | null }> } };
    expect(spec.data.values.map((v) => v.total)).toEqual([4, 2, 20, 0, 1, 0, 0]);
    // 2 of 2 on the 17th would read 100 %: too few mentions for a share, so none is drawn there.
    expect(spec.data.values.map((v) => v.share)).toEqual([null, null, 0.5, null, null, null, null]);
    const vegaSpec = compile(spec as TopLevelSpec).spec as { legends?: Array<{ fill?: string }> };
    expect(vegaSpec.legends).toHaveLength(1);
    expect(JSON.stringify(compile(spec as TopLevelSpec).spec)).toContain(
      `complaint share (where ${MIN_MENTIONS_FOR_SHARE}+ mentions)`,
    );
    const png = await renderDigestChart(d);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(5_000);
  });
});
