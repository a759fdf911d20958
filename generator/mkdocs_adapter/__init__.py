"""The thin MkDocs adapter: hands the core's pages and files to MkDocs. The only place that imports mkdocs."""
