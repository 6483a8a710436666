// Flags of each command, parsed with node:util parseArgs, and the --help texts. Each command's
// help lists every option it takes (the table below is the one source of both).
import { parseArgs } from 'node:util';
import { UsageError } from './exit-codes.js';
import { thrownField } from './thrown.js';

type Option = { type: 'string' | 'boolean'; multiple?: boolean; short?: string; help: string };

const CONNECTION = {
  'project-id': {
    type: 'string',
    help: '--project-id ID      project of the domain (else HUAWEICLOUD_SDK_PROJECT_ID)',
  },
  region: {
    type: 'string',
    help: '--region R           cn-north-4 (default), cn-north-1, cn-east-3, ap-southeast-2, ap-southeast-3',
  },
  endpoint: {
    type: 'string',
    help: '--endpoint URL       any endpoint; wins over --region (and HUAWEICLOUD_SDK_REGION_LIVE_<REGION>)',
  },
  'allow-insecure-http': {
    type: 'boolean',
    help: '--allow-insecure-http  allow an http:// endpoint that is not this machine (the key would go in clear text)',
  },
  'iam-endpoint': {
    type: 'string',
    help: '--iam-endpoint URL   IAM for the project id lookup (else HUAWEICLOUD_SDK_IAM_ENDPOINT)',
  },
  'signing-algorithm': { type: 'string', help: '--signing-algorithm A  SDK-HMAC-SHA256 (default) or SDK-HMAC-SM3' },
  timeout: { type: 'string', help: '--timeout SECONDS    per attempt (default 30)' },
  'requests-per-minute': {
    type: 'string',
    help: '--requests-per-minute N  request starts a minute at most (default 120; the gateway allows 150; 0 = no pacing)',
  },
  retries: {
    type: 'string',
    help: '--retries N          retries of network errors, 429 and 5xx (default 2; 0 disables)',
  },
  verbose: {
    type: 'boolean',
    help: '--verbose            log each attempt to stderr: status, time, request id (else LIVE_HTTPS_CERT_LOG)',
  },
  debug: {
    type: 'boolean',
    help: '--debug              also log what is sent and received to stderr (secrets hidden)',
  },
} as const satisfies Record<string, Option>;
const JSON_HELP = {
  json: { type: 'boolean', help: '--json               one JSON document on stdout: { ok, summary, results }' },
  help: { type: 'boolean', short: 'h', help: '-h, --help           this help' },
} as const satisfies Record<string, Option>;
const DRY_RUN = {
  'dry-run': {
    type: 'boolean',
    help: '--dry-run            validate and sign the change and print it (signature value redacted); send no change',
  },
} as const satisfies Record<string, Option>;
const DOMAINS = {
  domain: { type: 'string', multiple: true, help: '--domain D           a Live streaming domain (repeatable)' },
  'domains-file': {
    type: 'string',
    help: '--domains-file FILE  one domain a line (# comments and blank lines ignored)',
  },
} as const satisfies Record<string, Option>;
// The targets read from the project's inventory instead of named (update, deploy-hook).
const COVERED = {
  covered: {
    type: 'boolean',
    help: '--covered            every pull domain, status on, that the certificate covers (read from ShowDomain)',
  },
} as const satisfies Record<string, Option>;
const FLEET = {
  concurrency: { type: 'string', help: '--concurrency N      domains in flight at once (default 8)' },
  'fail-fast': { type: 'boolean', help: '--fail-fast          stop starting new domains after the first failure' },
  report: {
    type: 'string',
    help: '--report FILE        append one JSON line per finished domain to FILE, as each finishes',
  },
} as const satisfies Record<string, Option>;
const CERTIFICATE = {
  cert: { type: 'string', help: '--cert FILE          PEM certificate: the full chain, leaf first (fullchain.pem)' },
  key: { type: 'string', help: '--key FILE           PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC), unencrypted' },
  'gm-sign-cert': { type: 'string', help: '--gm-sign-cert FILE  SM (GM) signature certificate (with the three below)' },
  'gm-sign-key': { type: 'string', help: '--gm-sign-key FILE   SM (GM) signature private key' },
  'gm-enc-cert': { type: 'string', help: '--gm-enc-cert FILE   SM (GM) encryption certificate' },
  'gm-enc-key': { type: 'string', help: '--gm-enc-key FILE    SM (GM) encryption private key' },
  'fix-chain': {
    type: 'boolean',
    help: '--fix-chain          reorder a chain given in the wrong order (leaf first, then each issuer)',
  },
} as const satisfies Record<string, Option>;
const WRITE = {
  'force-redirect': { type: 'boolean', help: '--force-redirect     redirect HTTP to HTTPS' },
  'no-force-redirect': {
    type: 'boolean',
    help: '--no-force-redirect  do not redirect (without either, the deployed setting is kept)',
  },
  'skip-checks': {
    type: 'boolean',
    help: '--skip-checks        upload even when the pre-flight checks find errors (they become warnings)',
  },
  always: {
    type: 'boolean',
    help: '--always             upload without comparing with what is deployed (it is still read once, to save it for rollback)',
  },
  verify: {
    type: 'boolean',
    help: '--verify             after uploading, check that the domain serves the new certificate (see verify)',
  },
} as const satisfies Record<string, Option>;
const CCM = {
  'via-ccm': {
    type: 'boolean',
    help: '--via-ccm            import --cert/--key into Cloud Certificate Manager once, then bind each domain by cert_id',
  },
  'domain-id': {
    type: 'string',
    help: '--domain-id ID       account id sent to CCM as X-Domain-Id (else HUAWEICLOUD_SDK_DOMAIN_ID, the credentials file, IAM)',
  },
} as const satisfies Record<string, Option>;
const ROLLBACK_ON_FAILURE = {
  'rollback-on-failure': {
    type: 'boolean',
    help: '--rollback-on-failure  with --verify: put the previous CCM binding back when the domain does not serve the new certificate',
  },
} as const satisfies Record<string, Option>;
const VERIFY = {
  connect: {
    type: 'string',
    help: '--connect HOST:PORT  connect there instead of the domain itself (a CDN edge, a test); SNI is still the domain',
  },
  wait: {
    type: 'string',
    help: '--wait DURATION      keep trying until it matches or this passes (e.g. 90s, 10m; default: try once)',
  },
} as const satisfies Record<string, Option>;

