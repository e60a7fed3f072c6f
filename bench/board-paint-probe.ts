/** What the moderator's page records for bench/board-paint.ts, on `window.__paintProbe`. */
export interface PaintProbe {
  /** The board's snapshot has arrived (the `board:join` acknowledgement). */
  joined: boolean;
  /** Card id → when its `card.add` frame arrived (performance.now() of the page). */
  applied: Record<string, number>;
  /** Card id → when the first frame with its element was rendered; -1 while that frame is pending. */
  painted: Record<string, number>;
}

export type PaintProbeWindow = { __paintProbe: PaintProbe };

/**
 * Runs in the moderator's page before its own scripts. Stamps each card.add `board:applied` frame
 * as the socket delivers it (this listener is added before socket.io sets its own), and the first
 * rendered frame after the card's element appeared: a task posted from requestAnimationFrame runs
 * once that frame's style, layout and paint are done.
 */
function pageProbe() {
  const probe: PaintProbe = { joined: false, applied: {}, painted: {} };
  (window as unknown as PaintProbeWindow).__paintProbe = probe;
  const NativeWebSocket = window.WebSocket;
  class StampingWebSocket extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener("message", (event: MessageEvent) => {
        const at = performance.now();
        // Engine.io "4" (message) carrying a socket.io packet: "2" event or "3" ack, then an optional
        // namespace ("/name,") and ack id (digits), then the JSON array.
        if (typeof event.data !== "string" || !/^4[23]/.test(event.data)) return;
        const body = event.data
          .slice(2)
          .replace(/^\/[^,]*,/, "")
          .replace(/^\d+/, "");
        let packet: unknown;
        try {
          packet = JSON.parse(body);
        } catch {
          return;
        }
        if (!Array.isArray(packet)) return;
        if (event.data[1] === "3" && (packet[0] as { mode?: string } | undefined)?.mode === "snapshot") probe.joined = true;
        const applied = packet[1] as { op?: { kind?: string; cardId?: string } } | undefined;
        if (packet[0] === "board:applied" && applied?.op?.kind === "card.add" && applied.op.cardId) {
          probe.applied[applied.op.cardId] ??= at;
        }
      });
    }
  }
  window.WebSocket = StampingWebSocket;
  const seen = (element: Element) => {
    const cardId = element.id.slice("focus-card-".length);
    if (probe.applied[cardId] === undefined || probe.painted[cardId] !== undefined) return;
    probe.painted[cardId] = -1;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (probe.painted[cardId] = performance.now());
      channel.port2.postMessage(null);
    });
  };
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.id.startsWith("focus-card-")) seen(node);
        node.querySelectorAll('[id^="focus-card-"]').forEach(seen);
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

/**
 * The probe as an init script. tsx keeps function names through a helper (`__name`) that exists only
 * in Node, so the page gets a no-op one.
 */
export const paintProbeScript = `var __name = (target) => target;\n(${pageProbe.toString()})();`;
