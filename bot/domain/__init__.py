"""The union's vocabulary: courses, cases and people as workers, staff and admins read them."""
