"""CLI subcommands: each module has `register(subparsers)` adding one command whose handler returns an exit code."""
