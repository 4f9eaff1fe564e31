"""Where the per-transcript work (parse + extract) runs: in this process, in a pool of
local processes (``--jobs N``), or on a Dask distributed cluster (``--executor dask``).

Every executor runs the same task, :func:`process_transcript`, on whole transcripts:
the transcript's units go through ``nlp.pipe`` in batches of ``batch_size`` and the
Docs straight into extraction, in the process that parsed them. So the parser sees
the same batches whatever the executor or the number of processes, results are
identical, only small :class:`~kg.extract.Extraction` objects travel between
processes (never Docs), and memory per process follows the largest transcript.
Resolution, which needs every transcript, stays with the caller.

Each process loads the spaCy model once (``kg.nlp.load_nlp`` is cached per process)
and keeps it for every task it runs.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from .cache import environment_key, transcript_key
from .config import Settings
from .errors import BuildError
from .extract import Extraction, extract_transcript
from .extract.casing import casing_profile
from .extract.truecase import truecase
from .lexicon import Lexicon
from .model import Transcript
from .nlp import load_nlp, remember_text, split_sentences, unit_text

__all__ = ["process_transcript", "run_local", "run_pool", "run_dask", "EXECUTORS"]

#: Values of the ``executor`` setting.
EXECUTORS = ("local", "dask")

Done = tuple[Transcript, Extraction]


def process_transcript(transcript: Transcript, lexicon: Lexicon, settings: Settings) -> Extraction:
    """Parse one transcript's units with spaCy and extract its mentions and relations."""
    nlp = load_nlp(settings)
    units = split_sentences(transcript, settings.max_sentence_words)
    texts = [unit_text(transcript, s) for s in units]
    profile = casing_profile(transcript.text)
    if not profile.cased:  # lowercase speech: names' capitals back
        texts = [truecase(text, lexicon.given_names) for text in texts]
    docs = (
        remember_text(doc, text)
        for doc, text in zip(nlp.pipe(texts, batch_size=settings.batch_size), texts, strict=True)
    )
    return extract_transcript(transcript, zip(units, docs, strict=True), lexicon, settings, profile)


def _largest_first(transcripts: Sequence[Transcript]) -> list[Transcript]:
    """Longest transcripts first, so parallel workers finish at about the same time."""
    return sorted(transcripts, key=lambda t: (-len(t.text), t.id))


def run_local(
    transcripts: Sequence[Transcript], lexicon: Lexicon, settings: Settings
) -> Iterator[Done]:
    """Process transcripts one after another in this process."""
    for t in transcripts:
        yield t, process_transcript(t, lexicon, settings)


# -- a pool of local processes ------------------------------------------------------

_WORKER: dict[str, object] = {}


def _init_worker(lexicon: Lexicon, settings: Settings) -> None:
    # the model is loaded by the first task (a failure then reaches the build as an error)
    _WORKER["lexicon"], _WORKER["settings"] = lexicon, settings


def _pool_task(transcript: Transcript) -> tuple[Extraction, str]:
    return _checked_task(transcript, _WORKER["lexicon"], _WORKER["settings"])  # type: ignore[arg-type]


def _checked_task(
    transcript: Transcript, lexicon: Lexicon, settings: Settings
) -> tuple[Extraction, str]:
    """The task run in another process: the extraction, and that process's environment
    key (code, model, lexicon, settings), so that a process running other code or
    another model cannot change the output unnoticed."""
    return process_transcript(transcript, lexicon, settings), environment_key(settings, lexicon)


def _check(environment: str, expected: str, where: str) -> None:
    if environment != expected:
        raise BuildError(
            f"{where} runs other extraction code, spaCy model or settings than this "
            "process (changed on disk during the build, or installed differently); "
            "install the same kg version and model everywhere and build again"
        )


def _context():
    """``forkserver`` where there is one: a fresh process to fork from, safe in programs
    that run threads (a fork of a threaded process can deadlock); else ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def run_pool(
    transcripts: Sequence[Transcript], lexicon: Lexicon, settings: Settings, jobs: int
) -> Iterator[Done]:
    """Process transcripts in ``jobs`` local processes, yielding each as it completes."""
    jobs = max(1, min(jobs, len(transcripts)))
    if jobs == 1:
        yield from run_local(transcripts, lexicon, settings)
        return
    expected = environment_key(settings, lexicon)
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=_context(),
        initializer=_init_worker,
        initargs=(lexicon, settings),
    )
    try:
        # at most two tasks queued per worker: results flow back while memory stays bounded
        queue = iter(_largest_first(transcripts))
        running: dict[Future, Transcript] = {}
        for t in itertools.islice(queue, 2 * jobs):
            running[pool.submit(_pool_task, t)] = t
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: running[f].id):
                t = running.pop(future)
                extraction, environment = future.result()
                _check(environment, expected, "a worker process")
                yield t, extraction
                nxt = next(queue, None)
                if nxt is not None:
                    running[pool.submit(_pool_task, nxt)] = nxt
    finally:  # on an error or an interrupt, do not start what is still queued
        pool.shutdown(wait=True, cancel_futures=True)


# -- Dask ----------------------------------------------------------------------------


def run_dask(
    transcripts: Sequence[Transcript],
    lexicon: Lexicon,
    settings: Settings,
    scheduler: str | None = None,
    info: dict | None = None,
) -> Iterator[Done]:
    """Process transcripts on a Dask cluster: the scheduler at ``scheduler``
    (``tcp://host:8786``), or a ``LocalCluster`` of ``settings.jobs`` single-threaded
    worker processes started for this build and stopped after it. ``info["processes"]``
    is set to the number of workers the cluster had when the work was submitted."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise BuildError(
            "the dask executor needs dask.distributed: pip install 'kg[dask]'"
        ) from None
    expected = environment_key(settings, lexicon)
    cluster = None
    try:
        if scheduler:
            try:
                client = Client(scheduler)  # timeout: distributed.comm.timeouts.connect
            except (OSError, ValueError) as exc:
                reason = (str(exc).splitlines() or [type(exc).__name__])[0]
                raise BuildError(
                    f"cannot reach the Dask scheduler at {scheduler} ({reason}); "
                    "start one with `dask scheduler`, or leave --scheduler out"
                ) from None
        else:
            cluster = LocalCluster(
                n_workers=max(1, settings.jobs),
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
            )
            client = Client(cluster)
        with client:
            workers = len(client.nthreads())
            if info is not None:
                info["processes"] = workers
            shared_lexicon = client.scatter(lexicon, broadcast=True, hash=False)

            def submit(t: Transcript):
                # a key made of the content: equal keys are equal results
                key = f"kg-extract-{transcript_key(t)}-{expected}"
                future = client.submit(_checked_task, t, shared_lexicon, settings, key=key)
                futures[future] = t
                return future

            # a few tasks per worker in flight: transcripts are not all shipped at once
            queue = iter(_largest_first(transcripts))
            futures: dict = {}
            in_flight = 4 * max(1, workers)
            pending = as_completed([submit(t) for t in itertools.islice(queue, in_flight)])
            for future in pending:
                extraction, environment = future.result()
                _check(environment, expected, "a Dask worker")
                yield futures.pop(future), extraction
                nxt = next(queue, None)
                if nxt is not None:
                    pending.add(submit(nxt))
    finally:
        if cluster is not None:
            cluster.close()