export const COMMANDS = {
  update: {
    options: {
      ...DOMAINS,
      ...COVERED,
      ...CERTIFICATE,
      'scm-cert-id': {
        type: 'string',
        help: '--scm-cert-id ID     use a certificate kept in Cloud Certificate Manager instead',
      },
      ...CCM,
      ...WRITE,
      ...VERIFY,
      ...ROLLBACK_ON_FAILURE,
      ...FLEET,
      ...CONNECTION,
      ...DRY_RUN,
      ...JSON_HELP,
    },
    summary: 'upload a certificate to one or many domains (pre-flight checks, then read-compare-write)',
    usage: `live-https-cert update (--domain D ... | --domains-file FILE | --covered)
       (--cert FILE --key FILE [--via-ccm] | --scm-cert-id ID) [options]`,
    notes: `Reads the deployed configuration first (one GET) and uploads only when the certificate or
force_redirect differ (else "unchanged", nothing written). The dry run reads too, and shows
deployed versus local (subject, expiry, fingerprint, force_redirect).
--covered (with --cert) takes the targets from the project's domains (one ShowDomain): every pull
domain with status on whose name the certificate's subjectAltName covers (a wildcard stands for one
label); push domains, domains off or configuring and domains not covered are listed as skipped.
--via-ccm: the chain and key go to Cloud Certificate Manager once per run, named lhc- and the
first 32 hex digits of the leaf's SHA-256 (a certificate of that name already there is reused:
a rerun imports nothing); each domain is then bound with tls_certificate { source: scm, cert_id },
so no PUT carries the key, and "unchanged" compares the cert_id.
Before every write the domain's setting is saved for rollback under $XDG_STATE_HOME/live-https-cert/
(else ~/.local/state/live-https-cert/; files 0600, never a key).`,
  },
  rollback: {
    options: { ...DOMAINS, ...FLEET, ...CONNECTION, ...DRY_RUN, ...JSON_HELP },
    summary: 'put back the setting a domain had before the last write by this tool (a CCM binding)',
    usage: 'live-https-cert rollback (--domain D ... | --domains-file FILE) [options]',
    notes: `The setting saved before the last update of each domain (in $XDG_STATE_HOME/live-https-cert/,
else ~/.local/state/live-https-cert/) is deployed again when it was bound to a Cloud Certificate
Manager certificate (by its cert_id), with its force_redirect; each rollback goes one write further
back. A previous uploaded PEM cannot be put back (its private key never passed through this tool),
nor "no certificate" (use delete): the domain fails with why, and nothing is sent (exit 2).`,
  },
  'deploy-hook': {
    options: {
      ...DOMAINS,
      ...COVERED,
      cert: CERTIFICATE['cert'],
      key: CERTIFICATE['key'],
      'fix-chain': CERTIFICATE['fix-chain'],
      ...CCM,
      ...WRITE,
      ...VERIFY,
      ...ROLLBACK_ON_FAILURE,
      ...FLEET,
      ...CONNECTION,
      ...DRY_RUN,
      ...JSON_HELP,
    },
    summary: 'renewal hook for ACME clients: upload a renewed certificate to the Live domains it covers',
    usage: `live-https-cert deploy-hook (--domain D ... | --domains-file FILE | --covered) [--cert FILE --key FILE] [options]
       (certbot: certbot renew --deploy-hook "live-https-cert deploy-hook --covered")`,
    notes: `Without --cert/--key it reads certbot's RENEWED_LINEAGE (fullchain.pem, privkey.pem) and
RENEWED_DOMAINS. Live domains the certificate does not cover (a wildcard stands for one label)
are skipped with a note; the others are updated as by update. --covered takes the domains from
the project (one ShowDomain): pull domains with status on that it covers; the rest are skipped.`,
  },
  status: {
    options: {
      ...DOMAINS,
      all: {
        type: 'boolean',
        help: '--all                every play domain with a certificate, from ShowCertificateInfo (one call per 100)',
      },
      'warn-days': {
        type: 'string',
        help: '--warn-days N        attention when a certificate expires within N days (default 30)',
      },
      ...FLEET,
      ...CONNECTION,
      ...JSON_HELP,
    },
    summary: 'the deployed certificate of each domain: subject, issuer, expiry, fingerprint, coverage',
    usage: 'live-https-cert status (--domain D ... | --domains-file FILE | --all) [--warn-days N] [options]',
    notes: `Exit 4 when any domain needs attention: expires within --warn-days, expired, does not cover
the domain, or has no certificate. --domain reads each domain's configuration (one GET each) and
judges the certificate itself; --all reads the expiry, source and cert_id that ShowCertificateInfo
lists for every play domain of the project (one call per 100 domains, no GET per domain).`,
  },
  domains: {
    options: { ...CONNECTION, ...JSON_HELP },
    summary: 'every Live domain of the project: type, status, CNAME, and the deployed certificate of play domains',
    usage: 'live-https-cert domains [--json] [options]',
    notes: `One ShowDomain call for the domains, and ShowCertificateInfo (one call per 100 play domains)
for the expiry, source (scm: kept in CCM; user: uploaded PEM) and cert_id of each certificate.`,
  },
  verify: {
    options: {
      ...DOMAINS,
      cert: {
        type: 'string',
        help: '--cert FILE          the certificate that should be served (else the deployed one, read with a GET)',
      },
      ...VERIFY,
      ...FLEET,
      ...CONNECTION,
      ...JSON_HELP,
    },
    summary: 'check that each domain serves the expected certificate (TLS handshake with SNI)',
    usage:
      'live-https-cert verify (--domain D ... | --domains-file FILE) [--cert FILE] [--connect HOST:PORT] [--wait DURATION] [options]',
    notes: 'Exit 4 when a domain serves another certificate (or none), with what it serves instead.',
  },
  show: {
    options: { ...DOMAINS, ...FLEET, ...CONNECTION, ...DRY_RUN, ...JSON_HELP },
    summary: 'show the HTTPS certificate configuration of one or many domains',
    usage: 'live-https-cert show (--domain D ... | --domains-file FILE) [options]',
    notes: '',
  },
  delete: {
    options: {
      ...DOMAINS,
      yes: {
        type: 'boolean',
        short: 'y',
        help: '-y, --yes            delete more than one domain without asking (needed when not on a terminal)',
      },
      ...FLEET,
      ...CONNECTION,
      ...DRY_RUN,
      ...JSON_HELP,
    },
    summary: 'delete the HTTPS certificate configuration of one or many domains',
    usage: 'live-https-cert delete (--domain D ... | --domains-file FILE) [--yes] [options]',
    notes:
      "More than one domain: asks for confirmation on a terminal, needs --yes otherwise.\nEach domain's setting is read and saved first (see `rollback`); the dry run reads nothing.",
  },
  check: {
    options: { domain: DOMAINS['domain'], ...CERTIFICATE, json: JSON_HELP['json'], help: JSON_HELP['help'] },
    summary: 'check a certificate and key offline, without sending anything',
    usage: 'live-https-cert check --domain D --cert FILE --key FILE [--gm-* FILE ...] [--json]',
    notes: '',
  },
} as const satisfies Record<string, { options: Record<string, Option>; summary: string; usage: string; notes: string }>;

