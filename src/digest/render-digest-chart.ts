import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Digest } from './digest-types.js';

// A font shipped as an npm package, so the chart has text on machines without system fonts.
const FONT = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');

/** The chart's Vega-Lite spec: mentions per bucket as bars, complaint share as a line. Pure. */
export function digestChartSpec(d: Digest): TopLevelSpec {
  const values = d.buckets.map((b) => ({
    start: b.start.replace('T', ' '),
    total: b.total,
    share: b.total ? b.complaints / b.total : 0,
  }));
  return {
    width: Math.max(360, Math.min(1200, values.length * 28)),
    height: 220,
    title: `Mentions and complaint share per ${d.period.bucket} (${d.period.timeZone})`,
    data: { values },
    encoding: { x: { field: 'start', type: 'ordinal', title: null, axis: { labelAngle: -60 } } },
    layer: [
      {
        mark: { type: 'bar', color: '#7aa6d6' },
        encoding: { y: { field: 'total', type: 'quantitative', title: 'mentions' } },
      },
      {
        mark: { type: 'line', color: '#d6443a', point: true },
        encoding: {
          y: {
            field: 'share',
            type: 'quantitative',
            title: 'complaint share',
            axis: { format: '%' },
            scale: { domain: [0, 1] },
          },
        },
      },
    ],
    resolve: { scale: { y: 'independent' } },
    config: { font: 'DejaVu Sans', background: 'white' },
  };
}

/** The chart as a PNG, rendered without a browser: Vega to SVG, resvg to PNG. */
export async function renderDigestChart(d: Digest): Promise<Buffer> {
  const view = new vega.View(vega.parse(compile(digestChartSpec(d)).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const png = new Resvg(svg, {
    font: { fontFiles: [FONT], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    background: 'white',
  });
  return png.render().asPng();
}
