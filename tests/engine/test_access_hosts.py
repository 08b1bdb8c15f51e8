"""Where a flow may connect: JDBC URLs' dangerous parameters (refused for everyone), their hosts
(allowed hosts for ordinary users, the server's own services for no one), embedded databases.

No Spark: the checks are what validation and the runner's re-check call (``access_refusals``).
"""

from __future__ import annotations

import socket

import pytest

from piflow import AccessDenied, AccessPolicy, FlowSpec, validate_flow
from piflow.access_checks import access_refusals
from piflow.jdbc_url import check_driver_options, check_jdbc_url, jdbc_hosts
from piflow.stops.jdbc.jdbc_read import JdbcRead

#: The application's own database and broker, as ``access.selectors`` lists them.
SERVICES = ("127.0.0.1:5432", "127.0.0.1:6379")


def user_policy(*allowed: str) -> AccessPolicy:
    return AccessPolicy(allowed_hosts=allowed, denied_hosts=SERVICES, user="ada")


ADMIN = AccessPolicy.admin("root")


def refusal(url: str, policy: AccessPolicy) -> str | None:
    try:
        check_jdbc_url(url, policy)
    except AccessDenied as exc:
        return str(exc)
    return None


# -- parameters no one may use -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        (
            "jdbc:postgresql://db.example.org/x?socketFactory=org.springframework.X&socketFactoryArg=u",
            "socketfactory",
        ),
        ("jdbc:postgresql://db.example.org/x?sslfactory=a.B", "sslfactory"),
        ("jdbc:postgresql://db.example.org/x?loggerFile=/tmp/x.jsp&loggerLevel=DEBUG", "loggerfile"),
        (
            "jdbc:postgresql://db.example.org/x?authenticationPluginClassName=a.B",
            "authenticationpluginclassname",
        ),
        ("jdbc:mysql://db.example.org/x?allowLoadLocalInfile=true", "allowloadlocalinfile"),
        ("jdbc:mysql://db.example.org/x?autoDeserialize=true", "autodeserialize"),
        (
            "jdbc:mysql://db.example.org/x?queryInterceptors=com.mysql.cj.jdbc.interceptors.X",
            "queryinterceptors",
        ),
        ("jdbc:mariadb://db.example.org/x?allowLocalInfile=true", "allowlocalinfile"),
        ("jdbc:sqlserver://db.example.org;trustManagerClass=a.B", "trustmanagerclass"),
        ("jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://evil/x.sql'", "init"),
        # hidden: letter case, ;segments, spaces, URL-encoding (twice), host specs, Java's case folding
        ("jdbc:mysql://db.example.org/x?AUTODESERIALIZE=TRUE", "autodeserialize"),
        ("jdbc:mysql://db.example.org/x;autoDeserialize=true", "autodeserialize"),
        ("jdbc:mysql://db.example.org/x?user=u& autoDeserialize =true", "autodeserialize"),
        ("jdbc:mysql://db.example.org/x?%61utoDeserialize=true", "autodeserialize"),
        ("jdbc:mysql://db.example.org/x?%2561utoDeserialize=true", "autodeserialize"),
        ("jdbc:mysql://(host=db.example.org,port=3306,allowLoadLocalInfile=true)/x", "allowloadlocalinfile"),
        ("jdbc:mysql://address=(host=db.example.org)(autoDeserialize=true)/x", "autodeserialize"),
        ("jdbc:postgresql://db.example.org/x?\u017focketFactory=a.B", "socketfactory"),  # ſ is s to Java
        ("jdbc:h2:mem:x;\u0131nit=x", "init"),  # dotless ı is i to Java
        ("jdbc:postgresql://db.example.org/x?anyOtherSocketFactory=a.B", "anyothersocketfactory"),
    ],
)
def test_a_dangerous_parameter_is_refused_for_everyone_naming_it(url, parameter):
    # given: an ordinary user allowed the host, and an admin

    # when
    as_user, as_admin = refusal(url, user_policy("db.example.org")), refusal(url, ADMIN)

    # then
    assert as_user == as_admin
    assert as_admin is not None and f"JDBC parameter {parameter!r} is not allowed for anyone" in as_admin


