"""Where a non-admin's flows may read and write: ``AccessPolicy.check_path`` on real files.

The layout of every test (``places``): a data dir holding the server's own files (secret key,
runs) and the users' workspaces, Ada's workspace in it, a folder an admin granted her, and files
outside all of that. Symlinks and ``..`` climbs are made on disk, as a user (or an attacker with
a shell account) would leave them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from piflow import AccessDenied, AccessPolicy, FlowSpec, validate_flow
from piflow.access import PATH
from piflow.access_checks import access_refusals
from piflow.registry import default_registry
from piflow.spec import StopSpec


@dataclass
class Places:
    data: Path
    workspace: Path
    others_workspace: Path
    granted: Path
    outside: Path

    def policy(self, *extra_roots: str, uri_prefixes: tuple[str, ...] = ()) -> AccessPolicy:
        return AccessPolicy(
            file_roots=(str(self.workspace), str(self.granted), *extra_roots),
            uri_prefixes=uri_prefixes,
            protected=(str(self.data),),
            user="ada",
        )


@pytest.fixture
def places(tmp_path: Path) -> Places:
    data = tmp_path / "data"
    (data / "runs" / "run_bob").mkdir(parents=True)
    (data / "runs" / "run_bob" / "run.log").write_text("bob's secrets\n")
    (data / "secret_key").write_text("s3cret\n")
    workspace = data / "files" / "1"
    (workspace / "sub").mkdir(parents=True)
    (workspace / "in.csv").write_text("a,b\n")
    (workspace / "sub" / "more.csv").write_text("c,d\n")
    others = data / "files" / "2"
    others.mkdir()
    (others / "bob.csv").write_text("bob,only\n")
    granted = tmp_path / "shared"
    granted.mkdir()
    (granted / "table.csv").write_text("x,y\n")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.csv").write_text("not,yours\n")
    return Places(data, workspace, others, granted, outside)


def refusal(policy: AccessPolicy, value: str) -> str:
    """The message ``policy`` refuses ``value`` with (the test fails when it is allowed)."""
    with pytest.raises(AccessDenied) as refused:
        policy.check_path(value)
    message = str(refused.value)
    assert repr(value.strip()) in message, "the message names the refused value"
    return message


# -- what is allowed ---------------------------------------------------------------------------------


def test_files_folders_and_new_outputs_in_the_workspace_and_granted_folders_are_allowed(places):
    policy = places.policy()
    ws = places.workspace
    for value in (
        f"{ws}/in.csv",
        f"{ws}/sub",
        str(ws),
        f"{ws}/",
        f"{ws}/out/not-yet-written.csv",
        f"{ws}/sub/../in.csv",  # a ".." that stays inside
        f"{ws}/./sub/./more.csv",
        f"  {ws}/in.csv  ",
        f"{places.granted}/table.csv",
        "",
        "   ",
    ):
        policy.check_path(value)


def test_file_uris_are_read_as_the_paths_they_name(places):
    policy = places.policy()
    for value in (f"file://{places.workspace}/in.csv", f"file:{places.workspace}/in.csv"):
        policy.check_path(value)
    policy.check_path(f"FILE://localhost{places.workspace}/in.csv")
    assert "another host" in refusal(policy, f"file://fileserver{places.workspace}/in.csv")
    assert "not under a folder you may use" in refusal(policy, "file:///etc/passwd")
    assert "not under a folder you may use" in refusal(policy, "file://localhost/etc/passwd")


def test_globs_inside_the_workspace_are_allowed(places):
    policy = places.policy()
    for value in (
        f"{places.workspace}/*.csv",
        f"{places.workspace}/s?b/*.csv",
        f"{places.workspace}/[is]*",
        f"{places.workspace}/{{in,sub/more}}.csv",
        f"{places.workspace}/{{sub,other}}/{{a,b{{c,d}}}}*.csv",
    ):
        policy.check_path(value)


def test_an_admin_is_not_restricted(places):
    admin = AccessPolicy.admin(user="root")
    for value in ("/etc/passwd", f"{places.data}/secret_key", "hdfs://nn:8020/anything", "relative.csv"):
        admin.check_path(value)


# -- what is refused ---------------------------------------------------------------------------------


def test_a_path_outside_every_allowed_folder_is_refused_naming_the_folders(places):
    policy = places.policy()
    message = refusal(policy, "/etc/passwd")
    assert "not under a folder you may use" in message
    assert str(places.workspace) in message
    refusal(policy, f"{places.outside}/secret.csv")
    refusal(policy, "/")


def test_a_relative_or_home_path_is_refused(places):
    policy = places.policy()
    for value in ("in.csv", "sub/more.csv", "~/in.csv", "./in.csv", "file:in.csv"):
        assert "not an absolute path" in refusal(policy, value)


def test_dot_dot_climbs_are_resolved_before_the_check(places):
    policy = places.policy()
    ws = places.workspace
    refusal(policy, f"{ws}/../../secret_key")
    refusal(policy, f"{ws}/sub/../../2/bob.csv")
    refusal(policy, f"{ws}/../../../outside/secret.csv")
    refusal(policy, f"{ws}/" + "../" * 20 + "etc/passwd")
    refusal(policy, f"file://{ws}/../../secret_key")


def test_a_climb_hidden_behind_hash_or_question_mark_is_refused(places):
    """Spark takes everything after the folder as the path: ``a.csv#/../..`` climbs."""
    policy = places.policy()
    for value in (
        f"{places.workspace}/in.csv#/../../../../outside/secret.csv",
        f"{places.workspace}/in.csv?/../../../../outside/secret.csv",
        f"file://{places.workspace}/in.csv#/../../../../outside/secret.csv",
    ):
        refusal(policy, value)


