"""Regenerate the typed low-level client (coalign_client/generated/) from the committed OpenAPI
schema, or with --check say whether the committed one is current (as `make schema-check` does
for the schema itself).

    python client/generate.py [--check]

The generator is openapi-python-client, pinned in the project's dev dependencies; its output is
formatted by the pinned ruff with fixed settings (--isolated), so the same schema gives the same
files wherever it runs.
"""

import argparse
import json
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

CLIENT = Path(__file__).resolve().parent
SCHEMA = CLIENT.parent / "frontend" / "openapi.yaml"
GENERATED = CLIENT / "coalign_client" / "generated"


def schema_for_client(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with JSON alone where a request body may also be a form: the generator sends
    the last content type it lists for a body, and a form cannot carry a run's nested config."""
    for item in schema["paths"].values():
        for operation in item.values():
            content = operation.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                operation["requestBody"]["content"] = {
                    "application/json": content["application/json"]
                }
    return schema


def generator_config() -> dict[str, Any]:
    ruff = f"{shlex.quote(sys.executable)} -m ruff"
    return {
        # The hazard campaigns' `Response` schema would shadow the generator's own Response type.
        "class_overrides": {
            "Response": {"class_name": "HazardResponse", "module_name": "hazard_response"}
        },
        # Downloads: a snapshot is JSON Lines (its Hugging Face export a zip), a study report
        # JSON or CSV; all come as bytes.
        "content_type_overrides": {
            "application/jsonl": "application/octet-stream",
            "application/zip": "application/octet-stream",
            "text/csv": "application/octet-stream",
        },
        "post_hooks": [
            f"{ruff} check --isolated --no-cache --select F401,I --fix-only --quiet .",
            f"{ruff} format --isolated --no-cache --line-length 100 --quiet .",
        ],
    }


def client_generate(*, out_dir: Path) -> None:
    """Write the generated package into out_dir, a folder that does not exist yet."""
    schema = schema_for_client(yaml.safe_load(SCHEMA.read_text()))
    with tempfile.TemporaryDirectory() as tmp:
        schema_path, config_path = Path(tmp) / "openapi.json", Path(tmp) / "config.json"
        schema_path.write_text(json.dumps(schema))
        config_path.write_text(json.dumps(generator_config()))
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "openapi_python_client",
                "generate",
                "--path",
                str(schema_path),
                "--config",
                str(config_path),
                "--meta",
                "none",
                "--output-path",
                str(out_dir),
                # A schema construct the generator would drop is an error, not a missing method.
                "--fail-on-warning",
            ],
            capture_output=True,
            text=True,
        )
    if result.returncode != 0:
        sys.exit(f"openapi-python-client failed:\n{result.stdout}{result.stderr}")


def tree_read(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="fail if the committed client is stale"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "generated"
        client_generate(out_dir=fresh)
        if args.check:
            if tree_read(fresh) != tree_read(GENERATED):
                sys.exit(
                    "client/coalign_client/generated is out of date with frontend/openapi.yaml: "
                    "run 'make client' and commit it."
                )
            return
        # Replaced whole, so an operation or model gone from the schema leaves no file behind.
        shutil.rmtree(GENERATED, ignore_errors=True)
        shutil.copytree(fresh, GENERATED)


if __name__ == "__main__":
    main()
