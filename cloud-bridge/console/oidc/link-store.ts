/**
 * Which console user an identity at an OIDC provider is: a link from (issuer, subject) to a user
 * id, recorded by an admin (`fieldchain cloud user link-oidc`). Sign-in through a provider reaches
 * only a linked user; a claimed email or name never does.
 * Invariant: one (issuer, subject) names at most one user; a link is never made by signing in.
 */
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";

export interface OidcLink {
	/** The provider's issuer identifier exactly as its ID tokens carry it in `iss`. */
	issuer: string;
	/** The ID token's `sub`: stable and unique at that issuer. */
	subject: string;
	userId: string;
	createdAt: number;
}

/** Links in memory, SQLite or PostgreSQL, beside the console's user store (links-beside.ts). */
export interface OidcLinkStore {
	/** FC_BILLING_CONFLICT when this (issuer, subject) is already linked to a user. */
	link(link: OidcLink): Promise<void>;
	find(issuer: string, subject: string): Promise<OidcLink | undefined>;
	/** Every link of one user. */
	linksOf(userId: string): Promise<OidcLink[]>;
	/** Removes one link; false when there was none. */
	unlink(issuer: string, subject: string): Promise<boolean>;
}

export const linkTaken = (issuer: string, subject: string): FieldchainError =>
	new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `Subject "${subject}" at ${issuer} is already linked to a console user.`, {
		hint: "`fieldchain cloud user unlink-oidc` removes the old link first.",
	});

const key = (issuer: string, subject: string) => JSON.stringify([issuer, subject]);

export class MemoryOidcLinkStore implements OidcLinkStore {
	private readonly links = new Map<string, OidcLink>();
	async link(link: OidcLink): Promise<void> {
		if (this.links.has(key(link.issuer, link.subject))) throw linkTaken(link.issuer, link.subject);
		this.links.set(key(link.issuer, link.subject), { ...link });
	}
	async find(issuer: string, subject: string): Promise<OidcLink | undefined> {
		const found = this.links.get(key(issuer, subject));
		return found && { ...found };
	}
	async linksOf(userId: string): Promise<OidcLink[]> {
		return [...this.links.values()].filter((l) => l.userId === userId).map((l) => ({ ...l }));
	}
	async unlink(issuer: string, subject: string): Promise<boolean> {
		return this.links.delete(key(issuer, subject));
	}
}
