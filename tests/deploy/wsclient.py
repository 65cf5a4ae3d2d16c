"""A minimal RFC 6455 websocket client over asyncio streams, for talking to real daphne
processes (Channels' WebsocketCommunicator only talks to an application in this process)."""

import asyncio
import base64
import hashlib
import json
import os
import struct
from typing import Any

_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
_TEXT, _CLOSE, _PING, _PONG = 0x1, 0x8, 0x9, 0xA


class WebsocketClosed(ConnectionError):
    pass


class Websocket:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def connect(cls, port: int, path: str, *, cookie: str) -> "Websocket":
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        key = base64.b64encode(os.urandom(16))
        request = (
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key.decode()}\r\n"
            f"Sec-WebSocket-Version: 13\r\nOrigin: http://127.0.0.1:{port}\r\n"
            f"Cookie: {cookie}\r\n\r\n"
        )
        writer.write(request.encode())
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
        status, *headers = head.decode().split("\r\n")
        if " 101 " not in status:
            raise WebsocketClosed(f"the handshake was refused: {status}")
        fields = {
            name.strip().lower(): value.strip()
            for name, _, value in (h.partition(":") for h in headers if h)
        }
        accept = base64.b64encode(hashlib.sha1(key + _GUID).digest()).decode()
        if fields.get("sec-websocket-accept") != accept:
            raise WebsocketClosed("the server answered with a wrong Sec-WebSocket-Accept")
        return cls(reader, writer)

    async def send_json(self, message: dict[str, Any]) -> None:
        await self._send(_TEXT, json.dumps(message).encode())

    async def receive_json(self, timeout: float = 10) -> dict[str, Any]:
        while True:
            opcode, payload = await asyncio.wait_for(self._frame(), timeout)
            if opcode == _TEXT:
                message: dict[str, Any] = json.loads(payload)
                return message
            if opcode == _PING:
                await self._send(_PONG, payload)
            elif opcode == _CLOSE:
                code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else None
                raise WebsocketClosed(f"the server closed the websocket with code {code}")

    async def close(self) -> None:
        await self._send(_CLOSE, struct.pack("!H", 1000))
        self.writer.close()
        await self.writer.wait_closed()

    async def _send(self, opcode: int, payload: bytes) -> None:
        # Client frames are always masked (RFC 6455, 5.3).
        mask = os.urandom(4)
        length = len(payload)
        if length < 126:
            header = struct.pack("!BB", 0x80 | opcode, 0x80 | length)
        elif length < 2**16:
            header = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, length)
        else:
            header = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, length)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.writer.write(header + mask + masked)
        await self.writer.drain()

    async def _frame(self) -> tuple[int, bytes]:
        """One whole message: (opcode, payload), continuation frames joined."""
        opcode, parts = 0, []
        while True:
            first, second = await self.reader.readexactly(2)
            length = second & 0x7F
            if length == 126:
                (length,) = struct.unpack("!H", await self.reader.readexactly(2))
            elif length == 127:
                (length,) = struct.unpack("!Q", await self.reader.readexactly(8))
            mask = await self.reader.readexactly(4) if second & 0x80 else b""
            data = await self.reader.readexactly(length)
            if mask:
                data = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
            opcode = opcode or first & 0x0F
            parts.append(data)
            if first & 0x80:
                return opcode, b"".join(parts)
