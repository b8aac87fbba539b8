"""A ClickHouse address whose port is not a number 1-65535 is refused in one sentence
naming the address (exit 2), never a traceback: by the reader, the command line,
validate, convert's loading and the window's File > Open.  Nothing is reached."""

import pytest

from viewer.app import main as cli_main
from viewer.io.clickstore import open_url
from viewer.model.errors import TimelineLoadError

BAD = ["clickhouse://127.0.0.1:abc/tv?table=events", "clickhouse://127.0.0.1:99999/tv?table=events",
       "clickhouses://me@127.0.0.1:0/tv"]


@pytest.mark.parametrize("url", BAD)
def test_the_reader_refuses_a_port_that_is_not_one(url):
    with pytest.raises(TimelineLoadError, match="port must be a number 1-65535") as info:
        open_url(url)
    assert "127.0.0.1:" in str(info.value)


@pytest.mark.parametrize("argv", [["{url}"], ["validate", "{url}"], ["convert", "{src}", "{url}"]])
def test_the_command_line_says_so_and_exits_2(argv, bundled_path, capsys, monkeypatch):
    monkeypatch.setenv("TIMELINE_CLICKHOUSE_PASSWORD", "")
    url = "clickhouse://127.0.0.1:abc/tv?table=events"
    assert cli_main([a.format(url=url, src=bundled_path) for a in argv]) == 2
    err = capsys.readouterr().err
    assert "127.0.0.1:abc" in err and "port must be a number 1-65535" in err and "Traceback" not in err


def test_the_window_shows_the_refusal(open_window, bundled_path):
    from viewer.io.registry import read_timeline

    main = open_window(read_timeline(bundled_path))
    shown = []
    main.show_error = lambda *a: shown.append(a)
    assert main.open_file("clickhouse://127.0.0.1:99999/tv?table=events") is False
    (title, text, *_), = shown
    assert "127.0.0.1:99999" in title and "port must be a number 1-65535" in text
    assert main.collection_windows == []
