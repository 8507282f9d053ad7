"""Opening the fleet's Redis (``LEADSPACE_REDIS_URL``) for a run or for the store's housekeeping."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from leadspace_cli.api.redact import register_secret
from leadspace_cli.app.settings import redis_settings
from leadspace_cli.engine.fleet import Fleet, RedisLostError, connect
from leadspace_cli.errors import SettingsError


def open_fleet(
    env: Mapping[str, str],
    *,
    partition: str,
    secrets: tuple[str, ...] = (),
    ca_bundle: str | None = None,
    tz: str | None = None,
    before: str = "Stopped before any call",
) -> tuple[Fleet | None, str]:
    """Connect to the fleet's Redis; return it (None when unset) and a warning to show, if any.

    Unreachable: :class:`SettingsError` (exit 2), or with ``LEADSPACE_REDIS_OPTIONAL`` no fleet and
    a warning. The URL's password is registered as a secret: masked wherever the key is.
    """
    redis = redis_settings(env, ca_bundle)
    if redis is None:
        return None, ""
    register_secret(urlsplit(redis.url).password)
    try:
        fleet = connect(
            redis.url,
            redis.masked,
            partition=partition,
            ca_file=redis.ca_file,
            ttl=redis.ttl,
            secrets=secrets,
            tz=tz,
        )
    except RedisLostError as exc:
        if not redis.optional:
            raise SettingsError(
                f"{before}: {exc}. Start it or fix LEADSPACE_REDIS_URL; or set LEADSPACE_REDIS_OPTIONAL=1 "
                "to run on this machine's files alone while it is down."
            ) from None
        return None, (
            f"Warning: {exc}; LEADSPACE_REDIS_OPTIONAL is set, so this machine's files are used alone: "
            "other hosts' answers are not reused, and a day or month budget counts this machine only."
        )
    return fleet, ""
