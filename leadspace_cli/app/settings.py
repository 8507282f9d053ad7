"""Every setting resolved in one place: a flag, then the process environment, then a .env, then default.

The settings and their functions: the API's address and credentials, CA bundle and proxy
(:func:`resolve`); the response store's folder (:func:`cache_folder`); the runtime folder where the
runs of one machine share a program's pace (:func:`runtime_folder`); the state folder of the
purchase ledger (:func:`state_folder`) and the time zone of its days (:func:`budget_tz`); the
credit budgets (:func:`credit_caps`); the debug switch (:func:`debug`); durations such as ``--max-age``
(:func:`parse_duration`). A ``.env`` is read by :func:`load_environment` into the same mapping as
the environment, beneath it, under the rules of :func:`read_dotenv` and :func:`check_dotenv`.
Nothing else in the package reads the process environment (the CLI reads it through here too).
"""

from __future__ import annotations

import io
import math
import os
import shlex
import stat
import sys
import unicodedata
import urllib.parse
import warnings
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from dotenv import dotenv_values

from leadspace_cli.api import fields
from leadspace_cli.api.connection import Settings, _proxy_for, check_base_url
from leadspace_cli.errors import SettingsError

ENV_PREFIX = "LEADSPACE_"


class Environment(dict[str, str]):
    """The process environment with a ``.env``'s ``LEADSPACE_*`` values beneath it.

    ``from_dotenv`` names what came from the ``.env`` (and not from the environment), ``dotenv_path``
    is the file read, and ``ignored`` lists the other names it held (proxies, CA bundles: those come
    from the process environment or flags only).
    """

    from_dotenv: frozenset[str] = frozenset()
    dotenv_path: Path | None = None
    ignored: tuple[str, ...] = ()


# Settings that say where the key goes or where answers are kept: a .env that only names them could
# have been planted in a folder the user runs in, to send the environment's key (and every lead) to
# the planter's server, or to read and poison the answers. They count only beside the credentials.
DOTENV_GUARDED = (
    "LEADSPACE_BASE_URL",
    "LEADSPACE_TOKEN_URL",
    "LEADSPACE_CACHE_DIR",
    "LEADSPACE_RUNTIME_DIR",
    "LEADSPACE_STATE_DIR",
    "LEADSPACE_REDIS_URL",
)


_CREDENTIALS = ("LEADSPACE_API_KEY", "LEADSPACE_PROGRAM_ID", "LEADSPACE_SECRET")


def load_environment(
    environ: Mapping[str, str] | None = None, dotenv_path: Path | None = None, *, dotenv: bool = True
) -> Environment:
    """Return the process environment, with a ``.env``'s ``LEADSPACE_*`` values beneath it.

    The ``.env`` is the working folder's unless ``dotenv_path`` names another; it is read only when
    ``dotenv`` is true, into the returned dictionary (``os.environ`` is never changed), and only
    when it is safe: owned by the user (or root), not writable by group or others, in a folder
    others cannot write; otherwise :class:`SettingsError`. Values are taken literally: ``${VAR}``
    is not expanded, so a ``.env`` cannot copy a secret from the environment into another setting.
    """
    merged = Environment()
    read: dict[str, str] = {}
    ignored: list[str] = []
    path = None
    if dotenv:
        path = dotenv_path if dotenv_path is not None else Path.cwd() / ".env"
        values = read_dotenv(path)
        if values is None:
            path = None
        else:
            read = {k: v for k, v in values.items() if k.startswith(ENV_PREFIX)}
            ignored = sorted(k for k in values if not k.startswith(ENV_PREFIX))
    environ = os.environ if environ is None else environ
    merged.update(read)
    merged.update(environ)
    merged.from_dotenv = frozenset(k for k in read if k not in environ)
    merged.dotenv_path = path
    merged.ignored = tuple(ignored)
    return merged