def test_a_dangerous_option_handed_to_the_driver_beside_the_url_is_refused_too():
    # given: options as a JDBC stop passes them to Spark (all but Spark's own reach the driver)
    url = "jdbc:mysql://db.example.org:3306/x"
    options = {"url": url, "user": "u", "password": "p", "query": "SELECT 1", "autoDeserialize": "true"}

    # when
    with pytest.raises(AccessDenied, match="'autodeserialize' is not allowed for anyone"):
        check_driver_options(options, ADMIN)

    # then: without it, fine
    check_driver_options({k: v for k, v in options.items() if k != "autoDeserialize"}, ADMIN)


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("jdbc:postgresql://db.example.org/x?sslkey=/etc/ssl/private/server.key", "sslkey"),
        ("jdbc:postgresql://db.example.org/x?service=mine", "service"),
        ("jdbc:mysql://db.example.org/x?localSocket=/run/mysqld/mysqld.sock", "localsocket"),
        ("jdbc:mariadb://db.example.org/x?credentialType=ENV", "credentialtype"),
        (
            "jdbc:mysql://db.example.org/x?trustCertificateKeyStoreUrl=file:/etc/passwd",
            "trustcertificatekeystoreurl",
        ),
    ],
)
def test_a_parameter_reaching_the_servers_files_is_for_admins_only(url, parameter):
    # when
    as_user, as_admin = refusal(url, user_policy("db.example.org")), refusal(url, ADMIN)

    # then
    assert as_admin is None
    assert as_user is not None and f"JDBC parameter {parameter!r}" in as_user and "only an admin" in as_user


def test_a_harmless_parameter_and_a_value_that_only_looks_dangerous_pass():
    # given
    url = "jdbc:postgresql://db.example.org:5432/x?sslmode=require&ApplicationName=init_loader&user=u"

    # when / then
    assert refusal(url, user_policy("db.example.org")) is None


# -- embedded databases, unknown hosts ------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["jdbc:h2:mem:x", "jdbc:h2:tcp://db.example.org/~/x", "jdbc:sqlite:/tmp/x.db"]
)
def test_an_embedded_database_is_for_admins_only(url):
    # when
    as_user, as_admin = refusal(url, user_policy("db.example.org")), refusal(url, ADMIN)

    # then
    assert as_admin is None
    assert as_user is not None and "only an admin may" in as_user


@pytest.mark.parametrize(
    "url",
    ["jdbc:postgresql:x", "jdbc:mysql+srv://db.example.org/x", "jdbc:oracle:thin:@ldap://db.example.org/x"],
)
def test_a_url_whose_hosts_cannot_be_told_is_for_admins_only(url):
    # when
    as_user, as_admin = refusal(url, user_policy("db.example.org")), refusal(url, ADMIN)

    # then
    assert as_admin is None
    assert as_user is not None and "cannot be told" in as_user


# -- which hosts a URL reaches ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "hosts"),
    [
        ("jdbc:postgresql://db.example.org/x", [("db.example.org", 5432)]),
        ("jdbc:postgresql://a:5433,b/x", [("a", 5433), ("b", 5432)]),
        ("jdbc:postgresql://a/x?PGHOST=b&PGPORT=1", [("a", 5432), ("b", 1)]),
        ("jdbc:mysql://u:p@a:3307,u:p@b/x", [("a", 3307), ("b", 3306)]),
        ("jdbc:mysql://u:p,q@a,b/x", [("a", 3306), ("b", 3306)]),
        ("jdbc:mysql:loadbalance://a,b/x", [("a", 3306), ("b", 3306)]),
        ("jdbc:mysql://[a:1,b:2]/x", [("a", 1), ("b", 2)]),
        ("jdbc:mysql://address=(host=a)(port=1),address=(host=b)/x", [("a", 1), ("b", 3306)]),
        ("jdbc:mysql://(host=a,port=1,user=u)/x", [("a", 1)]),
        ("jdbc:mysql://a/x?socksProxyHost=b", [("a", 3306), ("b", None)]),
        ("jdbc:mariadb://[::1]:3306/x", [("::1", 3306)]),
        ("jdbc:sqlserver://a\\inst:1434;databaseName=x", [("a", 1434)]),
        ("jdbc:sqlserver://;serverName=a;portNumber=1", [("a", 1)]),
        ("jdbc:sqlserver://a;failoverPartner=b", [("a", 1433), ("b", 1433)]),
        ("jdbc:jtds:sqlserver://a/x", [("a", 1433)]),
        ("jdbc:oracle:thin:@a:1522:sid", [("a", 1522)]),
        ("jdbc:oracle:thin:scott/ti@ger@//a/svc", [("a", 1521)]),
        ("jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=a)(PORT=1)))", [("a", 1)]),
        ("jdbc:postgresql:///x", [("localhost", 5432)]),
    ],
)
def test_every_host_a_url_reaches_is_found(url, hosts):
    assert jdbc_hosts(url) == hosts


