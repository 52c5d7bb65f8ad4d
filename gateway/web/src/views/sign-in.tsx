/** PIN sign-in (the gateway checks it against the configured scrypt hash and sets the session cookie). */
import { useState } from "preact/hooks";
import { api } from "../api.js";

export function SignIn({ onSignedIn, open }: { onSignedIn: (technicianId: string) => void; open: boolean }) {
	const [pin, setPin] = useState("");
	const [technicianId, setTechnicianId] = useState("");
	const [error, setError] = useState<string | undefined>();
	const [busy, setBusy] = useState(false);
	const submit = async (event: Event) => {
		event.preventDefault();
		if (open) {
			if (technicianId.trim()) onSignedIn(technicianId.trim());
			return;
		}
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
	if (open)
		return (
			<main class="sign-in">
				<h1>fieldchain</h1>
				<p>This gateway has no PIN sign-in (no webApp section in its config), so its API is open on loopback. Who is working?</p>
				<form onSubmit={submit}>
					<label for="technician-open">Technician id</label>
					<input id="technician-open" autoComplete="username" required value={technicianId} onInput={(e) => setTechnicianId(e.currentTarget.value)} />
					<button type="submit" class="primary">
						Continue
					</button>
				</form>
			</main>
		);
	return (
		<main class="sign-in">
			<h1>fieldchain</h1>
			<p>Sign in with the PIN for this gateway.</p>
			<form onSubmit={submit}>
				<label for="pin">PIN</label>
				<input
					id="pin"
					name="pin"
					type="password"
					inputMode="numeric"
					autoComplete="current-password"
					required
					minLength={4}
					value={pin}
					onInput={(e) => setPin(e.currentTarget.value)}
				/>
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
