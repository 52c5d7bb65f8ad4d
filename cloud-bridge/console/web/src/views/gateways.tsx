/**
 * Enrolled gateways for admins: who each serves, when the service last received evidence from it,
 * how much of its chain is accepted but not yet sealed by a checkpoint (its queue lag as the office
 * sees it), and whether it is trusted. Revoking asks for confirmation first: it cannot be undone,
 * and nothing the gateway sends afterwards is trusted. A gap in the chain (records lost with a
 * destroyed device) can be acknowledged with a reason; the service records who and when and shows
 * it on every bundle and invoice it touches.
 */
import { useEffect, useState } from "preact/hooks";
import { api, messageOf } from "../api.js";
import { dateTime } from "../format.js";
import { ReasonField } from "./reason-field.js";

interface Gateway {
	id: string;
	keyId: string;
	enrolledAt: number;
	revokedAt: number | null;
	revoked: boolean;
	technicianIds: string[];
}

interface Chain {
	gatewayId: string;
	headSeq: number;
	headHash: string;
	sealedUpTo: number;
	lastReceivedAt: number | null;
	gaps: ChainGap[];
}

interface ChainGap {
	fromSeq: number;
	toSeq: number;
	status: "open" | "acknowledged";
	observedAt: number;
	acknowledgement: { reason: string; acknowledgedBy: string; acknowledgedAt: number } | null;
}

/** "3 min ago", "2 h ago", "4 d ago": how long a gateway has been quiet. */
function ago(at: number, now: number): string {
	const minutes = Math.max(0, Math.round((now - at) / 60_000));
	if (minutes < 1) return "just now";
	if (minutes < 60) return `${minutes} min ago`;
	if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
	return `${Math.round(minutes / 1440)} d ago`;
}

