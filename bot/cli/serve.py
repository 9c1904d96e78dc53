"""`workerbot run` and `workerbot shell`: the HTTP server and a chat in the terminal."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import typer

from bot.cli.common import ConfigOpt, built_app, load_settings, migrated_db
from bot.core.logs import configure_logging

# prometheus-client's multiprocess directory (bot/app/metrics.py reads the same variable)
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
# uvicorn's supervisor pings each worker process and kills one that has not answered within
# this many seconds (its default, 5, is too short): a new worker answers only once its
# interpreter has re-imported the `workerbot` script, which took over 6 s on a loaded 2-core
# host, so every worker was killed and replaced before it could answer and the server never
# served (tests/server/test_slow_worker_start.py). A worker stuck for good is still replaced.
WORKER_PING_SECONDS = 60


def shell(config: Path | None = ConfigOpt, sender: str | None = typer.Option(None)) -> None:
    """Chat with the bot in this terminal."""
    from bot.channels.shell import run_shell

    configure_logging("WARNING")
    run_shell(built_app(config).handle, sender)


def port_in_use(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port, or None when it can."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            return exc.strerror or str(exc)
    return None


def run(
    config: Path | None = ConfigOpt,
    host: str | None = typer.Option(None),
    port: int | None = typer.Option(None),
    workers: int | None = typer.Option(None, help="Worker processes (default from config.yml)."),
) -> None:
    """Serve the HTTP API (REST webhook, /model/parse, /health)."""
    import uvicorn

    from bot.nlu import model as nlu_model

    settings = load_settings(config)
    # fail fast, before spawning workers, on an unmigrated database or a missing model
    migrated_db(settings).dispose()
    from bot.web.console.secret import NOTED, InsecureSecret, session_key

    try:
        session_key(settings)
    except InsecureSecret as exc:
        typer.secho(str(exc), fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc
    os.environ[NOTED] = "1"  # the workers need not say it again
    if not nlu_model.model_path(settings).exists():
        typer.secho(
            str(
                nlu_model.ModelMissing(
                    "no trained model for the current training data: run `workerbot train`"
                )
            ),
            fg=typer.colors.RED,
            err=True,
        )
        raise typer.Exit(2)
    if config:
        os.environ["WORKERBOT_CONFIG"] = str(config)
    server = settings.config.server
    bind_host, bind_port = host or server.host, port or server.port
    busy = port_in_use(bind_host, bind_port)
    if busy:
        typer.secho(
            f"cannot listen on {bind_host}:{bind_port} ({busy}): another program uses it."
            f" Use another port: `workerbot run --port {bind_port + 1}` (or `make run"
            f" PORT={bind_port + 1}`), or set server.port in config.yml.",
            fg=typer.colors.RED,
            err=True,
        )
        raise typer.Exit(2)
    base = f"http://{'127.0.0.1' if bind_host in ('0.0.0.0', '::') else bind_host}:{bind_port}"
    typer.echo(
        f"workerbot is starting on {base}: web chat {base}/chat, staff console"
        f" {base}/console, admin {base}/admin (Ctrl+C stops it)"
    )
    from bot.core.logs import LOG_FORMAT_ENV, log_format

    # the workers read the format from the environment (the variable wins over config)
    os.environ[LOG_FORMAT_ENV] = log_format(server.log_format)
    configure_logging()
    processes = workers or server.workers
    metrics_dir = multiprocess_metrics(processes)
    try:
        serve(uvicorn, bind_host, bind_port, processes, server.trusted_proxies)
    finally:
        if metrics_dir is not None:
            shutil.rmtree(metrics_dir, ignore_errors=True)
            # a run called in-process (tests, an embedding program) leaves no dangling
            # directory name for the processes it starts later
            if os.environ.get(MULTIPROC_ENV) == metrics_dir:
                os.environ.pop(MULTIPROC_ENV, None)


def multiprocess_metrics(processes: int) -> str | None:
    """With several worker processes, a fresh private directory where each keeps its
    Prometheus counts, so one scrape of /metrics sums them all (bot/app/metrics.py); set
    before the workers start, as prometheus-client reads it on import. None: one process."""
    if processes < 2:
        os.environ.pop(MULTIPROC_ENV, None)
        return None
    directory = tempfile.mkdtemp(prefix="workerbot-metrics-")  # mode 0700
    os.environ[MULTIPROC_ENV] = directory
    return directory


def serve(uvicorn, host: str, port: int, processes: int, trusted_proxies: list[str]) -> None:  # noqa: ANN001
    from bot.core.logs import logging_config
    from bot.web.proxies import uvicorn_proxy_options

    uvicorn.run(
        "bot.web.server:create_web_from_env",
        factory=True,
        host=host,
        port=port,
        workers=processes,
        log_level="warning",
        access_log=False,
        timeout_worker_healthcheck=WORKER_PING_SECONDS,
        # uvicorn's own loggers (and each worker's root) through the masking formatter
        log_config=logging_config(),
        # X-Forwarded-For / -Proto believed only from server.trusted_proxies (none by default)
        **uvicorn_proxy_options(trusted_proxies),
    )
