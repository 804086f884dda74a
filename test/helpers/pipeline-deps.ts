import path from 'node:path';
import { loadAdvocateRules } from '../../src/advocacy/load-advocate-rules';
import { limitOf, rulesOf } from '../../src/app/known-channels';
import { loadPrompts } from '../../src/compose/load-prompts';
import { RecentTexts } from '../../src/compose/recent-texts';
import { silentLogger } from '../../src/log/create-logger';
import type { PipelineDeps } from '../../src/pipeline/pipeline-deps';
import type { Db } from '../../src/store/create-db';

export const prompts = loadPrompts(path.join(__dirname, '../../prompts'));
export const advocateRules = loadAdvocateRules(path.join(__dirname, '../../prompts'));

/** Pipeline dependencies around a test database, with the real prompts and scorer. */
export function testDeps(db: Db, over: Partial<PipelineDeps> = {}): PipelineDeps {
  return {
    db,
    prompts,
    advocateRules,
    recent: new RecentTexts(30 * 86_400_000),
    logger: silentLogger(),
    brand: { name: 'Lumora', handles: ['lumora', 'LumoraCares'], accountIds: ['1500000000000000001'] },
    threshold: 0.5,
    ratingWindowDays: 14,
    now: () => new Date('2026-11-18T10:00:00Z'),
    acknowledgementsPaused: async () => false,
    budgetReached: async () => false,
    channelRules: rulesOf,
    channelLimit: limitOf,
    pointerValues: () => ({ handle: 'LumoraCares' }),
    ...over,
  };
}
