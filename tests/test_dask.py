"""``--executor dask``: parse + extract on a real local Dask cluster of two worker
processes gives the same bytes as a local build; each worker loads the model once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.build import build
from kg.cli import main
from kg.config import Settings
from kg.errors import BuildError

distributed = pytest.importorskip("distributed")

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GRAPH_FILES = ("graph.ttl", "graph.trig", "graph.nt", "graph.nq", "graph.json", "graph.html")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local:
        yield local


def _dask(scheduler: str | None = None, **changes) -> Settings:
    return Settings(cache=False, executor="dask", scheduler=scheduler, **changes)


def _model_loads(cluster) -> dict[str, int]:
    """How many times each worker process loaded a spaCy model."""

    def loads() -> int:
        from kg.nlp import _load

        return _load.cache_info().misses

    with distributed.Client(cluster) as client:
        return client.run(loads)


def test_dask_build_writes_the_same_bytes_as_a_local_one(seeds_build, cluster, tmp_path):
    result = build([SEEDS], tmp_path / "dask", _dask(cluster.scheduler_address))
    assert result.report["executor"]["name"] == "dask"
    differ = [
        name
        for name in GRAPH_FILES
        if (seeds_build.outputs_dir / name).read_bytes() != (tmp_path / "dask" / name).read_bytes()
    ]
    assert differ == []
    assert result.report["counts"] == seeds_build.report["counts"]
    loads = _model_loads(cluster)
    assert sum(loads.values()) >= 1, "the work did not run on the workers"
    # a second build reuses the model each worker process already holds
    build([SEEDS], tmp_path / "again", _dask(cluster.scheduler_address))
    assert _model_loads(cluster) == loads
    assert all(n <= 1 for n in loads.values())


def test_dask_results_fill_the_cache_like_a_local_build(cluster, tmp_path):
    out = tmp_path / "out"
    settings = _dask(cluster.scheduler_address).replace(cache=True)
    assert build([SEEDS], out, settings).report["cache"]["misses"] == 2
    report = build([SEEDS], out).report  # local executor, same cache
    assert report["cache"]["hits"] == 2


def test_without_a_scheduler_a_local_cluster_is_started(seeds_build, tmp_path):
    result = build([SEEDS], tmp_path / "auto", _dask(jobs=1))
    assert result.report["executor"]["name"] == "dask"
    for name in ("graph.nq", "graph.json"):
        assert (seeds_build.outputs_dir / name).read_bytes() == (
            tmp_path / "auto" / name
        ).read_bytes()


def test_unreachable_scheduler_is_a_one_line_error(tmp_path):
    import dask

    with (
        dask.config.set({"distributed.comm.timeouts.connect": "1s"}),
        pytest.raises(BuildError) as info,
    ):
        build([SEEDS], tmp_path / "out", _dask("tcp://127.0.0.1:9"))
    message = str(info.value)
    assert "tcp://127.0.0.1:9" in message and "\n" not in message
    assert not (tmp_path / "out" / "build.json").exists()


def test_unknown_executor_is_refused(tmp_path):
    with pytest.raises(BuildError, match="unknown executor 'spark'"):
        build([SEEDS], tmp_path / "out", Settings(executor="spark"))


def test_cli_scheduler_alone_means_dask(cluster, tmp_path):
    out = tmp_path / "out"
    args = ["build", str(SEEDS), "-o", str(out), "--no-cache", "--quiet"]
    assert main([*args, "--scheduler", cluster.scheduler_address]) == 0
    report = json.loads((out / "build.json").read_text())
    assert report["executor"] == {"name": "dask", "processes": 2}