def read_dotenv(path: Path) -> dict[str, str] | None:
    """Return the values of a ``.env`` file (None when there is none), refusing one others could write.

    The file is opened once and checked through its descriptor, so it cannot be swapped between the
    check and the read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        if path.is_dir():
            return None
        raise SettingsError(
            f"Cannot read {path}: {exc.strerror}. Fix its permissions, or remove it."
        ) from None
    with os.fdopen(fd, encoding="utf-8", errors="replace") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None  # a folder or a pipe named .env is not a settings file
        _check_private(path, info, "file")
        _check_folder(path.parent)
        real_parent = Path(os.path.realpath(path)).parent
        if real_parent != path.parent.resolve():
            _check_folder(real_parent)  # a link to a .env kept elsewhere: that folder counts too
        values = dotenv_values(stream=io.StringIO(fh.read(1 << 20)), interpolate=False)
    return {k: v for k, v in values.items() if v is not None}


def _unsafe_owner(info: os.stat_result) -> bool:
    return info.st_uid not in (os.getuid(), 0)


def _check_private(path: Path, info: os.stat_result, what: str) -> None:
    if not hasattr(os, "getuid"):
        return  # Windows: folders are the user's by their ACLs, which this check does not read
    mode = stat.S_IMODE(info.st_mode)
    if _unsafe_owner(info):
        raise SettingsError(
            f"Not reading {path}: the {what} belongs to another user (uid {info.st_uid}), who could "
            "send your key elsewhere through it. Remove it, or copy it into a folder of your own."
        )
    if mode & 0o022:
        raise SettingsError(
            f"Not reading {path}: the {what} is writable by others (mode {mode:04o}), who could send "
            f"your key elsewhere through it. Run: chmod go-w {shlex.quote(str(path))}"
        )


def others_file(path: Path) -> str | None:
    """Say whether a file the user named (a --mapping) belongs to another user or others can write
    it: an attacker in a shared folder could choose what is sent (skeptic 23 F13). None if not."""
    if not hasattr(os, "getuid"):
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    if _unsafe_owner(info):
        return f"{path} belongs to another user (uid {info.st_uid})"
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o002:
        return f"{path} is writable by every user (mode {mode:04o})"
    return None


def _check_folder(folder: Path) -> None:
    try:
        info = os.stat(folder)
    except OSError:
        return
    if not hasattr(os, "getuid"):
        return
    mode = stat.S_IMODE(info.st_mode)
    if _unsafe_owner(info) or mode & 0o022:
        raise SettingsError(
            f"Not reading the .env in {folder}: others can write that folder (owner uid {info.st_uid}, "
            f"mode {mode:04o}), so they could have put the .env there to send your key elsewhere. "
            f"Keep the .env in a folder of your own (chmod go-w {shlex.quote(str(folder))}), or put "
            "the settings in the environment."
        )


def check_dotenv(
    env: Mapping[str, str],
    *,
    given: Collection[str] = (),
    credentials_given: bool = False,
    names: Collection[str] = DOTENV_GUARDED,
) -> None:
    """Refuse an address or folder setting taken from a ``.env`` that did not also give the credentials.

    ``given`` names the settings a flag (or the caller) gives, so the ``.env``'s value is not used;
    ``credentials_given``: the key came from a flag or the caller, not from any ``.env``;
    ``names``: the settings to check (default: every guarded one).
    Raises :class:`SettingsError` naming the file and the setting.
    """
    from_dotenv: frozenset[str] = getattr(env, "from_dotenv", frozenset())
    if not from_dotenv:
        return
    if not credentials_given:
        if env.get("LEADSPACE_API_KEY", "").strip():
            used = ["LEADSPACE_API_KEY"]
        else:
            used = [k for k in _CREDENTIALS[1:] if env.get(k, "").strip()]
        if used and all(k in from_dotenv for k in used):
            return  # the .env's own credentials go where the same .env says
    for name in names:
        if name in from_dotenv and name not in given and env.get(name, "").strip():
            path = getattr(env, "dotenv_path", None) or Path.cwd() / ".env"
            raise SettingsError(
                f"{name} in {path} is refused: the credentials do not come from that file, and a .env "
                "alone may not say where they go or where answers are kept (a .env planted in a shared "
                f"folder could send your key elsewhere). Set {name} in the environment, give it as a "
                "flag, or keep the key in the same .env."
            )


def resolve(
    env: Mapping[str, str],
    *,
    api_key: str | None = None,
    base_url: str | None = None,
    ca_bundle: str | None = None,
    require_credentials: bool = True,
) -> Settings:
    """Resolve the settings: a flag, then the environment, then a ``.env``'s value, then default.

    ``env`` is what :func:`load_environment` returns; a ``.env`` gives ``LEADSPACE_*`` settings
    only (see :func:`check_dotenv` for the ones it may give only beside the credentials). Raises
    SettingsError with the fix when a setting is missing or unsafe.
    """

    def pick(flag: str | None, name: str) -> str | None:
        if flag is not None and flag.strip():
            return flag.strip()
        value = env.get(ENV_PREFIX + name, "").strip()
        return value or None

    check_dotenv(
        env,
        given=("LEADSPACE_BASE_URL",) if base_url is not None and base_url.strip() else (),
        credentials_given=api_key is not None and bool(api_key.strip()),
        names=("LEADSPACE_BASE_URL", "LEADSPACE_TOKEN_URL"),
    )
    key = pick(api_key, "API_KEY")
    program_id = pick(None, "PROGRAM_ID")
    secret = pick(None, "SECRET")
    url = check_base_url(pick(base_url, "BASE_URL") or fields.DEFAULT_BASE_URL)
    if base_url is not None and base_url.strip():
        url_from = "--base-url"
    elif ENV_PREFIX + "BASE_URL" in getattr(env, "from_dotenv", ()):
        url_from = f".env in {Path.cwd()}"
    elif env.get(ENV_PREFIX + "BASE_URL", "").strip():
        url_from = "the environment (LEADSPACE_BASE_URL)"
    else:
        url_from = "default"
    # A flag wins over the environment (a .env never gives these): requests would let the
    # environment win over the session, so the client takes them as resolved here (trust_env off).
    bundle = (ca_bundle or "").strip() or env.get("REQUESTS_CA_BUNDLE") or env.get("CURL_CA_BUNDLE") or None
    if bundle is not None and not Path(bundle).is_file():
        raise SettingsError(
            f"The CA bundle {bundle} does not exist: point REQUESTS_CA_BUNDLE or --ca-bundle at a PEM file."
        )
    for name, value in (("LEADSPACE_API_KEY", key), ("LEADSPACE_SECRET", secret)):
        _check_secret(name, value, url, url_from)
    if require_credentials and key is None:
        if program_id is None and secret is None:
            raise SettingsError(
                "No API key: set LEADSPACE_API_KEY in the environment or in a .env file in this "
                "folder (or try the tool with --sandbox)."
            )
        if program_id is None or secret is None:
            missing = "LEADSPACE_SECRET" if program_id else "LEADSPACE_PROGRAM_ID"
            raise SettingsError(f"OAuth needs both LEADSPACE_PROGRAM_ID and LEADSPACE_SECRET: set {missing}.")
    return Settings(
        api_key=key,
        base_url=url,
        program_id=program_id,
        secret=secret,
        ca_bundle=bundle,
        token_issued=pick(None, "TOKEN_ISSUED"),
        proxy=_proxy_for(url, env),
        base_url_from=url_from,
    )


def _check_secret(name: str, value: str | None, url: str, url_from: str) -> None:
    """Refuse a key or secret that cannot go in an HTTP header (a zero-width space, a euro sign,
    pasted with it: every call would fail), and a base URL that holds it (it would be shown with
    the URL in every message and report); never showing the value."""
    if value is None:
        return
    for at, char in enumerate(value, start=1):
        if not ("!" <= char <= "~"):
            shown = f"U+{ord(char):04X} {unicodedata.name(char, 'a control character')}"
            raise SettingsError(
                f"{name} holds a character an API key never has ({shown}, character {at} of {len(value)}): "
                "it was probably pasted with it. Copy the key again, and set it without spaces or quotes."
            )
    if len(value) >= 6 and (value in url or value in urllib.parse.unquote(url)):
        raise SettingsError(
            f"The base URL (set by {url_from}) holds {name}: the key goes in {name} only, never in the "
            "URL, where it would show in messages and reports. Set the base URL without it."
        )


_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(text: str, option: str, zero: str) -> float:
    """Parse a duration such as 30d, 12h, 90m, 3600s or 0 into seconds.

    ``option`` names the setting in the message (``--max-age``), ``zero`` says what 0 means for it.
    Raises :class:`SettingsError` naming the option.
    """
    t = str(text).strip().lower()
    try:
        value = float(t[:-1]) * _UNITS[t[-1]] if t and t[-1] in _UNITS else float(t)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise SettingsError(
            f"{option} {text!r} is not a duration: use a number of days, hours, minutes or seconds, "
            f"e.g. 30d, 12h, 90m or 45s ({zero})."
        )
    return value


@dataclass(frozen=True)
class RedisSettings:
    """The fleet's Redis (``LEADSPACE_REDIS_URL``), checked; ``masked`` is the URL to show."""

    url: str
    masked: str
    ttl: float
    optional: bool
    ca_file: str | None


