// The flowchart of the record the form holds, as the site draws it: the DOT of generator/charts/dot.py (same text,
// byte for byte: tests/cms/test_chart.py compares them on every sample record), laid out by Graphviz compiled to
// WebAssembly, with the node text set the way generator/charts/layout.py sets it and the site's legend below.
// Everything that is not the record (templates, a department's inherited channels, styles, font metrics, legend)
// comes from admin/chart-data.json, written by generator/cms/chart.py. Pure functions: the same module runs in
// the browser and in Node for the tests.

export class ChartProblem extends Error {}  // a record the chart cannot be drawn from; the message is for editors

// --- text.py ---------------------------------------------------------------------------------------------------
// Python's str.split() whitespace (JavaScript's \s differs), and the characters text.clean() turns into spaces.
const PY_SPACE = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;
const CONTROL = /[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]/gu;
const ASCII_SPECIAL = /[^A-Za-z0-9 \u0080-\u{10ffff}]/gu;
const WORD = '[A-Za-z0-9_.:@%+\\-?=&#~]';
const TOKEN = new RegExp(`(?:[A-Za-z][A-Za-z0-9+.\\-]*://)?${WORD}{0,60}/|${WORD}{1,60}|.`, 'gu');
const ASCII = /^[\x00-\x7f]*$/;
const BR = '<BR ALIGN="LEFT"/>';
// text.py's Chinese line breaking: closing marks hang, opening marks move down with their word.
const NO_LINE_START = new Set('，。、；：？！）》」』】〕〉”’％…');
const NO_LINE_END = new Set('（《「『【〔〈“‘');

function openingTail(line) {
  const chars = [...line];
  let cut = chars.length;
  while (cut && NO_LINE_END.has(chars[cut - 1])) cut -= 1;
  return chars.slice(0, cut).join('').trim() ? chars.slice(cut).join('') : '';
}

export function oneLine(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return text.replace(CONTROL, ' ').split(PY_SPACE).filter(Boolean).join(' ');
}

export const escape = (text) => text.replace(ASCII_SPECIAL, (c) => `&#${c.codePointAt(0)};`);

class Text {
  constructor(data) {
    this.data = data;
    this.body = data.layout.body_size;
    this.faces = [this.advances(data.regular), this.advances(data.bold)];
  }

  advances(runs) {
    const table = new Map();
    for (let i = 0; i < runs.length; i += 3) {
      for (let k = 0; k < runs[i + 1]; k += 1) table.set(runs[i] + k, runs[i + 2] / this.data.units);
    }
    return table;
  }

  charWidth(code) {
    const wide = this.data.wide;
    let low = 0;
    let high = wide.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (code < wide[mid][0]) high = mid - 1;
      else if (code > wide[mid][1]) low = mid + 1;
      else return 2;
    }
    return 1;
  }

  textWidth(text) {
    if (ASCII.test(text)) return text.length;
    let total = 0;
    for (const char of text) total += this.charWidth(char.codePointAt(0));
    return total;
  }

  wrap(value, limit = 28) {
    const text = oneLine(value);
    if (this.textWidth(text) <= limit) return text ? [text] : [];
    const lines = [];
    let line = '';
    let used = 0;
    for (const [token] of text.matchAll(TOKEN)) {
      const size = ASCII.test(token) ? token.length : this.charWidth(token.codePointAt(0));
      if (used + size > limit && line.trim() && !NO_LINE_START.has(token)) {
        const carried = openingTail(line);
        lines.push(line.slice(0, line.length - carried.length).trimEnd());
        line = carried;
        used = this.textWidth(carried);
        if (token === ' ' && !carried) continue;
      }
      line += token;
      used += size;
    }
    if (line.trim()) lines.push(line.trimEnd());
    return lines;
  }

  html(value, limit = 28, size = null, bold = false, prefix = '') {
    let body = this.wrap(prefix + oneLine(value), limit).map(escape).join(BR);
    if (bold) body = `<B>${body}</B>`;
    if (size) body = `<FONT POINT-SIZE="${Math.trunc(size)}">${body}</FONT>`;
    return body ? body + BR : '';
  }

  lines(value, limit = 28, size = null, bold = false, prefix = '') {
    return this.wrap(prefix + oneLine(value), limit).map((text) => ({ text, size: size || this.body, bold }));
  }

  // --- metrics.py and layout.py --------------------------------------------------------------------------------
  lineWidth(text, size, bold) {
    const face = this.faces[bold ? 1 : 0];
    let em = 0;
    for (const char of text) em += face.get(char.codePointAt(0)) ?? this.data.missing_advance;
    return em * size;
  }

  lineHeight(line) {
    return line.size * this.data.layout.line_spacing;
  }

  boxSize(lines) {
    const { margin_x: mx, margin_y: my } = this.data.layout;
    let width = 0;
    let height = 0;
    lines.forEach((line, i) => {
      const w = this.lineWidth(line.text, line.size, line.bold);
      width = i === 0 || w > width ? w : width;
      height += this.lineHeight(line);
    });
    return [Math.ceil(width + 2 * mx), Math.ceil(height + 2 * my)];
  }
}

