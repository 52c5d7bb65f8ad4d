/** PIN sign-in (the gateway checks it against the configured scrypt hash and sets the session cookie). */
import { useState } from "preact/hooks";
import { api } from "../api.js";

export function SignIn({ onSignedIn }: { onSignedIn: (technicianId: string) => void }) {
	const [pin, setPin] = useState("");
	const [technicianId, setTechnicianId] = useState("");
	const [error, setError] = useState<string | undefined>();
	const [busy, setBusy] = useState(false);
	const submit = async (event: Event) => {
		event.preventDefault();
		setBusy(true);
		setError(undefined);
		try {
			const session = await api<{ technicianId: string }>("POST", "/api/v1/session", { pin, ...(technicianId ? { technicianId } : {}) });
			onSignedIn(session.technicianId);
		} catch (failure) {
			setError((failure as Error).message);
			setPin("");
		} finally {
			setBusy(false);
		}
	};
	return (
		<main class="sign-in">
			<h1>fieldchain</h1>
			<p>Sign in with the PIN for this gateway.</p>
			<form onSubmit={submit}>
				<label for="pin">PIN</label>
				<input id="pin" name="pin" type="password" inputMode="numeric" autoComplete="current-password" required minLength={4} value={pin} onInput={(e) => setPin(e.currentTarget.value)} />
				<details>
					<summary>Several technicians share this gateway?</summary>
					<label for="technician">Technician id</label>
					<input id="technician" name="technician" autoComplete="username" value={technicianId} onInput={(e) => setTechnicianId(e.currentTarget.value)} />
				</details>
				{error && (
					<p class="error" role="alert">
						{error}
					</p>
				)}
				<button type="submit" class="primary" disabled={busy}>
					{busy ? "Checking…" : "Sign in"}
				</button>
			</form>
		</main>
	);
}
