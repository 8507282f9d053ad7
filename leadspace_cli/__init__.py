"""Enrich CSV and JSONL files of leads and accounts through Leadspace's Single Enrichment API."""

__version__ = "0.1.0"
