/**
 * Sign-in form: username and password, the service's answer shown in words (never which of the two
 * was wrong); and, when the service has an OIDC provider, a "Sign in with <provider>" button. The
 * provider's refusals come back as ?sign-in-error=<reason>, a fixed word worded here, so another
 * site cannot make this page say anything of its choosing.
 */
import { useEffect, useState } from "preact/hooks";
import { api, messageOf } from "../api.js";
import type { Session } from "../types.js";

export function SignIn({ onSignedIn }: { onSignedIn(session: Session): void }) {
	const [username, setUsername] = useState("");
	const [password, setPassword] = useState("");
	const [busy, setBusy] = useState(false);
	const [problem, setProblem] = useState<string | null>(null);
	const [refusal, setRefusal] = useState(() => refusalFrom(location.search));
	// undefined while the provider is being asked for: a refusal waits for it, so its words name the
	// real issuer from the first paint instead of a placeholder.
	const [provider, setProvider] = useState<Provider | null | undefined>(undefined);
	useEffect(() => {
		// Shown once: a reload or a bookmark of the page must not repeat an old refusal.
		if (location.search) history.replaceState(null, "", location.pathname);
		api<Provider>("GET", "/v1/sessions/oidc").then(setProvider, () => setProvider(null));
	}, []);
	const submit = async (event: Event) => {
		event.preventDefault();
		setBusy(true);
		setProblem(null);
		setRefusal(null);
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
				{(problem ?? (provider !== undefined && refusal)) && (
					<p role="alert" class="error">
						{problem ?? (refusal && wordRefusal(refusal, provider ?? null))}
					</p>
				)}
				<button type="submit" disabled={busy}>
					{busy ? "Signing in…" : "Sign in"}
				</button>
				{provider && (
					// A link, not a form: the page's CSP (form-action 'self') would stop a form's redirect to the provider.
					<p>
						or <a href={provider.startUrl}>Sign in with {provider.name}</a>
					</p>
				)}
			</form>
		</main>
	);
}

const REFUSALS: Record<string, string> = {
	not_linked:
		"Your identity provider account is not linked to a console user: ask an admin to run `fieldchain cloud user link-oidc YOUR-USERNAME --oidc-issuer ISSUER --oidc-subject SUBJECT`.",
	disabled: "The console user linked to your identity provider account is disabled: ask an admin to re-enable it.",
	expired: "That single sign-on attempt was not started here, was already used, or took longer than 10 minutes: sign in again.",
	failed: "The identity provider's answer did not check out, so you are not signed in: sign in again, and tell an admin if it keeps happening.",
	provider: "The identity provider did not sign you in: try again, or use your console password.",
	unavailable: "The identity provider cannot be reached just now: try again later, or use your console password.",
};

interface Provider {
	name: string;
	issuer: string;
	startUrl: string;
}

/** The refusal the service sent the browser back with: a fixed reason word, and for not_linked the subject an admin links. */
function refusalFrom(search: string): { reason: string; subject: string | null } | null {
	const query = new URLSearchParams(search);
	const reason = query.get("sign-in-error");
	return reason === null ? null : { reason, subject: query.get("subject") };
}

function wordRefusal({ reason, subject }: { reason: string; subject: string | null }, provider: Provider | null): string {
	const words = REFUSALS[reason] ?? "Single sign-on did not work: sign in again.";
	return words.replace("ISSUER", provider?.issuer ?? "ISSUER").replace("SUBJECT", subject ?? "SUBJECT");
}