// --- graph.py ------------------------------------------------------------------------------------------------------
function fixed(attrs) {
  return Object.entries(attrs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}="${value}"`).join(' ');
}

function attrList(attrs, label) {
  const list = fixed(attrs);
  if (label === null) return `[${list}]`;
  return list ? `[label=<${label}> ${list}]` : `[label=<${label}>]`;
}

class Graph {
  constructor(name, text) {
    this.name = name;
    this.text = text;
    this.rows = [];
  }

  box(id, lines, attrs) {
    const [width, height] = this.text.boxSize(lines);
    const size = { width: (width / 72).toFixed(4), height: (height / 72).toFixed(4), fixedsize: 'true' };
    for (const line of lines) this.rows.push(`  //@ ${id} ${line.size}${line.bold ? 'b' : ''} ${escape(line.text)}`);
    this.rows.push(`  ${id} [label="" ${fixed({ ...attrs, ...size })}];`);
    return id;
  }

  edge(tail, head, attrs = {}) {
    this.rows.push(Object.keys(attrs).length ? `  ${tail} -> ${head} ${attrList(attrs, null)};` : `  ${tail} -> ${head};`);
  }

  note(tail, head, text) {
    this.rows.push(`  //@> ${tail} ${head} ${escape(text)}`);
  }

  sameRank(...ids) {
    this.rows.push(`  { rank=same; ${ids.map((id) => `${id};`).join(' ')} }`);
  }

  raw(line) {
    this.rows.push(`  ${line}`);
  }

  source(header) {
    return `digraph ${this.name} {\n${[...header.map((h) => `  ${h}`), ...this.rows].join('\n')}\n}\n`;
  }
}

// --- models/common.py: TimeLimit -------------------------------------------------------------------------------------
function limitOf(value, where) {
  if (value === undefined || value === null) return null;
  const days = typeof value.days === 'string' && /^\d+$/.test(value.days) ? Number(value.days) : value.days;
  const limit = { ...value, days };
  const counted = days !== undefined || value.unit !== undefined;
  if (value.wording !== undefined ? counted : days === undefined || value.unit === undefined) {
    throw new ChartProblem(`${where}的时限要么写天数和单位，要么只写时限表述。`);
  }
  if (days !== undefined && !Number.isInteger(days)) throw new ChartProblem(`${where}的天数应是整数。`);
  return limit;
}

function amount(limit) {
  if (limit.wording !== undefined) return limit.wording;
  return limit.days === 0 ? '当场办结' : `${limit.days} 个${limit.unit}`;
}

function limitText(limit) {
  if (limit.starts === undefined || limit.wording !== undefined || limit.days === 0) return amount(limit);
  return `自${limit.starts}之日起 ${amount(limit)}`;
}

function describe(limit, basis = false) {
  let text = limitText(limit);
  if (limit.note) text += `；${limit.note}`;
  if (basis && limit.basis) text += `（依据《${limit.basis.title}》${limit.basis.article}）`;
  return text;
}

// --- steps.py ----------------------------------------------------------------------------------------------------------
const SEQUENTIAL = '顺序';

