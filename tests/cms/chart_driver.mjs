// Runs the CMS preview's chart code (generator/cms/static/gongkai-chart.js) in Node for the tests: JSON on stdin
// ({data, cases: [{kind, source}]}), one {dot} or {problem} per case on stdout. Each record is read as Decap CMS
// reads it (gongkai-format.js) and cleaned of blanks as the preview does.
import { readFileSync } from 'node:fs';
import { clean, parseRecord } from '../../generator/cms/static/gongkai-format.js';
import { ChartProblem, chartDot } from '../../generator/cms/static/gongkai-chart.js';

const { data, cases } = JSON.parse(readFileSync(0, 'utf8'));
const results = cases.map(({ kind, source }) => {
  try {
    return { dot: chartDot(clean(parseRecord(source)), kind, data) };
  } catch (error) {
    if (error instanceof ChartProblem) return { problem: error.message };
    return { error: String(error && error.stack || error) };
  }
});
process.stdout.write(JSON.stringify(results));
