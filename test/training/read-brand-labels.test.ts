import path from 'node:path';
import { readBrandLabels } from '../../src/training/read-brand-labels';
import { tempDb } from '../helpers/temp-db';

describe('readBrandLabels', () => {
  it('reads the Label table, the latest label of a text winning', async () => {
    const { db, url, close } = await tempDb();
    try {
      await db.label.createMany({
        data: [
          {
            text: 'my zorblax wobbles',
            complaint: true,
            source: 'slack:opened_case',
            by: 'U1',
            at: new Date('2026-11-01'),
          },
          {
            text: 'lovely zorblax',
            complaint: true,
            source: 'slack:opened_case',
            by: 'U1',
            at: new Date('2026-11-01'),
          },
          {
            text: 'lovely zorblax',
            complaint: false,
            source: 'slack:not_a_complaint',
            by: 'U2',
            at: new Date('2026-11-02'),
          },
          { text: '   ', complaint: false, source: 'slack:not_a_complaint', by: 'U2', at: new Date('2026-11-02') },
        ],
      });
      const { labels, note } = await readBrandLabels(url);
      expect(labels).toEqual([
        { text: 'my zorblax wobbles', complaint: true, set: 'brand' },
        { text: 'lovely zorblax', complaint: false, set: 'brand' },
      ]);
      expect(note).toBe('2 brand labels (1 complaints, 1 not) from the database');
    } finally {
      await close();
    }
  });

  it('says why there are none when the database file is missing', async () => {
    const file = path.join('/nonexistent', 'md.db');
    expect(await readBrandLabels(`file:${file}`)).toEqual({
      labels: [],
      note: `no database at ${file}: no brand labels`,
    });
  });
});
