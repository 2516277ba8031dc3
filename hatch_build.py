"""Build hook: put data/ into the wheel as afrel/data, with a compiled copy so installs never parse YAML.

Editable installs skip this: there src/afrel/data is a link to data/, and the compiled copy is made in the
user's cache directory on first use.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):  # type: ignore[misc]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root / "src"))
        try:
            from afrel.store import cache, writer
        finally:
            sys.path.pop(0)
        files = cache.bundled_files()
        self._folder = tempfile.TemporaryDirectory()
        target = Path(self._folder.name) / cache.COMPILED_NAME
        dataset = replace(cache.parse_files(files), fingerprint=cache.fingerprint(files))
        writer.write(dataset, target)
        build_data["force_include"][str(root / "data")] = "afrel/data"
        build_data["force_include"][str(target)] = f"afrel/data/{cache.COMPILED_NAME}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            folder.cleanup()
