import fs from 'node:fs';
import { DISCORD_CONTRACT } from './contract-rest';

/** `describe` when Discord's contract is beside the checkout (../shared/contracts), else a skip that says why. */
export function describeWithDiscordContract(name: string, body: () => void): void {
  if (fs.existsSync(DISCORD_CONTRACT)) return describe(name, body);
  console.warn(
    `skipping "${name}": ${DISCORD_CONTRACT} is missing (Discord's OpenAPI description, from ../shared/contracts)`,
  );
  describe.skip(name, body);
}