export type CommandName = keyof typeof COMMANDS;

/** A command of the table (its own key: `toString` is not a command). */
export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

const EXIT_HELP = `Exit codes:
  0    success (every domain ok, unchanged or skipped)
  1    the API refused (the message has the error code and the request id)
  2    usage, validation or pre-flight error: nothing was sent for that domain
  3    network failure or timeout (verify: no TLS handshake at all)
  4    attention needed (status: expiring, expired, not covering, none; verify: another certificate served)
  130  interrupted (Ctrl-C): domains not started are reported as skipped
A fleet exits with the first of 2, 3, 1, 4 that any domain has.`;

const CREDENTIALS_HELP = `Credentials are never taken from flags. In order: the environment (HUAWEICLOUD_SDK_AK,
  HUAWEICLOUD_SDK_SK (or CLOUD_SDK_AK, CLOUD_SDK_SK), HUAWEICLOUD_SDK_SECURITY_TOKEN, or
  HUAWEICLOUD_SDK_AUTH_TOKEN), the credentials file (HUAWEICLOUD_SDK_CREDENTIALS_FILE, else
  ~/.huaweicloud/credentials: [basic] ak, sk, security_token, project_id, iam_endpoint), then the
  ECS/BMS metadata service. Without a project id (--project-id, HUAWEICLOUD_SDK_PROJECT_ID,
  project_id) it is looked up at IAM for the region. HUAWEICLOUD_SDK_REGION sets the region.`;

