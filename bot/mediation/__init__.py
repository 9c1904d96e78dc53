"""The mediators' desk: what a mediator may see and do with a case, the worker's answers in
the chat, the 15-day limit, session reminders and the committee's figures (docs/mediation.md)."""
