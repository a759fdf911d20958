"""Editor support: JSON Schema, scaffolding, formatting, ownership and pull-request summaries."""
