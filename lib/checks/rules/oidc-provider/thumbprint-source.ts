import { isExpression } from "../../../config-model/terraform-expression";
import { ConfigRule } from "../../trust-rule";

/** What a thumbprint expression pins, when it is not the top certificate (`certificates[0]`). */
function wrongCertificate(expression: string): string | undefined {
  const compact = expression.replace(/\s+/g, "");
  if (/certificates(\[\*\]|\.\*)/.test(compact) || /\[for\w+in[^\]]*certificates/.test(compact)) {
    return "every certificate of the chain (certificates[*]): the leaf churns at every renewal and the list can pass IAM's limit of 5";
  }
  if (/certificates\.sha1_fingerprint/.test(compact)) {
    return (
      "an unindexed certificates.sha1_fingerprint: certificates is a list, so Terraform rejects the attribute access; " +
      "pin certificates[0]"
    );
  }
  if (
    /certificates\[length\(/.test(compact) ||
    /reverse\([^()]*certificates\)\[0\]/.test(compact) ||
    /element\([^()]*certificates,length\(/.test(compact) ||
    /element\([^()]*certificates,-1\)/.test(compact)
  ) {
    return "the leaf (the last element of certificates): it changes at every renewal; pin certificates[0], the top certificate served";
  }
  return undefined;
}

export const oidcProviderThumbprintSource: ConfigRule = {
  id: "IRSA032",
  name: "oidc-provider-thumbprint-source",
  severity: "error",
  summary: "An OIDC provider's thumbprint_list pins certificates[*], the leaf, or an unindexed certificates attribute of tls_certificate.",
  help:
    "tls_certificate lists the chain top first, so certificates[0].sha1_fingerprint is the top certificate served, which AWS " +
    "documents as the one to pin. certificates[*] adds the leaf (new at every renewal, and past 5 entries IAM rejects the list), " +
    "the last element is the leaf itself, and certificates.sha1_fingerprint is an error. Or leave thumbprint_list out: IAM then " +
    "validates EKS issuers against its own trusted CAs.",
  checkConfig: ({ oidcProviders }) =>
    oidcProviders.flatMap(({ address, thumbprints, syntax }) => {
      if (syntax !== "terraform") return [];
      const expressions =
        thumbprints.kind === "expression"
          ? [thumbprints.text]
          : thumbprints.kind === "items"
            ? thumbprints.items.filter((t) => isExpression(t, syntax))
            : [];
      return expressions.flatMap((expression) => {
        const what = wrongCertificate(expression);
        return what === undefined ? [] : [{ address, message: `thumbprint_list ${expression} pins ${what}` }];
      });
    }),
};
