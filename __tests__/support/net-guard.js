/**
 * Loaded with NODE_OPTIONS="--require .../net-guard.js" into every Node process of a command: it
 * records each attempt to reach a host that is not this machine (DNS lookups and TCP connects) in
 * the file named by NET_GUARD_LOG, and sends the connection to a closed local port instead.
 */
const dns = require("dns");
const fs = require("fs");
const net = require("net");

const log = process.env.NET_GUARD_LOG;
const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|::1|0\.0\.0\.0)$/;
const record = (what) => log && fs.appendFileSync(log, `${process.pid} ${what}\n`);

const lookup = dns.lookup;
dns.lookup = function guardedLookup(host, ...rest) {
  if (!LOCAL.test(String(host))) record(`dns ${host}`);
  return lookup.call(this, LOCAL.test(String(host)) ? host : "localhost", ...rest);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const options = typeof args[0] === "object" && args[0] !== null ? args[0] : { port: args[0], host: args[1] };
  if (options.path === undefined && options.host !== undefined && !LOCAL.test(String(options.host))) {
    record(`connect ${options.host}:${options.port}`);
    return connect.call(this, { port: 9, host: "127.0.0.1" }, ...args.slice(1).filter((a) => typeof a === "function"));
  }
  return connect.apply(this, args);
};
