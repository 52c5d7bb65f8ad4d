/**
 * Webhooks for admins: the subscriptions (URL, event types; the secret is shown once, when a
 * subscription is made, and never again), the delivery log with every attempt, and redelivery of
 * a failed delivery (one more signed attempt; the service records who asked).
 */
import { useEffect, useState } from "preact/hooks";
import { api, messageOf } from "../api.js";
import { dateTime } from "../format.js";

interface Subscription {
	id: string;
	url: string;
	eventTypes: string[];
	description: string | null;
	createdAt: number;
}

interface Attempt {
	attempt: number;
	startedAt: number;
	durationMs: number;
	statusCode: number | null;
	error: string | null;
	outcome: "succeeded" | "retrying" | "failed";
}

interface Delivery {
	id: string;
	subscriptionId: string;
	eventId: string;
	eventType: string;
	status: "pending" | "succeeded" | "failed";
	attempts: number;
	nextAttemptAt: number | null;
	createdAt: number;
	lastStatusCode: number | null;
	lastError: string | null;
	attemptLog: Attempt[];
	redeliveries: { requestedAt: number; requestedBy: string; attemptsBefore: number }[];
}

const STATUS_BADGE: Record<Delivery["status"], string> = { pending: "warn", succeeded: "s-approved", failed: "s-blocked" };

export function Webhooks() {
	const [subscriptions, setSubscriptions] = useState<Subscription[] | null>(null);
	const [deliveries, setDeliveries] = useState<Delivery[] | null>(null);
	const [onlyFailed, setOnlyFailed] = useState(false);
	const [status, setStatus] = useState("");
	const [problem, setProblem] = useState<string | null>(null);
	const [busy, setBusy] = useState<string | null>(null);

	const load = async () => {
		try {
			const [subs, log] = await Promise.all([
				api<{ subscriptions: Subscription[] }>("GET", "/v1/webhooks/subscriptions?limit=1000"),
				api<{ deliveries: Delivery[] }>("GET", `/v1/webhooks/deliveries?limit=100${onlyFailed ? "&status=failed" : ""}`),
			]);
			setSubscriptions(subs.subscriptions);
			setDeliveries(log.deliveries);
		} catch (error) {
			setProblem(messageOf(error));
		}
	};
	useEffect(() => {
		void load();
	}, [onlyFailed]);

	const redeliver = async (d: Delivery) => {
		setProblem(null);
		setBusy(d.id);
		try {
			await api("POST", `/v1/webhooks/deliveries/${encodeURIComponent(d.id)}/redeliver`);
			setStatus(`Queued ${d.eventType} (${d.eventId}) for redelivery; the log below shows the new attempt.`);
			await load();
		} catch (error) {
			setProblem(messageOf(error));
		} finally {
			setBusy(null);
		}
	};

	const urlOf = (id: string) => subscriptions?.find((s) => s.id === id)?.url ?? `${id} (deleted)`;
	return (
		<section aria-labelledby="webhooks-title">
			<h1 id="webhooks-title" tabIndex={-1}>
				Webhooks
			</h1>
			<p role="status" class="status">
				{status}
			</p>
			{problem && (
				<p role="alert" class="error">
					{problem}
				</p>
			)}
			<section class="card" aria-labelledby="subs-title">
				<h2 id="subs-title">Subscriptions</h2>
				{subscriptions === null ? (
					!problem && <p>Loading…</p>
				) : subscriptions.length === 0 ? (
					<p class="empty">No subscriptions. Create one with POST /v1/webhooks/subscriptions; its signing secret is shown once.</p>
				) : (
					<table class="subscriptions">
						<caption class="sr-only">Webhook subscriptions</caption>
						<thead>
							<tr>
								<th scope="col">Receiver</th>
								<th scope="col">Events</th>
								<th scope="col">Since</th>
							</tr>
						</thead>
						<tbody>
							{subscriptions.map((s) => (
								<tr key={s.id}>
									<th scope="row">
										<code>{s.url}</code>
										{s.description && <div class="muted">{s.description}</div>}
									</th>
									<td>{s.eventTypes.join(", ")}</td>
									<td>{dateTime(s.createdAt)}</td>
								</tr>
							))}
						</tbody>
					</table>
				)}
			</section>
			<section class="card" aria-labelledby="log-title">
				<div class="row">
					<h2 id="log-title">Delivery log</h2>
					<label class="inline">
						<input type="checkbox" checked={onlyFailed} onChange={(e) => setOnlyFailed(e.currentTarget.checked)} /> Failed only
					</label>
					<button type="button" class="quiet" onClick={() => void load()}>
						Refresh
					</button>
				</div>
				{deliveries === null ? (
					!problem && <p>Loading…</p>
				) : deliveries.length === 0 ? (
					<p class="empty">{onlyFailed ? "No failed deliveries." : "Nothing delivered yet."}</p>
				) : (
					<table class="deliveries">
						<caption class="sr-only">Webhook deliveries, newest first, with their attempts</caption>
						<thead>
							<tr>
								<th scope="col">Event</th>
								<th scope="col">Receiver</th>
								<th scope="col">Status</th>
								<th scope="col">Attempts</th>
								<th scope="col">
									<span class="sr-only">Action</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{deliveries.map((d) => (
								<tr key={d.id}>
									<th scope="row">
										{d.eventType}
										<div class="muted">
											<code>{d.eventId}</code> · {dateTime(d.createdAt)}
										</div>
									</th>
									<td>
										<code>{urlOf(d.subscriptionId)}</code>
									</td>
									<td>
										<span class={`badge ${STATUS_BADGE[d.status]}`}>{d.status}</span>
										{d.status === "pending" && d.nextAttemptAt !== null && <div class="muted">next try {dateTime(d.nextAttemptAt)}</div>}
										{d.lastError && <div class="muted">last: {d.lastError}</div>}
									</td>
									<td>
										<ol class="attempts">
											{d.attemptLog.map((a) => (
												<li key={a.attempt}>
													{dateTime(a.startedAt)}: {a.statusCode === null ? (a.error ?? "no answer") : `HTTP ${a.statusCode}`} · {a.outcome} · {a.durationMs} ms
												</li>
											))}
										</ol>
										{d.redeliveries.map((r) => (
											<div class="muted" key={r.requestedAt}>
												Redelivery asked by {r.requestedBy}, {dateTime(r.requestedAt)} (after {r.attemptsBefore} attempts)
											</div>
										))}
									</td>
									<td>
										{d.status === "failed" && (
											<button type="button" disabled={busy === d.id} onClick={() => void redeliver(d)}>
												Redeliver
												<span class="sr-only">
													{" "}
													{d.eventType} {d.eventId}
												</span>
											</button>
										)}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				)}
			</section>
		</section>
	);
}