function stepRights(ts, rights) {
  const own = rights.filter((r) => r.step === ts.id);
  const names = new Set(own.map((r) => r.name));
  return [...(ts.rights || []).filter((r) => !names.has(r.name)), ...own];
}

function fromTemplate(ts, own, rights, where) {
  const ownStatutory = own ? limitOf(own.statutory_limit, where) : null;
  return {
    key: ts.id,
    name: own && own.name ? own.name : ts.name,
    post: own && own.post ? own.post : ts.actor,
    statutory: ownStatutory || limitOf(ts.statutory_limit, where),
    promised: own ? limitOf(own.promised_limit, where) : null,
    article: ts.article,
    branches: ts.branches || [],
    interfaces: [...(ts.interfaces || []), ...(own ? own.interfaces || [] : [])],
    disclosure: own && own.disclosure ? own.disclosure : ts.disclosure,
    rights: stepRights(ts, rights),
    fromTemplate: true,
    timing: (own && own.timing ? own.timing : ts.timing) || SEQUENTIAL,
    overridden: Boolean(ownStatutory),
  };
}

function ownStep(step, index, rights, where) {
  const key = step.id || `step-${index + 1}`;
  return {
    key,
    name: step.name || key,
    post: step.post,
    statutory: limitOf(step.statutory_limit, where),
    promised: limitOf(step.promised_limit, where),
    article: undefined,
    branches: [],
    interfaces: step.interfaces || [],
    disclosure: step.disclosure,
    rights: rights.filter((r) => r.step === key),
    fromTemplate: false,
    timing: step.timing || SEQUENTIAL,
    overridden: false,
  };
}

function mergeSteps(procedure, template, rights) {
  const steps = procedure.steps || [];
  const byRef = new Map(steps.filter((s) => s.ref).map((s) => [s.ref, s]));
  const merged = (template ? template.steps : []).map((ts) => fromTemplate(ts, byRef.get(ts.id), rights, `环节“${ts.name}”`));
  steps.forEach((step, index) => {
    if (step.ref) return;
    const own = ownStep(step, index, rights, `第 ${index + 1} 个环节`);
    const at = merged.findIndex((s) => s.key === step.after);
    merged.splice(at < 0 ? merged.length : at + 1, 0, own);
  });
  return merged;
}

function statutoryText(step) {
  return step.statutory ? describe(step.statutory, step.overridden || !step.fromTemplate) : '';
}

function timingNote(step) {
  return { 并行: '与上一环节同时进行', 不计入: '不计入办理时限' }[step.timing] || '';
}

// --- resolve.py: the record with what it inherits ----------------------------------------------------------------
function entryOf(record, kind, data) {
  if (record.secret === true) throw new ChartProblem('本职权涉密不公开，网站上只在不公开事项目录中列出，没有流程图。');
  if (!record.name) throw new ChartProblem('请先填写名称。');
  const department = data.departments[record.department];
  if (!department) throw new ChartProblem(`实施主体“${record.department || ''}”不是目录中的部门。`);
  const procedure = record.procedure;
  let template = null;
  if (procedure && procedure.template) {
    template = data.templates[procedure.template];
    if (!template) throw new ChartProblem(`流程模板“${procedure.template}”不存在。可用模板：${Object.keys(data.templates).join('、')}。`);
  }
  const known = new Set(template ? template.steps.map((s) => s.id) : []);
  for (const step of procedure ? procedure.steps || [] : []) {
    if (step.ref && !known.has(step.ref)) throw new ChartProblem(`模板环节“${step.ref}”不在流程模板“${procedure.template || '（未选择）'}”中。`);
  }
  const rights = record.rights || [];
  return {
    kind,
    record,
    department,
    template,
    contact: record.contact !== undefined ? record.contact : department.contact,
    supervision: record.supervision !== undefined ? record.supervision : department.supervision,
    complaints: record.complaint_channels !== undefined ? record.complaint_channels : department.complaint_channels,
    steps: procedure ? mergeSteps(procedure, template, rights) : [],
  };
}

// --- remedies.py -------------------------------------------------------------------------------------------------
function remediesOf(entry, data) {
  const own = entry.record.procedure && entry.record.procedure.remedies;
  if (own && own.length) return own;
  if (entry.template && entry.template.remedies && entry.template.remedies.length) return entry.template.remedies;
  if (entry.kind === 'powers' && data.enforcement.includes(entry.record.category)) return data.default_remedies;
  return [];
}

