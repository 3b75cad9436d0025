"""Packaging glue that pyproject.toml cannot express: install the top-level resources/ folder as
``facilitator/resources`` so an installed copy finds its sample, reference lists and fonts."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["facilitator", "facilitator.*"]), "facilitator.resources"],
    package_dir={"facilitator.resources": "resources"},
)