def test_the_data_dirs_own_files_are_refused_even_under_a_grant_around_them(places):
    policy = places.policy("/", str(places.data.parent))
    for value in (
        f"{places.data}/secret_key",
        f"{places.data}/runs/run_bob/run.log",
        f"{places.data}/runs",
        f"{places.others_workspace}/bob.csv",
    ):
        assert "inside the server's own files" in refusal(policy, value)
    # ... while the user's own workspace, inside the data dir, stays theirs
    policy.check_path(f"{places.workspace}/in.csv")


def test_a_folder_holding_the_data_dir_is_refused(places):
    """Reading it would read the server's files; overwriting it would delete them."""
    policy = places.policy("/", str(places.data.parent))
    assert "holds the server's own files" in refusal(policy, str(places.data.parent))
    assert "holds the server's own files" in refusal(policy, "/")
    refusal(policy, f"{places.data.parent}/*")
    policy.check_path(f"{places.outside}/secret.csv")  # granted, and beside the data dir: fine


def test_a_symlink_in_the_workspace_to_etc_passwd_is_refused_saying_where_it_leads(places):
    (places.workspace / "innocent.csv").symlink_to("/etc/passwd")
    message = refusal(places.policy(), f"{places.workspace}/innocent.csv")
    assert "it leads to /etc/passwd" in message


def test_a_symlink_in_the_workspace_to_the_data_dir_is_refused(places):
    (places.workspace / "key").symlink_to(places.data / "secret_key")
    (places.workspace / "runs").symlink_to(places.data / "runs", target_is_directory=True)
    (places.workspace / "bob").symlink_to(places.others_workspace, target_is_directory=True)
    policy = places.policy()
    assert "inside the server's own files" in refusal(policy, f"{places.workspace}/key")
    refusal(policy, f"{places.workspace}/runs/run_bob/run.log")
    refusal(policy, f"{places.workspace}/runs")
    refusal(policy, f"{places.workspace}/bob/bob.csv")


def test_a_symlinked_folder_to_etc_is_refused_for_reading_and_writing(places):
    (places.workspace / "etc").symlink_to("/etc", target_is_directory=True)
    policy = places.policy()
    refusal(policy, f"{places.workspace}/etc/passwd")
    refusal(policy, f"{places.workspace}/etc/new-output")


def test_a_folder_with_a_symlink_leading_out_somewhere_below_is_refused(places):
    """Spark reads a folder recursively, following links: a link deep inside counts."""
    deep = places.workspace / "sub" / "deeper"
    deep.mkdir()
    (deep / "escape").symlink_to("/etc", target_is_directory=True)
    policy = places.policy()
    message = refusal(policy, f"{places.workspace}/sub")
    assert f"{deep}/escape" in message and "/etc" in message
    refusal(policy, str(places.workspace))
    refusal(policy, f"{places.workspace}/*")
    policy.check_path(f"{places.workspace}/sub/more.csv")  # a file beside it is still fine


def test_a_link_into_another_allowed_folder_is_followed_and_checked_there(places):
    (places.granted / "onward").symlink_to(places.outside, target_is_directory=True)
    (places.workspace / "shared").symlink_to(places.granted, target_is_directory=True)
    refusal(places.policy(), str(places.workspace))
    (places.granted / "onward").unlink()
    places.policy().check_path(str(places.workspace))  # a link between allowed folders is fine


def test_a_symlink_loop_does_not_hang_the_check(places):
    (places.workspace / "loop").symlink_to(places.workspace, target_is_directory=True)
    places.policy().check_path(str(places.workspace))


def test_a_glob_may_not_climb_with_dot_dot_in_any_spelling(places):
    policy = places.policy()
    ws = places.workspace
    for value in (
        f"{ws}/*/../../../outside/secret.csv",
        f"{ws}/s*/../../secret_key",
        f"{ws}/sub/\\.\\./\\.\\./secret_key",  # Hadoop unescapes "\." and then climbs
        f"{ws}/{{sub,x/../../..}}/secret_key",
        f"{ws}/{{.,x/}}./secret_key",  # the braces spell out "ws/../secret_key"
        f"{ws}/*/%2e%2e/%2e%2e/secret_key",
    ):
        assert "'..'" in refusal(policy, value)


def test_a_glob_that_matches_through_a_symlink_leading_out_is_refused(places):
    (places.workspace / "link").symlink_to("/etc", target_is_directory=True)
    policy = places.policy()
    assert "/etc" in refusal(policy, f"{places.workspace}/*/passwd")
    assert "/etc" in refusal(policy, f"{places.workspace}/{{link,sub}}/passwd")


