"""A reader without a browser: Streamlit's websocket protocol spoken from Python, so that
bench/load.py can put many readers on the servers while nothing draws their pages.

It asks for runs as the browser does (a BackMsg with the link's query string and, to move
a slider, that widget's new value) and reads the ForwardMsgs that come back: the elements
(deltas), the address bar's new query string (page_info_changed) and the end of the run
(script_finished). It sends no cached-message hashes, so the server sends every element
in full, as to a browser's first visit: a little more work than a browser would cause.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState, ContextInfo
from streamlit.proto.Common_pb2 import DoubleArray
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates
from websockets.asyncio.client import ClientConnection, connect

#: Seconds to wait for a run to finish before giving up on it.
RUN_TIMEOUT_S = 60.0


@dataclass
class Run:
    """What one run sent back."""

    #: Seconds from the request to the first plotly chart that differs from the last run's
    #: (None if none did), and to the end of the run.
    to_changed_chart_s: float | None
    to_finished_s: float
    #: The address bar's query string after the run ("" if the run did not change it).
    query: str
    #: What the server sent for the run, before the websocket's compression. [bytes]
    received_bytes: int


@dataclass
class ProtocolReader:
    """One session on one server, over its own websocket."""

    ws: ClientConnection
    base_url: str
    query: str = ""
    #: Widget ids by key (a keyed widget's id ends in "-" + its key).
    widget_ids: dict[str, str] = field(default_factory=dict)
    #: Each chart's element, as bytes, by its place on the page (delta path).
    charts: dict[tuple[int, ...], bytes] = field(default_factory=dict)
    replica: str = ""


async def open_reader(base_url: str, query: str) -> tuple[ProtocolReader, Run]:
    """Connect to `base_url`'s /_stcore/stream and run the home page with `query`."""
    parts = urlsplit(base_url)
    ws = await connect(
        f"ws://{parts.netloc}/_stcore/stream",
        subprotocols=["streamlit"],  # type: ignore[list-item]
        additional_headers={"Origin": f"{parts.scheme}://{parts.netloc}"},
        max_size=None,
    )
    cookie = ws.response.headers.get("Set-Cookie", "") if ws.response else ""
    replica = cookie.split(";")[0].removeprefix("dashboard_replica=") if cookie else ""
    reader = ProtocolReader(ws, base_url, query, replica=replica)
    run = await rerun(reader, {})
    return reader, run


def rerun_request(reader: ProtocolReader, values: dict[str, float]) -> bytes:
    """A BackMsg asking for a run with the reader's link and these sliders' values."""
    widgets = [
        WidgetState(id=reader.widget_ids[key], double_array_value=DoubleArray(data=[value]))
        for key, value in values.items()
    ]
    state = ClientState(
        query_string=reader.query,
        widget_states=WidgetStates(widgets=widgets),
        context_info=ContextInfo(timezone="UTC", locale="en-US", url=reader.base_url + "/"),
    )
    return BackMsg(rerun_script=state).SerializeToString()


def _note_element(reader: ProtocolReader, msg: ForwardMsg) -> bool:
    """Remember the widget ids and charts of a delta; True if it is a chart that differs
    from the one last sent at its place."""
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return False
    element = msg.delta.new_element
    kind = element.WhichOneof("type")
    if kind == "slider" and "-" in element.slider.id:
        reader.widget_ids[element.slider.id.rsplit("-", 1)[1]] = element.slider.id
    if kind != "plotly_chart":
        return False
    path = tuple(msg.metadata.delta_path)
    data = element.plotly_chart.SerializeToString()
    changed = reader.charts.get(path) != data
    reader.charts[path] = data
    return changed


async def rerun(reader: ProtocolReader, values: dict[str, float]) -> Run:
    """Ask for a run with these slider values; read until it has finished."""
    t0 = time.perf_counter()
    await reader.ws.send(rerun_request(reader, values))
    changed_s: float | None = None
    query = ""
    received = 0
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while time.monotonic() < deadline:
        raw = await reader.ws.recv(decode=False)
        received += len(raw)
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        kind = msg.WhichOneof("type")
        if _note_element(reader, msg) and changed_s is None:
            changed_s = time.perf_counter() - t0
        elif kind == "page_info_changed":
            query = msg.page_info_changed.query_string
        elif kind == "script_finished" and msg.script_finished in (
            ForwardMsg.FINISHED_SUCCESSFULLY,
            ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
        ):
            if query:
                reader.query = query
            return Run(changed_s, time.perf_counter() - t0, query, received)
    raise TimeoutError(f"no end of run within {RUN_TIMEOUT_S} s")
