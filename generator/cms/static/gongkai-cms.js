// Starts Decap CMS for the department chosen in ?department=<id>: its configuration (generated from the models by
// `gongkai cms` / `gongkai build`), one comment-keeping YAML format per record kind, and the preview (fields and
// flowchart).
import { recordFormat } from './gongkai-format.js';
import { previewFor } from './gongkai-preview.js';

function formFields(collection) {
  return collection.fields || collection.files[0].fields;
}

async function start(department) {
  const response = await fetch(`config/${encodeURIComponent(department)}.json`);
  if (!response.ok) throw new Error(`config/${department}.json: ${response.status}`);
  const config = await response.json();
  for (const collection of config.collections) {
    const fields = formFields(collection);
    window.CMS.registerCustomFormat(collection.format, 'yaml', recordFormat(fields));
    const label = collection.label_singular || collection.label;
    window.CMS.registerPreviewTemplate(collection.name, previewFor(fields, label, collection.name, department));
  }
  window.CMS.registerPreviewStyle('preview.css');
  window.CMS.init({ config });
}

const department = new URLSearchParams(window.location.search).get('department');
const known = Array.from(document.querySelectorAll('[data-department]'), (link) => link.dataset.department);
if (department && known.includes(department)) {
  document.getElementById('gk-choose').hidden = true;
  start(department).catch((error) => {
    document.getElementById('gk-choose').hidden = false;
    document.getElementById('gk-error').textContent = `编辑器无法启动：${error.message}`;
  });
}
