"""A browser's part, reduced to the app's websocket: run a page on a Streamlit server the way
the browser does (``/_stcore/stream``, protobuf messages), read what it shows, and press its
widgets. Used by deploy/check.sh to show that two app servers on one database see each other's
writes: a scenario saved on the budget page of server A (name typed, 保存 pressed) is offered by
the budget page of server B, and both pages load through nginx.

Run: python deploy/ws_probe.py --proxy HOST:PORT --servers HOST:PORT HOST:PORT (loopback only).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import uuid
from typing import Any

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

TIMEOUT = 120.0


class Session:
    """One websocket session with a server (what one browser tab holds)."""

    def __init__(self, host: str) -> None:
        self.host = host
        self.ws: Any = None

    async def __aenter__(self) -> "Session":
        self.ws = await asyncio.wait_for(connect(f"ws://{self.host}/_stcore/stream", max_size=None), TIMEOUT)
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.ws.close()

    async def run(self, page: str, widgets: list[dict[str, Any]] | None = None) -> list[Any]:
        """Run ``page`` (with ``widgets`` set) → the elements it showed."""
        msg = BackMsg()
        msg.rerun_script.page_name = page
        msg.rerun_script.query_string = ""
        for w in widgets or []:
            state = msg.rerun_script.widget_states.widgets.add()
            state.id = w["id"]
            if "string_value" in w:
                state.string_value = w["string_value"]
            if w.get("trigger_value"):
                state.trigger_value = True
        await self.ws.send(msg.SerializeToString())
        elements: list[Any] = []
        loop = asyncio.get_running_loop()
        end = loop.time() + TIMEOUT
        while loop.time() < end:
            raw = await asyncio.wait_for(self.ws.recv(), end - loop.time())
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                elements.append(fwd.delta.new_element)
            elif kind == "script_finished":
                return elements
        raise TimeoutError(f"{self.host}: page {page} did not finish")


def find(elements: list[Any], kind: str, key: str) -> Any:
    for e in elements:
        if e.WhichOneof("type") == kind and getattr(e, kind).id.endswith(key):
            return getattr(e, kind)
    raise LookupError(f"no {kind} with key {key}")


def shown_text(elements: list[Any]) -> str:
    return "\n".join(str(e) for e in elements)


async def check(proxy: str, a: str, b: str) -> None:
    name = "probe-" + uuid.uuid4().hex[:8]
    async with Session(a) as s:
        page = await s.run("budget")
        name_box, save = find(page, "text_input", "scn_name"), find(page, "button", "scn_save")
        await s.run("budget", [{"id": name_box.id, "string_value": name}, {"id": save.id, "trigger_value": True}])
    print(f"probe: scenario {name} saved through the budget page of {a}")
    for host in (b, proxy):
        async with Session(host) as s:
            page = await s.run("budget")
            options = list(find(page, "selectbox", "scn_pick").options)
            if name not in options:
                raise AssertionError(f"{host} does not offer {name}: {options}")
            print(f"probe: {host} offers it on its budget page ({len(page)} elements)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--proxy", required=True)
    ap.add_argument("--servers", nargs=2, required=True)
    args = ap.parse_args()
    for host in (args.proxy, *args.servers):
        if not host.startswith(("127.", "localhost", "[::1]")):
            print(f"probe: {host} is not a loopback address", file=sys.stderr)
            return 2
    asyncio.run(check(args.proxy, *args.servers))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