function reviewFirst(remedies, data) {
  const first = remedies.find((r) => r.first);
  if (!first) return '';
  const when = first.applies_when ? `${first.applies_when}，` : '';
  return `${when}须先申请行政复议，对行政复议决定不服的，才能向人民法院提起行政诉讼（${data.review_first_article}）。`;
}

// --- dot.py ------------------------------------------------------------------------------------------------------
class ChartBuilder {
  constructor(entry, data) {
    this.entry = entry;
    this.data = data;
    this.t = new Text(data);
    this.graph = new Graph('flowchart', this.t);
    this.remedies = remediesOf(entry, data);
    this.remedyNode = this.remedies.length ? 'remedies' : '';
  }

  node(id, label, style) {
    return this.graph.box(id, label, this.data.style[style]);
  }

  edge(tail, head, style, label = '', extra = {}) {
    this.graph.edge(tail, head, { ...this.data.edge[style], ...extra });
    if (label) this.graph.note(tail, head, label);
  }

  limitLine(label, limit, basis = false) {
    return limit ? `${label}：${oneLine(describe(limit, basis))}` : '';
  }

  stepLimitLines(step) {
    const statutory = step.statutory ? `法定时限：${oneLine(statutoryText(step))}` : '';
    return [statutory, this.limitLine('承诺时限', step.promised), timingNote(step)].filter(Boolean);
  }

  modeOf() {
    const { record, template, kind } = this.entry;
    const mode = (kind === 'powers' ? record.exercise_mode : undefined) || (template ? template.mode : undefined);
    return mode || (kind === 'services' ? '依申请' : '未注明');
  }

  startLabel() {
    const { record, kind } = this.entry;
    const t = this.t;
    const parts = [t.lines('办理条件', 28, null, true), t.lines(this.modeOf(), 28, null, false, '行使方式：')];
    if (kind === 'powers' && record.trigger) parts.push(t.lines(record.trigger, 32, null, false, '启动情形：'));
    if (record.service_object) parts.push(t.lines(record.service_object, 32, null, false, '对象：'));
    for (const condition of record.conditions || []) parts.push(t.lines(condition, 32, null, false, '· '));
    for (const basis of record.legal_basis || []) {
      parts.push(t.lines(`《${oneLine(basis.title)}》${oneLine(basis.article)}`, 34, 9, false, '依据：'));
    }
    if (record.materials && record.materials.length) {
      parts.push(t.lines(`申请材料 ${record.materials.length} 项，不齐全的一次性告知补正`, 32, 9));
    }
    if (record.deficiency_acceptance) {
      const names = (record.deficiency_acceptance.materials || []).map(oneLine).join('、');
      parts.push(t.lines(`可容缺受理：${names}`, 32, 9));
    }
    if (record.commitment) parts.push(t.lines('实行告知承诺制', 32, 9));
    return parts.flat();
  }

  endLabel() {
    const { record, contact } = this.entry;
    const t = this.t;
    const parts = [t.lines('办结', 28, null, true)];
    if (record.result) parts.push(t.lines(record.result, 30, null, false, '办理结果：'));
    parts.push(t.lines(this.limitLine('法定时限', limitOf(record.statutory_limit, '办理'), true), 32));
    parts.push(t.lines(this.limitLine('承诺时限', limitOf(record.promised_limit, '办理')), 32));
    const special = record.special_procedures || [];
    if (special.length) parts.push(t.lines(special.map((p) => oneLine(p.name)).join('、'), 32, 9, false, '特别程序（不计入时限）：'));
    if (record.delivery && record.delivery.length) parts.push(t.lines(record.delivery.map(oneLine).join('、'), 32, null, false, '送达方式：'));
    if (contact && contact.phone) parts.push(t.lines(contact.phone, 32, null, false, '咨询电话：'));
    return parts.flat();
  }