_REDIS_LOOPBACK = ("localhost", "127.0.0.1", "::1", "localhost.localdomain")
_TRUE = ("1", "true", "yes", "on")


def redis_settings(env: Mapping[str, str], ca_bundle: str | None = None) -> RedisSettings | None:
    """Return the fleet's Redis settings, or None when ``LEADSPACE_REDIS_URL`` is unset.

    ``redis://`` only to loopback (like plain ``http://``: the password and every answer would
    cross the network in clear); elsewhere ``rediss://``, certificates verified (a URL that turns
    verification off is refused), the CA from ``--ca-bundle`` or the process environment
    (``REQUESTS_CA_BUNDLE``, ``SSL_CERT_FILE``). Raise :class:`SettingsError` saying how to fix it.
    """
    from urllib.parse import parse_qs, urlsplit

    url = env.get(ENV_PREFIX + "REDIS_URL", "").strip()
    if not url:
        return None
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        password = parts.password
        parts.port  # noqa: B018 (a port that is not a number raises here)
    except ValueError:
        raise SettingsError(
            "LEADSPACE_REDIS_URL is not a URL: use redis://127.0.0.1:6379/0 or rediss://host:6380/0."
        ) from None
    masked = url.replace(f":{password}@", ":****@", 1) if password else url
    scheme = parts.scheme.lower()
    if scheme == "redis":
        if not (host in _REDIS_LOOPBACK or host.startswith("127.")):
            raise SettingsError(
                f"LEADSPACE_REDIS_URL {masked} would send the Redis password and every answer (personal "
                "data) across the network unencrypted: use rediss:// (TLS) for a Redis on another machine; "
                "redis:// is for 127.0.0.1 only."
            )
    elif scheme == "unix":
        pass
    elif scheme != "rediss":
        raise SettingsError(
            f"LEADSPACE_REDIS_URL {masked}: use rediss://host:port/db (or redis://127.0.0.1:6379/0 on "
            "this machine)."
        )
    query = {k.lower(): [v.lower() for v in vs] for k, vs in parse_qs(parts.query).items()}
    if any(
        v in ("none", "optional", "cert_none", "cert_optional") for v in query.get("ssl_cert_reqs", [])
    ) or any(v in ("false", "0", "no") for v in query.get("ssl_check_hostname", [])):
        raise SettingsError(
            f"LEADSPACE_REDIS_URL {masked} turns certificate verification off: remove ssl_cert_reqs / "
            "ssl_check_hostname from it, and give the server's CA with --ca-bundle or REQUESTS_CA_BUNDLE."
        )
    import importlib.util

    if importlib.util.find_spec("redis") is None:
        raise SettingsError(
            "LEADSPACE_REDIS_URL is set, but redis-py is not installed: pip install 'leadspace-cli[redis]' "
            "(or unset LEADSPACE_REDIS_URL to keep everything in local files)."
        )
    ttl_text = env.get(ENV_PREFIX + "REDIS_TTL", "").strip()
    ttl = parse_duration(ttl_text, "LEADSPACE_REDIS_TTL", "0 is not allowed") if ttl_text else 30 * 86400.0
    if ttl <= 0:
        raise SettingsError("LEADSPACE_REDIS_TTL must be longer than 0: e.g. 30d (the default).")
    ca = ca_bundle or os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("SSL_CERT_FILE") or None
    optional = env.get(ENV_PREFIX + "REDIS_OPTIONAL", "").strip().lower() in _TRUE
    return RedisSettings(url, masked, ttl, optional, ca)


