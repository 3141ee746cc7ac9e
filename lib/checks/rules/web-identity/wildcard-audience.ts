import { Token } from "cdktf";
import { WILDCARD } from "../../../validation/rule";
import { TrustRule } from "../../trust-rule";
import { claimConditions, isStringLike } from "../../web-identity";

export const wildcardAudience: TrustRule = {
  id: "IRSA008",
  name: "wildcard-audience",
  severity: "error",
  summary: "aud is matched with a wildcard.",
  help: "A pattern accepts tokens minted for other audiences. Match aud exactly with StringEquals (sts.amazonaws.com for IRSA).",
  check: (statements) =>
    claimConditions(statements)
      .filter(
        ({ claim, c }) => claim === "aud" && isStringLike(c.operator) && c.values.some((v) => !Token.isUnresolved(v) && WILDCARD.test(v)),
      )
      .map(({ w, c }) => `${w.label} matches ${c.key} with a wildcard; the audience must be exact`),
};
