"""The Leadspace API and nothing else: its fields, credentials, client, and answers as ls.* cells."""
