"""`make bench`: synthetic catalogues of growing size, timed stage by stage against plain MkDocs."""
