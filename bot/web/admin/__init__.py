"""The admins' pages under /admin: sqladmin views of the knowledge, courses, cases and accounts,
plus the misunderstood-message loop and the dashboard."""
