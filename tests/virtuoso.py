"""A private Virtuoso server (Debian's virtuoso-opensource) for the
remote-store tests and the scale benchmark: its own database in a folder,
free ports on 127.0.0.1. No pytest here: bench/bench_scale.py imports it."""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt") or shutil.which("isql-v")
NO_VIRTUOSO = ("virtuoso-t is not installed (Debian: apt-get install virtuoso-opensource; "
               ".ci/run installs it)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Virtuoso:
    """A private Virtuoso server: its own virtuoso.ini and database in
    ``folder``, free ports on 127.0.0.1, SPARQL Update granted to the
    anonymous /sparql endpoint. ``start()``, then ``endpoint``; ``stop()``."""

    def __init__(self, folder: Path, buffers_gb: float = 0.25, max_query_seconds: int = 10):
        self.folder = Path(folder)
        self.max_query_seconds = max_query_seconds  # 0: no limit
        self.buffers = max(2000, int(85_000 * buffers_gb))  # Virtuoso's rule: 85,000 buffers per GB
        self.proc: subprocess.Popen | None = None
        self.sql_port = self.http_port = 0

    @property
    def endpoint(self) -> str:
        return f"sparql+http://127.0.0.1:{self.http_port}/sparql"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None

    def _ini(self) -> str:
        d = self.folder
        return f"""[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{self.sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 20
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {d}
NumberOfBuffers = {self.buffers}
MaxDirtyBuffers = {self.buffers * 3 // 4}
MaxQueryMem = 2G
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{self.http_port}
ServerRoot = {d}
MaxClientConnections = 20
ServerThreads = 20
Charset = UTF-8
EnabledGzipContent = 0
MaxKeepAlives = 20
KeepAliveTimeout = 60

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = {self.max_query_seconds}
"""

    def start(self, timeout: float = 90) -> "Virtuoso":
        if not VIRTUOSO:
            raise RuntimeError(NO_VIRTUOSO)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.sql_port, self.http_port = _free_port(), _free_port()
        ini = self.folder / "virtuoso.ini"
        ini.write_text(self._ini())
        log = open(self.folder / "stdout.log", "wb")
        self.proc = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(ini)], cwd=self.folder,
                                     stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        deadline = time.time() + timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"Virtuoso exited ({self.proc.returncode}): {self.log_tail()}")
            try:
                self._http_query("ASK { ?s ?p ?o }")
                break
            except (OSError, urllib.error.URLError):
                if time.time() > deadline:
                    self.stop()
                    raise RuntimeError(f"Virtuoso did not start in {timeout:.0f} s: {self.log_tail()}")
                time.sleep(0.2)
        self.sql('grant SPARQL_UPDATE to "SPARQL";')
        return self

    def _http_query(self, sparql: str) -> bytes:
        data = urllib.parse.urlencode({"query": sparql}).encode()
        req = urllib.request.Request(f"{self.url}/sparql", data=data,
                                     headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.read()

    def sql(self, statement: str) -> str:
        """Run SQL through isql (as dba); its output."""
        if not ISQL:
            raise RuntimeError("isql-vt (Virtuoso's isql) not found")
        out = subprocess.run([ISQL, str(self.sql_port), "dba", "dba", f"exec={statement}"],
                             capture_output=True, text=True, timeout=120)
        if out.returncode != 0 or "*** Error" in out.stdout + out.stderr:
            raise RuntimeError(f"isql failed: {out.stdout} {out.stderr}")
        return out.stdout

    def clear(self) -> None:
        """Drop every graph kg writes (the documents and the meta graph)."""
        import json
        from kg.config import DOC_NS, META_GRAPH
        answer = json.loads(self._http_query(
            f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (STRSTARTS(STR(?g), "{DOC_NS}")) }}'))
        graphs = [b["g"]["value"] for b in answer["results"]["bindings"]] + [META_GRAPH]
        for i in range(0, len(graphs), 50):  # a transaction of a few graphs at a time
            update = " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs[i:i + 50])
            req = urllib.request.Request(f"{self.url}/sparql",
                                         data=urllib.parse.urlencode({"update": update}).encode())
            with urllib.request.urlopen(req, timeout=600) as r:
                r.read()

    def bulk_load(self, path: Path) -> None:
        """Virtuoso's own loader (ld_dir, rdf_loader_run, checkpoint) on an
        N-Quads file in the server's folder (its DirsAllowed)."""
        path = Path(path)
        self.sql("delete from DB.DBA.load_list;")
        self.sql(f"ld_dir('{path.parent}', '{path.name}', 'urn:kg:unused');")
        self.sql("rdf_loader_run();")
        self.sql("checkpoint;")

    def size_mb(self) -> float:
        return sum(p.stat().st_size for p in self.folder.glob("virtuoso*.db")) / 2**20

    def log_tail(self, lines: int = 15) -> str:
        text = ""
        for name in ("virtuoso.log", "stdout.log"):
            p = self.folder / name
            if p.exists():
                text += p.read_text(errors="replace")
        return " | ".join(text.strip().splitlines()[-lines:])

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
