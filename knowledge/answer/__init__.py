"""Answer: a question → understood words and filters → scored candidates → one policy → Answer. Reads kb.sqlite; never imports knowledge.ingest or knowledge.desk."""