def test_a_second_host_hidden_behind_a_user_of_its_own_is_checked():
    # given: MySQL's per-host users; only the last host is an allowed one
    url = "jdbc:mysql://u:p@10.9.9.9:3306,u:p@db.example.org:3306/x"

    # when
    refused = refusal(url, user_policy("db.example.org"))

    # then
    assert refused == "10.9.9.9:3306 is not among the hosts your flows may connect to"


def test_a_port_that_is_not_a_number_is_refused_clearly():
    assert refusal("jdbc:postgresql://db.example.org:54x/x", user_policy("db.example.org")) == (
        "the JDBC URL names a port that is not a number"
    )


@pytest.mark.parametrize(
    "url",
    [
        "jdbc:mysql://u:p,9c1@a,u:p2@b/x",  # several users: a comma in a password splits a host spec
        "jdbc:mysql://u:9c1@other.example.org/x",
    ],
)
def test_a_refusal_never_shows_a_password_of_the_url(url):
    # when
    refused = refusal(url, user_policy("db.example.org"))

    # then
    assert refused is not None and "9c1" not in refused


def test_a_password_holding_a_comma_is_not_taken_for_a_host():
    assert refusal("jdbc:mysql://u:pa,ss-9c1@db.example.org/x", user_policy("db.example.org")) is None


# -- hosts an ordinary user may reach --------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "host", "port", "allowed"),
    [
        ("db.example.org", "db.example.org", 5432, True),
        ("db.example.org", "DB.Example.Org.", 5432, True),
        ("db.example.org", "other.example.org", 5432, False),
        ("db.example.org:5432", "db.example.org", 5432, True),
        ("db.example.org:5432", "db.example.org", 5433, False),
        ("db.example.org:5432", "db.example.org", None, False),
        ("*.example.org", "a.b.example.org", 5432, True),
        ("*.example.org", "example.org", 5432, False),
        ("*.example.org", "evilexample.org", 5432, False),
        ("10.0.0.0/8", "10.1.2.3", 5432, True),
        ("10.0.0.0/8", "11.1.2.3", 5432, False),
        ("10.0.0.0/8", "ten.example.org", 5432, False),
        ("[fd00::1]:5432", "fd00:0::1", 5432, True),
        ("fd00::1", "fd00::1", 1, True),
    ],
)
def test_allowed_host_patterns(pattern, host, port, allowed):
    # given
    policy = AccessPolicy(allowed_hosts=(pattern,))

    # when
    try:
        policy.check_host(host, port)
        reached = True
    except AccessDenied:
        reached = False

    # then
    assert reached is allowed


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "169.254.169.254", "0.0.0.0"])
def test_loopback_and_link_local_are_refused_unless_allowed(host):
    # when
    with pytest.raises(AccessDenied, match="loopback or link-local"):
        user_policy("db.example.org").check_host(host, 3306)

    # then: an admin's grant of that very address opens it
    user_policy(host).check_host(host, 3306)


def test_a_name_matched_by_a_wildcard_that_resolves_to_loopback_is_refused():
    # given: "127.1" is a name to a pattern (not a dotted quad) that every resolver reads as 127.0.0.1
    policy = user_policy("*.1")

    # when / then
    with pytest.raises(
        AccessDenied, match=r"127\.1:3306 resolves to the loopback or link-local address 127\.0\.0\.1"
    ):
        policy.check_host("127.1", 3306)
    user_policy("*.1", "127.0.0.1").check_host("127.1", 3306)  # the address itself granted: fine


def this_machines_names_and_addresses() -> list[str]:
    """What reaches this machine besides 127.0.0.1: its name and every address of its interfaces."""
    found = ["localhost", "127.1", "127.0.0.2", "::ffff:127.0.0.1", "0.0.0.0", socket.gethostname()]
    for info in socket.getaddrinfo(socket.gethostname(), None):
        found.append(str(info[4][0]))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent; the kernel picks the outgoing address
            found.append(probe.getsockname()[0])
        except OSError:
            pass
    return list(dict.fromkeys(found))


