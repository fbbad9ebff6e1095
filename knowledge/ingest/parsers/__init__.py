"""Parsers: one module per source layout (PDF tariff tables, tab tariff tables, criteria and checklists, rules and staffing norms, decree passages)."""
