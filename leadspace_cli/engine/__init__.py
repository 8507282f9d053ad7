"""The paid, paced, persisted part: the pipeline, attempts and budgets, pacing, the answer store."""
