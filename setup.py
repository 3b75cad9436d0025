"""Packaging glue that pyproject.toml cannot express: install the top-level resources/ folder as
``facilitator/resources`` so an installed copy finds its sample, reference lists and fonts."""

from pathlib import Path

from setuptools import find_packages, setup

_RESOURCES = Path(__file__).parent / "resources"
_DATA_FOLDERS = sorted(
    "facilitator.resources." + ".".join(folder.relative_to(_RESOURCES).parts)
    for folder in _RESOURCES.rglob("*")
    if folder.is_dir() and folder.name != "screenshots"
)

setup(
    packages=[
        *find_packages(include=["facilitator", "facilitator.*"]),
        "facilitator.resources",
        *_DATA_FOLDERS,
    ],
    package_dir={"facilitator.resources": "resources"},
)
