import { waitFor } from "../support/ports.ts";

/** A websocket client registered at the master gateway as a cluster's operator would be. */
export async function operatorClient(baseUrl: string, key: string, attributes: Record<string, string>) {
  const url = `${baseUrl.replace(/^http/, "ws")}/v1/waitfornotification?${new URLSearchParams(attributes)}`;
  const ws = new WebSocket(url, { headers: { "X-API-KEY": key } } as unknown as string[]);
  ws.binaryType = "arraybuffer";
  const received: Array<{ target: Record<string, string>; notification: { commands: Array<Record<string, any>> } }> = [];
  ws.onmessage = (e) => {
    const text = typeof e.data === "string" ? e.data : new TextDecoder().decode(e.data as ArrayBuffer);
    received.push(JSON.parse(text));
  };
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = () => reject(new Error("gateway websocket refused"));
  });
  return {
    received,
    next: (count = 1) => waitFor(`${count} notification(s)`, () => received.length >= count && received[count - 1], 5000, 20),
    close: () => ws.close(),
  };
}
