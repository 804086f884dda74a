// npm run eval [-- --data DIR] [--stream FILE] [--clusters [--k N]] [--set option=value]: leave-one-set-out over every labelled set in
// ../shared/data (train on all sets but one, score the one left out), the brand's own labels when the
// database has them, speed on the sample stream (default DEMO_STREAM_FILE), model size and load time.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config/load-config';
import { readEnv } from '../src/config/read-env';
import { packageRoot, resolveBundled } from '../src/core/package-root';
import { MODEL_FILE, toComplaintModel } from '../src/scoring/complaint-model';
import { detectSeverity } from '../src/scoring/detect-severity';
import { normalizeText } from '../src/scoring/normalize-text';
import { scoreComplaint } from '../src/scoring/score-complaint';
import { type BuildOptions, DEFAULT_BUILD, type FeaturizedText, featurizeTexts } from '../src/training/build-model';
import { DEFAULT_CLUSTERS, findWordClusters } from '../src/training/cluster-words';
import { crossValidate, leaveOneSetOut, measureSpeed } from '../src/training/evaluate-model';
import { formatConfusion, formatHistogram, formatSpeed, histogramHeader } from '../src/training/format-figures';
import { areaUnderCurve, measureClassifier, scoreHistogram } from '../src/training/measure-classifier';
import { readBrandLabels } from '../src/training/read-brand-labels';
import { readDatasets, SENTIMENT_SETS } from '../src/training/read-datasets';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const dataDir = path.resolve(arg('--data') ?? path.join(packageRoot(), '..', 'shared', 'data'));
const out = (line = ''): void => void process.stdout.write(line + '\n');
const f3 = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));
const SEVERITY: Record<string, string> = {
  'No explicit reproach': 'none',
  Disapproval: 'disapproval',
  Blame: 'blame',
  Accusation: 'accusation',
};
/** In the summary, a sentiment set (negative vs not) counts half as much as a complaint-labelled one. */
const SENTIMENT_SUMMARY_WEIGHT = 0.5;

function streamTexts(): string[] {
  const file = resolveBundled(arg('--stream') ?? loadConfig(readEnv()).demoStreamFile);
  if (!fs.existsSync(file)) return [];
  return fs
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
}

function evaluateModelFiles(): void {
  const file = resolveBundled(MODEL_FILE);
  const t0 = process.hrtime.bigint();
  toComplaintModel(JSON.parse(fs.readFileSync(file, 'utf8')), file);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  out(
    `\n## model: ${path.relative(process.cwd(), file)}, ${(fs.statSync(file).size / 1024).toFixed(0)} kB, loaded in ${ms.toFixed(1)} ms`,
  );
}

function evaluateSpeed(texts: string[]): void {
  const tweets = texts.filter((t) => t.length <= 280);
  if (!tweets.length) return out('speed: no sample stream to time');
  out(`\n## speed (shipped model, the sample stream's ${tweets.length} texts one at a time, 20 rounds)`);
  out(`  ${formatSpeed(measureSpeed(tweets, (t) => scoreComplaint(t), 20))}`);
}

function row(name: string, scored: Array<{ score: number; complaint: boolean }>): string {
  const f = measureClassifier(scored);
  return `| ${name.padEnd(32)} | ${String(f.n).padStart(6)} | ${f3(f.precision)} | ${f3(f.recall)} | ${f3(f.macroF1)} | ${f3(areaUnderCurve(scored))} |`;
}

function evaluateLoso(sets: Map<string, FeaturizedText[]>, options: BuildOptions): void {
  out(
    `\n## leave-one-set-out (trained on every other set; sentiment sets weigh ${options.sentimentWeight} a text in training)`,
  );
  out(`| set left out                     |  texts | P     | R     | macro-F1 | AUC |`);
  out(`| --- | --- | --- | --- | --- | --- |`);
  const scored = leaveOneSetOut(sets, options);
  let sum = 0,
    weights = 0;
  for (const [name, items] of scored) {
    out(row(name + (SENTIMENT_SETS.has(name) ? ' (sentiment)' : ''), items));
    const w = SENTIMENT_SETS.has(name) ? SENTIMENT_SUMMARY_WEIGHT : 1;
    sum += w * measureClassifier(items).macroF1;
    weights += w;
  }
  if (weights) out(`weighted mean macro-F1 (sentiment sets count ${SENTIMENT_SUMMARY_WEIGHT}): ${f3(sum / weights)}`);
  out(`\nscore distribution, left out (texts per tenth of the score)`);
  out(`  ${histogramHeader()}`);
  for (const [name, items] of scored) {
    out(
      `  ${formatHistogram(`${name.slice(0, 9)} yes`, scoreHistogram(items.filter((s) => s.complaint).map((s) => s.score)))}`,
    );
    out(
      `  ${formatHistogram(`${name.slice(0, 9)} no`, scoreHistogram(items.filter((s) => !s.complaint).map((s) => s.score)))}`,
    );
  }
  const labelled = (sets.get('x-fincorp') ?? []).filter((t) => t.complaint && t.severity && SEVERITY[t.severity]);
  if (labelled.length) {
    const pairs = labelled.map((t): [string, string] => [t.severity!, detectSeverity(normalizeText(t.text), true)]);
    const agree = pairs.filter(([truth, said]) => SEVERITY[truth] === said).length;
    out(
      `\nseverity of X-FINCORP's complaints (its label → ours, rule-based): ${(agree / pairs.length).toFixed(3)} agree`,
    );
    for (const line of formatConfusion(pairs)) out(`  ${line}`);
  }
}

