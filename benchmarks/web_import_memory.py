"""Does the server's memory hold when several people import at once?

Starts ``overdracht web`` (waitress) on a free loopback port in a temporary data folder, logs in
with the demo account, and posts a workbook of about 90 KB (``import_speed.make_workbook``, a
few hundred pupils) to *Importeren*: first once, then PARALLEL times at once. It prints the
server's memory (RSS) before, its peak (VmHWM) after each round, how many imports ran and how
many got the "even wachten" page (503). The server runs at most OVERDRACHT_IMPORTS_TEGELIJK
imports at once (default 2). Run: .venv/bin/python benchmarks/web_import_memory.py [parallel]
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import import_speed

ROOT = Path(__file__).resolve().parents[1]
PUPILS = 600


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def memory_mb(pid: int, field: str) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(rf"^{field}:\s+(\d+) kB", status, re.M)
    return int(match.group(1)) // 1024 if match else 0


class Session:
    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def csrf(self) -> str:
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=120) as response:
            return str(response.read().decode())

    def post(self, path: str, body: bytes, content_type: str) -> int:
        request = urllib.request.Request(
            self.base + path,
            data=body,
            headers={
                "Content-Type": content_type,
                "X-CSRFToken": self.csrf(),
                "Referer": self.base + path,
            },
        )
        try:
            with self.opener.open(request, timeout=300) as response:
                response.read()
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return int(exc.code)


def login(base: str, username: str, password: str) -> Session:
    session = Session(base)
    session.get("/inloggen/")
    form = urllib.parse.urlencode({"username": username, "password": password}).encode()
    session.post("/inloggen/", form, "application/x-www-form-urlencoded")
    return session


def multipart(workbook: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="overgang"\r\n\r\npo-vo\r\n',
        f'--{boundary}\r\nContent-Disposition: form-data; name="bestand"; '
        'filename="leerlingen.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n',
    ]
    body = "".join(parts).encode() + workbook + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def main() -> int:
    parallel = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    with tempfile.TemporaryDirectory() as folder:
        import_speed.ROWS = PUPILS
        source = Path(folder) / "leerlingen.xlsx"
        import_speed.make_workbook(source)
        body, content_type = multipart(source.read_bytes())
        port = free_port()
        out = Path(folder) / "uit.txt"
        command = [sys.executable, "-c", "from overdracht.cli import main; main()", "web"]
        command += ["--data", f"{folder}/data", "--port", str(port)]
        command += ["--voorbeelden", str(ROOT / "samples")]
        with out.open("w") as handle:
            server = subprocess.Popen(
                command, stdout=handle, stderr=subprocess.STDOUT, env=os.environ
            )
        try:
            deadline = time.monotonic() + 120
            while not (
                match := re.search(r"gebruikersnaam '(.+?)', wachtwoord '(.+?)'", out.read_text())
            ):
                if time.monotonic() > deadline or server.poll() is not None:
                    print(out.read_text())
                    return 1
                time.sleep(0.2)
            base = f"http://127.0.0.1:{port}"
            time.sleep(0.5)
            sessions = [login(base, match.group(1), match.group(2)) for _ in range(parallel)]
            sessions[0].get("/importeren/")
            print(f"Werkmap: {source.stat().st_size // 1024} KB, {PUPILS} leerlingen")
            print(f"Server in rust: {memory_mb(server.pid, 'VmRSS')} MB")
            status = sessions[0].post("/importeren/", body, content_type)
            print(f"1 import (status {status}): piek {memory_mb(server.pid, 'VmHWM')} MB")
            for s in sessions:
                s.get("/importeren/")
            with ThreadPoolExecutor(parallel) as pool:
                statuses = list(
                    pool.map(lambda s: s.post("/importeren/", body, content_type), sessions)
                )
            ran = sum(1 for s in statuses if s in (200, 302))
            waited = statuses.count(503)
            print(
                f"{parallel} imports tegelijk: piek {memory_mb(server.pid, 'VmHWM')} MB; "
                f"{ran} ingelezen, {waited} 'even wachten', "
                f"{parallel - ran - waited} anders ({sorted(set(statuses))})"
            )
            errors = [line for line in out.read_text().splitlines() if "Error" in line]
            for line in errors[-8:]:
                print("  server:", line)
        finally:
            server.terminate()
            server.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
