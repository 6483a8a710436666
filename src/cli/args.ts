// Flags of each command, parsed with node:util parseArgs, and the --help texts.
import { parseArgs } from 'node:util';
import { UsageError } from './exit-codes.js';

type Option = { type: 'string' | 'boolean'; multiple?: boolean; short?: string };

const COMMON: Record<string, Option> = {
  'project-id': { type: 'string' },
  region: { type: 'string' },
  endpoint: { type: 'string' },
  'iam-endpoint': { type: 'string' },
  'signing-algorithm': { type: 'string' },
  timeout: { type: 'string' },
  retries: { type: 'string' },
  json: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

const DOMAINS: Record<string, Option> = {
  domain: { type: 'string', multiple: true },
  'domains-file': { type: 'string' },
  concurrency: { type: 'string' },
  'fail-fast': { type: 'boolean' },
};

export const COMMANDS = {
  update: {
    options: {
      ...COMMON,
      ...DOMAINS,
      cert: { type: 'string' },
      key: { type: 'string' },
      'scm-cert-id': { type: 'string' },
      'force-redirect': { type: 'boolean' },
      'gm-sign-cert': { type: 'string' },
      'gm-sign-key': { type: 'string' },
      'gm-enc-cert': { type: 'string' },
      'gm-enc-key': { type: 'string' },
      'skip-checks': { type: 'boolean' },
    },
    summary: 'upload a certificate to one or many domains (pre-flight checks first)',
    usage: `live-https-cert update --domain D [--domain D2 ... | --domains-file FILE]
       (--cert FILE --key FILE | --scm-cert-id ID) [--force-redirect]
       [--gm-sign-cert F --gm-sign-key F --gm-enc-cert F --gm-enc-key F]
       [--skip-checks] [--concurrency N] [--fail-fast] [common options]`,
    details: `  --cert FILE          PEM certificate, leaf first, then the chain
  --key FILE           PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC), unencrypted
  --scm-cert-id ID     use a certificate kept in Cloud Certificate Manager instead
  --force-redirect     redirect HTTP to HTTPS
  --gm-*-cert/-key     the SM (GM) signature and encryption pairs
  --skip-checks        upload even when the pre-flight checks find errors
  --domains-file FILE  one domain a line (# comments and blank lines ignored)
  --concurrency N      domains in flight at once (default 8)
  --fail-fast          stop starting new domains after the first failure`,
  },
  show: {
    options: { ...COMMON, ...DOMAINS },
    summary: 'show the HTTPS certificate configuration of a domain',
    usage: 'live-https-cert show --domain D [common options]',
    details: '',
  },
  delete: {
    options: { ...COMMON, ...DOMAINS },
    summary: 'delete the HTTPS certificate configuration of a domain',
    usage: 'live-https-cert delete --domain D [common options]',
    details: '',
  },
  check: {
    options: {
      domain: { type: 'string', multiple: true },
      cert: { type: 'string' },
      key: { type: 'string' },
      'gm-sign-cert': { type: 'string' },
      'gm-sign-key': { type: 'string' },
      'gm-enc-cert': { type: 'string' },
      'gm-enc-key': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    summary: 'check a certificate and key offline, without sending anything',
    usage: 'live-https-cert check --domain D --cert FILE --key FILE [--gm-* FILE ...] [--json]',
    details: '',
  },
} as const satisfies Record<string, { options: Record<string, Option>; summary: string; usage: string; details: string }>;

export type CommandName = keyof typeof COMMANDS;

const COMMON_HELP = `Common options:
  --project-id ID      project of the domain (else HUAWEICLOUD_SDK_PROJECT_ID)
  --region R           cn-north-4 (default), cn-north-1, cn-east-3, ap-southeast-2, ap-southeast-3
  --endpoint URL       any endpoint; wins over --region (and HUAWEICLOUD_SDK_REGION_LIVE_<REGION>)
  --iam-endpoint URL   IAM for the project id lookup (else HUAWEICLOUD_SDK_IAM_ENDPOINT)
  --signing-algorithm A  SDK-HMAC-SHA256 (default) or SDK-HMAC-SM3
  --timeout SECONDS    per attempt (default 30)
  --retries N          retries of network errors, 429 and 5xx (default 2; 0 disables)
  --json               one JSON document on stdout
  --dry-run            validate, sign and print the request, secrets redacted; send nothing
  -h, --help           this help

Credentials are never taken from flags. In order: the environment (HUAWEICLOUD_SDK_AK,
  HUAWEICLOUD_SDK_SK (or CLOUD_SDK_AK, CLOUD_SDK_SK), HUAWEICLOUD_SDK_SECURITY_TOKEN, or
  HUAWEICLOUD_SDK_AUTH_TOKEN), the credentials file (HUAWEICLOUD_SDK_CREDENTIALS_FILE, else
  ~/.huaweicloud/credentials: [basic] ak, sk, security_token, project_id, iam_endpoint), then the
  ECS/BMS metadata service. Without a project id (--project-id, HUAWEICLOUD_SDK_PROJECT_ID,
  project_id) it is looked up at IAM for the region. HUAWEICLOUD_SDK_REGION sets the region.

Exit codes: 0 success, 1 the API refused, 2 usage or validation error (nothing sent), 3 network or timeout.`;

export function commandHelp(name: CommandName): string {
  const command = COMMANDS[name];
  const common = name === 'check' ? '' : `\n\n${COMMON_HELP}`;
  return `${command.summary}\n\nUsage: ${command.usage}${command.details ? `\n\n${command.details}` : ''}${common}\n`;
}

export const MAIN_HELP = `live-https-cert: manage the HTTPS certificate of Huawei Cloud Live streaming domains

Usage: live-https-cert <command> [options]

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`).join('\n')}

Run live-https-cert <command> --help for the options of a command.

Examples:
  live-https-cert check  --domain play.example.com --cert fullchain.pem --key privkey.pem
  live-https-cert update --domain play.example.com --cert fullchain.pem --key privkey.pem
  live-https-cert update --domains-file domains.txt --cert fullchain.pem --key privkey.pem --json
  live-https-cert show   --domain play.example.com
`;

const SECRET_FLAG = /^--?(sk|secret|secret-key|secret-access-key|token|auth-token|security-token|password)(=|$)/i;

export type ParsedValues = Record<string, string | boolean | string[] | undefined>;

export function parseCommand(name: CommandName, argv: string[]): ParsedValues {
  const secret = argv.find((arg) => SECRET_FLAG.test(arg));
  if (secret) {
    throw new UsageError(
      `${secret.split('=')[0]}: secrets are never taken as flags (they would land in shell history and process lists); ` +
        'set HUAWEICLOUD_SDK_SK or HUAWEICLOUD_SDK_AUTH_TOKEN in the environment',
    );
  }
  try {
    return parseArgs({ args: argv, options: COMMANDS[name].options, strict: true, allowPositionals: false }).values as ParsedValues;
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify.*$/s, '')}; see live-https-cert ${name} --help`);
  }
}
