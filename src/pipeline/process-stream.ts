import { describeError } from '../core/app-error.js';
import type { Mention } from '../core/mention.js';
import { ingestBatch } from './ingest-batch.js';
import type { MentionOutcome, PipelineDeps } from './pipeline-deps.js';

/** A mention the pipeline could not process: logged, counted, and the stream goes on. */
export interface FailedMention {
  mention: Mention;
  error: string;
}

/**
 * A batch handler for an adapter: ingests the batch in one transaction; if that fails, retries the
 * mentions one at a time so a single bad mention never loses its neighbours or stops the stream.
 */
export function batchHandler(
  deps: PipelineDeps,
  report: (outcomes: MentionOutcome[], failed: FailedMention[]) => Promise<void> | void,
): (batch: Mention[]) => Promise<void> {
  return async (batch) => {
    try {
      await report(await ingestBatch(deps, batch), []);
      return;
    } catch (error) {
      deps.logger.warn(
        { size: batch.length, error: describeError(error) },
        'batch failed; processing its mentions one by one',
      );
    }
    const outcomes: MentionOutcome[] = [];
    const failed: FailedMention[] = [];
    for (const mention of batch) {
      try {
        outcomes.push(...(await ingestBatch(deps, [mention])));
      } catch (error) {
        deps.logger.error(
          { channel: mention.channel, id: mention.id, error: describeError(error) },
          'mention could not be processed',
        );
        failed.push({ mention, error: describeError(error) });
      }
    }
    await report(outcomes, failed);
  };
}