export function commandHelp(name: CommandName): string {
  const command = COMMANDS[name];
  const table: Readonly<Record<string, Option>> = command.options;
  const options = Object.values(table)
    .map((o) => `  ${o.help}`)
    .join('\n');
  const credentials = name === 'check' ? '' : `\n\n${CREDENTIALS_HELP}`;
  const exits = name === 'check' ? 'Exit codes: 0 no errors, 2 errors found or bad usage.' : EXIT_HELP;
  return `${command.summary}\n\nUsage: ${command.usage}${command.notes ? `\n\n${command.notes}` : ''}\n\nOptions:\n${options}${credentials}\n\n${exits}\n`;
}

export const MAIN_HELP = `live-https-cert: manage the HTTPS certificate of Huawei Cloud Live streaming domains

Usage: live-https-cert <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`)
  .join('\n')}

Run live-https-cert <command> --help for the options of a command.

Examples:
  live-https-cert check  --domain play.example.com --cert fullchain.pem --key privkey.pem
  live-https-cert update --domain play.example.com --cert fullchain.pem --key privkey.pem --verify
  live-https-cert update --domains-file domains.txt --cert fullchain.pem --key privkey.pem --json
  live-https-cert status --domains-file domains.txt --warn-days 21
  live-https-cert domains
  live-https-cert status --all --warn-days 21
  live-https-cert update --covered --cert fullchain.pem --key privkey.pem --dry-run
  live-https-cert verify --domain play.example.com --wait 10m
  live-https-cert update --domains-file domains.txt --cert fullchain.pem --key privkey.pem --via-ccm \\
                         --verify --wait 10m --rollback-on-failure
  live-https-cert rollback --domain play.example.com
