/**
 * `fieldchain cloud user create | list | disable`: console accounts, run against the database like
 * `cloud token create`, so the first admin can be made before the service runs. The password is
 * read from a prompt or stdin (read-password.ts), never from argv, and never printed or logged.
 * Exit codes: 0 done; 1 a refused change (name taken, unknown user); 2 bad options or password.
 */
import type { Command } from "commander";
import { invalidConfig } from "../../platform/config-errors.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { BillingStorage } from "../billing/storage.js";
import { createUser, publicUser } from "./accounts.js";
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
			.option("--technician <id>", "this person also works as technician ID: they can never decide on that technician's time"),
	).action(async (username: string, options: StorageFlags & { role: string; name?: string; technician?: string }) => {
		if (!(ROLES as readonly string[]).includes(options.role))
			throw invalidConfig(`Unknown role "${options.role}".`, { field: "--role", hint: `Choose from ${ROLES.join(", ")}.` });
		const password = await readNewPassword();
		const problem = passwordProblem(password);
		if (problem) throw invalidConfig(problem, { field: "password", hint: "A long passphrase of several words is easiest to remember." });
		const storage = await open(options);
		try {
			const created = await createUser(
				consoleStoreBeside(storage),
				{ username, role: options.role, password, displayName: options.name, technicianId: options.technician ?? null },
				Date.now(),
			);
			process.stdout.write(`Created console user ${created.username} (${created.role}), id ${created.id}.\n`);
		} finally {
			await storage.close();
		}
	});

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
}
