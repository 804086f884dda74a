import path from 'node:path';
import { loadAppConfig } from '../../src/app/load-app-config';
import { AppError } from '../../src/core/app-error';
import { packageRoot } from '../../src/core/package-root';

const configError = (env: Record<string, string>) => {
  try {
    loadAppConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).message;
  }
  throw new Error('expected a configuration error');
};

describe('loadConfig', () => {
  it('runs on defaults alone: SQLite under ./data, no platform enabled', () => {
    const c = loadAppConfig({});
    expect(c.databaseUrl).toBe(`file:${path.join(packageRoot(), 'data/mention-desk.db')}`);
    expect(c.complaintThreshold).toBe(0.5);
    expect([c.channels.x, c.slack, c.channels.discord]).toEqual([null, null, null]);
    expect(c.secrets).toEqual([]);
  });

  it('treats empty values (copied .env.example) as unset', () => {
    expect(loadAppConfig({ COMPLAINT_THRESHOLD: '', X_API_KEY: '  ' }).complaintThreshold).toBe(0.5);
  });

  it('names the setting, the value and the fix on one line', () => {
    const message = configError({ COMPLAINT_THRESHOLD: '7' });
    expect(message).toMatch(
      /^Setting COMPLAINT_THRESHOLD is invalid: .*\(got "7"\)\. Expected: a number from 0 to 1.*see \.env\.example\)\.$/,
    );
    expect(message).not.toContain('\n');
  });

  it('rejects a database URL that is neither SQLite nor PostgreSQL', () => {
    expect(configError({ DATABASE_URL: 'mysql://x' })).toContain('DATABASE_URL');
  });

  it('rejects malformed URLs, flags and log levels', () => {
    expect(configError({ X_API_BASE_URL: 'not a url' })).toContain('X_API_BASE_URL');
    expect(configError({ ACKNOWLEDGE_AUTOMATICALLY: 'maybe' })).toContain('ACKNOWLEDGE_AUTOMATICALLY');
    expect(configError({ LOG_LEVEL: 'loud' })).toContain('LOG_LEVEL');
  });

  it('refuses half a credential set and lists what is missing', () => {
    const message = configError({ X_API_KEY: 'k1234', X_API_SECRET: 's1234' });
    expect(message).toContain('X_ACCESS_TOKEN');
    expect(message).toMatch(/missing: X_ACCESS_TOKEN, X_ACCESS_SECRET, X_BRAND_USER_ID/);
  });

  it('never echoes a long value, which may be a misplaced secret', () => {
    const secret = `xoxb-${'a'.repeat(60)}`;
    expect(configError({ COMPLAINT_THRESHOLD: secret })).not.toContain(secret);
  });

  it('enables a platform with its full credential set and collects the secrets', () => {
    const c = loadAppConfig({
      SLACK_BOT_TOKEN: 'xoxb-123456',
      SLACK_SIGNING_SECRET: 'shh-secret',
      SLACK_CHANNEL_ID: 'C123',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    expect(c.slack).toMatchObject({
      botToken: 'xoxb-123456',
      signingSecret: 'shh-secret',
      channelId: 'C123',
      apiUrl: 'http://127.0.0.1:9/api/',
    });
    expect(c.secrets).toEqual(expect.arrayContaining(['xoxb-123456', 'shh-secret']));
  });

  const slack = { SLACK_BOT_TOKEN: 'xoxb-123456', SLACK_SIGNING_SECRET: 'shh-secret', SLACK_CHANNEL_ID: 'C0SOCIAL01' };

  it('runs the Slack desk over HTTP by default and in Socket Mode with an app token, whose value is a secret', () => {
    const http = loadAppConfig(slack).slack!;
    expect([http.appToken, http.httpPort, http.httpHost, http.followUpDelayHours, http.minPostIntervalMs]).toEqual([
      undefined,
      3000,
      '0.0.0.0',
      72,
      1100,
    ]);
    const socket = loadAppConfig({ ...slack, SLACK_APP_TOKEN: 'xapp-1-A1-secret' });
    expect(socket.slack!.appToken).toBe('xapp-1-A1-secret');
    expect(socket.secrets).toContain('xapp-1-A1-secret');
  });

  it('refuses Slack ids of the wrong kind and an app token without the rest of Slack', () => {
    expect(configError({ ...slack, SLACK_TEAM_USERGROUP: 'C0SOCIAL01' })).toContain('SLACK_TEAM_USERGROUP');
    expect(configError({ ...slack, SLACK_ONCALL: 'someone' })).toContain('SLACK_ONCALL');
    expect(configError({ SLACK_APP_TOKEN: 'xapp-1-A1-secret' })).toMatch(/SLACK_APP_TOKEN.*SLACK_BOT_TOKEN/);
    expect(
      loadAppConfig({ ...slack, SLACK_ONCALL: 'S0ONCALL1', SLACK_TEAM_USERGROUP: 'S0SUPPORT' }).slack,
    ).toMatchObject({ onCall: 'S0ONCALL1', teamUsergroup: 'S0SUPPORT' });
  });

  it('parses lists and strips @ from brand handles', () => {
    expect(loadAppConfig({ BRAND_HANDLES: '@Acme, AcmeHelp ,' }).brand.handles).toEqual(['Acme', 'AcmeHelp']);
  });
});