`;

const SECRET_FLAG = /^--?(sk|secret|secret-key|secret-access-key|token|auth-token|security-token|password)(=|$)/i;

export type ParsedValues = Record<string, string | boolean | string[] | undefined>;

/** What parseArgs gives for one option: a string, the strings of a repeatable one, or true. */
type FlagValue<O> = O extends { type: 'string'; multiple: true }
  ? string[]
  : O extends { type: 'string' }
    ? string
    : boolean;
/** The values of a group of options, typed from its table (absent when not given). */
type FlagsOf<Options> = { -readonly [K in keyof Options]?: FlagValue<Options[K]> | undefined };

/** The flags each helper reads, typed from the tables above: a helper takes only what it reads. */
export type DomainFlags = FlagsOf<typeof DOMAINS>;
export type CoveredFlags = FlagsOf<typeof COVERED>;
export type ConnectionFlags = FlagsOf<typeof CONNECTION & typeof DRY_RUN> & Pick<FleetFlags, 'concurrency'>;
export type FleetFlags = FlagsOf<typeof FLEET & typeof JSON_HELP>;
export type CertificateFlags = FlagsOf<typeof CERTIFICATE> & { 'scm-cert-id'?: string | undefined };
export type WriteFlags = FlagsOf<typeof WRITE & typeof DRY_RUN>;
export type VerifyFlags = FlagsOf<typeof VERIFY> & Pick<ConnectionFlags, 'timeout'>;
export type CcmFlags = FlagsOf<typeof CCM & typeof ROLLBACK_ON_FAILURE>;

/**
 * The flags of one command, parsed once: each of its options typed from its table (`update`'s
 * --cert is a string, its --domain a string array), no other name.
 */
export type Flags<N extends CommandName> = FlagsOf<(typeof COMMANDS)[N]['options']>;

export function parseCommand<N extends CommandName>(name: N, argv: string[]): Flags<N> {
  const secret = argv.find((arg) => SECRET_FLAG.test(arg));
  if (secret) {
    throw new UsageError(
      `${secret.split('=')[0]}: secrets are never taken as flags (they would land in shell history and process lists); ` +
        'set HUAWEICLOUD_SDK_SK or HUAWEICLOUD_SDK_AUTH_TOKEN in the environment',
    );
  }
  const table: Readonly<Record<string, Option>> = COMMANDS[name].options;
  const options = Object.fromEntries(Object.entries(table).map(([flag, { help: _help, ...o }]) => [flag, o]));
  try {
    // parseArgs types its result from an options object it sees literally; the table is built,
    // so the values are typed from the table instead (the same options, the same types).
    // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- the one bridge from parseArgs to the table's types
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Flags<N>;
  } catch (error) {
    throw new UsageError(
      `${String(thrownField(error, 'message')).replace(/\. To specify.*$/s, '')}; see live-https-cert ${name} --help`,
    );
  }
}
