"""The staff side of handoff: accounts, the console's desk operations, hours, timeouts."""
