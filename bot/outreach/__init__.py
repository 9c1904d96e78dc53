"""The union reaching out: class reminders and admins' notices to the workers who asked."""
