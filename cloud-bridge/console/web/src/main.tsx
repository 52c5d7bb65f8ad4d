/**
 * The office console: sign-in, then a shell with one view per job (approvals, milestones and
 * invoices, users for admins). Views are chosen by the URL hash so the browser's back button and
 * bookmarks work, and every control is a real button, link or form field (keyboard first).
 */
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError, api, messageOf } from "./api.js";
import type { Session } from "./types.js";
import { Approvals } from "./views/approvals.js";
import { Board } from "./views/board.js";
import { Gateways } from "./views/gateways.js";
import { Impact } from "./views/impact.js";
import { InvoiceTrace } from "./views/invoice-trace.js";
import { Milestones } from "./views/milestones.js";
import { SignIn } from "./views/sign-in.js";
import { Users } from "./views/users.js";
import { Webhooks } from "./views/webhooks.js";

function useHash(): string {
	const [hash, setHash] = useState(location.hash || "#/approvals");
	useEffect(() => {
		const onChange = () => setHash(location.hash || "#/approvals");
		addEventListener("hashchange", onChange);
		return () => removeEventListener("hashchange", onChange);
	}, []);
	return hash;
}

const VIEWS = [
	{ hash: "#/approvals", label: "Approvals", scope: "decide" },
	{ hash: "#/board", label: "Schedule board", scope: "workorders:read" },
	{ hash: "#/milestones", label: "Milestones & invoices", scope: null },
	{ hash: "#/impact", label: "Impact", scope: "approve" },
	{ hash: "#/gateways", label: "Gateways", scope: "admin" },
	{ hash: "#/webhooks", label: "Webhooks", scope: "admin" },
	{ hash: "#/users", label: "Users", scope: "admin" },
] as const;

function Shell({ session, onSignOut }: { session: Session; onSignOut(): void }) {
	const hash = useHash();
	// "decide": approvers, billing and admins see the approval queue; a dispatcher does not.
	const can = (scope: string) =>
		scope === "decide" ? ["approve", "release", "admin"].some((s) => session.scopes.includes(s)) : session.scopes.includes(scope);
	const invoice = /^#\/invoices\/(.+)$/.exec(hash)?.[1];
	// The view shown: the one the hash names if this person may see it, else their role's default.
	// One answer drives both the page and the menu's "current page" mark.
	const allowed = VIEWS.filter((v) => v.scope === null || can(v.scope));
	const current = invoice
		? null
		: (allowed.find((v) => hash.startsWith(v.hash))?.hash ?? (can("decide") ? "#/approvals" : can("dispatch") ? "#/board" : "#/milestones"));
	useEffect(() => {
		// Move focus to the new view's heading, so keyboard and screen-reader users land on it.
		document.querySelector<HTMLElement>("main h1")?.focus();
	}, [hash]);
	return (
		<div class="shell">
			<a class="skip" href="#main">
				Skip to content
			</a>
			<header class="top">
				<span class="brand">fieldchain office</span>
				<nav aria-label="Console">
					<ul>
						{allowed.map((v) => (
							<li key={v.hash}>
								<a href={v.hash} aria-current={v.hash === current ? "page" : undefined}>
									{v.label}
								</a>
							</li>
						))}
					</ul>
				</nav>
				<span class="who">
					{session.user?.displayName ?? session.name} <span class="role">{session.user?.role ?? "token"}</span>
				</span>
				<button type="button" class="quiet" onClick={onSignOut}>
					Sign out
				</button>
			</header>
			<main id="main">
				{invoice ? (
					<InvoiceTrace invoiceId={decodeURIComponent(invoice)} />
				) : current === "#/board" ? (
					<Board session={session} />
				) : current === "#/impact" ? (
					<Impact session={session} />
				) : current === "#/gateways" ? (
					<Gateways />
				) : current === "#/webhooks" ? (
					<Webhooks />
				) : current === "#/users" ? (
					<Users session={session} />
				) : current === "#/approvals" ? (
					<Approvals session={session} />
				) : (
					<Milestones session={session} />
				)}
			</main>
		</div>
	);
}

function App() {
	const [session, setSession] = useState<Session | null | undefined>(undefined);
	const [problem, setProblem] = useState<string | null>(null);
	useEffect(() => {
		api<Session>("GET", "/v1/sessions/current")
			.then(setSession)
			.catch((error) => {
				if (error instanceof ApiError && error.status === 401) setSession(null);
				else setProblem(messageOf(error));
			});
	}, []);
	const signOut = async () => {
		await api("DELETE", "/v1/sessions/current").catch(() => {});
		setSession(null);
		location.hash = "";
	};
	if (problem)
		return (
			<p role="alert" class="error">
				{problem}
			</p>
		);
	if (session === undefined) return <p class="boot">Loading…</p>;
	if (session === null) return <SignIn onSignedIn={setSession} />;
	return <Shell session={session} onSignOut={signOut} />;
}

const root = document.getElementById("console");
if (root) {
	root.textContent = "";
	render(<App />, root);
}
