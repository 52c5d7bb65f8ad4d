/**
 * `fieldchain cloud user create | list | disable | link-oidc | unlink-oidc`: console accounts, run
 * against the database like `cloud token create`, so the first admin can be made before the service
 * runs. The password is read from a prompt or stdin (read-password.ts), never from argv, and never
 * printed or logged. A user created with --oidc-subject has no password: they sign in only through
 * the OIDC provider, as the subject linked here.
 * Exit codes: 0 done; 1 a refused change (name taken, unknown user); 2 bad options or password.
 */
import type { Command } from "commander";
import { invalidConfig } from "../../platform/config-errors.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { BillingStorage } from "../billing/storage.js";
import { createUser, publicUser } from "./accounts.js";
import { checkIssuer } from "./oidc/config.js";
import { linkTaken } from "./oidc/link-store.js";
import { oidcLinksBeside } from "./oidc/links-beside.js";
import { readNewPassword } from "./read-password.js";
import { consoleStoreBeside } from "./users/open-store.js";
import { passwordProblem } from "./users/password.js";
import { normaliseUsername, ROLES } from "./users/types.js";

interface StorageFlags {
	db?: string;
	databaseUrl?: string;
}

const iso = (at: number | null) => (at === null ? "-" : new Date(at).toISOString());

