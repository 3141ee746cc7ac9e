/**
 * Local servers for the `thumbprint` command's tests, all on 127.0.0.1: a well-behaved HTTPS OIDC
 * issuer sending a chosen chain, and misbehaving ones (raw HTTP answers over TLS, TCP servers that
 * trickle, close, stay silent or speak plain HTTP). `closeAll()` ends every server and connection.
 */
import * as http from "http";
import * as https from "https";
import * as net from "net";
import * as tls from "tls";

const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();

function listen(server: net.Server): Promise<number> {
  servers.push(server);
  server.on("connection", (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // A TLS server reports each client's failed handshake here; the tests make many on purpose.
  server.on("tlsClientError", () => undefined);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)));
}

export function closeAll(): void {
  for (const socket of sockets) socket.destroy();
  for (const server of servers.splice(0)) server.close();
}

export interface Issuer {
  readonly url: string;
  readonly port: number;
}

export interface IssuerOptions {
  /** What the discovery document names as issuer; the issuer URL itself by default. */
  readonly discoveryIssuer?: (url: string) => string;
  /** TLS server options on top of the key and chain, e.g. maxVersion or ciphers. */
  readonly tls?: tls.TlsOptions;
}

/** An HTTPS OIDC issuer at https://127.0.0.1:<port>/id/EXAMPLE sending `chain` (PEM, in this order). */
export async function startIssuer(key: string, chain: string[], options: IssuerOptions = {}): Promise<Issuer> {
  let url = "";
  const server = https.createServer({ ...options.tls, key, cert: chain.join("") }, (req, res) => {
    res.setHeader("content-type", "application/json");
    if (req.url === "/id/EXAMPLE/.well-known/openid-configuration") {
      res.end(JSON.stringify({ issuer: options.discoveryIssuer ? options.discoveryIssuer(url) : url, jwks_uri: `${url}/keys` }));
    } else if (req.url === "/id/EXAMPLE/keys") {
      res.end(JSON.stringify({ keys: [{ kty: "RSA", kid: "k1" }] }));
    } else {
      res.statusCode = 404;
      res.end("{}");
    }
  });
  const port = await listen(server);
  url = `https://127.0.0.1:${port}/id/EXAMPLE`;
  return { url, port };
}

/**
 * A TLS server that answers each HTTP request with whatever `answer` writes on the socket, raw:
 * cut bodies, trickles. `answer` gets the requested path and the issuer URL.
 */
export async function startRawIssuer(
  key: string,
  chain: string[],
  answer: (socket: tls.TLSSocket, path: string, url: string) => void,
): Promise<Issuer> {
  let url = "";
  const server = tls.createServer({ key, cert: chain.join("") }, (socket) => {
    let head = "";
    socket.on("data", (chunk) => {
      head += chunk.toString("latin1");
      if (!head.includes("\r\n\r\n")) return;
      answer(socket, head.split(" ")[1], url);
      head = "";
    });
    socket.on("error", () => undefined);
  });
  const port = await listen(server);
  url = `https://127.0.0.1:${port}/id/EXAMPLE`;
  return { url, port };
}

/** A plain TCP server; `onConnection` decides what the client gets. */
export async function startTcp(onConnection: (socket: net.Socket) => void): Promise<number> {
  return listen(
    net.createServer((socket) => {
      socket.on("error", () => undefined);
      onConnection(socket);
    }),
  );
}

/** A plain HTTP server on the port where the command expects TLS. */
export async function startPlainHttp(): Promise<number> {
  return listen(http.createServer((_req, res) => res.end("{}")));
}

/** Writes `bytes` one byte every `everyMs` until done or the socket closes. */
export function trickle(socket: net.Socket, bytes: Buffer, everyMs = 100): void {
  let next = 0;
  const timer = setInterval(() => {
    if (next >= bytes.length || socket.destroyed) return clearInterval(timer);
    socket.write(bytes.subarray(next, ++next));
  }, everyMs);
  socket.on("close", () => clearInterval(timer));
}

/** A free port with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const probe = net.createServer();
  const port = await new Promise<number>((resolve) =>
    probe.listen(0, "127.0.0.1", () => resolve((probe.address() as net.AddressInfo).port)),
  );
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The TLS version and cipher suite a server on `port` negotiates with Node's defaults. */
export function negotiated(port: number): Promise<{ protocol: string | null; cipher: string }> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: "127.0.0.1", port, rejectUnauthorized: false }, () => {
      resolve({ protocol: socket.getProtocol(), cipher: socket.getCipher().standardName });
      socket.destroy();
    });
    socket.on("error", reject);
  });
}
