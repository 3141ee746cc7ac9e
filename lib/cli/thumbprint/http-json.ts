/**
 * One JSON document over https for the discovery check: HTTP 200, at most MAX_DOCUMENT_BYTES, the
 * whole body (a connection closed before the declared length or the last chunk is an error), and JSON.
 */
import * as https from "https";
import { Deadline } from "./deadline";
import { ThumbprintError } from "./errors";

/** The largest discovery document or JWKS the command reads: 1 MiB, some hundred times a real one. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

/** GETs `url` and parses it; `what` names the document in errors ("discovery document", "jwks_uri"). */
export function getJson(url: string, what: string, deadline: Deadline): Promise<unknown> {
  try {
    new URL(url);
  } catch {
    return Promise.reject(new ThumbprintError(`${what} ${url} is not a URL`));
  }
  deadline.begin(url, "the answer");
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      request.destroy();
      reject(new ThumbprintError(`${what} ${url} ${message}`));
    };
    const tooLarge = `is larger than 1 MiB (${MAX_DOCUMENT_BYTES} bytes), the most this command reads`;
    // The chain is verified (or reported unverified) separately; here only the documents matter.
    // No agent: no kept-alive socket outlives the run. The deadline's signal ends the request.
    const request = https.get(url, { rejectUnauthorized: false, agent: false, signal: deadline.signal }, (response) => {
      if (response.statusCode !== 200) return fail(`answered HTTP ${response.statusCode}`);
      const declared = Number(response.headers["content-length"]);
      if (declared > MAX_DOCUMENT_BYTES) return fail(tooLarge);
      const chunks: Buffer[] = [];
      let size = 0;
      const cutOff = () => {
        const of = Number.isInteger(declared) ? ` of the ${declared} announced` : "";
        fail(`was cut off: the connection closed after ${size}${of} bytes of the body`);
      };
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_DOCUMENT_BYTES) return fail(tooLarge);
        chunks.push(chunk);
      });
      response.on("end", () => {
        if (!response.complete) return cutOff();
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          return fail("is not JSON");
        }
        settled = true;
        resolve(body);
      });
      response.on("error", cutOff);
      response.on("close", () => !response.complete && cutOff());
    });
    request.on("socket", (socket) => socket.on("data", () => deadline.heard()));
    request.on("error", (e) => {
      if (deadline.signal.aborted) reject(deadline.signal.reason);
      else fail(`could not be fetched: ${(e as { reason?: string }).reason ?? e.message}`);
    });
  });
}
