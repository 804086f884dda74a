// scheme://user:password@host — the password part (or a lone user part, which may be a token) is
// replaced. The scheme is optional so that a mistyped one ("postgress:/", "postgresql//") is caught too.
const CREDENTIALS = /([a-z][a-z0-9+.-]*:\/*|\/\/)([^\s/@:'"`]*):([^\s/@'"`]+)@/gi;
const USER_ONLY = /([a-z][a-z0-9+.-]*:\/\/)([^\s/@:'"`]+)@/gi;

/**
 * Text with every credential inside a URL (`postgresql://user:secret@host`) replaced by [redacted], so
 * a connection string in an error, a log line or an echoed setting never shows its password.
 */
export function redactUrlCredentials(text: string): string {
  return text
    .replace(CREDENTIALS, '$1$2:[redacted]@')
    .replace(USER_ONLY, (all, scheme: string, user: string) => (user === '[redacted]' ? all : `${scheme}[redacted]@`));
}
