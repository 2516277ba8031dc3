"""The `afrel` program: the command line, run as a short-lived process."""

from typing import NoReturn


def main() -> NoReturn:
    import gc

    # Nearly everything made while starting up (modules, classes, Typer's command) lives until the process
    # ends, so the cycle collector's passes over it find nothing to free; they would cost a fifth of a
    # query's time, the last one at exit. Collection runs only over what the command itself makes.
    gc.disable()
    from afrel.cli import app

    gc.freeze()
    gc.enable()
    try:
        app()
    finally:
        gc.freeze()
    raise SystemExit(0)  # pragma: no cover - app() always exits
