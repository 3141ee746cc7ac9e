/**
 * `check --format sarif`: a SARIF 2.1.0 log for code scanning (GitHub's upload-sarif action and
 * others). The rules come from the rule files (id, name, summary, help, severity); each result
 * names the file as its artifact location (with the line where the address is written, when it
 * was found) and the Terraform address as its logical location; for cdktf output also the
 * construct path (from the block's `"//"` metadata) and, when cdktf recorded the construct's
 * creation stack, a related location at the TypeScript line that created it. Every result carries
 * the tool version. partialFingerprints do not depend on line numbers, so a finding keeps its
 * identity when the file around it moves.
 */
import { createHash } from "crypto";
import { readFileSync } from "fs";
import { isAbsolute, join, relative, sep } from "path";
import { pathToFileURL } from "url";
import { ALL_RULES } from "../../checks/rules";
import { CheckFinding } from "./run-checks";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI = "https://www.npmjs.com/package/cdktf-eks-irsa";
/** GitHub limits rule descriptions to 1024 characters. */
const MAX_DESCRIPTION = 1024;
/** GitHub's security-severity scale: 7.0-8.9 shows as "high", 4.0-6.9 as "medium". */
const SECURITY_SEVERITY = { error: "8.0", warning: "5.0" };

/** This package's version, from the package.json two folders above lib/cli/check (or dist/cli/check). */
function toolVersion(): string {
  try {
    return String(JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "package.json"), "utf8")).version);
  } catch {
    return "0.0.0";
  }
}

/** A path relative to the working directory (as code scanning wants), or a file: URI outside it. */
export function artifactUri(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  if (rel.startsWith("..") || isAbsolute(rel)) return pathToFileURL(file).href;
  return rel.split(sep).map(encodeURIComponent).join("/");
}

const limit = (text: string) => (text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`);

function rules() {
  return ALL_RULES.map((rule) => ({
    id: rule.id,
    name: rule.name,
    helpUri: rule.helpUri,
    shortDescription: { text: limit(rule.summary) },
    fullDescription: { text: limit(`${rule.summary} ${rule.help}`) },
    help: { text: rule.help, markdown: `**${rule.id} ${rule.name}**: ${rule.summary}\n\n${rule.help}` },
    defaultConfiguration: { level: rule.severity },
    properties: {
      tags: ["security", "iam", "trust-policy"],
      precision: "high",
      "problem.severity": rule.severity,
      "security-severity": SECURITY_SEVERITY[rule.severity],
    },
  }));
}

function fingerprint(f: CheckFinding, uri: string): string {
  return createHash("sha256").update(`${f.ruleId}\n${uri}\n${f.address}\n${f.message}`).digest("hex").slice(0, 32);
}

/** The construct's path as a second logical location, and where it was created as a related location. */
function constructLocations(f: CheckFinding, cwd: string) {
  const logical = f.constructPath === undefined ? [] : [{ fullyQualifiedName: f.constructPath, kind: "object" }];
  const related =
    f.createdAt === undefined
      ? []
      : [
          {
            id: 1,
            message: { text: `${f.constructPath ?? f.address} is created here` },
            physicalLocation: {
              artifactLocation: { uri: artifactUri(f.createdAt.file, cwd) },
              region: { startLine: f.createdAt.line, startColumn: f.createdAt.column },
            },
          },
        ];
  return { logical, related };
}

export function formatSarif(findings: readonly CheckFinding[], cwd: string): string {
  const index = new Map(ALL_RULES.map((r, i) => [r.id, i]));
  const version = toolVersion();
  const results = findings.map((f) => {
    const uri = artifactUri(f.file, cwd);
    const { logical, related } = constructLocations(f, cwd);
    return {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId) ?? -1,
      level: f.severity,
      message: { text: `${f.address}: ${f.message}` },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri }, ...(f.region === undefined ? {} : { region: f.region }) },
          logicalLocations: [{ fullyQualifiedName: f.address, kind: "resource" }, ...logical],
        },
      ],
      ...(related.length === 0 ? {} : { relatedLocations: related }),
      partialFingerprints: { "cdktfEksIrsaFinding/v1": fingerprint(f, uri) },
      properties: { toolVersion: version, ...(f.constructPath === undefined ? {} : { constructPath: f.constructPath }) },
    };
  });
  const log = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "cdktf-eks-irsa", version, semanticVersion: version, informationUri: INFORMATION_URI, rules: rules() } },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
