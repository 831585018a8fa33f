"""Stopping a command from outside: Ctrl-C (SIGINT), SIGTERM (a service
manager, `kill`) and SIGHUP (a closed terminal) all stop it the same way.

The signal is handled in the command's own process only. Its worker
processes (photos, editions) ignore SIGINT, which a terminal sends to the
whole process group, so that they print nothing of their own; the command
stops them itself, at once, whether the signal reached them or only it,
with every process it or they started (Ghostscript, pdftoppm), and any
started while it unwinds.
Then `Interrupted` unwinds the command like Ctrl-C's KeyboardInterrupt
(staging folders are removed on the way, the previous outputs stay as
they were) and `book.cli.common.guarded` says so in one line and exits
128 + the signal's number (130 for Ctrl-C, 143 for SIGTERM). A thread that
fails because its workers were stopped says nothing."""

from __future__ import annotations

import _thread
import multiprocessing
import os
import signal
import sys
import threading
import time

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
state = {"installed": False, "stopping": 0, "swallowed": False, "told": False, "pid": 0}  # stopping: the signal's number


class Interrupted(KeyboardInterrupt):
    """The command was stopped by signal ``signum``."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


def stop_workers() -> None:
    """Stop this process's worker processes and every process they or it
    started (Ghostscript, pdftoppm, a worker's own tools) now; jobs under
    way are dropped."""
    for child in multiprocessing.active_children():
        try:
            child.terminate()
        except (OSError, ValueError, AttributeError):  # gone already
            pass
    for pid in descendants():
        try:
            os.kill(pid, signal.SIGTERM)
        except OSError:  # gone already
            pass


def descendants() -> list[int]:
    """The processes this one started and the ones they started, read from
    /proc all at once (a child stopped first would leave its own children
    to init, out of reach); none where there is no /proc."""
    children: dict[int, list[int]] = {}
    try:
        entries = [entry.name for entry in os.scandir("/proc") if entry.name.isdigit()]
    except OSError:
        return []
    for name in entries:
        try:
            with open(f"/proc/{name}/stat", "rb") as stat:
                parent = int(stat.read().rsplit(b")", 1)[1].split()[1])  # the name in parentheses may hold spaces
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(name))
    found, todo = [], [os.getpid()]
    while todo:
        below = children.get(todo.pop(), [])
        found += below
        todo += below
    return found


def keep_stopping() -> None:
    """While the command unwinds, stop any process started after the signal
    (a thread's next Ghostscript job, a worker a pool replaces)."""
    while True:
        time.sleep(0.05)
        stop_workers()


def on_signal(signum: int, frame) -> None:
    if os.getpid() != state["pid"]:  # a worker forked a moment ago, signalled before `in_worker` ran: it ends quietly
        os._exit(128 + signum)
    if state["told"]:  # the command is saying that it stopped
        return
    if state["stopping"] and not state["swallowed"]:  # asked again while stopping: at once, as asked
        stop_workers()
        os._exit(128 + signum)
    state["swallowed"] = False
    if not state["stopping"]:
        threading.Thread(target=keep_stopping, name="stopping", daemon=True).start()
    state["stopping"] = state["stopping"] or signum
    stop_workers()
    raise Interrupted(state["stopping"])


def quiet_threads(args) -> None:
    """A thread's uncaught exception, told as usual unless the command is stopping."""
    if not state["stopping"]:
        DEFAULT_THREAD_HOOK(args)


def raised_again(unraisable) -> None:
    """`Interrupted` raised where Python cannot pass an exception on (a
    callback the interpreter runs, a finaliser) is raised again in the main
    thread a moment later, once out of there, and nothing is printed;
    anything else is told as usual unless the command is stopping."""
    if isinstance(unraisable.exc_value, Interrupted):
        state["swallowed"] = True
        again = threading.Timer(0.05, _thread.interrupt_main, (unraisable.exc_value.signum,))
        again.daemon = True
        again.start()
    elif not state["stopping"]:
        DEFAULT_UNRAISABLE_HOOK(unraisable)


def told() -> None:
    """The command has said that it stopped: signals are not its business now."""
    state["told"] = True


def stopped_by() -> int:
    """The number of the signal that is stopping the command, or 0: an
    error met while stopping (the workers are gone) is that signal's doing."""
    return state["stopping"]


DEFAULT_THREAD_HOOK, DEFAULT_UNRAISABLE_HOOK = threading.excepthook, sys.unraisablehook


def in_worker() -> None:
    """In a forked worker: the command stops it; no signal of a terminal's is its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in SIGNALS[1:]:
        signal.signal(signum, signal.SIG_DFL)


def install() -> None:
    """Handle the stopping signals in this (the command's) process; once."""
    if state["installed"] or threading.current_thread() is not threading.main_thread():
        return
    state["installed"], state["pid"] = True, os.getpid()
    for signum in SIGNALS:
        signal.signal(signum, on_signal)
    threading.excepthook, sys.unraisablehook = quiet_threads, raised_again
    os.register_at_fork(after_in_child=in_worker)
