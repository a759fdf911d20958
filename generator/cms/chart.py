"""What the CMS preview needs to draw a record's flowchart the way the site draws it (static/gongkai-chart.js).

The preview builds the chart's DOT in the browser from the record the form holds, then lays it out with Graphviz
compiled to WebAssembly (@viz-js/viz, vendored from npm). Everything that is not the record comes from here, so
the browser never holds a second copy of it: the procedure templates, each department's inherited contact,
supervision and complaint channels, the general remedies, the chart's style and header (generator/charts/dot.py),
the text metrics of the chart font (generator/charts/metrics.py), the wide-character table the wrapping counts
with, and the shared legend as the site draws it. tests/cms/test_chart.py checks that the browser's DOT is
byte-identical to generator/charts/dot.py's for every sample record.
"""

from __future__ import annotations

import json
import unicodedata
from importlib.resources import files
from typing import Any

from generator.catalogue import Catalogue
from generator.charts.dot import EDGE, HEADER, STYLE
from generator.charts.layout import EDGE_TEXT_SIZE, LINE_SPACING, MARGIN_X, MARGIN_Y
from generator.charts.metrics import FONT, MISSING_ADVANCE, FontMetrics, metrics
from generator.charts.svg import LEGEND_GAP
from generator.charts.text import BODY_SIZE
from generator.errors import BuildError
from generator.models.power import Category, PowerClass
from generator.remedies import DEFAULT_REMEDIES, REVIEW_FIRST_ARTICLE

DATA_FILE = "chart-data.json"
WIDE_FILE = "wide-chars.json"  # static/: regenerate with `python -m generator.cms.chart` when Python's Unicode changes
UNITS = 1000  # advances are sent in thousandths of an em (Noto Sans CJK has 1000 units per em: exact)


def wide_ranges() -> list[list[int]]:
    """[first, last] code point runs that text.width() counts as 2 (East Asian Wide and Fullwidth). ~0.7 s."""
    runs: list[list[int]] = []
    for code in range(0x110000):
        if unicodedata.east_asian_width(chr(code)) in ("W", "F"):
            if runs and runs[-1][1] == code - 1:
                runs[-1][1] = code
            else:
                runs.append([code, code])
    return runs


def _runs(face: FontMetrics) -> list[int]:
    """Advances other than one em, as flat [first code point, count, thousandths of an em] runs."""
    runs: list[list[int]] = []
    for code, advance in sorted(face.advances.items()):
        if advance == MISSING_ADVANCE:
            continue
        units = round(advance * UNITS)
        if units / UNITS != advance:
            raise BuildError(f"流程图字体 {FONT} 的字宽不是千分之一字宽的整数倍，表单编辑器的预览无法照样排字。")
        if runs and runs[-1][0] + runs[-1][1] == code and runs[-1][2] == units:
            runs[-1][1] += 1
        else:
            runs.append([code, 1, units])
    return [n for run in runs for n in run]


def _dump(model: Any) -> Any:
    return model.model_dump(mode="json", exclude_none=True)


def _department(record: Any) -> dict[str, Any]:
    found: dict[str, Any] = {"name": record.name, "complaint_channels": [_dump(c) for c in record.complaint_channels]}
    if record.contact is not None:
        found["contact"] = _dump(record.contact)
    if record.supervision is not None:
        found["supervision"] = _dump(record.supervision)
    return found


def _drawing() -> dict[str, Any]:
    """The font metrics and the legend: both need the chart font (and the legend Graphviz) installed."""
    from generator.charts.render import render_legend

    regular, bold = metrics(False), metrics(True)
    legend = render_legend()
    return {"ascent": regular.ascent, "regular": _runs(regular), "bold": _runs(bold),
            "legend": {"width": legend.width, "height": legend.height, "gap": LEGEND_GAP, "content": legend.content}}


def chart_data(catalogue: Catalogue) -> dict[str, Any]:
    """The preview's data for this catalogue; without the chart font or Graphviz, a Chinese reason instead."""
    try:
        drawing = _drawing()
    except BuildError as exc:
        return {"unavailable": f"生成网站时无法准备流程图数据：{exc}"}
    return {
        "font": FONT, "missing_advance": MISSING_ADVANCE, "units": UNITS, **drawing,
        "layout": {"margin_x": MARGIN_X, "margin_y": MARGIN_Y, "line_spacing": LINE_SPACING,
                   "body_size": BODY_SIZE, "edge_text_size": EDGE_TEXT_SIZE},
        "header": HEADER, "style": STYLE, "edge": EDGE,
        "wide": json.loads((files("generator.cms") / "static" / WIDE_FILE).read_text(encoding="utf-8")),
        "enforcement": [c.value for c in Category if c.power_class is PowerClass.ENFORCEMENT],
        "default_remedies": [_dump(r) for r in DEFAULT_REMEDIES],
        "review_first_article": REVIEW_FIRST_ARTICLE,
        "templates": {tid: _dump(t) for tid, t in sorted(catalogue.templates.items())},
        "departments": {did: _department(d.record) for did, d in sorted(catalogue.departments.items())},
    }


def chart_data_text(catalogue: Catalogue) -> str:
    return json.dumps(chart_data(catalogue), ensure_ascii=False, separators=(",", ":")) + "\n"


if __name__ == "__main__":
    from pathlib import Path

    target = Path(str(files("generator.cms") / "static" / WIDE_FILE))
    target.write_text(json.dumps(wide_ranges(), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {target}")
