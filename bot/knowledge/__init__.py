"""The FAQ knowledge base: the live index, answer decisions, admin drafts and history."""
