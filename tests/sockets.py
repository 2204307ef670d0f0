"""Stand-ins for a service that hangs or refuses, counting the connections made to them.

Tests of time-outs assert how many times the site tried (one timeout, no retry storm), not
how many seconds it took: a loaded machine stretches seconds, never connection counts.
"""

import socket
import threading


class SilentServer:
    """A port that accepts connections (the kernel's backlog) and never answers."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.accepted: list[socket.socket] = []

    def connections(self) -> int:
        """How many connections were made so far (those waiting in the backlog are taken)."""
        self.sock.setblocking(False)
        while True:
            try:
                connection, _address = self.sock.accept()
            except BlockingIOError:
                return len(self.accepted)
            self.accepted.append(connection)

    def close(self) -> None:
        for connection in self.accepted:
            connection.close()
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class RefusingServer(SilentServer):
    """A port that accepts each connection and closes it at once, before any answer."""

    def __init__(self):
        super().__init__()
        self.count = 0
        self.sock.settimeout(0.2)
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while self.running:
            try:
                connection, _address = self.sock.accept()
            except OSError:
                continue
            self.count += 1
            connection.close()

    def connections(self) -> int:
        return self.count

    def close(self) -> None:
        self.running = False
        self.thread.join(timeout=2)
        super().close()
