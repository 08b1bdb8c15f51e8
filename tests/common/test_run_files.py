"""A run's log is paged by byte offset without ever cutting a character, for both APIs alike."""

from __future__ import annotations

import pytest

import piflow
from common import run_files
from common.errors import NotFoundError
from tests.run_files import lay_out_run

LOG = "状态 ok: é and 🙂 done\n"


@pytest.mark.parametrize("limit", [1, 2, 3, 4, 5, 7])
def test_pages_of_any_size_join_into_the_whole_log(limit):
    # given
    storage = lay_out_run(piflow.new_run_id(), log=LOG)

    # when: the log is followed page by page
    pages, offset = [], 0
    while True:
        page = run_files.log_page(storage, offset, limit=limit)
        pages.append(page.text)
        if not page.more:
            break
        assert page.next_offset > offset
        offset = page.next_offset

    # then
    assert "".join(pages) == LOG
    assert all("\ufffd" not in text for text in pages)


def test_a_page_stops_before_a_character_it_would_cut():
    storage = lay_out_run(piflow.new_run_id(), log="ab\u00e9cd")
    first = run_files.log_page(storage, 0, limit=3)
    second = run_files.log_page(storage, first.next_offset, limit=3)
    assert (first.text, first.next_offset, first.more) == ("ab", 2, True)
    assert (second.text, second.next_offset) == ("\u00e9c", 5)


def test_an_offset_past_the_end_is_an_empty_last_page():
    storage = lay_out_run(piflow.new_run_id(), log="abc")
    page = run_files.log_page(storage, 99)
    assert (page.text, page.next_offset, page.more) == ("", 3, False)


def test_a_run_id_that_could_escape_the_data_dir_is_not_found():
    with pytest.raises(NotFoundError, match="no such run"):
        run_files.run_storage("../etc", message="no such run")


def test_debug_data_of_a_port_without_any_names_the_ports_that_have_some():
    storage = lay_out_run(piflow.new_run_id(), debug={("Mock", ""): [{"n": 1}]})
    with pytest.raises(NotFoundError) as error:
        run_files.debug_page(storage, stop="Other")
    assert error.value.extra["available"] == [{"stop": "Mock", "port": ""}]
    assert run_files.debug_page(storage, stop="Mock").rows == [{"n": 1}]
