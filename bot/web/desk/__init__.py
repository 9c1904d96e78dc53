"""The mediators' desk at /desk: their cases and the case page with its actions."""
