"""A JSON result derived from rule files, kept on disk and keyed by what it was derived from.

Listing the rule book (`imr rules`) means importing the models and loading and checking every
rule file against the vocabulary: over a second, for an answer that only changes when a rule
file, a vocabulary file or this package's code changes. So the answer is stored under a key
that hashes all of those (file names and bytes, the package's source, the Python version):
any edit, to a rule or to the code that checks rules, gives a new key and the answer is made
afresh. Only answers of a successful load are stored, so a hit never hides an error.

The store is `$IMR_CACHE_DIR`, else `$XDG_CACHE_HOME/imr-engine`, else `~/.cache/imr-engine`;
`IMR_CACHE_DIR=off` turns it off. Nothing here holds case data: only rule book listings. A
store that cannot be read or written is ignored (the answer is then made every time).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent
#: Files larger than this are not hashed: the loader refuses them anyway, so nothing is cached.
_MAX_FILE_BYTES = 8 * 1024 * 1024
#: Answers of one kind kept at once (older ones, from earlier rule book versions, are dropped).
KEEP = 8


def cache_dir() -> Path | None:
    """Where answers are kept, or None when caching is off."""
    explicit = os.environ.get("IMR_CACHE_DIR")
    if explicit:
        return None if explicit.lower() == "off" else Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "imr-engine"


def enabled() -> bool:
    """Whether answers are kept at all: with caching off a caller need not key (hash) or shape what it would store."""
    return cache_dir() is not None


def _code_files() -> list[Path]:
    return sorted(p for p in _PACKAGE_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def _digest(files: Iterable[Path], base: Path) -> bytes | None:
    """SHA-256 of *files*' names (relative to *base*) and bytes; None when one cannot be read or is not a plain file."""
    h = hashlib.sha256()
    try:
        for p in files:
            st = p.stat()
            if not stat.S_ISREG(st.st_mode) or st.st_size > _MAX_FILE_BYTES:
                return None  # a pipe or device would block or never end: the loader reports it
            h.update(p.relative_to(base).as_posix().encode())
            h.update(b"\0")
            h.update(p.read_bytes())
            h.update(b"\0")
    except (OSError, ValueError):
        return None
    return h.digest()


@functools.cache
def _code_digest() -> bytes | None:
    """The package's code, hashed once per process: the code a process runs is the code it imported."""
    return _digest(_code_files(), _PACKAGE_DIR)


def content_key(root: Path, files: Iterable[Path]) -> str | None:
    """A hash of *files* (names relative to *root*, and bytes), this package's code and Python.

    None when a file cannot be read, is not a regular file or is too large: then the caller does the real work and
    reports the problem exactly.
    """
    code = _code_digest()
    data = _digest(sorted(files), root)
    if code is None or data is None:
        return None
    return hashlib.sha256(sys.version.encode() + b"\1" + data + b"\1" + code).hexdigest()


def _path(kind: str, key: str) -> Path | None:
    where = cache_dir()
    return None if where is None else where / f"{kind}-{key}.json"


def load(kind: str, key: str | None) -> Any | None:
    """The stored answer of *kind* for *key*, or None (not stored, unreadable or damaged).

    The file is a header line (the key and the SHA-256 of the rest) and the answer as JSON: a
    file cut short or changed on disk no longer matches its hash and is ignored, never trusted.
    """
    body = _read(kind, key)
    if body is None:
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None


def load_text(kind: str, key: str | None) -> str | None:
    """The text stored by `store_text` for *kind* and *key*, or None (not stored, unreadable or damaged)."""
    body = _read(kind, key)
    if body is None:
        return None
    try:
        return body.decode("utf-8")
    except ValueError:
        return None


def _read(kind: str, key: str | None) -> bytes | None:
    """The stored body of *kind* for *key* when its header names *key* and its hash matches; else None."""
    path = _path(kind, key) if key else None
    if path is None:
        return None
    try:
        with path.open("rb") as f:
            header = json.loads(f.readline())
            body = f.read()
        if not isinstance(header, dict) or header.get("key") != key:
            return None
        if header.get("sha256") != hashlib.sha256(body).hexdigest():
            return None
        return body
    except (OSError, ValueError):
        return None


def store(kind: str, key: str | None, value: Any) -> None:
    """Keep *value* as the answer of *kind* for *key*; silently nothing when it cannot be written."""
    if key is None or cache_dir() is None:
        return
    try:
        # check_circular off: plain data from a load holds no cycle (JSON could not hold one anyway)
        body = json.dumps(value, ensure_ascii=False, allow_nan=False, check_circular=False).encode("utf-8")
    except ValueError:  # a value JSON cannot hold: not stored
        return
    _write(kind, key, body)


def store_text(kind: str, key: str | None, text: str) -> None:
    """Keep *text* (an answer already written as the command prints it) for *kind* and *key*."""
    if key is not None:
        _write(kind, key, text.encode("utf-8"))


def _write(kind: str, key: str, body: bytes) -> None:
    """Write *body* under a header with *key* and its hash, atomically; silently nothing when it cannot be written."""
    path = _path(kind, key)
    if path is None:
        return
    import tempfile  # here: a command that finds its answer stored writes nothing (tempfile imports random)

    try:
        header = json.dumps({"key": key, "sha256": hashlib.sha256(body).hexdigest()}).encode()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{kind}-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(header + b"\n" + body)
            os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the whole new one
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(path.parent, kind)
    except (OSError, ValueError):  # ValueError: a path the system cannot take
        return


def _prune(where: Path, kind: str) -> None:
    """Drop all but the *KEEP* newest answers of *kind*."""
    found = []
    for p in where.glob(f"{kind}-*.json"):
        try:
            found.append((p.stat().st_mtime_ns, p))
        except OSError:
            continue
    for _, p in sorted(found, reverse=True)[KEEP:]:
        p.unlink(missing_ok=True)
