"""Site search: a Pagefind index over the built HTML (engine-neutral: it reads files, never MkDocs)."""