def test_a_glob_outside_the_workspace_is_refused(places):
    policy = places.policy()
    refusal(policy, "/etc/*")
    refusal(policy, f"{places.data}/runs/*/run.log")
    refusal(policy, f"{places.data}/files/*/bob.csv")
    refusal(policy, f"{{{places.workspace}/in.csv,/etc/passwd}}")
    refusal(policy, "/{etc,tmp}/passwd")


def test_a_glob_spelling_out_too_many_paths_is_refused(places):
    value = f"{places.workspace}/" + "{a,b}" * 10 + ".csv"
    assert "more than 256 paths" in refusal(places.policy(), value)


def test_odd_values_are_refused_with_a_reason_not_an_error(places):
    policy = places.policy()
    assert "NUL" in refusal(policy, f"{places.workspace}/in.csv\x00/etc/passwd")
    assert "'//'" in refusal(policy, f"//fileserver{places.workspace}/in.csv")


# -- other schemes: only under a granted prefix ------------------------------------------------------


def test_uris_of_other_schemes_need_a_granted_prefix(places):
    policy = places.policy(uri_prefixes=("hdfs://nn:8020/data/", "s3a://bucket/team"))
    for value in (
        "hdfs://nn:8020/data/in.csv",
        "hdfs://nn:8020/data/",
        "HDFS://NN:8020/data/in.csv",
        "hdfs://nn:8020/data/2024/*.csv",
        "hdfs://nn:8020/data/{a,b}.csv",
        "s3a://bucket/team/x.parquet",
        "s3a://bucket/team",
        "hdfs://nn:8020/data",  # the granted folder itself
    ):
        policy.check_path(value)
    for value in (
        "hdfs://nn:8020/database/in.csv",  # a prefix ends at a folder boundary
        "hdfs://other:8020/data/in.csv",
        "hdfs://nn:9000/data/in.csv",
        "hdfs:/data/in.csv",
        "s3a://bucket/team-b/x",
        "s3a://bucket/{team,secret}/x",
        "webhdfs://nn:8020/data/in.csv",
        "http://example.org/data.csv",
    ):
        assert "not under a location you may use" in refusal(policy, value)
    for value in (
        "hdfs://nn:8020/data/../secret/x",
        "hdfs://nn:8020/data/in.csv#/../../secret",
        "hdfs://nn:8020/data/%2e%2e/secret",
        "hdfs://nn:8020/data/{a,../../secret}",
    ):
        assert "'..'" in refusal(policy, value)


def test_without_a_granted_prefix_no_uri_is_allowed(places):
    message = refusal(places.policy(), "hdfs://nn:8020/data/in.csv")
    assert "(none)" in message


# -- every built-in stop that names a file is checked --------------------------------------------------


PATH_PROPERTIES = {
    "piflow.stops.csv.CsvParser": "csvPath",
    "piflow.stops.csv.CsvSave": "csvSavePath",
    "piflow.stops.json.JsonParser": "jsonPath",
    "piflow.stops.json.JsonSave": "jsonSavePath",
    "piflow.stops.xml.XmlParser": "xmlpath",
    "piflow.stops.xml.XmlSave": "xmlSavePath",
    "piflow.stops.orc.OrcRead": "path",
    "piflow.stops.orc.OrcWrite": "path",
    "piflow.stops.parquet.ParquetRead": "path",
    "piflow.stops.parquet.ParquetWrite": "path",
    "piflow.stops.hive.PutHiveQL": "hiveQL_Path",
}


def test_every_built_in_property_naming_a_file_is_typed_as_a_path():
    registry = default_registry()
    typed = {
        cls.bundle: prop.name
        for cls in registry.stops()
        if cls.__module__.startswith("piflow.stops.")
        for prop in cls.properties()
        if prop.access == PATH
    }
    assert typed == PATH_PROPERTIES


@pytest.mark.parametrize("bundle", sorted(PATH_PROPERTIES))
def test_each_file_stop_refuses_a_path_outside_naming_the_property(places, bundle):
    cls = default_registry().get(bundle)
    prop = PATH_PROPERTIES[bundle]
    refused = list(access_refusals(cls, {prop: "/etc/passwd"}, places.policy()))
    assert [name for name, _ in refused] == [prop]
    assert list(access_refusals(cls, {prop: f"{places.workspace}/in"}, places.policy())) == []


def test_validation_names_the_stop_and_the_property(places):
    (places.workspace / "passwd").symlink_to("/etc/passwd")
    spec = FlowSpec(
        name="reads",
        stops=(
            StopSpec(
                name="Read",
                bundle="piflow.stops.csv.CsvParser",
                properties={"csvPath": f"{places.workspace}/passwd"},
            ),
        ),
    )
    problems = validate_flow(spec, policy=places.policy())
    assert [(p.stop, p.property) for p in problems] == [("Read", "csvPath")]
    assert "/etc/passwd" in problems[0].message
    assert validate_flow(spec, policy=AccessPolicy.admin()) == []
