/** Console users for admins: who may sign in, with which role; create one, disable or enable. */
import { useEffect, useState } from "preact/hooks";
import { api, messageOf } from "../api.js";
import { dateTime } from "../format.js";
import type { ConsoleUser, Role, Session } from "../types.js";

const ROLES: Role[] = ["dispatcher", "approver", "billing", "admin"];

export function Users({ session }: { session: Session }) {
	const [users, setUsers] = useState<ConsoleUser[] | null>(null);
	const [status, setStatus] = useState("");
	const [problem, setProblem] = useState<string | null>(null);
	const [form, setForm] = useState({ username: "", displayName: "", role: "approver" as Role, password: "" });
	const load = () =>
		api<{ users: ConsoleUser[] }>("GET", "/v1/users?limit=1000")
			.then((r) => setUsers(r.users))
			.catch((e) => setProblem(messageOf(e)));
	useEffect(() => {
		void load();
	}, []);
	const act = async (work: () => Promise<string>) => {
		setProblem(null);
		try {
			setStatus(await work());
			await load();
		} catch (error) {
			setProblem(messageOf(error));
		}
	};
	return (
		<section aria-labelledby="users-title">
			<h1 id="users-title" tabIndex={-1}>
				Users
			</h1>
			<p role="status" class="status">
				{status}
			</p>
			{problem && (
				<p role="alert" class="error">
					{problem}
				</p>
			)}
			<table>
				<thead>
					<tr>
						<th scope="col">User</th>
						<th scope="col">Role</th>
						<th scope="col">Since</th>
						<th scope="col">State</th>
					</tr>
				</thead>
				<tbody>
					{(users ?? []).map((u) => (
						<tr key={u.id}>
							<td>
								{u.displayName} <span class="muted">{u.username}</span>
							</td>
							<td>{u.role}</td>
							<td>{dateTime(u.createdAt)}</td>
							<td>
								{u.disabledAt === null ? "active" : `disabled ${dateTime(u.disabledAt)}`}{" "}
								{u.id !== session.user?.id && (
									<button
										type="button"
										class="quiet"
										onClick={() =>
											act(async () => {
												await api("POST", `/v1/users/${encodeURIComponent(u.id)}/${u.disabledAt === null ? "disable" : "enable"}`, {});
												return `${u.username} is ${u.disabledAt === null ? "disabled" : "enabled"}.`;
											})
										}
									>
										{u.disabledAt === null ? "Disable" : "Enable"}
										<span class="sr-only"> {u.username}</span>
									</button>
								)}
							</td>
						</tr>
					))}
				</tbody>
			</table>
			<form
				class="card new-user"
				onSubmit={(e) => {
					e.preventDefault();
					void act(async () => {
						await api("POST", "/v1/users", { ...form, displayName: form.displayName || form.username });
						setForm({ username: "", displayName: "", role: "approver", password: "" });
						return `Created ${form.username}.`;
					});
				}}
			>
				<h2>New user</h2>
				<label for="nu-name">Username</label>
				<input id="nu-name" required value={form.username} onInput={(e) => setForm({ ...form, username: e.currentTarget.value })} />
				<label for="nu-display">Display name</label>
				<input id="nu-display" value={form.displayName} onInput={(e) => setForm({ ...form, displayName: e.currentTarget.value })} />
				<label for="nu-role">Role</label>
				<select id="nu-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.currentTarget.value as Role })}>
					{ROLES.map((r) => (
						<option key={r} value={r}>
							{r}
						</option>
					))}
				</select>
				<label for="nu-password">Initial password (12 characters or more)</label>
				<input
					id="nu-password"
					type="password"
					autocomplete="new-password"
					required
					minLength={12}
					value={form.password}
					onInput={(e) => setForm({ ...form, password: e.currentTarget.value })}
				/>
				<button type="submit">Create user</button>
			</form>
		</section>
	);
}
