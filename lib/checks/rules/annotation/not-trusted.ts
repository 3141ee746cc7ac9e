import { ConfigRule } from "../../trust-rule";

export const annotationNotTrusted: ConfigRule = {
  id: "IRSA040",
  name: "annotation-not-trusted",
  severity: "error",
  summary: "A service account's eks.amazonaws.com/role-arn names a role whose trust (in the same configuration) does not admit it.",
  help:
    "The pod identity webhook injects the role into the pod, but STS refuses the token: the role's trust must admit " +
    "system:serviceaccount:<namespace>:<name> with the audience sts.amazonaws.com (or the eks.amazonaws.com/audience annotation's " +
    "value). Add the account to the role's trust (IrsaRole serviceAccounts), or annotate the account with the right role.",
  checkConfig: ({ annotations }) =>
    annotations
      .filter((v) => v.admitted === false)
      .map((v) => ({
        address: v.annotation.address,
        message:
          `puts eks.amazonaws.com/role-arn ${v.annotation.roleArn} on ${v.annotation.namespace}/${v.annotation.name}, but ` +
          // A literal ARN already names the role (an account export keys roles by a stand-in address).
          `${v.annotation.roleArn.includes("${") ? `the trust of aws_iam_role.${v.role}` : "that role's trust"} ` +
          `does not admit ${v.subject} with audience ${v.audience}`,
      })),
};
