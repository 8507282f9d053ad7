"""LEADSPACE_REDIS_URL: where it may point, what it may not turn off, and its password."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from leadspace_cli.app.settings import redis_settings
from leadspace_cli.errors import ExitCode, SettingsError
from leadspace_cli.sandbox import Sandbox
from tests.conftest import RedisServer, invoke, make_leads


@pytest.mark.parametrize(
    "url",
    [
        "redis://127.0.0.1:6379/0",
        "redis://localhost/1",
        "redis://[::1]:6379",
        "rediss://cache.internal:6380/0",
        "unix:///run/redis.sock",
    ],
)
def test_accepted_urls(url: str) -> None:
    settings = redis_settings({"LEADSPACE_REDIS_URL": url})
    assert settings is not None
    assert settings.url == url
    assert settings.ttl == 30 * 86400


def test_unset_is_none() -> None:
    assert redis_settings({}) is None
    assert redis_settings({"LEADSPACE_REDIS_URL": "  "}) is None


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("redis://:pw-123@cache.internal:6379/0", "use rediss://"),
        ("redis://10.0.0.5:6379", "unencrypted"),
        ("http://127.0.0.1:6379", "use rediss://"),
        ("rediss://:pw-123@cache.internal:6380/0?ssl_cert_reqs=none", "verification off"),
        ("rediss://cache.internal:6380/0?ssl_check_hostname=false", "verification off"),
        ("redis://127.0.0.1:port", "not a URL"),
    ],
)
def test_refused_urls_say_why_without_the_password(url: str, says: str) -> None:
    with pytest.raises(SettingsError) as info:
        redis_settings({"LEADSPACE_REDIS_URL": url})
    assert says in str(info.value)
    assert "pw-123" not in str(info.value)


def test_ttl_and_optional() -> None:
    env = {
        "LEADSPACE_REDIS_URL": "redis://127.0.0.1/0",
        "LEADSPACE_REDIS_TTL": "7d",
        "LEADSPACE_REDIS_OPTIONAL": "1",
    }
    settings = redis_settings(env)
    assert settings is not None
    assert settings.ttl == 7 * 86400
    assert settings.optional
    with pytest.raises(SettingsError, match="LEADSPACE_REDIS_TTL"):
        redis_settings({**env, "LEADSPACE_REDIS_TTL": "0"})
    with pytest.raises(SettingsError, match="LEADSPACE_REDIS_TTL"):
        redis_settings({**env, "LEADSPACE_REDIS_TTL": "soon"})


def test_the_url_without_redis_py_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "redis" else real(name, *a)
    )
    with pytest.raises(SettingsError, match=r"pip install 'leadspace-cli\[redis\]'"):
        redis_settings({"LEADSPACE_REDIS_URL": "redis://127.0.0.1/0"})


def test_the_ca_comes_from_the_flag_or_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    env = {"LEADSPACE_REDIS_URL": "rediss://cache.internal:6380/0"}
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/company-ca.pem")
    assert redis_settings(env).ca_file == "/etc/ssl/company-ca.pem"  # type: ignore[union-attr]
    assert redis_settings(env, "/tmp/flag-ca.pem").ca_file == "/tmp/flag-ca.pem"  # type: ignore[union-attr]


def test_a_dotenv_alone_cannot_point_the_run_at_a_redis(
    use_sandbox: Sandbox, tmp_path: Path, redis_server: RedisServer
) -> None:
    """A planted .env naming a Redis (which would receive every answer) is refused, as a base URL is."""
    Path(".env").write_text(f"LEADSPACE_REDIS_URL={redis_server.url}\n")
    os.chmod(".env", 0o600)
    path = make_leads(tmp_path / "in.csv", 3)
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == ExitCode.USAGE
    assert "LEADSPACE_REDIS_URL" in result.output
    assert redis_server.client().dbsize() == 0
    assert use_sandbox.stats.calls == 0


def test_unreachable_redis_stops_before_any_call_or_goes_local_when_optional(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    down = RedisServer(tmp_path / "r", password="s3cret-redis-pw")  # never started
    monkeypatch.setenv("LEADSPACE_REDIS_URL", down.url)
    path = make_leads(tmp_path / "in.csv", 3)
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == ExitCode.USAGE
    assert "cannot be reached" in result.output
    assert "LEADSPACE_REDIS_OPTIONAL" in result.output
    assert "s3cret-redis-pw" not in result.output
    assert use_sandbox.stats.calls == 0
    monkeypatch.setenv("LEADSPACE_REDIS_OPTIONAL", "1")
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == ExitCode.OK, result.output
    assert "this machine's files are used alone" in result.output
    assert use_sandbox.stats.calls == 3


def test_sandbox_runs_never_use_redis(
    tmp_path: Path, redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADSPACE_REDIS_URL", redis_server.url)
    path = make_leads(tmp_path / "in.csv", 3)
    result = invoke("enrich", str(path), "-o", "out.csv", "--sandbox")
    assert result.exit_code == ExitCode.OK, result.output
    assert "--sandbox never uses Redis" in result.output
    assert redis_server.client().dbsize() == 0


def test_rediss_verifies_the_servers_certificate(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A TLS Redis: used with its CA (from --ca-bundle or REQUESTS_CA_BUNDLE), refused without it."""
    server = RedisServer(tmp_path / "tls-redis", tls=True).start()
    try:
        monkeypatch.setenv("LEADSPACE_REDIS_URL", server.url)
        path = make_leads(tmp_path / "in.csv", 3)
        refused = invoke("enrich", str(path), "-o", "out.csv")
        assert refused.exit_code == ExitCode.USAGE
        assert "CERTIFICATE_VERIFY_FAILED" in refused.output
        assert use_sandbox.stats.calls == 0
        ok = invoke("enrich", str(path), "-o", "out.csv", "--ca-bundle", str(server.ca_file))
        assert ok.exit_code == ExitCode.OK, ok.output
        assert "Fleet: sharing" in ok.output
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(server.ca_file))
        again = invoke("enrich", str(path), "-o", "out2.csv")
        assert again.exit_code == ExitCode.OK, again.output
        assert use_sandbox.stats.calls == 3  # the second run's answers came from the store
        assert server.client().dbsize() > 0
    finally:
        server.kill()


def test_a_refused_redis_url_is_said_before_the_input_is_read(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADSPACE_REDIS_URL", "redis://10.1.2.3:6379/0")
    bad = tmp_path / "in.csv"
    bad.write_text('Email,Company\n"unclosed,Acme\n')  # would stop the run as unreadable if it were read
    result = invoke("enrich", str(bad), "-o", "out.csv")
    assert result.exit_code == ExitCode.USAGE
    assert "use rediss://" in result.output
    assert "Mapping" not in result.output
