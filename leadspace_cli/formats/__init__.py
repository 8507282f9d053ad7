"""Rows in and rows out: files, encodings and spreadsheets; nothing of the API, the store or the run."""