export function registerUserCommands(cloud: Command, open: (flags: StorageFlags) => Promise<BillingStorage>, defaultDb: string): void {
	const user = cloud.command("user").description(`Office console users (roles: ${ROLES.join(", ")}); API tokens stay for machines`);
	const storageOptions = (command: Command) =>
		command.option("--db <file>", `SQLite database file (default ${defaultDb})`).option("--database-url <url>", "PostgreSQL instead of SQLite");

	storageOptions(
		user
			.command("create <username>")
			.description("Create a console user; the password is asked for (or read from stdin's first line), never passed as an argument")
			.requiredOption("--role <role>", `one of ${ROLES.join(", ")}`)
			.option("--name <displayName>", "the name the console shows")
			.option("--technician <id>", "this person also works as technician ID: they can never decide on that technician's time")
			.option("--oidc-subject <sub>", "no password: this person signs in only through the OIDC provider, as this subject (needs --oidc-issuer)")
			.option("--oidc-issuer <url>", "the provider's issuer, exactly as its ID tokens carry it in `iss`"),
	).action(
		async (username: string, options: StorageFlags & { role: string; name?: string; technician?: string; oidcSubject?: string; oidcIssuer?: string }) => {
			if (!(ROLES as readonly string[]).includes(options.role))
				throw invalidConfig(`Unknown role "${options.role}".`, { field: "--role", hint: `Choose from ${ROLES.join(", ")}.` });
			const oidc = oidcLinkFlags(options.oidcIssuer, options.oidcSubject);
			const password = oidc ? null : await readNewPassword();
			const problem = password === null ? undefined : passwordProblem(password);
			if (problem) throw invalidConfig(problem, { field: "password", hint: "A long passphrase of several words is easiest to remember." });
			const storage = await open(options);
			try {
				const now = Date.now();
				// Checked first, so a refused link leaves no password-less user behind.
				if (oidc && (await oidcLinksBeside(storage).find(oidc.issuer, oidc.subject))) throw linkTaken(oidc.issuer, oidc.subject);
				const created = await createUser(
					consoleStoreBeside(storage),
					{ username, role: options.role, password, displayName: options.name, technicianId: options.technician ?? null },
					now,
				);
				if (oidc) await oidcLinksBeside(storage).link({ ...oidc, userId: created.id, createdAt: now });
				process.stdout.write(
					`Created console user ${created.username} (${created.role}), id ${created.id}${oidc ? `, signing in as ${oidc.subject} at ${oidc.issuer}` : ""}.\n`,
				);
			} finally {
				await storage.close();
			}
		},
	);

	storageOptions(user.command("list").description("List console users (never a password hash)").option("--json", "one JSON object: { users: [...] }")).action(
		async (options: StorageFlags & { json?: boolean }) => {
			const storage = await open(options);
			try {
				const users = (await consoleStoreBeside(storage).listUsers()).map(publicUser);
				if (options.json) {
					process.stdout.write(`${JSON.stringify({ users })}\n`);
					return;
				}
				if (users.length === 0) process.stdout.write("No console users yet: `fieldchain cloud user create NAME --role admin`.\n");
				for (const u of users)
					process.stdout.write(`${u.username}\t${u.role}\t${u.disabledAt === null ? "active" : `disabled ${iso(u.disabledAt)}`}\t${u.displayName}\t${u.id}\n`);
			} finally {
				await storage.close();
			}
		},
	);

	storageOptions(user.command("disable <username>").description("Disable a console user: their sessions end at once and sign-in is refused")).action(
		async (username: string, options: StorageFlags) => {
			const storage = await open(options);
			try {
				const store = consoleStoreBeside(storage);
				const found = await store.findUserByUsername(normaliseUsername(username));
				if (!found)
					throw new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `No console user "${username}".`, { hint: "`fieldchain cloud user list` shows them." });
				await store.setUserDisabled(found.id, Date.now());
				process.stdout.write(`Disabled console user ${found.username}; their sessions are ended.\n`);
			} finally {
				await storage.close();
			}
		},
	);

	storageOptions(
		user
			.command("link-oidc <username>")
			.description("Let a console user sign in through the OIDC provider as this subject (never matched by email)")
			.requiredOption("--oidc-issuer <url>", "the provider's issuer, exactly as its ID tokens carry it in `iss`")
			.requiredOption("--oidc-subject <sub>", "the person's `sub` at that provider (a refused sign-in shows it)"),
	).action(async (username: string, options: StorageFlags & { oidcIssuer: string; oidcSubject: string }) => {
		const link = oidcLinkFlags(options.oidcIssuer, options.oidcSubject) as { issuer: string; subject: string };
		const storage = await open(options);
		try {
			const found = await findUser(storage, username);
			await oidcLinksBeside(storage).link({ ...link, userId: found.id, createdAt: Date.now() });
			process.stdout.write(`Linked console user ${found.username} to subject ${link.subject} at ${link.issuer}.\n`);
		} finally {
			await storage.close();
		}
	});

	storageOptions(
		user
			.command("unlink-oidc")
			.description("Remove a link made by link-oidc: that subject no longer signs in")
			.requiredOption("--oidc-issuer <url>", "the provider's issuer")
			.requiredOption("--oidc-subject <sub>", "the subject to unlink"),
	).action(async (options: StorageFlags & { oidcIssuer: string; oidcSubject: string }) => {
		const storage = await open(options);
		try {
			if (!(await oidcLinksBeside(storage).unlink(options.oidcIssuer.trim(), options.oidcSubject.trim())))
				throw new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `Subject "${options.oidcSubject}" at ${options.oidcIssuer} is not linked.`, {
					hint: "Give the issuer exactly as it was linked.",
				});
			process.stdout.write(`Unlinked subject ${options.oidcSubject} at ${options.oidcIssuer}.\n`);
		} finally {
			await storage.close();
		}
	});
}

async function findUser(storage: BillingStorage, username: string) {
	const found = await consoleStoreBeside(storage).findUserByUsername(normaliseUsername(username));
	if (!found)
		throw new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `No console user "${username}".`, { hint: "`fieldchain cloud user list` shows them." });
	return found;
}

/** Issuer and subject given together, or neither; the issuer is checked like --oidc-issuer of `cloud serve`. */
function oidcLinkFlags(issuer: string | undefined, subject: string | undefined): { issuer: string; subject: string } | undefined {
	if (issuer === undefined && subject === undefined) return undefined;
	if (issuer === undefined || subject === undefined || subject.trim() === "")
		throw invalidConfig("--oidc-issuer and --oidc-subject go together.", { field: issuer === undefined ? "--oidc-issuer" : "--oidc-subject" });
	checkIssuer(issuer.trim());
	return { issuer: issuer.trim(), subject: subject.trim() };
}
