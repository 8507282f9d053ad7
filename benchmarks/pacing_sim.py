"""Hosts that share nothing but the program, simulated: the pacing's constants are chosen here first.

    python benchmarks/pacing_sim.py                     # 2, 3, 4 and 6 hosts, 64 seeds each
    python benchmarks/pacing_sim.py --hosts 4 --seeds 128 --set SHARE_CUT=0.85 --set SHARE_STEP=0.4
    python benchmarks/pacing_sim.py --hosts 1,2 --client 10 --jitter 20   # beside a steady other client

Each host is a real `RateLimiter` (`leadspace_cli.engine.pacing`) on its own fake clock, as separate
machines are; one event loop sends their calls to a strict gateway (at most 30 accepted in any one
second), answers each after a heavy-tailed latency (a median of 0.3 s, as `pacing_bench.py`'s sandbox)
and tells the answer to the limiter that sent it. Hosts start within half a second of each other and
stop asking for slots once 600 of their calls were accepted (the calls still in flight then land too,
so a host sends a few more). Printed: the calls a second accepted (first to last), the 429s' share of
calls, those after the first two seconds, and the fairness (the fewest calls of a host accepted before
the first host ended, over the most), as medians over the seeds, and the fairness at the seeds' 10th
percentile. With `--client N`, another client of the program sends N calls a second on its own timer
(each up to `--jitter` ms late) whatever the answers, as a customer's CRM sync does; its 429s' share is
printed too (the issue's first case is `--hosts 1 --client 10`).
Not modelled: a thread that wakes late, a busy core, jitter on the way to the gateway.

A simulation, not a measure: for four hosts it gave about 1.7 times the 429s `pacing_bench.py`
measured, and a few points less fairness; and a setting it found as fair (SHARE_FAIR 0.22, SHARE_EVEN
5, SHARE_STEP_MAX 4) was less fair on the real benchmark (BENCHMARKS.md, "Every condition on the final
code"). It ranks settings in seconds rather than hours: measure one that looks better with
`pacing_bench.py` before keeping it.
"""

from __future__ import annotations

import argparse
import collections
import functools
import heapq
import math
import random
import statistics
import sys
import threading
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from leadspace_cli.engine import pacing
from leadspace_cli.engine.pacing import RateLimiter

LIMIT = 30
JITTER = 0.003  # the other client's calls go this late at most (seconds)


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class Stop(threading.Event):
    """A stop event whose waits move the host's fake clock instead of sleeping."""

    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self.clock = clock

    def wait(self, timeout: float | None = None) -> bool:
        self.clock.now += timeout or 0.0
        return self.is_set()


def run(hosts: int, rows: int, seed: int, client: float = 0.0, jitter: float = JITTER) -> dict[str, float]:
    rng = random.Random(seed)
    events: list[tuple[float, int, str, int, Any]] = []
    order = 0

    def push(at: float, kind: str, host: int, data: Any = None) -> None:
        nonlocal order
        order += 1
        heapq.heappush(events, (at, order, kind, host, data))

    state = []
    for i in range(hosts):
        start = 100.0 + rng.uniform(0, 0.5)
        clock = Clock(start)
        draws = random.Random(rng.random())  # the limiter's random gaps, seeded: a run repeats
        limiter = RateLimiter(
            LIMIT, clock=clock, gaps=functools.partial(draws.uniform, pacing.GAP, 2 - pacing.GAP)
        )
        state.append({"clock": clock, "limiter": limiter, "stop": Stop(clock), "ok": 0, "sent": 0, "acc": []})
        push(start, "acquire", i)
    if client:
        push(100.0 - rng.uniform(0, 1.0), "client", -1, 0)
    other = {"ok": 0, "refused": 0}
    window: collections.deque[float] = collections.deque()
    accepted: list[float] = []
    refused: list[float] = []
    while events:
        at, _, kind, i, data = heapq.heappop(events)
        while window and window[0] <= at - 1.0:
            window.popleft()
        if kind == "client":
            # The other client: calls 1/client apart on its own timer, each a few ms late, whatever
            # the answers (a CRM sync that never backs off), until the hosts are done.
            if all(h["ok"] >= rows for h in state):
                continue
            if len(window) < LIMIT:
                window.append(at)
                other["ok"] += 1
            else:
                other["refused"] += 1
            push(100.0 + (data + 1) / client + rng.uniform(0, jitter), "client", -1, data + 1)
            continue
        h = state[i]
        limiter = h["limiter"]
        if kind == "acquire":
            if h["ok"] >= rows:
                continue
            h["clock"].now = at
            limiter.acquire(h["stop"])
            sent = h["clock"].now
            push(sent, "send", i, (limiter._sent.at, limiter._sent.reserved))
            push(sent + 1e-6, "acquire", i)
        elif kind == "send":
            h["sent"] += 1
            ok = len(window) < LIMIT
            if ok:
                window.append(at)
                accepted.append(at)
                h["acc"].append(at)
            else:
                refused.append(at)
            push(at + min(6.0, 0.3 * math.exp(rng.gauss(0, 0.8))), "answer", i, (ok, data))
        else:
            ok, (sent_at, reserved) = data
            saved, h["clock"].now = h["clock"].now, at
            limiter._sent.at, limiter._sent.reserved = sent_at, reserved
            if ok:
                h["ok"] += 1
                limiter.succeeded()
            else:
                limiter.throttled()
            h["clock"].now = max(saved, at)
    first_end = min(h["acc"][-1] for h in state)
    shares = [sum(1 for x in h["acc"] if x < first_end) for h in state]
    calls = sum(h["sent"] for h in state)
    return {
        "calls_per_s": (len(accepted) - 1) / (accepted[-1] - accepted[0]),
        "429_share": 100 * len(refused) / calls,
        "429_after_2s": 100 * sum(1 for t in refused if t - accepted[0] >= 2.0) / calls,
        "fair": 100 * min(shares) / max(shares),
        "client_429": 100 * other["refused"] / max(1, other["ok"] + other["refused"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--hosts", default="2,3,4,6", help="comma-separated host counts")
    parser.add_argument("--seeds", type=int, default=64)
    parser.add_argument("--rows", type=int, default=600, help="rows a host (at least 1)")
    parser.add_argument("--client", type=float, default=0.0, help="a steady other client's calls a second")
    parser.add_argument("--jitter", type=float, default=JITTER * 1000, help="the other client's lateness, ms")
    parser.add_argument("--set", action="append", default=[], help="NAME=VALUE: a pacing constant to try")
    args = parser.parse_args()
    if args.rows < 1 or args.seeds < 1:
        parser.error("--rows and --seeds take at least 1")
    for item in args.set:
        name, _, value = item.partition("=")
        if not name.isupper() or not isinstance(getattr(pacing, name, None), (int, float)):
            parser.error(f"pacing has no numeric constant {name!r}")
        setattr(pacing, name, float(value))
    for n in (int(x) for x in args.hosts.split(",")):
        results = [run(n, args.rows, seed, args.client, args.jitter / 1000) for seed in range(args.seeds)]
        median = {k: statistics.median(r[k] for r in results) for k in results[0]}
        fairness = sorted(r["fair"] for r in results)
        print(
            f"{n} hosts: {median['calls_per_s']:.2f}/s, {median['429_share']:.2f}% 429s "
            f"({median['429_after_2s']:.2f}% after 2 s), {median['fair']:.0f}% fair "
            f"(10th percentile {fairness[len(fairness) // 10]:.0f}%)"
            + (f"; the other client {median['client_429']:.2f}% 429s" if args.client else ""),
            flush=True,
        )


if __name__ == "__main__":
    main()