  stepLabel(index, step) {
    const t = this.t;
    const parts = [t.lines(`${index}. ${oneLine(step.name)}`, 26, null, true), t.lines(step.post || '未指定', 30, null, false, '承办岗位：')];
    if (step.statutory || step.promised) parts.push(...this.stepLimitLines(step).map((line) => t.lines(line, 30)));
    else parts.push(t.lines('时限：本环节无单独时限'));
    if (step.article) parts.push(t.lines(step.article, 34, 9, false, '依据：'));
    return parts.flat();
  }

  channelLines(channel) {
    const details = [channel.phone ? `电话 ${oneLine(channel.phone)}` : '', channel.address ? `地址 ${oneLine(channel.address)}` : '',
      channel.website ? `网址 ${oneLine(channel.website)}` : '', channel.email ? `邮箱 ${oneLine(channel.email)}` : ''];
    const text = oneLine(channel.name) + (details.some(Boolean) ? `：${details.filter(Boolean).join('；')}` : '');
    return this.t.lines(text, 36, null, false, '· ');
  }

  stepKind(step) {
    if (!(this.entry.template && step.fromTemplate)) return null;
    const found = this.entry.template.steps.find((ts) => ts.id === step.key);
    return found ? found.kind : null;
  }

  rightLabel(right) {
    const t = this.t;
    const parts = [t.lines(right.name, 24, null, true, '相对人权利：')];
    if (right.deadline) {
      parts.push(t.lines(right.deadline, 26, null, false, '期限：'));
      // The article that sets the period (models.procedure.Right.basis_text); none is shown when the law sets none.
      if (right.basis) parts.push(t.lines(`依据《${right.basis.title}》${right.basis.article}`, 28, 9));
    }
    if (right.description) parts.push(t.lines(right.description, 28, 9));
    return parts.flat();
  }

  build() {
    const { entry, t } = this;
    const title = `${oneLine(entry.record.name)}　${entry.kind === 'powers' ? '权力运行流程图' : '办理流程图'}`;
    this.graph.raw(`label=<${t.html(title, 40, 16, true)}${t.html(entry.department.name, 40, 11)}>;`);
    let previous = this.node('start', this.startLabel(), 'start');
    this.looseRights(previous);
    entry.steps.forEach((step, i) => { previous = this.step(i + 1, step, previous); });
    const end = this.node('finish', this.endLabel(), 'start');
    this.edge(previous, end, 'flow');
    if (this.remedyNode) {
      this.node(this.remedyNode, this.remediesLabel(), 'remedy');
      this.edge(end, this.remedyNode, 'note', '不服决定');
    }
    this.supervision(end);
    return this.graph.source(this.data.header);
  }

  step(index, step, previous) {
    const id = `s${index}`;
    const t = this.t;
    this.node(id, this.stepLabel(index, step), this.stepKind(step) === '决定' ? 'decision' : 'step');
    this.edge(previous, id, 'flow');
    const beside = step.interfaces.map((item, j) => this.interface(id, j + 1, item));
    beside.push(...step.rights.map((right, j) => this.right(id, j + 1, right)));
    if (step.disclosure) {
      beside.push(this.node(`${id}d`, t.lines(step.disclosure, 26, null, false, '公开：'), 'disclosure'));
      this.edge(id, `${id}d`, 'note');
    }
    if (beside.length) this.graph.sameRank(id, ...beside);
    step.branches.forEach((branch, j) => this.branch(id, j + 1, branch));
    return id;
  }

  interface(stepId, j, item) {
    const id = `${stepId}i${j}`;
    const t = this.t;
    let label = [...t.lines(item.kind, 24, null, true, '衔接：'), ...t.lines(item.party, 26)];
    if (item.note) label = [...label, ...t.lines(item.note, 26, 9)];
    this.node(id, label, 'interface');
    this.edge(stepId, id, 'interface');
    return id;
  }

  right(stepId, j, right) {
    const id = `${stepId}r${j}`;
    this.node(id, this.rightLabel(right), 'right');
    this.edge(stepId, id, 'note');
    return id;
  }

