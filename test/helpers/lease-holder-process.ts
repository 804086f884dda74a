// A child process that watches one source with a SourceLeaseKeeper and says "holding <source>" on stdout
// once it runs it: the instance a takeover test kills with SIGKILL.
import { SourceLeaseKeeper } from '../../src/app/source-lease-keeper';
import { silentLogger } from '../../src/log/create-logger';
import { createDb } from '../../src/store/create-db';

async function main() {
  const [url, source, leaseMs] = process.argv.slice(2);
  const db = await createDb(url);
  const keeper = new SourceLeaseKeeper({ db, leaseMs: Number(leaseMs), logger: silentLogger(), holder: 'child' });
  await keeper.watch(source, {
    start: async () => void process.stdout.write(`holding ${source}\n`),
    stop: async () => void process.stdout.write(`stopped ${source}\n`),
  });
  setInterval(() => undefined, 60_000); // stays up until killed
}

void main();
