"""The `workerbot` command: composed here from one module per group, with no import side effects."""

from __future__ import annotations

import typer

from bot.cli import backup, data, serve, staff, transfer
from bot.cli.handoff import handoff_app
from bot.cli.quality import data_app, test_app
from bot.cli.wechat import wechat_app

app = typer.Typer(help="区总工会职工服务机器人 workerbot", no_args_is_help=True)
app.command()(serve.run)
app.command()(serve.shell)
app.command()(data.train)
app.command("load-demo")(data.load_demo)
app.command("import")(data.import_data)
app.command("create-user")(staff.create_user_command)
app.command("export")(transfer.export_command)
app.command("import-file")(transfer.import_file_command)
app.command("backup")(backup.backup_command)
app.command("restore")(backup.restore_command)
app.add_typer(data.db_app, name="db")
app.add_typer(handoff_app, name="handoff")
app.add_typer(wechat_app, name="wechat")
app.add_typer(test_app, name="test")
app.add_typer(data_app, name="data")
