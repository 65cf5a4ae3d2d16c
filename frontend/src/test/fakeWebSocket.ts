import { waitFor } from "@testing-library/react";

/**
 * Stands in for the browser's WebSocket (an external API): records what the
 * client sends and lets a test play the server's side.
 */
export class FakeWebSocket {
  static instances: FakeWebSocket[] = [];

  static reset(): void {
    FakeWebSocket.instances = [];
  }

  static latest(): FakeWebSocket {
    const socket = FakeWebSocket.instances.at(-1);
    if (!socket) throw new Error("No WebSocket was opened.");
    return socket;
  }

  /** The latest socket, once a page has opened one: pages subscribe in an effect, which may
   * run after the content a test waited for is on screen. */
  static opened(): Promise<FakeWebSocket> {
    return waitFor(() => FakeWebSocket.latest());
  }

  readonly url: string;
  readyState = 0;
  sent: unknown[] = [];
  onopen: ((ev: Event) => unknown) | null = null;
  onmessage: ((ev: MessageEvent) => unknown) | null = null;
  onclose: ((ev: CloseEvent) => unknown) | null = null;
  onerror: ((ev: Event) => unknown) | null = null;

  constructor(url: string) {
    this.url = url;
    FakeWebSocket.instances.push(this);
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error("send() on a socket that is not open");
    this.sent.push(JSON.parse(data));
  }

  close(): void {
    this.readyState = 3;
    this.onclose?.(new CloseEvent("close", { code: 1000 }));
  }

  /** Server side: accept the connection. */
  acceptConnection(): void {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }

  /** Server side: send one JSON message. */
  emit(message: unknown): void {
    this.onmessage?.(new MessageEvent("message", { data: JSON.stringify(message) }));
  }

  /** Server side: drop the connection. */
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.(new CloseEvent("close", { code }));
  }
}
