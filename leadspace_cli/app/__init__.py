"""A run put together: the job, its settings, the composition root, the summary and the report."""
