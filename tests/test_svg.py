"""`status --history --to svg`: a self-contained picture, valid SVG, drawn by Chromium at two sizes."""

from __future__ import annotations

import struct
import subprocess
import xml.etree.ElementTree as ElementTree
import zlib
from pathlib import Path

import pytest

from afrel import __version__
from tests.conftest import FLAGS

SVG = "{http://www.w3.org/2000/svg}"


def _picture(run, tmp_path: Path, *args: str) -> ElementTree.Element:
    path = tmp_path / "picture.svg"
    result = run("status", "--history", *args, "--to", "svg", "-o", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"wrote {path}\n"
    return ElementTree.parse(path).getroot()


def test_one_country_draws_one_bar_per_period_with_legend_and_caption(run, tmp_path: Path) -> None:
    root = _picture(run, tmp_path, "--country", "pakistan")
    assert root.tag == f"{SVG}svg" and root.find(f"{SVG}title") is not None
    history = run.json("status", "pakistan", "--history", "--json")
    periods = [p for a in history["aspects"] for p in a["periods"]]
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("data-status")]
    assert sorted(b.get("data-status", "") for b in bars) == sorted(p["status"] for p in periods)
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert f"afrel {__version__}, data " in texts  # the caption names the program and the data version
    assert "severed, closed, not recognised" in texts and "Afghan government" in texts
    # Self-contained: nothing is loaded from elsewhere.
    assert not any("href" in key for element in root.iter() for key in element.attrib)


def test_several_countries_each_get_their_rows(run, tmp_path: Path) -> None:
    root = _picture(run, tmp_path, "--country", "iran", "--country", "pakistan", "--country", "russia")
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert {"Iran", "Pakistan", "Russia"} <= set(texts)


def _png_is_drawn(png: bytes) -> bool:
    """A PNG whose image data holds more than a few byte values: something was drawn on the white page."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    data, offset = b"", 8
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        kind = png[offset + 4 : offset + 8]
        if kind == b"IDAT":
            data += png[offset + 8 : offset + 8 + length]
        offset += 12 + length
    return len(set(zlib.decompress(data))) > 16


@pytest.mark.parametrize("size", ["960,600", "480,360"])
def test_chromium_draws_the_picture(run, browser: str, tmp_path: Path, size: str) -> None:
    _picture(run, tmp_path, "--country", "pakistan")
    shot = tmp_path / "shot.png"
    result = subprocess.run(
        [
            browser,
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--window-size={size}",
            f"--screenshot={shot}",
            (tmp_path / "picture.svg").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert _png_is_drawn(shot.read_bytes())


def test_a_blank_page_is_not_taken_for_a_picture(browser: str, tmp_path: Path) -> None:
    blank = tmp_path / "blank.svg"
    blank.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="960" height="600"></svg>', encoding="utf-8")
    shot = tmp_path / "blank.png"
    subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={tmp_path / 'p'}", "--window-size=960,600", f"--screenshot={shot}",
         blank.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )  # fmt: skip
    assert not _png_is_drawn(shot.read_bytes())


@pytest.mark.parametrize(
    "args, message",
    [
        (["status", "iran", "--to", "svg"], "--to svg and --output draw a picture of --history"),
        (["status", "iran", "--history", "--to", "png"], "--to"),
        (["status", "--history", "--country", "iran", "--country", "pakistan"], "for several, draw them"),
        (["status", "iran", "--history", "-o", "x.svg"], "add --to svg"),
    ],
)
def test_pictures_refuse_what_they_cannot_draw(run, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2 and message in result.stderr and len(result.stderr.splitlines()) == 1
