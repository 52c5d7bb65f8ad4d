/** Sign-in form: username and password, the service's answer shown in words (never which of the two was wrong). */
import { useState } from "preact/hooks";
import { api, messageOf } from "../api.js";
import type { Session } from "../types.js";

export function SignIn({ onSignedIn }: { onSignedIn(session: Session): void }) {
	const [username, setUsername] = useState("");
	const [password, setPassword] = useState("");
	const [busy, setBusy] = useState(false);
	const [problem, setProblem] = useState<string | null>(null);
	const submit = async (event: Event) => {
		event.preventDefault();
		setBusy(true);
		setProblem(null);
		try {
			onSignedIn(await api<Session>("POST", "/v1/sessions", { username, password }));
		} catch (error) {
			setProblem(messageOf(error));
			setPassword("");
		} finally {
			setBusy(false);
		}
	};
	return (
		<main class="sign-in" id="main">
			<form onSubmit={submit} aria-labelledby="sign-in-title">
				<h1 id="sign-in-title">fieldchain office console</h1>
				<p class="muted">Sign in with the account your administrator created for you.</p>
				<label for="username">Username</label>
				<input id="username" name="username" autocomplete="username" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
				<label for="password">Password</label>
				<input
					id="password"
					name="password"
					type="password"
					autocomplete="current-password"
					required
					value={password}
					onInput={(e) => setPassword(e.currentTarget.value)}
				/>
				{problem && (
					<p role="alert" class="error">
						{problem}
					</p>
				)}
				<button type="submit" disabled={busy}>
					{busy ? "Signing in…" : "Sign in"}
				</button>
			</form>
		</main>
	);
}
