// npm run eval [-- --data DIR] [--stream FILE]: how well the complaint scorer does on the labelled sets,
// how fast it is, and what it makes of a sample stream (default DEMO_STREAM_FILE).
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config/load-config';
import { readEnv } from '../src/config/read-env';
import { packageRoot, resolveBundled } from '../src/core/package-root';
import { detectSeverity } from '../src/scoring/detect-severity';
import { normalizeText } from '../src/scoring/normalize-text';
import { scoreComplaint } from '../src/scoring/score-complaint';
import { bayesBaseline } from '../src/training/bayes-baseline';
import { type FeaturizedText, featurizeTexts } from '../src/training/build-model';
import { crossValidate, measureSpeed, trainAndScore } from '../src/training/evaluate-model';
import {
  formatConfusion,
  formatFigures,
  formatHistogram,
  formatSpeed,
  histogramHeader,
} from '../src/training/format-figures';
import { isHeldOut, measureClassifier, scoreHistogram } from '../src/training/measure-classifier';
import { readDatasets } from '../src/training/read-datasets';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const dataDir = path.resolve(arg('--data') ?? path.join(packageRoot(), '..', 'shared', 'data'));
const out = (line = ''): void => void process.stdout.write(`${line}\n`);
const SEVERITY: Record<string, string> = {
  'No explicit reproach': 'none',
  Disapproval: 'disapproval',
  Blame: 'blame',
  Accusation: 'accusation',
};
const withoutWords = (items: FeaturizedText[]) =>
  items.map((t) => ({ ...t, features: t.features.filter((f) => !/^[wn]:/.test(f.key)) }));

function evaluateSets(sets: Map<string, FeaturizedText[]>): void {
  for (const [name, items] of sets) {
    const others = [...sets].filter(([k]) => k !== name).flatMap(([, v]) => v);
    const otherNames = [...sets.keys()].filter((k) => k !== name).join(' + ');
    const complaints = items.filter((t) => t.complaint).length;
    out(`\n## ${name}: ${items.length} texts, ${complaints} complaints`);
    if (others.length) {
      const cross = trainAndScore(others, items);
      out(`cross-domain (trained on ${otherNames} only)`);
      out(`  all texts                ${formatFigures(measureClassifier(cross))}`);
      out(`  held-out 30%             ${formatFigures(measureClassifier(cross.filter((s) => isHeldOut(s.text))))}`);
      out(
        `  lexicon and features only, no learned words  ${formatFigures(measureClassifier(trainAndScore(withoutWords(others), items)))}`,
      );
      out(
        `  baseline: natural BayesClassifier, bag of words  ${formatFigures(measureClassifier(bayesBaseline(others, items)))}`,
      );
      out(`score distribution, cross-domain (texts per tenth of the score)`);
      out(`  ${histogramHeader()}`);
      out(`  ${formatHistogram('complaints', scoreHistogram(cross.filter((s) => s.complaint).map((s) => s.score)))}`);
      out(
        `  ${formatHistogram('not complaints', scoreHistogram(cross.filter((s) => !s.complaint).map((s) => s.score)))}`,
      );
    }
    out(`in-domain, 5-fold cross-validation  ${formatFigures(measureClassifier(crossValidate(items)))}`);
    const labelled = items.filter((t) => t.complaint && t.severity && SEVERITY[t.severity]);
    const pairs = labelled.map((t): [string, string] => [t.severity!, detectSeverity(normalizeText(t.text), true)]);
    const agree = pairs.filter(([truth, said]) => SEVERITY[truth] === said).length;
    out(
      `severity of the complaints (data set's label → ours, rule-based): ${(agree / (pairs.length || 1)).toFixed(3)} agree`,
    );
    for (const line of formatConfusion(pairs)) out(`  ${line}`);
  }
}

function evaluateSpeed(texts: string[]): void {
  const tweets = texts.filter((t) => t.length <= 280).slice(0, 5000);
  if (!tweets.length) {
    out('speed: no texts to time');
    return;
  }
  out(`\n## speed (shipped model, ${tweets.length} tweet-length texts of at most 280 characters, one at a time)`);
  out(`  ${formatSpeed(measureSpeed(tweets, (t) => scoreComplaint(t)))}`);
}

function checkSampleStream(): void {
  const file = resolveBundled(arg('--stream') ?? loadConfig(readEnv()).demoStreamFile);
  if (!fs.existsSync(file)) {
    out(`\n(sample stream ${file} not found: sanity check skipped)`);
    return;
  }
  const texts = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      try {
        return String(JSON.parse(l).text ?? '');
      } catch {
        return '';
      }
    });
  const scores = texts.map((t) => scoreComplaint(t));
  const count = (f: (s: (typeof scores)[number]) => string) =>
    [...scores.reduce((m, s) => m.set(f(s), (m.get(f(s)) ?? 0) + 1), new Map<string, number>())]
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  out(`\n## sample stream ${path.relative(process.cwd(), file)} (${texts.length} texts, unlabelled: a sanity check)`);
  out(`  complaints ${scores.filter((s) => s.complaint).length}; languages: ${count((s) => s.language)}`);
  out(`  topics of complaints: ${count((s) => (s.complaint ? s.topic : 'not a complaint'))}`);
  out(`  severities of complaints: ${count((s) => (s.complaint ? s.severity : 'not a complaint'))}`);
}

const raw = readDatasets(dataDir);
out(`# Complaint scorer evaluation (threshold 0.5)`);
// Speed first, while the process is as small as a running bot (the evaluation below fills the heap).
evaluateSpeed(raw.size ? [...raw.values()].flat().map((t) => t.text) : []);
if (!raw.size) {
  out(
    `No labelled data in ${dataDir} (expected x-fincorp/ and cesamard/, see README "Complaint scoring"): accuracy not measured.`,
  );
} else {
  out(
    `\ndata: ${dataDir}; held-out 30% = texts chosen by hash, never looked at while the lexicon and options were written`,
  );
  evaluateSets(new Map([...raw].map(([k, v]) => [k, featurizeTexts(v)])));
}
checkSampleStream();
