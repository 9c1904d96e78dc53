"""What the tests share: HTTP client settings."""

import httpx

# the HTTP clients' timeout in the server tests: generous, because on a shared 2-core machine
# under load an event stream's first line or a reply can take more than 10 s (seen:
# tests/console/test_live_updates_postgres.py); the tests bound their own waits
HTTP_TIMEOUT = 30

# one SSL context for the HTTP clients of a test process (`verify=TLS`): httpx otherwise reads
# the whole CA bundle into a new context for each client it makes, about 30 ms of CPU, and a
# run makes some 1,800 of them (docs/benchmarks.md, "Test suite wall time"). The test clients
# speak plain HTTP to local servers; they are the same clients, made in a tenth of a ms.
TLS = httpx.create_ssl_context()
