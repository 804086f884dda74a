/**
 * Credentials of one platform come as a group: all set (the platform runs for real) or none set (it is
 * off). A partial group is a configuration mistake worth stopping for, with the missing names spelled out.
 */
export function credentialGroup(
  platform: string,
  values: Record<string, string | undefined>,
): { enabled: boolean; problem?: { key: string; message: string } } {
  const keys = Object.keys(values);
  const missing = keys.filter((k) => !values[k]);
  if (missing.length === keys.length) return { enabled: false };
  if (missing.length === 0) return { enabled: true };
  return {
    enabled: false,
    problem: {
      key: missing[0],
      message:
        `${platform} needs ${keys.join(', ')} together (or none of them, ` +
        `to leave ${platform} off); missing: ${missing.join(', ')}`,
    },
  };
}
