# the HTTP clients' timeout in the server tests: generous, because on a shared 2-core machine
# under load an event stream's first line or a reply can take more than 10 s (seen:
# tests/console/test_live_updates_postgres.py); the tests bound their own waits
HTTP_TIMEOUT = 30