def cache_folder(env: Mapping[str, str], flag: str | os.PathLike[str] | None = None) -> Path:
    """Return the response store's folder: ``--cache-dir``, else LEADSPACE_CACHE_DIR, else the user's
    cache folder (platformdirs)."""
    if flag is not None and str(flag).strip():
        return Path(flag)
    override = env.get(ENV_PREFIX + "CACHE_DIR", "").strip()
    return Path(override) if override else Path(platformdirs.user_cache_dir("leadspace"))


def runtime_folder(env: Mapping[str, str]) -> Path:
    """Return where the runs of one machine share a program's pace: LEADSPACE_RUNTIME_DIR, else the
    user's runtime folder (XDG_RUNTIME_DIR), else on Linux a folder of the user's in /dev/shm, else
    platformdirs' fallback.

    The pace file is written at every call: on a disk under load a write can stall for a fifth of a
    second (measured), holding every call of the run; /run/user/UID and /dev/shm are memory. A
    folder someone else made under that name is not used (the pacing checks it): the run paces alone
    and says so.
    """
    value = env.get(ENV_PREFIX + "RUNTIME_DIR", "").strip()
    if value:
        return Path(value)
    shm = Path("/dev/shm")  # noqa: S108 - a folder of this user's, mode 700, checked before use
    if sys.platform.startswith("linux") and not env.get("XDG_RUNTIME_DIR") and shm.is_dir():
        return shm / f"leadspace-{os.getuid()}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # no XDG_RUNTIME_DIR and no /dev/shm: /tmp/runtime-UID
        return Path(platformdirs.user_runtime_dir("leadspace"))


