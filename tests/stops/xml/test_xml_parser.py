from piflow.stops.xml.xml_parser import XmlParser
from piflow.testing import perform_stop

DBLP = """<?xml version="1.0"?>
<dblp>
  <phdthesis key="t1"><title>Flows</title><author>Zhu</author><pages>120</pages></phdthesis>
  <article key="a1"><title>Not a thesis</title></article>
  <phdthesis key="t2"><title>Stops</title><author>Li</author><pages></pages></phdthesis>
</dblp>
"""


def test_xml_parser_reads_one_row_per_row_tag(spark, tmp_path):
    # given
    path = tmp_path / "dblp.xml"
    path.write_text(DBLP)

    # when
    out = perform_stop(spark, XmlParser, {"xmlpath": str(path), "rowTag": "phdthesis"}, run_dir=tmp_path)

    # then
    rows = sorted(out[""].collect(), key=lambda r: r._key)
    assert [(r._key, r.title, r.author, r.pages) for r in rows] == [
        ("t1", "Flows", "Zhu", 120),
        ("t2", "Stops", "Li", None),
    ]


def test_xml_parser_resolves_piflow_name(spark, tmp_path):
    # given
    path = tmp_path / "dblp.xml"
    path.write_text(DBLP)

    # when
    out = perform_stop(
        spark,
        "cn.PiFlow .bundle.xml.XmlParser",
        {"xmlpath": str(path), "rowTag": "article"},
        run_dir=tmp_path,
    )

    # then
    assert [r.title for r in out[""].collect()] == ["Not a thesis"]
