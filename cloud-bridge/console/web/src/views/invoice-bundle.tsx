/**
 * The evidence bundles behind an invoice on its trace view: for each gateway and work order its
 * lines draw evidence from, a "Download evidence bundle" link (the file `fieldchain evidence verify`
 * reads) and the service's own verification of it against the gateway's enrolled key; and every
 * acknowledged gap (records lost for good) in those gateways' chains, with who acknowledged it, when
 * and why. The service verifies; this view only shows what it said, problems included.
 */
import { useEffect, useState } from "preact/hooks";
import { api, messageOf } from "../api.js";
import { dateTime } from "../format.js";

interface Verification {
	ok: boolean;
	problems: { kind: string; chainSeq?: number; message: string }[];
	records: number;
	sealedUpTo: number;
	complete: boolean;
	completeUpTo: number;
	incompleteReason?: string;
}

interface BundleSummary {
	gatewayId: string;
	workOrderId: string;
	evidenceIds: string[];
	fromSeq: number;
	toSeq: number;
	keyId: string;
	gatewayRevokedAt: number | null;
	sha256: string;
	download: string;
	verification: Verification;
}

interface AcknowledgedGap {
	gatewayId: string;
	fromSeq: number;
	toSeq: number;
	reason: string;
	acknowledgedBy: string;
	acknowledgedAt: number;
}

interface InvoiceBundles {
	bundles: BundleSummary[];
	unlocated: string[];
	acknowledgedGaps: AcknowledgedGap[];
}

function VerificationResult({ v }: { v: Verification }) {
	if (!v.ok) {
		return (
			<div role="alert" class="error">
				<strong>Verification failed</strong>: {v.problems.length} problem(s)
				<ul>
					{v.problems.map((p) => (
						<li key={`${p.kind}-${p.chainSeq ?? ""}-${p.message}`}>
							{p.kind}
							{p.chainSeq !== undefined && ` at record ${p.chainSeq}`}: {p.message}
						</li>
					))}
				</ul>
			</div>
		);
	}
	return (
		<p>
			<span class="badge s-approved">Verified</span> {v.records} records, sealed up to record {v.sealedUpTo} by the gateway's signed checkpoints.{" "}
			{v.complete ? (
				`Complete up to record ${v.completeUpTo}.`
			) : (
				<span class="muted">Not provably complete: {v.incompleteReason ?? "no manifest was checked"}</span>
			)}
		</p>
	);
}

export function InvoiceBundle({ invoiceId }: { invoiceId: string }) {
	const [data, setData] = useState<InvoiceBundles | null>(null);
	const [problem, setProblem] = useState<string | null>(null);
	useEffect(() => {
		api<InvoiceBundles>("GET", `/v1/invoices/${encodeURIComponent(invoiceId)}/evidence-bundles`)
			.then(setData)
			.catch((error) => setProblem(messageOf(error)));
	}, [invoiceId]);
	return (
		<section aria-labelledby="bundle-title">
			<h2 id="bundle-title">Evidence bundle</h2>
			{problem && (
				<p role="alert" class="error">
					{problem}
				</p>
			)}
			{!data ? (
				!problem && <p>Loading the evidence bundle…</p>
			) : (
				<>
					{data.bundles.length === 0 && <p class="muted">No evidence of this invoice came through a gateway's chain.</p>}
					{data.bundles.map((b) => (
						<div key={`${b.gatewayId}/${b.workOrderId}`} class="bundle">
							<p>
								<a href={b.download} download={`evidence-${invoiceId}-${b.gatewayId}-${b.workOrderId}.json`}>
									Download evidence bundle
								</a>{" "}
								<span class="muted">
									work order {b.workOrderId} from gateway {b.gatewayId}, records {b.fromSeq}–{b.toSeq}, key {b.keyId.slice(0, 12)}…, file sha256{" "}
									{b.sha256.slice(0, 12)}…
								</span>
							</p>
							{b.gatewayRevokedAt !== null && (
								<p class="badge warn">The gateway's key was revoked {dateTime(b.gatewayRevokedAt)}: what it signed after that is not trusted.</p>
							)}
							<VerificationResult v={b.verification} />
							<p class="muted">
								Check it yourself: <code>fieldchain evidence verify FILE --keys-from SERVICE_URL</code> (pins the gateway's enrolled key).
							</p>
						</div>
					))}
					{data.unlocated.length > 0 && (
						<p class="muted">Evidence recorded without a gateway chain (not in any bundle): {data.unlocated.map((id) => id.slice(0, 8)).join(", ")}.</p>
					)}
					{data.acknowledgedGaps.length > 0 && (
						<div role="note" aria-labelledby="gaps-title">
							<h3 id="gaps-title">Acknowledged gaps</h3>
							<p class="muted">Records lost for good in the chains this invoice draws from; evidence of this work may have been among them.</p>
							<ul>
								{data.acknowledgedGaps.map((g) => (
									<li key={`${g.gatewayId}-${g.fromSeq}`}>
										<span class="badge warn">Gap</span> gateway {g.gatewayId}, records {g.fromSeq}–{g.toSeq}: “{g.reason}”, acknowledged by {g.acknowledgedBy},{" "}
										{dateTime(g.acknowledgedAt)}
									</li>
								))}
							</ul>
						</div>
					)}
				</>
			)}
		</section>
	);
}