def state_folder(env: Mapping[str, str]) -> Path:
    """Return the folder of the purchase ledger: LEADSPACE_STATE_DIR, else the user's state folder.

    It is independent of ``--cache-dir``, the runtime folder and the working folder, so that every
    run of the user (CLI, library, ``--no-cache``) counts its purchases in one ledger.
    """
    value = env.get(ENV_PREFIX + "STATE_DIR", "").strip()
    return Path(value) if value else Path(platformdirs.user_state_dir("leadspace"))


def budget_tz(env: Mapping[str, str]) -> str | None:
    """Return LEADSPACE_BUDGET_TZ (an IANA time zone: the days and months budgets count), else None:
    local time. Raises :class:`SettingsError` for a zone that does not exist."""
    value = env.get(ENV_PREFIX + "BUDGET_TZ", "").strip()
    if not value:
        return None
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise SettingsError(
            f"LEADSPACE_BUDGET_TZ={value!r} is not a time zone: use an IANA name such as "
            "Europe/Berlin or America/New_York, or UTC; unset, days and months follow local time."
        ) from None
    return value


def debug(env: Mapping[str, str]) -> bool:
    """Return whether LEADSPACE_DEBUG asks internal errors to raise with their traceback."""
    return bool(env.get(ENV_PREFIX + "DEBUG", "").strip())


@dataclass(frozen=True)
class CreditCap:
    """One credit budget: its size, the setting that gave it, and the period it counts (None: the run)."""

    credits: int
    source: str
    period: str | None = None  # "day" or "month"


def credit_caps(
    env: Mapping[str, str],
    *,
    per_run: int | None = None,
    per_day: int | None = None,
    per_month: int | None = None,
) -> list[CreditCap]:
    """Return the credit budgets: each from its flag (or keyword), else its LEADSPACE_MAX_CREDITS*
    variable; none set, none returned."""
    caps = []
    for value, flag, var, period in (
        (per_run, "--max-credits", "LEADSPACE_MAX_CREDITS", None),
        (per_day, "--max-credits-per-day", "LEADSPACE_MAX_CREDITS_PER_DAY", "day"),
        (per_month, "--max-credits-per-month", "LEADSPACE_MAX_CREDITS_PER_MONTH", "month"),
    ):
        if value is None and env.get(var, "").strip():
            raw = env[var].strip()
            if not raw.isdigit():
                raise SettingsError(f"{var}={raw!r} is not a whole number of credits.")
            value, flag = int(raw), var
        if value is not None:
            caps.append(CreditCap(value, flag, period))
    return caps
