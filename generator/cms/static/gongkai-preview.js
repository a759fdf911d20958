// The CMS preview: the record as the form holds it, under the site's Chinese labels and colours, and (for powers
// and service items) its flowchart as the site draws it: the same DOT as generator/charts/dot.py (gongkai-chart.js),
// laid out by Graphviz compiled to WebAssembly (vendor/viz/viz.js, loaded when a chart is first shown). When the
// chart cannot be drawn the preview says why in plain Chinese, and lists the steps instead. `gongkai check`'s
// messages come from the pull request's check. Blank optional fields read 未公布, as on the site: an unknown is
// never shown as "none".
import { clean } from './gongkai-format.js';
import { ChartProblem, chartDot, chartSvg } from './gongkai-chart.js';

const UNKNOWN = '未公布';
const CHART_KINDS = { powers: '权力运行流程图', services: '办理流程图' };
const NOT_DRAWN = '无法显示流程图：';
const VIZ_MISSING = '表单编辑器缺少画流程图的组件（vendor/viz/viz.js）。请在项目目录运行 make install（需要 npm），然后重新生成网站。';

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

// The steps as a list: shown when the chart cannot be drawn.
function flow(h, data) {
  const steps = data && data.procedure && Array.isArray(data.procedure.steps) ? data.procedure.steps : [];
  if (!steps.length) return null;
  const template = data.procedure.template;
  return h('section', { key: 'flow', className: 'gk-flow' }, [
    h('h3', { key: 'h' }, '办理环节（顺序示意）'),
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

let chartData = null;
let viz = null;

function loadData() {
  chartData ||= fetch('chart-data.json').then((response) => {
    if (!response.ok) throw new ChartProblem('表单编辑器缺少流程图数据（chart-data.json）。请重新生成网站。');
    return response.json();
  }).then((data) => {
    if (data.unavailable) throw new ChartProblem(data.unavailable);
    return data;
  });
  return chartData;
}

function loadViz() {
  viz ||= import('./vendor/viz/viz.js').then((module) => module.instance(), () => {
    throw new ChartProblem(VIZ_MISSING);
  });
  return viz;
}

// The chart of `record` (the form's data) as SVG text, or a ChartProblem saying why not.
async function drawChart(record, kind) {
  const data = await loadData();
  const dot = chartDot(record, kind, data);
  const graphviz = await loadViz();
  const result = graphviz.render(dot, { format: 'svg' });
  if (result.status !== 'success') {
    const errors = result.errors.filter((e) => e.level === 'error').map((e) => e.message).join('；');
    throw new ChartProblem(`Graphviz 没有排出这张图（${errors || '原因未知'}）。`);
  }
  return chartSvg(result.output, dot, `${record.name}${CHART_KINDS[kind]}`, data);
}

// A Decap preview template for a collection whose form has `fields`; `kind` is the collection's name and
// `department` the department the editor chose (a record that does not name one yet belongs to it).
export function previewFor(fields, kindLabel, kind, department) {
  const h = window.h;
  return window.createClass({
    getInitialState() {
      return { key: null, svg: null, message: null };
    },
    componentDidMount() {
      this.redraw();
    },
    componentDidUpdate() {
      this.redraw();
    },
    record() {
      const record = clean(this.props.entry.getIn(['data']).toJS());
      return record.department ? record : { ...record, department };
    },
    componentWillUnmount() {
      clearTimeout(this.timer);
      this.drawing = null;
    },
    // Graphviz takes tens of milliseconds a chart: while the editor types, the chart waits for a pause.
    redraw() {
      if (!CHART_KINDS[kind]) return;
      const record = this.record();
      const key = JSON.stringify(record);
      if (key === this.drawing) return;
      this.drawing = key;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => drawChart(record, kind).then((svg) => ({ svg, message: null }), (error) => ({
        svg: null,
        message: NOT_DRAWN + (error instanceof ChartProblem ? error.message : `预览出错（${error && error.message || error}）。`),
      })).then((state) => {
        if (this.drawing === key) this.setState({ key, ...state });
      }), this.state.key === null ? 0 : 300);
    },
    chart(data) {
      if (!CHART_KINDS[kind]) return null;
      const { svg, message, key } = this.state;
      const content = [h('h2', { key: 'h' }, CHART_KINDS[kind])];
      if (message) {
        content.push(h('p', { key: 'm', className: 'gk-chart-message', role: 'status' }, message), flow(h, data));
      } else if (svg) {
        content.push(h('div', { key: 's', className: 'gk-chart', dangerouslySetInnerHTML: { __html: svg } }),
          h('p', { key: 'n', className: 'gk-note' },
            '流程图与网站上的画法相同。电脑上没有 Noto Sans CJK 字体时，图中文字用本机字体显示，可能比方框略宽或略窄。'));
      } else {
        content.push(h('p', { key: 'w', className: 'gk-chart-message', role: 'status' }, '正在绘制流程图……'));
      }
      return h('section', { key: 'chart', className: 'gk-chart-section' }, content);
    },
    render() {
      const data = this.props.entry.getIn(['data']).toJS();
      return h('article', { className: 'gk-preview' }, [
        h('p', { key: 'k', className: 'gk-kind' }, kindLabel),
        h('h1', { key: 't' }, data.name || '（未填写名称）'),
        h('p', { key: 'n', className: 'gk-note' },
          '预览按网站的字段名称显示本条记录和它的流程图。检查意见在保存后由拉取请求的自动检查生成。'),
        this.chart(data),
        h('section', { key: 'f' }, fieldList(h, fields, data)),
      ]);
    },
  });
}
