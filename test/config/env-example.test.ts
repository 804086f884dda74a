import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';
import { everySetting, loadAppConfig } from '../../src/app/load-app-config';

const example = parse(fs.readFileSync(path.join(__dirname, '../../.env.example')));

describe('.env.example', () => {
  it('lists exactly the settings the code reads', () => {
    expect(Object.keys(example).sort()).toEqual(Object.keys(everySetting()).sort());
  });

  it('is itself a valid configuration (the demo runs on it as copied)', () => {
    const config = loadAppConfig(example);
    expect(config.channels.x).toBeNull();
    expect(config.databaseUrl).toBe(`file:${path.join(__dirname, '../../data/mention-desk.db')}`);
  });
});
