"""The source of truth: articles, passages, keyword index and stored vectors in one SQLite file."""
