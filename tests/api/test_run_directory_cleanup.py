"""Deleting a run removes its run directory (log, checkpoints, debug samples), and only that."""

from __future__ import annotations

import logging

import pytest

import piflow
from flows import services
from flows.models import Process, ProcessState
from tests.factories import finish
from tests.run_files import lay_out_run

# -- RunStorage.delete ------------------------------------------------------------------------------


def _run_dir(data_dir, run_id: str = "run_20250101000000_abcd") -> piflow.RunStorage:
    storage = piflow.RunStorage.of(run_id, data_dir=data_dir)
    (storage.root / "checkpoints" / "Db" / "default").mkdir(parents=True)
    storage.log_path.write_text("log")
    return storage


def test_delete_removes_the_run_directory(tmp_path):
    # given
    storage = _run_dir(tmp_path)
    neighbour = _run_dir(tmp_path, "run_20250101000000_ffff")

    # when
    deleted = storage.delete(data_dir=tmp_path)

    # then
    assert deleted is True
    assert not storage.root.exists()
    assert neighbour.log_path.read_text() == "log"
    assert (tmp_path / "runs").is_dir()


def test_delete_of_a_run_without_files_is_false(tmp_path):
    assert piflow.RunStorage.of("run_none", data_dir=tmp_path).delete(data_dir=tmp_path) is False


@pytest.mark.parametrize("run_id", [".", ".."])
def test_delete_refuses_the_runs_directory_and_the_data_dir(tmp_path, run_id):
    # given
    keep = _run_dir(tmp_path)
    storage = piflow.RunStorage.of(run_id, data_dir=tmp_path)

    # when / then
    with pytest.raises(ValueError, match="refusing to delete"):
        storage.delete(data_dir=tmp_path)
    assert keep.log_path.exists()


def test_delete_refuses_a_directory_outside_the_runs_directory(tmp_path):
    # given: a storage whose root is not under <data dir>/runs
    elsewhere = tmp_path / "elsewhere" / "run_x"
    elsewhere.mkdir(parents=True)
    storage = piflow.RunStorage(run_id="run_x", root=elsewhere)

    # when / then
    with pytest.raises(ValueError, match="refusing to delete"):
        storage.delete(data_dir=tmp_path / "data")
    assert elsewhere.is_dir()


def test_delete_refuses_a_run_directory_of_another_data_dir(tmp_path):
    # given
    storage = _run_dir(tmp_path / "one")

    # when / then
    with pytest.raises(ValueError, match="refusing to delete"):
        storage.delete(data_dir=tmp_path / "two")
    assert storage.log_path.exists()


def test_delete_refuses_a_symlinked_run_directory(tmp_path):
    # given: runs/<id> is a link to a directory that must survive
    target = tmp_path / "precious"
    target.mkdir()
    (target / "keep.txt").write_text("keep")
    (tmp_path / "runs").mkdir()
    (tmp_path / "runs" / "run_link").symlink_to(target, target_is_directory=True)
    storage = piflow.RunStorage.of("run_link", data_dir=tmp_path)

    # when / then
    with pytest.raises(ValueError, match="refusing to delete"):
        storage.delete(data_dir=tmp_path)
    assert (target / "keep.txt").read_text() == "keep"


def test_delete_uses_the_default_data_dir(tmp_path, monkeypatch):
    # given
    monkeypatch.setenv("PIFLOW_DATA_DIR", str(tmp_path))
    storage = _run_dir(tmp_path)

    # when / then
    assert storage.delete() is True
    assert not storage.root.exists()


# -- deleting a process -------------------------------------------------------------------------------


def test_deleting_a_run_removes_its_files_once_committed(
    api_client, process, django_capture_on_commit_callbacks
):
    # given
    finish(process)
    storage = lay_out_run(
        process.id, log="hello\n", checkpoints=["Db"], debug={("Db", ""): [{"name": "ada"}]}
    )
    other = finish(services.process_start_flow(flow=process.flow, user=process.owner))
    kept = lay_out_run(other.id, log="other\n")

    # when
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = api_client.delete(f"/api/processes/{process.id}/")

    # then: the files go only after the commit
    assert response.status_code == 204
    assert storage.root.is_dir()
    for callback in callbacks:
        callback()
    assert not storage.root.exists()
    assert kept.log_path.read_text() == "other\n"


def test_deleting_a_run_without_files_is_fine(api_client, process, django_capture_on_commit_callbacks):
    # given
    finish(process)

    # when
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.delete(f"/api/processes/{process.id}/")

    # then
    assert response.status_code == 204
    assert not Process.objects.filter(pk=process.id).exists()


def test_a_failure_to_remove_the_files_is_logged_not_raised(
    api_client, process, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    # given
    finish(process)
    lay_out_run(process.id, log="x")

    def refuse(self, data_dir=None):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(piflow.RunStorage, "delete", refuse)

    # when
    with caplog.at_level(logging.WARNING, logger="flows.services"):
        with django_capture_on_commit_callbacks(execute=True):
            response = api_client.delete(f"/api/processes/{process.id}/")

    # then
    assert response.status_code == 204
    assert f"could not delete the files of run {process.id}" in caplog.text


def test_a_run_that_an_unfinished_run_resumes_from_keeps_its_checkpoints(
    api_client, process, django_capture_on_commit_callbacks
):
    # given
    finish(process, ProcessState.FAILED)
    storage = lay_out_run(process.id, checkpoints=["Db"])
    child = services.process_resume(process=process, user=process.owner)

    # when
    with django_capture_on_commit_callbacks(execute=True):
        refused = api_client.delete(f"/api/processes/{process.id}/")
        finish(child, ProcessState.KILLED)
        allowed = api_client.delete(f"/api/processes/{process.id}/")

    # then
    assert refused.status_code == 409
    assert child.id in refused.json()["error"] and refused.json()["children"] == [child.id]
    assert allowed.status_code == 204
    assert not storage.root.exists()
    child.refresh_from_db()
    assert child.resumed_from is None
