"""Hostile and broken inputs for the robustness tests, and ways to run `imr` on them.

(A module of its own, not conftest.py: `from conftest import ...` would get whichever
conftest was imported first.)
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CASES = REPO / "cases"
REAL = sorted(p for p in CASES.iterdir() if (p / "case.yaml").exists())
LETTER = (REAL[0] / "letter.txt").read_text(encoding="utf-8")
CASE_YAML = (REAL[0] / "case.yaml").read_text(encoding="utf-8")

BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]" for p, n in zip("abcdefgh", "bcdefghi")]
) + "\n"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float

    def check_contract(self, batch: bool = False) -> None:
        """Exit 0, 1 or 2; no traceback; exit 2 says why in exactly one stderr line.

        A batch reports every refused input, so there each stderr line is one error line.
        """
        assert self.code in (0, 1, 2), (self.code, self.stderr[-2000:])
        assert "Traceback" not in self.stderr, self.stderr[-2000:]
        if batch:
            assert all(line.startswith("imr qa: error: ") for line in self.stderr.splitlines()), self.stderr[-2000:]
        elif self.code == 2:
            lines = self.stderr.strip("\n").split("\n")
            assert len(lines) == 1 and lines[0].startswith("imr "), self.stderr[-2000:]


class _Timeout(BaseException):  # not an Exception: the batch must not report it as one input's error
    pass


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail (not hang) when the block runs longer than *seconds*: SIGALRM interrupts even a blocking open."""

    def expire(signum: int, frame: object) -> None:
        raise _Timeout(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_inprocess(*args: str, stdin: bytes | None = None, limit: int = 30) -> Run:
    """`imr ARGS` in this process (the engine is compiled once per test session), bounded in time."""
    from imr_engine.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    started = time.monotonic()
    try:
        with time_limit(limit), redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse usage errors
                code = int(exc.code or 0)
    finally:
        sys.stdin = saved_stdin
    return Run(code, out.getvalue(), err.getvalue(), time.monotonic() - started)


def run_subprocess(*args: str, stdin: bytes | None = None, timeout: int = 120, **kw: object) -> Run:
    """The real `imr` command in a child process."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "imr_engine", *args], input=stdin, capture_output=True, cwd=REPO, timeout=timeout,
        **kw,  # type: ignore[arg-type]
    )
    return Run(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"),
               time.monotonic() - started)


def hostile_letters(root: Path) -> dict[str, str]:
    """Hostile files under *root* that a letter reader meets; returns name -> what it is."""
    root.mkdir(parents=True, exist_ok=True)
    made: dict[str, str] = {}

    def put(name: str | bytes, data: bytes, what: str) -> None:
        path = os.path.join(os.fsencode(root), name if isinstance(name, bytes) else name.encode())
        with open(path, "wb") as f:
            f.write(data)
        made[os.fsdecode(path)] = what

    put("empty.txt", b"", "empty")
    put("blank.txt", b" \n\t\n", "blank")
    put("nul.txt", b"Soma\x00350", "NUL bytes")
    put("latin1.txt", "Upheld caf\xe9".encode("latin-1"), "not UTF-8")
    put("utf16.txt", LETTER[:2000].encode("utf-16"), "UTF-16")
    put("escapes.txt", ("\x1b]0;pwned\x07\x1b[2J" + LETTER).encode(), "terminal escapes in a letter")
    put("bidi.txt", LETTER.replace("Upheld", "\u202eUpheld\u202c").encode(), "bidi overrides")
    put(b"bad\xffname.txt", LETTER.encode(), "a name that is not UTF-8")
    put("new\nline.txt", LETTER.encode(), "a name with a newline")
    put("huge.txt", b"", "over the size limit (sparse)")
    os.truncate(root / "huge.txt", 50 * 1024 * 1024)
    put("deep.txt", ("(" * 50_000 + LETTER).encode(), "deep brackets")
    put("one_line.txt", LETTER.replace("\n", " ").encode(), "a letter on one line")
    put("crlf.txt", LETTER.replace("\n", "\r\n").encode(), "CRLF line ends")
    put("laughs.txt", BILLION_LAUGHS.encode(), "YAML billion laughs")
    fifo = root / "fifo.txt"
    os.mkfifo(fifo)
    made[str(fifo)] = "a FIFO"
    (root / "loop.txt").symlink_to(root / "loop.txt")
    made[str(root / "loop.txt")] = "a symlink loop"
    (root / "folder.txt").mkdir()
    made[str(root / "folder.txt")] = "a folder named like a letter"
    return made


def hostile_case_files(root: Path) -> dict[str, str]:
    """Hostile case.yaml contents under *root*; returns path -> what it is."""
    root.mkdir(parents=True, exist_ok=True)
    texts = {
        "laughs.yaml": BILLION_LAUGHS,
        "deep_flow.yaml": "case_id: x\nrequests: " + "[" * 3000 + "]" * 3000 + "\n",
        "deep_block.yaml": "".join(" " * i + "k:\n" for i in range(1000)),
        "dup_keys.yaml": CASE_YAML + "\nrequests:\n  - Soma 350mg\n",
        "bad_date.yaml": CASE_YAML.replace("case_id:", "as_of: 2015-02-30\ncase_id:", 1),
        "zero_date.yaml": CASE_YAML.replace("case_id:", "as_of: 0000-00-00\ncase_id:", 1),
        "list.yaml": "- a\n- b\n",
        "scalar.yaml": "just words\n",
        "tabs.yaml": "case_id:\t\tx\n\trequests: [\n",
        "python_tag.yaml": "!!python/object/apply:os.system ['true']\n",
        "huge_int.yaml": CASE_YAML.replace("case_id:", "as_of: 9" * 1 + "9" * 5000 + "\ncase_id:", 1),
        "anchors.yaml": "x: &x {a: 1}\ny: *x\n",
    }
    made = {}
    for name, text in texts.items():
        (root / name).write_text(text, encoding="utf-8")
        made[str(root / name)] = name
    (root / "latin1.yaml").write_bytes("case_id: caf\xe9\n".encode("latin-1"))
    made[str(root / "latin1.yaml")] = "latin1.yaml"
    return made
