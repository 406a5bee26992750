"""wrk, the load generator: one address, or many through a Lua script."""

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Measure:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int  # answers other than 2xx/3xx, and connections that failed
    single_p50_ms: float | None = None
    load: float | None = None  # the machine's 1-minute load average when it was taken
    timeouts: int = 0  # requests wrk gave up on after its 2 s: slow, not failed


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(
    url: str, *, threads: int, connections: int, duration: int, script: Path | None = None
) -> Measure:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency"]
    if script is not None:
        command += ["-s", str(script)]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.MULTILINE).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.MULTILINE).group(1))
    if int(re.search(r"(\d+) requests in", out).group(1)) == 0:
        # Not one answer within the duration: slower than that, not 0 ms.
        p50 = p99 = float("inf")
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(match.group(1))
    timeouts = 0
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    ):
        errors += sum(int(n) for n in match.groups()[:3])
        timeouts = int(match.group(4))
    return Measure(rps=rps, p50_ms=p50, p99_ms=p99, errors=errors, timeouts=timeouts)


def _lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def rotation_script(paths: list[str], target: Path) -> Path:
    """A wrk script that asks for each path in turn; each thread starts at its own place,
    so two threads do not ask for the same address at the same moment."""
    listed = ",\n".join(_lua_string(p) for p in paths)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        f"""-- written by bench/load.py
local paths = {{
{listed}
}}
local threads = 0
function setup(thread)
  thread:set("offset", threads * 7919)
  threads = threads + 1
end
function init(args)
  i = (offset or 0) % #paths
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
""",
        encoding="utf-8",
    )
    return target
