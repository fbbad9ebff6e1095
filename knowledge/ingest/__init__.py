"""Ingest: legal source texts and their manifest → parsed records → kb.sqlite. May import knowledge.text, knowledge.domain, knowledge.kb; never knowledge.answer or knowledge.desk."""
