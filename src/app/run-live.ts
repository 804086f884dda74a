import { AppError, ErrorCode } from '../core/app-error.js';
import type { AppContext } from './open-app.js';

/** Whether any channel has credentials: then `run` watches real platforms instead of the demo. */
export function hasLiveChannels(app: Pick<AppContext, 'config'>): boolean {
  return Boolean(app.config.x || app.config.discord);
}

/**
 * Runs the bot against the configured platforms until stopped. The channel adapters register here as
 * they arrive (X, Discord); until then a configured platform is reported, not silently ignored.
 */
export async function runLive(app: AppContext): Promise<void> {
  const missing = [app.config.x && 'X', app.config.discord && 'Discord'].filter(Boolean);
  throw new AppError(ErrorCode.ConfigInvalid, `credentials are set for ${missing.join(' and ')}, but this build has no adapter for it yet; unset them to run the demo.`);
}
