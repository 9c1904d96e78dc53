"""The baseline: a bare FastAPI endpoint that parses the same JSON and echoes it (no bot)."""

import orjson
from fastapi import FastAPI, Request
from fastapi.responses import Response

app = FastAPI()


@app.post("/echo")
async def echo(request: Request) -> Response:
    body = orjson.loads(await request.body())
    out = [{"recipient_id": body["sender"], "text": body["message"]}]
    return Response(orjson.dumps(out), media_type="application/json")
