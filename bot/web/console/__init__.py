"""The staff console: login, the queue, conversations, live updates, the admin guard."""
