import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../log/create-logger.js';

/**
 * Bolt's and the WebClient's logs through our logger, so they land in the same JSON lines and pass
 * the same secret scrubbing. Their level follows ours (debug shows request bodies, tokens redacted).
 */
export function boltLogger(logger: Logger, name = 'slack'): BoltLogger {
  const child = logger.child({ component: name });
  const line = (msg: unknown[]) =>
    msg
      .map((m) => (typeof m === 'string' ? m : m instanceof Error ? `${m.name}: ${m.message}` : JSON.stringify(m)))
      .join(' ');
  return {
    debug: (...msg) => child.debug(line(msg)),
    info: (...msg) => child.info(line(msg)),
    warn: (...msg) => child.warn(line(msg)),
    error: (...msg) => child.error(line(msg)),
    setLevel: () => undefined,
    getLevel: () =>
      child.isLevelEnabled('debug')
        ? LogLevel.DEBUG
        : child.isLevelEnabled('info')
          ? LogLevel.INFO
          : child.isLevelEnabled('warn')
            ? LogLevel.WARN
            : LogLevel.ERROR,
    setName: () => undefined,
  };
}
