"""Open-data exports: JSON, CSV, XLSX, JSON-LD, department packages, the responsibility list and print styles.

Everything here reads the resolved `Catalogue` and writes bytes into the `SiteBundle`; no engine import.
Secret powers contribute only their non-disclosure entry (name, reason, basis) to `data/catalogue.json.gz`.
"""
