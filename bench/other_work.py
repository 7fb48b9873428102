"""How busy other processes kept the machine while each group ran, so a reader can tell a slow
figure from a busy machine. Samples /proc every 2 s; a process counts as this run's when it
descends from this process (the builds, MkDocs, Chromium, Lighthouse)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def processes() -> dict[int, tuple[int, int]]:
    """pid -> (parent pid, CPU ticks used so far) for every process readable now."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended while we looked
        found[int(entry.name)] = (
            int(fields[1]),
            int(fields[11]) + int(fields[12]),
        )  # ppid, utime + stime
    return found


def descendants(root: int, table: dict[int, tuple[int, int]]) -> set[int]:
    ours = {root}
    grew = True
    while grew:
        more = {pid for pid, (parent, _) in table.items() if parent in ours} - ours
        ours |= more
        grew = bool(more)
    return ours


def other_share(seconds: float) -> float:
    """Share of all cores that processes other than this run's used over the next `seconds`."""
    before = processes()
    time.sleep(seconds)
    now = processes()
    ours = descendants(os.getpid(), now)
    ticks = sum(
        used - before[pid][1] for pid, (_, used) in now.items() if pid not in ours and pid in before
    )
    return ticks / TICKS / (seconds * len(os.sched_getaffinity(0)))


class OtherWork:
    """Background sampler: CPU seconds used by other processes, per named phase of the run."""

    def __init__(self, interval: float = 2.0):
        self.interval = interval
        self.phase = "start"
        self.cpu: dict[str, float] = {}
        self.wall: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def start(self, phase: str) -> None:
        self.phase = phase

    def _sample(self) -> None:
        while not self._stop.is_set():
            phase, share = self.phase, other_share(self.interval)
            self.cpu[phase] = self.cpu.get(phase, 0.0) + share * self.interval
            self.wall[phase] = self.wall.get(phase, 0.0) + self.interval

    def stop(self) -> dict[str, float]:
        """Share of the whole machine (all cores) other processes used in each phase."""
        self._stop.set()
        self._thread.join()
        return {phase: self.cpu[phase] / self.wall[phase] for phase in self.cpu if self.wall[phase]}


def wait_for_quiet(say, limit: float = 120, busy: float = 0.25) -> str:
    """Before measuring, wait (up to limit seconds) while other work keeps the CPU busy; say how it
    went."""
    started = time.monotonic()
    share = other_share(2)
    while share > busy and time.monotonic() - started < limit:
        say(f"other work keeps {share:.0%} of the CPU busy; waiting for it to settle")
        share = other_share(5)
    waited = time.monotonic() - started
    return f"{share:.0%} busy with other work after waiting {waited:.0f} s" + (
        " (gave up waiting)" if share > busy else ""
    )


if __name__ == "__main__":  # a quick look: how busy is the machine right now?
    print(f"{other_share(5):.0%} of the CPU used by other processes")
