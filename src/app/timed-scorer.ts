import type { Metrics } from '../log/metrics.js';
import { scoreComplaint } from '../scoring/score-complaint.js';
import type { ComplaintScore } from '../scoring/score-types.js';

/** scoreComplaint, timed into the scorer-latency histogram. */
export function timedScorer(metrics: Metrics): (text: string, threshold: number) => ComplaintScore {
  return (text, threshold) => {
    const end = metrics.scorerSeconds.startTimer();
    try {
      return scoreComplaint(text, { threshold });
    } finally {
      end();
    }
  };
}
