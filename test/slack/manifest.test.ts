import fs from 'node:fs';
import path from 'node:path';
import { SLASH_COMMAND } from '../../src/slack/slack-ids';

const root = path.join(__dirname, '../..');
const manifests = ['slack/manifest.json', 'slack/manifest-http.json'].map((f) => ({
  file: f,
  m: JSON.parse(fs.readFileSync(path.join(root, f), 'utf8')),
}));

// The bot scopes each Web API method the desk calls needs (api.slack.com/methods); null: no scope.
const SCOPES: Record<string, string[] | null> = {
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.getPermalink': null,
  'conversations.history': ['channels:history', 'groups:history', 'im:history'],
  'conversations.replies': ['channels:history', 'groups:history'],
  'conversations.members': ['channels:read', 'groups:read'],
  'conversations.open': ['im:write'],
  'usergroups.users.list': ['usergroups:read'],
  'views.open': null,
  'views.update': null,
  'views.publish': null,
  'files.uploadV2': ['files:write'],
};

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
}

describe('the Slack app manifests shipped in slack/', () => {
  const called = new Set(
    sourceFiles(path.join(root, 'src/slack')).flatMap((f) =>
      [...fs.readFileSync(f, 'utf8').matchAll(/client\.(\w+(?:\.\w+)+)\(/g)].map((m) => m[1]),
    ),
  );

  it('the desk calls only methods whose scopes are known here', () => {
    expect([...called].filter((m) => !(m in SCOPES))).toEqual([]);
    expect(called.size).toBeGreaterThan(8);
  });

  it.each(manifests)(
    '$file grants every scope those methods need, the slash command, the Home tab, interactivity and app_home_opened',
    ({ m }) => {
      const scopes: string[] = m.oauth_config.scopes.bot;
      for (const method of called) for (const scope of SCOPES[method] ?? []) expect(scopes).toContain(scope);
      expect(scopes).toContain('commands');
      expect(m.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([SLASH_COMMAND]);
      expect(m.features.app_home.home_tab_enabled).toBe(true);
      expect(m.settings.interactivity.is_enabled).toBe(true);
      expect(m.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
    },
  );

  it('subscribes to no message events: what the team types in a thread stays in Slack', () => {
    for (const { m } of manifests)
      expect(m.settings.event_subscriptions.bot_events.filter((e: string) => e.startsWith('message'))).toEqual([]);
  });

  it('Socket Mode needs no public URL; the HTTP variant points every request at /slack/events', () => {
    const [socket, http] = manifests.map((x) => x.m);
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toContain('request_url');
    expect(http.settings.socket_mode_enabled).toBe(false);
    for (const url of [
      http.settings.event_subscriptions.request_url,
      http.settings.interactivity.request_url,
      http.features.slash_commands[0].url,
    ])
      expect(url).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
  });
});
