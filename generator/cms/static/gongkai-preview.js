// The CMS preview: the record as the form holds it, under the site's Chinese labels and colours.
// It is not the published page: the page, its flowchart and `gongkai check`'s messages are made from the saved
// file by the pull request's check (and by `gongkai serve` on a computer with gongkai). Blank optional fields read
// 未公布, as on the site: an unknown is never shown as "none".
const UNKNOWN = '未公布';

function isBlank(value) {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function scalarText(value, field) {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (field && field.widget === 'select' && field.options) {
    const found = field.options.find((option) => option.value === value);
    if (found) return found.label;
  }
  return String(value);
}

function limitText(value) {
  if (value && value.wording) return value.note ? `${value.wording}（${value.note}）` : value.wording;
  if (!value || value.days === undefined || value.days === null || value.days === '') return null;
  const base = Number(value.days) === 0 ? '当场办结' : `${value.days} 个${value.unit || '（未写单位）'}`;
  return value.note ? `${base}（${value.note}）` : base;
}

function isLimit(field) {
  return field.widget === 'object' && (field.fields || []).some((f) => f.name === 'days');
}

function valueNode(h, field, value) {
  if (isBlank(value)) return h('span', { className: 'gk-unknown' }, UNKNOWN);
  if (isLimit(field)) return h('span', null, limitText(value) || UNKNOWN);
  if (field.widget === 'object') return fieldList(h, field.fields, value);
  if (field.widget === 'list' && field.fields) {
    return h('ol', { className: 'gk-items' }, value.map((item, i) => h('li', { key: i }, fieldList(h, field.fields, item))));
  }
  if (Array.isArray(value)) {
    return h('ul', null, value.map((item, i) => h('li', { key: i }, scalarText(item, field.field || field))));
  }
  return h('span', { className: field.widget === 'text' ? 'gk-prose' : null }, scalarText(value, field));
}

function fieldList(h, fields, data) {
  const rows = (fields || []).filter((field) => field.widget !== 'hidden');
  return h('dl', { className: 'gk-fields' }, rows.flatMap((field) => [
    h('dt', { key: `${field.name}-t` }, field.label),
    h('dd', { key: `${field.name}-d` }, valueNode(h, field, data ? data[field.name] : undefined)),
  ]));
}

function flow(h, data) {
  const steps = data && data.procedure && Array.isArray(data.procedure.steps) ? data.procedure.steps : [];
  if (!steps.length) return null;
  const template = data.procedure.template;
  return h('section', { key: 'flow', className: 'gk-flow' }, [
    h('h2', { key: 'h' }, '办理环节（顺序示意）'),
    h('p', { key: 'p', className: 'gk-note' }, template
      ? `适用流程模板“${template}”：引用模板的环节取模板的名称和法定时限，流程图以网站为准。`
      : '流程图以网站为准。'),
    h('ol', { key: 'o', className: 'gk-steps' }, steps.map((step, i) => h('li', { key: i }, [
      h('strong', { key: 'n' }, step.name || (step.ref ? `模板环节 ${step.ref}` : `环节 ${i + 1}`)),
      h('span', { key: 'p' }, step.post ? `承办岗位：${step.post}` : `承办岗位：${UNKNOWN}`),
      h('span', { key: 'l' }, `承诺时限：${limitText(step.promised_limit) || UNKNOWN}`),
    ]))),
  ]);
}

// A Decap preview template for a collection whose form has `fields`.
export function previewFor(fields, kindLabel) {
  const h = window.h;
  return window.createClass({
    render() {
      const data = this.props.entry.getIn(['data']).toJS();
      return h('article', { className: 'gk-preview' }, [
        h('p', { key: 'k', className: 'gk-kind' }, kindLabel),
        h('h1', { key: 't' }, data.name || '（未填写名称）'),
        h('p', { key: 'n', className: 'gk-note' },
          '预览按网站的字段名称显示本条记录。正式页面、流程图和检查意见在保存后由拉取请求的自动检查生成。'),
        flow(h, data),
        h('section', { key: 'f' }, fieldList(h, fields, data)),
      ]);
    },
  });
}
