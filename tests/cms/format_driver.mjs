// Runs the CMS's YAML format (generator/cms/static/gongkai-format.js) in Node for the tests: JSON cases on stdin,
// one result per case on stdout. Each case goes through the format as Decap CMS uses it: fromFile, then toFile.
import { readFileSync } from 'node:fs';
import { recordFormat } from '../../generator/cms/static/gongkai-format.js';

const cases = JSON.parse(readFileSync(0, 'utf8'));
const results = cases.map(({ fields, source, data }) => {
  try {
    const format = recordFormat(fields);
    const read = source === null ? null : format.fromFile(source);
    return { text: format.toFile(data == null ? read : data), read };
  } catch (error) {
    return { error: String(error && error.message || error) };
  }
});
process.stdout.write(JSON.stringify(results));
