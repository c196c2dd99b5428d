/** The organization's own defaults, set at build time in flows/organization.json (empty in the public build). */
import type { KnownFacts } from '../flow/facts.ts';
import type { Organization } from '../flow-format/schema.ts';
import data from '@flows/organization.json';

/** What flows/organization.json holds. */
export const organization = data as Organization;

/** The organization's KMS host and port as facts, under what a session learns for itself. */
export function organizationFacts(line: string): KnownFacts {
  const out: KnownFacts = {};
  if (organization.kmsHost) out.kmsHost = { value: organization.kmsHost, line };
  if (organization.kmsPort) out.kmsPort = { value: organization.kmsPort, line };
  return out;
}
