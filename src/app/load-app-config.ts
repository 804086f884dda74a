import { allSettings, type Config, loadConfig } from '../config/load-config.js';
import type { SettingShape } from '../core/settings/setting-types.js';
import { channelList } from './channel-list.js';

type Env = Record<string, string | undefined>;

/** The configuration with every listed channel's section: what the commands load at start-up. */
export function loadAppConfig(env: Env = process.env): Config {
  return loadConfig(env, channelList);
}

/** Every setting the bot reads, the channels' included (`.env.example` lists the same keys). */
export function everySetting(): SettingShape {
  return allSettings(channelList);
}
