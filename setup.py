"""Packaging beyond what pyproject.toml can say: the repository's top-level ``ontology/``
folder ships inside the package as ``kg.ontology_files`` (read with importlib.resources),
so a wheel, ``pip install .`` and pipx carry kg.ttl, shapes.ttl, lexicon.tsv, the name
lists, the WordNet 3.0 noun table with its licence, the GeoNames place-name table and
the learned termhood model.
Everything else is in pyproject.toml."""

from setuptools import find_namespace_packages, setup

setup(
    packages=[
        *find_namespace_packages(include=["kg", "kg.*"], exclude=["*.__pycache__"]),
        "kg.ontology_files",
    ],
    package_dir={"kg.ontology_files": "ontology"},
    package_data={
        "kg": ["queries/*.rq", "static/*", "templates/*"],
        "kg.ontology_files": ["*.ttl", "*.tsv", "*.txt", "*.tsv.gz", "*.json", "WORDNET-LICENSE", "NICKNAMES-LICENSE"],
    },
)
