"""Statistics for the admin dashboard."""
