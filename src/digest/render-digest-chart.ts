import path from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { Digest } from './digest-types.js';

// A font shipped as an npm package, so the chart has text on machines without system fonts.
const FONT = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');

/**
 * Below this many mentions in a bucket the complaint share is not drawn: 1 of 2 is "50 %" and swings
 * the line between 0 and 100 % on a quiet night. The bar still shows the volume.
 */
export const MIN_MENTIONS_FOR_SHARE = 5;

const BAR_COLOUR = '#7aa6d6';
const LINE_COLOUR = '#d6443a';
const MENTIONS = 'mentions';
const SHARE = `complaint share (where ${MIN_MENTIONS_FOR_SHARE}+ mentions)`;

/**
 * The chart's Vega-Lite spec: mentions per bucket as bars, every bucket of the period (zeros too),
 * complaint share as a line where a bucket has enough mentions, and a legend naming both. Pure.
 */
export function digestChartSpec(d: Digest): TopLevelSpec {
  const values = d.buckets.map((b) => ({
    start: b.start.replace('T', ' '),
    total: b.total,
    share: b.total >= MIN_MENTIONS_FOR_SHARE ? b.complaints / b.total : null,
  }));
  // One colour scale for both layers, so the legend shows the bar and the line with their names.
  const colour = (name: string) => ({
    datum: name,
    type: 'nominal' as const,
    scale: { domain: [MENTIONS, SHARE], range: [BAR_COLOUR, LINE_COLOUR] },
    legend: { title: null, orient: 'top' as const, labelLimit: 0 },
  });
  return {
    width: Math.max(360, Math.min(1200, values.length * 28)),
    height: 220,
    title: `Mentions and complaint share per ${d.period.bucket} (${d.period.timeZone})`,
    data: { values },
    encoding: { x: { field: 'start', type: 'ordinal', title: null, axis: { labelAngle: -60 } } },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: { y: { field: 'total', type: 'quantitative', title: 'mentions' }, color: colour(MENTIONS) },
      },
      {
        // A bucket without a share breaks the line: not drawn as 0 %, nor bridged over.
        mark: { type: 'line', point: true, invalid: 'break-paths-show-domains' },
        encoding: {
          y: {
            field: 'share',
            type: 'quantitative',
            title: 'complaint share',
            axis: { format: '%' },
            scale: { domain: [0, 1] },
          },
          color: colour(SHARE),
        },
      },
    ],
    resolve: { scale: { y: 'independent', color: 'shared' } },
    config: { font: 'DejaVu Sans', background: 'white' },
  };
}

/** The chart as a PNG, rendered without a browser: Vega to SVG, resvg to PNG. */
export async function renderDigestChart(d: Digest): Promise<Buffer> {
  // Vega and resvg load on the first chart: a running bot draws one a day, and they weigh a tenth of a
  // second and tens of MB at every start-up otherwise.
  const [vega, { compile }, { Resvg }] = await Promise.all([
    import('vega'),
    import('vega-lite'),
    import('@resvg/resvg-js'),
  ]);
  const view = new vega.View(vega.parse(compile(digestChartSpec(d)).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const png = new Resvg(svg, {
    font: { fontFiles: [FONT], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    background: 'white',
  });
  return png.render().asPng();
}
