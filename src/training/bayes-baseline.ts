import type { Scored } from './measure-classifier.js';
import type { LabelledText } from './read-datasets.js';

// Only the classifier module: natural's index loads storage back-ends (see src/scoring/natural-parts.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const BayesClassifier: new () => {
  addDocument(text: string, label: string): void;
  train(): void;
  getClassifications(text: string): Array<{ label: string; value: number }>;
} = require('natural/lib/natural/classifiers/bayes_classifier');

/**
 * natural's BayesClassifier on bags of stemmed words, trained on `train` and scored on `test`: what a
 * plain learned classifier does across domains, for comparison with the scorer. The score is its
 * normalised probability of "complaint".
 */
export function bayesBaseline(train: LabelledText[], test: LabelledText[]): Scored[] {
  const bayes = new BayesClassifier();
  for (const t of train) bayes.addDocument(t.text, t.complaint ? 'complaint' : 'other');
  bayes.train();
  return test.map((t) => {
    const c = bayes.getClassifications(t.text);
    const yes = c.find((x) => x.label === 'complaint')?.value ?? 0;
    const no = c.find((x) => x.label === 'other')?.value ?? 0;
    return { complaint: t.complaint, score: yes + no > 0 ? yes / (yes + no) : 0.5 };
  });
}
