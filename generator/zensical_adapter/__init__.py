"""The Zensical adapter: the core's pages and static files are written into a docs folder and Zensical (Material's
successor) builds them with its own search off; Pagefind indexes the HTML afterwards as for MkDocs. The only place
that imports zensical. Its door is engine.py (build_site, site_options_from), the same seam as the MkDocs adapter.
Zensical has no plugin API, so nothing here runs inside its build except pre-rendered Markdown (prerender.py)."""