async function evaluateBrand(sets: Map<string, FeaturizedText[]>, options: BuildOptions): Promise<void> {
  const brand = await readBrandLabels(loadConfig(readEnv()).databaseUrl);
  out(`\n## the brand's own labels: ${brand.note}`);
  if (brand.labels.length < 10 || new Set(brand.labels.map((l) => l.complaint)).size < 2)
    return out('  too few (or of one kind) to measure');
  const scored = crossValidate(featurizeTexts(brand.labels, options), 5, options, [...sets.values()].flat());
  out(`| set |  texts | P     | R     | macro-F1 | AUC |`);
  out(row('brand, 5-fold', scored));
}

function checkSampleStream(texts: string[]): void {
  if (!texts.length) return out(`\n(sample stream not found: sanity check skipped)`);
  const scores = texts.map((t) => scoreComplaint(t));
  const count = (f: (s: (typeof scores)[number]) => string) =>
    [...scores.reduce((m, s) => m.set(f(s), (m.get(f(s)) ?? 0) + 1), new Map<string, number>())]
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  out(`\n## sample stream (${texts.length} texts, unlabelled: a sanity check)`);
  out(`  complaints ${scores.filter((s) => s.complaint).length}; languages: ${count((s) => s.language)}`);
  out(`  kinds: ${count((s) => String((s as { kind?: string }).kind ?? (s.complaint ? 'complaint' : 'other')))}`);
  out(`  topics of complaints: ${count((s) => (s.complaint ? s.topic : 'not a complaint'))}`);
}

/** The training options, with `--set key=value` overrides to try other ones (e.g. `--set sentimentWeight=0.5`). */
function experimentOptions(clusters: BuildOptions['clusters']): BuildOptions {
  const options: BuildOptions = { ...DEFAULT_BUILD, clusters };
  process.argv.forEach((a, i) => {
    if (a !== '--set') return;
    const [key, value] = process.argv[i + 1].split('=');
    if (key === 'clusters') options.clusters = value === 'none' ? undefined : options.clusters;
    else if (key.startsWith('weight.')) options.setWeights = { ...options.setWeights, [key.slice(7)]: Number(value) };
    else (options as unknown as Record<string, number>)[key] = Number(value);
  });
  return options;
}

async function main(): Promise<void> {
  out(`# Complaint scorer evaluation (threshold 0.5)`);
  // Load time and speed first, while the process is as small as a running bot (the rest fills the heap).
  evaluateModelFiles();
  const stream = streamTexts();
  evaluateSpeed(stream);
  const raw = readDatasets(dataDir);
  if (!raw.size) {
    out(`\nNo labelled data in ${dataDir} (see README "Complaint scoring"): accuracy not measured.`);
  } else {
    out(
      `\ndata: ${dataDir}: ${[...raw].map(([k, v]) => `${k} ${v.length} (${v.filter((t) => t.complaint).length} yes)`).join(', ')}`,
    );
    // Word clusters as npm run train makes them: only with --clusters (leave-one-set-out does not say they help).
    const clusters = process.argv.includes('--clusters')
      ? findWordClusters(dataDir, { ...DEFAULT_CLUSTERS, clusters: Number(arg('--k') ?? DEFAULT_CLUSTERS.clusters) })
      : undefined;
    const options = experimentOptions(clusters);
    out(`word clusters: ${options.clusters?.source ?? 'off (--clusters to measure them; needs the GloVe folder)'}`);
    const sets = new Map([...raw].map(([k, v]) => [k, featurizeTexts(v, options)]));
    evaluateLoso(sets, options);
    await evaluateBrand(sets, options);
  }
  checkSampleStream(stream);
}

main().catch((error) => {
  process.stderr.write(`eval: ${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