@pytest.mark.parametrize("host", this_machines_names_and_addresses())
def test_the_servers_own_database_is_refused_by_any_name_even_when_granted(host):
    # given: the user was granted that host and every loopback address
    policy = user_policy(host, "127.0.0.0/8", "::1", "0.0.0.0", "localhost")

    # when
    with pytest.raises(AccessDenied) as refused:
        policy.check_host(host, 5432)

    # then
    assert "this server's own database or broker" in str(refused.value)
    assert "whatever hosts an admin granted" in str(refused.value)
    policy.check_host(host, 3306)  # another port of that machine is what was granted


def test_a_url_naming_no_port_may_mean_the_services_port():
    # given: a user granted loopback; the default port of postgresql is the service's
    policy = user_policy("127.0.0.1")

    # when / then
    assert "own database" in (refusal("jdbc:postgresql://127.0.0.1/x", policy) or "")
    assert refusal("jdbc:mysql://127.0.0.1/x", policy) is None
    with pytest.raises(AccessDenied, match="own database"):
        policy.check_host("127.0.0.1", None)


def test_an_admin_may_use_loopback_and_any_host():
    # when / then: nothing raised
    check_jdbc_url("jdbc:postgresql://127.0.0.1:5432/test", ADMIN)
    check_jdbc_url("jdbc:mysql://localhost:3306/test?permitMysqlScheme", ADMIN)
    check_jdbc_url("jdbc:postgresql://anything.example.org/x", ADMIN)


def test_a_percent_encoded_host_is_checked_decoded_too():
    with pytest.raises(AccessDenied, match="own database"):
        user_policy("*.1", "%31%32%37.0.0.1").check_host("%31%32%37.0.0.1", 5432)


# -- the driver class ------------------------------------------------------------------------------


def test_an_ordinary_user_may_name_only_a_known_driver_of_the_urls_scheme():
    # given
    options = {"url": "jdbc:postgresql://db.example.org/x", "driver": "org.h2.Driver"}
    policy = user_policy("db.example.org")

    # when / then
    with pytest.raises(AccessDenied, match=r"driver class 'org.h2.Driver' is not a driver of this URL"):
        check_driver_options(options, policy)
    check_driver_options({**options, "driver": "org.postgresql.Driver"}, policy)
    check_driver_options(options, ADMIN)


# -- validation and the runner's re-check name the stop and property ---------------------------------


def jdbc_read_flow(url: str) -> FlowSpec:
    return FlowSpec.from_dict(
        {
            "flow": {
                "name": "f",
                "stops": [
                    {
                        "name": "Read",
                        "bundle": "piflow.stops.jdbc.JdbcRead",
                        "properties": {"url": url, "user": "u", "sql": "SELECT 1"},
                    }
                ],
            }
        }
    )


def test_validation_names_the_stop_and_the_url_property():
    # given
    spec = jdbc_read_flow("jdbc:postgresql://127.0.0.1:5432/test")

    # when
    problems = validate_flow(spec, policy=user_policy("127.0.0.1"))

    # then
    assert [(p.stop, p.property) for p in problems] == [("Read", "url")]
    assert "127.0.0.1:5432 is this server's own database or broker" in problems[0].message
    assert validate_flow(spec, policy=ADMIN) == []


def test_the_runners_recheck_sees_the_same_refusal():
    # given: what the runner re-checks right before the stop connects
    values, _ = JdbcRead.parse_properties(
        {"url": "jdbc:mysql://db.example.org/x?autoDeserialize=true", "sql": "SELECT 1"}
    )

    # when
    refusals = list(access_refusals(JdbcRead, values, ADMIN))

    # then
    assert refusals == [
        (
            "url",
            "the JDBC parameter 'autodeserialize' is not allowed for anyone (it can load code, or read or write files)",
        )
    ]


def test_every_jdbc_stops_url_is_checked():
    from piflow.registry import default_registry

    # given
    jdbc_stops = [cls for cls in default_registry().stops() if cls.bundle.startswith("piflow.stops.jdbc.")]

    # then
    assert len(jdbc_stops) == 6
    for cls in jdbc_stops:
        assert {p.name: p.access for p in cls.properties()}["url"] == "jdbc_url", cls.bundle
