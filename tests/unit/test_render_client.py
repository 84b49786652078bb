"""The rendering process: a real child process answering over pipes."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_signer.render import protocol
from desktop_signer.render.client import RenderClient
from desktop_signer.render.errors import Problem
from desktop_signer.render.protocol import Failed, Found, Opened, Rendered, Stopped
from tests.unit.test_render_document import make_pdf


@pytest.fixture
def client() -> Iterator[RenderClient]:
    started = RenderClient()
    started.start()
    yield started
    started.stop()


def test_open_render_and_search_through_the_process(client: RenderClient,
                                                    tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "surat.pdf", pages=20)
    client.open(7, str(path))
    opened = client.receive()
    assert isinstance(opened, Opened) and opened.doc == 7
    assert opened.info.page_count == 20 and opened.info.path == str(path)
    client.want_pages(7, 1.5, [3, 0])
    first, second = client.receive(), client.receive()
    assert isinstance(first, Rendered) and isinstance(second, Rendered)
    assert [first.image.page, second.image.page] == [3, 0]  # in the order asked for
    assert first.requested == 1.5 and first.image.width == math.ceil(595 * 1.5)
    client.want_thumbnails(7, 100, [19])
    thumb = client.receive()
    assert isinstance(thumb, Rendered) and thumb.kind == "thumb"
    assert max(thumb.image.width, thumb.image.height) == 100
    client.search(7, 1, "penanda-1")
    hits: list[int] = []
    while True:
        found = client.receive()
        assert isinstance(found, Found) and found.search == 1
        hits += [h.page for h in found.hits]
        if found.done:
            break
    assert hits == [0, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]  # penanda-1, -10 … -19


def test_failures_arrive_with_their_code(client: RenderClient, tmp_path: Path) -> None:
    empty = tmp_path / "kosong.pdf"
    empty.write_bytes(b"")
    locked = make_pdf(tmp_path / "terkunci.pdf", password="rahasia")
    client.open(1, str(empty))
    client.open(2, str(locked))
    client.open(3, str(locked), "keliru")
    client.open(4, str(locked), "rahasia")
    answers = [client.receive() for _ in range(4)]
    assert [(a.doc, a.error.code) for a in answers if isinstance(a, Failed)] == [
        (1, Problem.EMPTY_FILE), (2, Problem.PASSWORD_REQUIRED), (3, Problem.WRONG_PASSWORD)]
    assert isinstance(answers[3], Opened) and answers[3].info.encrypted
    failed = answers[0]
    assert isinstance(failed, Failed) and failed.error.params["path"] == str(empty)
    client.want_pages(4, 1.0, [5])  # no page 6 in a 3-page document
    out_of_range = client.receive()
    assert isinstance(out_of_range, Failed) and out_of_range.op == "render"
    assert out_of_range.error.code == Problem.PAGE_OUT_OF_RANGE and out_of_range.page == 5


def test_a_newer_wish_replaces_the_older_one(tmp_path: Path) -> None:
    """Scrolling fast must not leave a queue of pages nobody looks at any more."""
    path = make_pdf(tmp_path / "panjang.pdf", pages=100)
    client = RenderClient()
    client.start()
    try:
        # All sent before the child has even started reading: it sees both wishes at once.
        client.open(1, str(path))
        client.want_pages(1, 0.5, list(range(100)))
        client.want_pages(1, 0.5, [50])
        client.search(1, 9, "penanda-100")  # a marker: answered after the wished pages
        assert isinstance(client.receive(), Opened)
        rendered = []
        while True:
            answer = client.receive()
            if isinstance(answer, Found):
                if answer.done:
                    break
                continue
            assert isinstance(answer, Rendered)
            rendered.append(answer.image.page)
        assert rendered == [50]
    finally:
        client.stop()


def test_a_crashed_renderer_is_reported(client: RenderClient, tmp_path: Path) -> None:
    client.open(1, str(make_pdf(tmp_path / "a.pdf")))
    assert isinstance(client.receive(), Opened)
    client.kill()
    stopped = client.receive()
    assert isinstance(stopped, Stopped) and "exit code" in stopped.detail
    client.want_pages(1, 1.0, [0])  # sending to a dead process does not raise
    assert not client.running


def test_malformed_answers_are_refused() -> None:
    with pytest.raises(ValueError):
        protocol.response_from({"kind": "image", "doc": 1, "image_kind": "page", "page": 0,
                                "scale": 1.0, "requested": 1.0, "width": 100, "height": 100,
                                "stride": 300}, b"\0" * 10)
    with pytest.raises(ValueError):
        protocol.response_from({"kind": "exec", "doc": 1}, None)
    with pytest.raises(KeyError):
        protocol.response_from({"kind": "opened", "doc": 1, "info": {}}, None)
