from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_platform_is_a_source_folder_not_a_package() -> None:
    import platform

    assert not (ROOT / "platform" / "__init__.py").exists()
    assert Path(platform.__file__).parent != ROOT / "platform"
    assert platform.system() in {"Linux", "Darwin", "Windows"}