  branch(stepId, j, branch) {
    const id = `${stepId}b${j}`;
    const t = this.t;
    let label = [...t.lines(branch.condition, 28, null, false, '情形：'), ...t.lines(branch.outcome, 28, null, false, '处理：')];
    if (branch.article) label = [...label, ...t.lines(branch.article, 32, 9, false, '依据：')];
    this.node(id, label, 'branch');
    this.edge(stepId, id, 'branch', branch.ends ? '终结' : '分支');
    if (branch.ends && this.remedyNode) this.edge(id, this.remedyNode, 'branch', '救济');
    else if (!branch.ends) this.edge(id, stepId, 'branch', '', { constraint: 'false' });
  }

  looseRights(start) {
    const keys = new Set(this.entry.steps.map((s) => s.key));
    (this.entry.record.rights || []).filter((r) => !keys.has(r.step)).forEach((right, j) => this.right(start, j + 1, right));
  }

  remediesLabel() {
    const t = this.t;
    const parts = [t.lines('救济途径', 28, null, true)];
    const first = reviewFirst(this.remedies, this.data);
    if (first) parts.push(t.lines(oneLine(first), 32, null, true, '复议前置：'));
    for (const remedy of this.remedies) {
      const when = remedy.applies_when ? `${oneLine(remedy.applies_when)}：` : '';
      const name = oneLine(remedy.name) + (remedy.first ? '（须先申请）' : '');
      parts.push(t.lines(`${when}${name}，${oneLine(remedy.deadline)}`, 32, null, false, '· '));
      if (remedy.article) parts.push(t.lines(remedy.article, 34, 9, false, '依据：'));
    }
    return parts.flat();
  }

  supervision(end) {
    const { supervision: sup, complaints } = this.entry;
    const t = this.t;
    const internal = sup ? sup.internal || [] : [];
    const external = sup ? sup.external || [] : [];
    const parts = [t.lines('监督方式', 28, null, true), t.lines('内部监督：'), ...internal.map((c) => this.channelLines(c)),
      t.lines('外部监督：'), ...external.map((c) => this.channelLines(c))];
    if (!(internal.length || external.length)) parts.push(t.lines('未填写'));
    const channels = complaints || [];
    const complaintParts = [t.lines('投诉举报途径', 28, null, true), ...channels.map((c) => this.channelLines(c))];
    if (!channels.length) complaintParts.push(t.lines('未填写'));
    this.node('supervision', parts.flat(), 'supervision');
    this.node('complaints', complaintParts.flat(), 'supervision');
    this.graph.edge(end, 'supervision', { style: 'invis' });
    this.graph.edge(end, 'complaints', { style: 'invis' });
    this.graph.sameRank('supervision', 'complaints');
  }
}

// The DOT of a record's chart without the legend (generator/charts/dot.py: chart_body_dot). `record` is the form's
// data with blanks removed (gongkai-format.js: clean); `kind` is "powers" or "services".
export function chartDot(record, kind, data) {
  return new ChartBuilder(entryOf(record, kind, data), data).build();
}

// --- layout.py: place_text, and svg.py: the clean-up and the legend --------------------------------------------
const GROUP = /class="(node|edge)">\n<title>(\w+)(?:&#45;&gt;(\w+))?<\/title>\n((?:<(?!\/g>)[^\n]*\n)*)/g;
const GEOMETRY = / (?:points|d)="([^"]*)"/;
const NUMBER = /-?\d+(?:\.\d+)?/g;
const COMMENT = /^ {2}\/\/@ (\w+) (\d+)(b?) (.*)$/;

const xml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeEntities = (text) => text.replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)));

function points(shapes) {
  const found = GEOMETRY.exec(shapes);
  return found ? (found[1].match(NUMBER) || []).map(Number) : [];
}

