"""Revisions: committed manifests of what changed when, the 20-working-day rule, history pages and publishing."""
