// npm run train [-- --data DIR] [--out FILE]: rebuilds models/complaint-model.json from the labelled
// sets in ../shared/data (when present) and the brand's own labels (the Label table in DATABASE_URL,
// when the database exists). The data is read where it is, never copied into the repository.
import path from 'node:path';
import { loadConfig } from '../src/config/load-config';
import { readEnv } from '../src/config/read-env';
import { packageRoot } from '../src/core/package-root';
import { MODEL_FILE } from '../src/scoring/complaint-model';
import { runTraining } from '../src/training/run-training';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

runTraining({
  dataDir: path.resolve(arg('--data') ?? path.join(packageRoot(), '..', 'shared', 'data')),
  outFile: path.resolve(arg('--out') ?? path.join(packageRoot(), MODEL_FILE)),
  databaseUrl: loadConfig(readEnv()).databaseUrl,
  write: (line) => process.stdout.write(`${line}\n`),
}).then(
  (trained) => {
    process.exitCode = trained ? 0 : 1;
  },
  (error) => {
    process.stderr.write(`train: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  },
);
