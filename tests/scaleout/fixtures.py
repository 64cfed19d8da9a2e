"""A real PostgreSQL server for the session (Debian's postgresql binaries, started in a temp dir on
127.0.0.1), a fresh database per DuckLake warehouse, and an S3-compatible server (moto) on 127.0.0.1.

Registered for the whole suite in tests/conftest.py, so the warehouse tests can run on both backends.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from gdwatch.config.models import lake_location

_USER = "postgres"


def _bindir() -> Path:
    """Where initdb and pg_ctl are: on PATH, else Debian's /usr/lib/postgresql/<version>/bin."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not candidates:
        raise RuntimeError(
            "PostgreSQL server binaries not found: apt-get install postgresql (.ci/run does it in CI)"
        )
    return Path(candidates[-1]).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PostgresServer:
    port: int
    directory: Path
    _names: Iterator[int]

    def conninfo(self, dbname: str = "postgres", user: str = _USER) -> str:
        return f"dbname={dbname} host=127.0.0.1 port={self.port} user={user}"

    def create_database(self, prefix: str = "lake") -> str:
        """A new empty database; returns its name."""
        import psycopg

        name = f"{prefix}_{next(self._names)}"
        with psycopg.connect(self.conninfo(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return name

    def execute(self, sql: str, dbname: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.conninfo(dbname), autocommit=True) as conn:
            conn.execute(sql.encode())


def _as_user(args: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the postgres (else nobody) user."""
    if os.geteuid() != 0:
        return args
    user = "postgres" if shutil.which("runuser") and _user_exists("postgres") else "nobody"
    return ["runuser", "-u", user, "--", *args]


def _user_exists(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


@contextmanager
def running_postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server in a temp dir, trust auth on 127.0.0.1 only, fsync off; removed on exit."""
    bindir = _bindir()
    # NOTE: not under pytest's tmp dir: as root, the server runs as another user, who cannot enter it.
    directory = Path(tempfile.mkdtemp(prefix="gdwatch-pg-"))
    data = directory / "data"
    if os.geteuid() == 0:
        owner = "postgres" if _user_exists("postgres") else "nobody"
        shutil.chown(directory, owner)
    subprocess.run(
        _as_user([str(bindir / "initdb"), "-D", str(data), "-U", _USER, "--auth=trust", "-E", "UTF8"]),
        check=True,
        capture_output=True,
        text=True,
    )
    port = free_port()
    options = f"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    subprocess.run(
        _as_user(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(directory / "log"),
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield PostgresServer(port=port, directory=directory, _names=itertools.count(1))
    finally:
        subprocess.run(
            _as_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the test session (see running_postgres)."""
    with running_postgres() as server:
        yield server


LakeFactory = Callable[..., Path]


@dataclass(frozen=True)
class LakeTemplate:
    database: str
    data_path: str


@pytest.fixture(scope="session")
def lake_template(postgres_server: PostgresServer) -> Iterator[LakeTemplate]:
    """A migrated, empty DuckLake catalog that new lakes copy (CREATE DATABASE ... TEMPLATE): migrating
    takes seconds, copying a database a fraction of one."""
    from gdwatch.warehouse import Warehouse

    data = Path(tempfile.mkdtemp(prefix="gdwatch-lake-"))
    name = postgres_server.create_database("template")
    location = lake_location(f"postgres:{postgres_server.conninfo(name)}", str(data))
    Warehouse(location).close()
    try:
        yield LakeTemplate(database=name, data_path=str(data))
    finally:
        shutil.rmtree(data, ignore_errors=True)


@pytest.fixture
def new_lake(postgres_server: PostgresServer, lake_template: LakeTemplate) -> LakeFactory:
    """Make DuckLake warehouse locations on the session's PostgreSQL: a copy of the migrated template
    (its data files share the template's directory: DuckLake names every file by a UUID), or, given a
    data path (an s3:// prefix), a new catalog there."""

    def make(data_path: str | None = None) -> Path:
        if data_path is None:
            name = f"lake_{next(postgres_server._names)}"
            postgres_server.execute(f"CREATE DATABASE {name} TEMPLATE {lake_template.database}")
            data_path = lake_template.data_path
        else:
            name = postgres_server.create_database()
        return lake_location(f"postgres:{postgres_server.conninfo(name)}", data_path)

    return make


@dataclass
class S3Server:
    endpoint: str
    bucket: str


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    """moto's S3 server on 127.0.0.1 with one bucket; AWS_* variables point the warehouse at it."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    saved = {
        k: os.environ.get(k)
        for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL", "AWS_REGION")
    }
    try:
        import boto3  # type: ignore[import-untyped]

        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("moto's S3 server did not start") from None
                time.sleep(0.1)
        os.environ.update(
            AWS_ACCESS_KEY_ID="testing",
            AWS_SECRET_ACCESS_KEY="testing",
            AWS_ENDPOINT_URL=endpoint,
            AWS_REGION="us-east-1",
        )
        boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1").create_bucket(Bucket="gdwatch")
        yield S3Server(endpoint=endpoint, bucket="gdwatch")
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        proc.terminate()
        proc.wait(timeout=10)
