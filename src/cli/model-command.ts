import { AppError, ErrorCode } from '../core/app-error.js';
import { modelStatus, rollbackModel } from '../training/model-store.js';

/** `mention-desk model --help`. */
export const MODEL_HELP = `mention-desk model status | rollback: the complaint model in use.

  status     Which model file scores mentions (the adopted one in MODEL_DIR, or the packaged one), what it
             was trained on, and what a rollback would bring back.
  rollback   Go back to the model the last retrain replaced (a second rollback undoes the first). A running
             bot picks it up at its next start.

Models live in MODEL_DIR (default: models/ beside the SQLite database); the nightly retrain adopts a new
one only if it is not worse on the team's labels (README, "Complaint scoring").`;

const counts = (trainedOn: Record<string, number>) =>
  Object.entries(trainedOn)
    .map(([set, n]) => `${set} ${n}`)
    .join(', ') || 'nothing recorded';

/** Runs `model status` or `model rollback` on the model folder; returns the exit code. */
export function runModelCommand(sub: string | undefined, modelDir: string, out: (line: string) => void): number {
  if (sub === 'rollback') {
    try {
      rollbackModel(modelDir);
    } catch (error) {
      throw new AppError(ErrorCode.BadInput, (error as Error).message);
    }
    out('rolled back to the previous model.');
  } else if (sub !== 'status') {
    throw new AppError(
      ErrorCode.BadInput,
      `model needs "status" or "rollback" (got "${sub ?? ''}"). See mention-desk model --help.`,
    );
  }
  const s = modelStatus(modelDir);
  out(
    `in use: ${s.file} (${s.adopted ? 'adopted' : 'packaged'}, ` +
      `${Math.round(s.bytes / 1024)} kB, ${s.changedAt.toISOString()})`,
  );
  out(`  trained on: ${counts(s.trainedOn)}`);
  out(
    s.previous
      ? `previous (what rollback brings back): ${s.previous.file}, ` +
          `trained on ${counts(s.previous.trainedOn)}, ` +
          `${s.previous.changedAt.toISOString()}`
      : 'previous: none (nothing to roll back to)',
  );
  return 0;
}
