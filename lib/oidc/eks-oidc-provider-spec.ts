import { Token } from "cdktf";
import { firstDuplicate, listLength, Validator } from "../validation/validator";
import { clientId, issuerUrl as issuerUrlRule, thumbprint } from "../validation/eks-rules";
import { checkTags } from "../validation/iam-rules";
import { EksOidcProviderProps } from "./eks-oidc-provider-props";
import { notDualStackIssuer } from "./issuer-host";
import { DEFAULT_AUDIENCE } from "./oidc-provider";

/** IAM allows at most five thumbprints per provider. */
const MAX_THUMBPRINTS = 5;

/** {@link EksOidcProviderProps}, validated and defaulted. Lists may be tokens. */
export interface EksOidcProviderSpec {
  readonly issuerUrl: string;
  readonly clientIds: string[];
  readonly fetchThumbprint: boolean;
  readonly staticThumbprints: string[];
  readonly tags?: { [key: string]: string };
}

/** Turns the props into a spec, or throws a ValidationError naming the property, value and rule. */
export function eksOidcProviderSpec(id: string, props: EksOidcProviderProps): EksOidcProviderSpec {
  const validator: Validator = new Validator(`EksOidcProvider "${id}"`);
  if (props === undefined || props === null) validator.rejectProperty("props", "are required (at least issuerUrl)");
  const issuerUrl = validator.requireString("issuerUrl", props.issuerUrl);
  validator.check("issuerUrl", issuerUrl, issuerUrlRule, notDualStackIssuer);

  const clientIds = validator.optionalList("clientIds", props.clientIds) ?? [DEFAULT_AUDIENCE];
  if (!Token.isUnresolved(clientIds)) {
    validator.check("clientIds", clientIds, listLength(1, 100, "client IDs"));
    clientIds.forEach((cid, i) => {
      validator.requireString(`clientIds[${i}]`, cid);
      validator.check(`clientIds[${i}]`, cid, clientId);
    });
    const dup = firstDuplicate(clientIds, (c) => c);
    if (dup >= 0) validator.reject(`clientIds[${dup}]`, clientIds[dup], "is listed twice");
  }

  validator.checkBoolean("fetchThumbprint", props.fetchThumbprint);
  const fetchThumbprint = props.fetchThumbprint ?? true;
  const staticThumbprints = validator.optionalList("thumbprints", props.thumbprints) ?? [];
  if (!Token.isUnresolved(staticThumbprints)) {
    staticThumbprints.forEach((tp, i) => {
      validator.requireString(`thumbprints[${i}]`, tp);
      validator.check(`thumbprints[${i}]`, tp, thumbprint);
    });
    const dup = firstDuplicate(staticThumbprints, (t) => (Token.isUnresolved(t) ? undefined : t.toLowerCase()));
    if (dup >= 0) validator.reject(`thumbprints[${dup}]`, staticThumbprints[dup], "is listed twice");
    const total = staticThumbprints.length + (fetchThumbprint ? 1 : 0);
    if (total > MAX_THUMBPRINTS) {
      const fetched = fetchThumbprint ? " with the fetched one" : "";
      validator.reject("thumbprints", staticThumbprints, `gives ${total} thumbprints${fetched}; IAM allows at most ${MAX_THUMBPRINTS}`);
    }
  }
  checkTags(validator, "tags", props.tags);
  return { issuerUrl, clientIds, fetchThumbprint, staticThumbprints, tags: props.tags };
}