function centre(flat) {
  const xs = flat.filter((_, i) => i % 2 === 0);
  const ys = flat.filter((_, i) => i % 2 === 1);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

function splineMiddle(flat) {
  const pts = [];
  for (let i = 0; i + 1 < flat.length; i += 2) pts.push([flat[i], flat[i + 1]]);
  const segments = Math.max(1, Math.floor((pts.length - 1) / 3));
  const first = 3 * Math.floor(segments / 2);
  if (segments % 2 === 0 || first + 3 >= pts.length) return pts[Math.min(first, pts.length - 1)];
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = pts.slice(first, first + 4);
  return [(x0 + 3 * x1 + 3 * x2 + x3) / 8, (y0 + 3 * y1 + 3 * y2 + y3) / 8];
}

function textSvg(t, x, y, size, text, bold) {
  const weight = bold ? ' font-weight="bold"' : '';
  const sizeAttr = size === t.body ? '' : ` font-size="${size}"`;
  return `<text x="${x.toFixed(2)}" y="${y.toFixed(2)}"${sizeAttr}${weight}>${xml(text)}</text>\n`;
}

function placeText(svg, dot, data) {
  const t = new Text(data);
  const ascent = (size) => data.ascent * size;
  const blocks = new Map();
  const notes = new Map();
  for (const row of dot.split('\n')) {
    const found = COMMENT.exec(row);
    if (found) {
      const [, id, size, bold, text] = found;
      if (!blocks.has(id)) blocks.set(id, []);
      blocks.get(id).push({ text: unescapeEntities(text), size: Number(size), bold: bold === 'b' });
    } else if (row.startsWith('  //@> ')) {
      const [, , , tail, head, ...text] = row.split(' ');
      notes.set(`${tail} ${head}`, unescapeEntities(text.join(' ')));
    }
  }
  const group = ` font-family="${data.font}" font-size="${t.body}"`;
  return svg.replace(GROUP, (match, kind, first, second, shapes) => {
    let x;
    let y;
    let text = '';
    if (kind === 'node' && blocks.has(first)) {
      const lines = blocks.get(first);
      const where = points(shapes);
      if (where.length < 4) return match;
      [x, y] = centre(where);
      const [width, height] = t.boxSize(lines);
      const left = -width / 2 + data.layout.margin_x;
      let top = -height / 2 + data.layout.margin_y;
      for (const line of lines) {
        const leading = t.lineHeight(line);
        text += textSvg(t, left, top + (leading - line.size) / 2 + ascent(line.size), line.size, line.text, line.bold);
        top += leading;
      }
    } else if (kind === 'edge' && notes.has(`${first} ${second}`) && points(shapes).length >= 2) {
      [x, y] = splineMiddle(points(shapes));
      const size = data.layout.edge_text_size;
      text = textSvg(t, 3, ascent(size) - size / 2, size, notes.get(`${first} ${second}`), false);
    } else {
      return match;
    }
    return `${match}<g transform="translate(${x.toFixed(2)} ${y.toFixed(2)})"${group}>\n${text}</g>\n`;
  });
}

const n2 = (value) => value.toFixed(2);

// Graphviz's SVG of `dot` → the chart as the site shows it: node text set, comments, titles and ids dropped, a
// responsive root with a title, and the site's legend centred below on one white background (svg.py).
export function chartSvg(svg, dot, title, data) {
  const placed = placeText(svg, dot, data);
  const root = /<svg\b[^<>]*?\sviewBox="([0-9. -]+)"[^<>]*>/.exec(placed);
  if (!root) throw new ChartProblem('Graphviz 没有画出流程图。');
  const end = placed.lastIndexOf('</svg>');
  const body = placed.slice(root.index + root[0].length, end)
    .replace(/<!--[^<>]*-->\n?|<title>[^<>]*<\/title>\n?/g, '').replace(/<g id="[^"<>]*"/g, '<g');
  const [x, y, w, h] = root[1].trim().split(/\s+/).map(Number);
  const legend = data.legend;
  const lx = x + (w - legend.width) / 2;
  const ly = y + h - legend.gap;
  const left = Math.min(x, lx);
  const width = Math.max(w, legend.width);
  const height = h + legend.height - legend.gap;
  const right = left + width;
  const bottom = y + height;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="${n2(left)} ${n2(y)} ${n2(width)} ${n2(height)}"`
    + ` preserveAspectRatio="xMidYMin meet" role="img"><title>${xml(title)}</title>`
    + `<polygon fill="white" stroke="none" points="${n2(left)},${n2(y)} ${n2(right)},${n2(y)} ${n2(right)},${n2(bottom)} ${n2(left)},${n2(bottom)} ${n2(left)},${n2(y)}"/>`
    + `${body}<g transform="translate(${n2(lx)} ${n2(ly)})">${legend.content}</g></svg>`;
}
