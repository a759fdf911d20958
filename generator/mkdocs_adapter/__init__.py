"""The thin MkDocs adapter: hands the core's pages and files to MkDocs (or ProperDocs, its maintained fork; see
flavour.py). The only place that imports mkdocs. Its door is engine.py (build_site, site_options_from)."""

from generator.mkdocs_adapter.flavour import activate

activate()  # before any submodule imports mkdocs
