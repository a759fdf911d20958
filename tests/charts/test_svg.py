from generator.charts.svg import sanitize_svg

EVIL = b"""<?xml version="1.0"?>
<!-- Generated from /home/someone/secret/path.gv -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10pt" height="10pt" viewBox="0 0 10 10" onload="alert(1)">
<script>alert(1)</script>
<g id="node1" class="node" onclick="x()"><title>s1</title>
<a xlink:href="javascript:alert(1)" xlink:title="t"><text x="1" y="1" fill="url(http://evil/x)">hi</text></a>
<image xlink:href="http://evil.example/x.png"/><use href="http://evil/#a"/>
</g></svg>"""


def test_sanitize_removes_links_scripts_handlers_and_external_refs():
    out = sanitize_svg(EVIL, "标题", "说明<&>").decode()
    for bad in ("<a", "<script", "onload", "onclick", "javascript", "http://evil", "<image", "<use", "<!--", "/home/"):
        assert bad not in out
    assert ">hi</text>" in out  # what the link drew is kept
    assert 'role="img"' in out and "<title id=\"chart-title\">标题</title>" in out
    assert "<desc id=\"chart-desc\">说明&lt;&amp;&gt;</desc>" in out
    assert 'width="100%"' in out and 'viewBox="0 0 10 10"' in out and "height=" not in out


def test_malformed_or_foreign_input_is_a_build_error():
    import pytest

    from generator.errors import BuildError

    for bad in (b"<svg><g></svg>", b"<svg><g>", b"<html></html>", b"text<svg></svg>", b"<svg></svg><svg></svg>"):
        with pytest.raises(BuildError):
            sanitize_svg(bad, "t", "d")


def test_encoded_javascript_and_graphviz_ids_are_dropped_fixed_classes_kept():
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><g id="node7" class="node">'
           b'<polygon fill="java&#115;cript&#58;x" stroke="black" class="s1 &quot;x"/><text>a &amp; b</text></g></svg>')
    out = sanitize_svg(svg, "t", "d").decode()
    assert '<g class="node">' in out and "node7" not in out and "java" not in out and 'stroke="black"' in out
    assert "<text>a &amp; b</text>" in out and 'class="s1' not in out
