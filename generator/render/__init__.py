"""Stage 5, render: the resolved catalogue becomes engine-neutral pages (Markdown) and assets."""