export function Gateways() {
	const [rows, setRows] = useState<{ gateway: Gateway; chain: Chain | null }[] | null>(null);
	const [confirming, setConfirming] = useState<string | null>(null);
	const [acknowledging, setAcknowledging] = useState<{ gatewayId: string; gap: ChainGap } | null>(null);
	const [reason, setReason] = useState("");
	const [status, setStatus] = useState("");
	const [problem, setProblem] = useState<string | null>(null);

	const load = async () => {
		try {
			const { gateways } = await api<{ gateways: Gateway[] }>("GET", "/v1/gateways?limit=1000");
			const found = [];
			for (const gateway of gateways) {
				// A revoked gateway's chain is still readable: it shows what was accepted before revocation.
				const chain = await api<Chain>("GET", `/v1/gateways/${encodeURIComponent(gateway.id)}/chain`).catch(() => null);
				found.push({ gateway, chain });
			}
			setRows(found);
		} catch (error) {
			setProblem(messageOf(error));
		}
	};
	useEffect(() => {
		void load();
	}, []);
	// Keyboard users land on the question they just opened, with Cancel one Tab away.
	useEffect(() => {
		if (confirming) document.getElementById(`revoke-confirm-${confirming}`)?.focus();
	}, [confirming]);

	const revoke = async (id: string) => {
		setProblem(null);
		try {
			await api("POST", `/v1/gateways/${encodeURIComponent(id)}/revoke`);
			setStatus(`Revoked gateway ${id}: its key and tokens are no longer trusted.`);
			setConfirming(null);
			await load();
		} catch (error) {
			setProblem(messageOf(error));
		}
	};

	const acknowledge = async (gatewayId: string, gap: ChainGap) => {
		setProblem(null);
		try {
			await api("POST", `/v1/gateways/${encodeURIComponent(gatewayId)}/gaps`, { fromSeq: gap.fromSeq, toSeq: gap.toSeq, reason: reason.trim() });
			setStatus(`Acknowledged records #${gap.fromSeq}–#${gap.toSeq} of ${gatewayId} as lost; bundles and invoices they touch now say so.`);
			setAcknowledging(null);
			setReason("");
			await load();
		} catch (error) {
			setProblem(messageOf(error));
		}
	};

	const now = Date.now();
	return (
		<section aria-labelledby="gateways-title">
			<h1 id="gateways-title" tabIndex={-1}>
				Gateways
			</h1>
			<p role="status" class="status">
				{status}
			</p>
			{problem && (
				<p role="alert" class="error">
					{problem}
				</p>
			)}
			{rows === null ? (
				!problem && <p>Loading…</p>
			) : rows.length === 0 ? (
				<p class="empty">No gateway is enrolled. Issue an enrollment token with `fieldchain cloud enrollment create`.</p>
			) : (
				<table class="gateways">
					<caption class="sr-only">Enrolled gateways, their last receipt, chain and trust</caption>
					<thead>
						<tr>
							<th scope="col">Gateway</th>
							<th scope="col">Serves</th>
							<th scope="col">Last receipt</th>
							<th scope="col">Chain</th>
							<th scope="col">Queue lag</th>
							<th scope="col">Trust</th>
						</tr>
					</thead>
					<tbody>
						{rows.map(({ gateway: g, chain }) => {
							const unsealed = chain ? chain.headSeq - chain.sealedUpTo : null;
							return (
								<tr key={g.id}>
									<th scope="row">
										{g.id}
										<div class="muted">
											key <code>{g.keyId.slice(0, 12)}…</code> · enrolled {dateTime(g.enrolledAt)}
										</div>
									</th>
									<td>{g.technicianIds.length > 0 ? g.technicianIds.join(", ") : <span class="muted">nobody (unbound)</span>}</td>
									<td>
										{chain?.lastReceivedAt ? (
											<>
												<span class="ago">{ago(chain.lastReceivedAt, now)}</span>
												<div class="muted">{dateTime(chain.lastReceivedAt)}</div>
											</>
										) : (
											<span class="muted">nothing received yet</span>
										)}
									</td>
									<td>
										{chain ? (
											<>
												#{chain.headSeq} accepted, sealed to #{chain.sealedUpTo}
												<div class="muted">
													head <code>{chain.headHash.slice(0, 12)}…</code>
												</div>
												<ul class="gaps">
													{chain.gaps.map((gap) => (
														<li key={gap.fromSeq}>
															{gap.acknowledgement ? (
																<>
																	<span class="badge">
																		lost #{gap.fromSeq}–#{gap.toSeq}
																	</span>{" "}
																	<span class="muted">
																		acknowledged by {gap.acknowledgement.acknowledgedBy}, {dateTime(gap.acknowledgement.acknowledgedAt)}: “
																		{gap.acknowledgement.reason}”
																	</span>
																</>
															) : (
																<>
																	<span class="badge warn">
																		gap #{gap.fromSeq}–#{gap.toSeq}
																	</span>{" "}
																	<button
																		type="button"
																		class="quiet"
																		onClick={() => {
																			setReason("");
																			setAcknowledging({ gatewayId: g.id, gap });
																		}}
																	>
																		Acknowledge gap…
																		<span class="sr-only">
																			{" "}
																			#{gap.fromSeq}–#{gap.toSeq} of gateway {g.id}
																		</span>
																	</button>
																</>
															)}
														</li>
													))}
												</ul>
												{acknowledging?.gatewayId === g.id && (
													<form
														class="confirm"
														onSubmit={(e) => {
															e.preventDefault();
															void acknowledge(g.id, acknowledging.gap);
														}}
													>
														<ReasonField
															id={`gap-why-${g.id}`}
															label={`Why records #${acknowledging.gap.fromSeq}–#${acknowledging.gap.toSeq} are lost for good (shown on bundles and invoices)`}
															value={reason}
															onInput={setReason}
														/>
														<button type="submit" class="danger" disabled={!reason.trim()}>
															Acknowledge as lost
														</button>
														<button type="button" class="quiet" onClick={() => setAcknowledging(null)}>
															Cancel
														</button>
													</form>
												)}
											</>
										) : (
											<span class="muted">unreadable</span>
										)}
									</td>
									<td>
										{unsealed === null ? (
											"–"
										) : unsealed === 0 ? (
											<span class="badge s-approved">in step</span>
										) : (
											<span class="badge warn">{unsealed} unsealed</span>
										)}
									</td>
									<td>
										{g.revoked ? (
											<span class="badge s-blocked">revoked {g.revokedAt ? dateTime(g.revokedAt) : ""}</span>
										) : (
											<>
												<span class="badge s-approved">trusted</span>
												<div class="actions">
													<button type="button" class="quiet" onClick={() => setConfirming(g.id)}>
														Revoke…<span class="sr-only"> gateway {g.id}</span>
													</button>
												</div>
											</>
										)}
										{confirming === g.id && (
											<fieldset class="confirm" aria-describedby={`revoke-${g.id}`}>
												<legend class="sr-only">Revoke gateway {g.id}</legend>
												<p id={`revoke-${g.id}`}>
													Revoke gateway <strong>{g.id}</strong>? Its key and tokens stop working at once and nothing it sends is trusted again. This cannot be
													undone; the gateway would have to enroll anew.
												</p>
												<button type="button" id={`revoke-confirm-${g.id}`} class="danger" onClick={() => void revoke(g.id)}>
													Revoke gateway {g.id}
												</button>
												<button type="button" class="quiet" onClick={() => setConfirming(null)}>
													Cancel
												</button>
											</fieldset>
										)}
									</td>
								</tr>
							);
						})}
					</tbody>
				</table>
			)}
		</section>
	);
}
