"""Flowcharts (权力运行流程图): resolved entry → DOT → batched Graphviz rendering → safe, accessible SVG and PNG."""
