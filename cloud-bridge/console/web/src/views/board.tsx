/**
 * The schedule board: technicians as rows over a day or a week, the unassigned queue beside it.
 * Every change goes through a preview from the service — a move (dragged, or typed in the move
 * form) shows what else moves and the KPIs before and after; "Optimise" shows the engine's plan —
 * and only Apply changes anything. The board checks the service every few seconds, so what the
 * field does (a visit started, finished, moved by someone else) appears without a reload.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, api, messageOf } from "../api.js";
import type { BoardAppointment, Board as BoardData, DispatchResult, MovePreview, ScheduledWorkOrder, SchedulePlan, Session } from "../types.js";
import { MOVABLE } from "./board-bar.js";
import { BoardGrid } from "./board-grid.js";
import { MoveForm, type MoveRequest } from "./board-move.js";
import { MovePreviewPanel, PlanPreviewPanel } from "./board-preview.js";
import { UnassignedQueue } from "./board-queue.js";
import { rangeOf, type Span, statusText, timeInput } from "./board-time.js";
import { BoardToolbar } from "./board-toolbar.js";

/** How often the board asks the service for what changed in the field. */
const REFRESH_MS = 5_000;
const OPEN = new Set(["scheduled", "dispatched", "en-route", "on-site"]);
/** Refusals that mean "what you previewed has changed since". */
const STALE = new Set(["FC_MODEL_VERSION_CONFLICT", "FC_SCHEDULE_PLAN_STALE"]);

interface Loaded {
	board: BoardData;
	orders: Map<string, ScheduledWorkOrder>;
	queue: ScheduledWorkOrder[];
	/** JSON of what was read, to skip re-drawing when nothing changed. */
	fingerprint: string;
}

type Pending = { kind: "move"; request: MoveRequest; preview: MovePreview } | { kind: "plan"; plan: SchedulePlan };

async function loadBoard(span: Span, anchor: number): Promise<Loaded> {
	const { from, to } = rangeOf(span, anchor);
	const board = await api<BoardData>("GET", `/v1/schedule/board?from=${from}&to=${to}`);
	const { workOrders } = await api<{ workOrders: ScheduledWorkOrder[] }>("GET", "/v1/work-orders?limit=1000");
	const onBoard = new Set(board.technicians.flatMap((row) => row.appointments.map((visit) => visit.workOrderId)));
	// Orders waiting for a visit: not on this board, and no open visit anywhere else either.
	const candidates = workOrders.filter((order) => (order.status === "draft" || order.status === "scheduled") && !onBoard.has(order.id));
	const queue: ScheduledWorkOrder[] = [];
	for (const order of candidates) {
		const { appointments } = await api<{ appointments: BoardAppointment[] }>("GET", `/v1/work-orders/${encodeURIComponent(order.id)}/appointments?limit=1000`);
		if (!appointments.some((visit) => OPEN.has(visit.status))) queue.push(order);
	}
	queue.sort((a, b) => a.sla.resolveBy - b.sla.resolveBy || a.id.localeCompare(b.id));
	return { board, orders: new Map(workOrders.map((order) => [order.id, order])), queue, fingerprint: JSON.stringify([board, workOrders, queue]) };
}

export function Board({ session }: { session: Session }) {
	const canDispatch = session.scopes.includes("dispatch") || session.scopes.includes("admin");
	const [span, setSpan] = useState<Span>("day");
	const [anchor, setAnchor] = useState(() => Date.now());
	const [loaded, setLoaded] = useState<Loaded | null>(null);
	const [checkedAt, setCheckedAt] = useState<number | null>(null);
	const [selected, setSelected] = useState<string | null>(null);
	const [moveDraft, setMoveDraft] = useState<{ appointmentId: string; technicianId: string; start: number } | null>(null);
	const [pending, setPending] = useState<Pending | null>(null);
	const [picked, setPicked] = useState<Set<string> | null>(null);
	const [busy, setBusy] = useState(false);
	const [status, setStatus] = useState("");
	const [problem, setProblem] = useState<string | null>(null);
	const fingerprint = useRef("");

	const refresh = async () => {
		try {
			const next = await loadBoard(span, anchor);
			setCheckedAt(Date.now());
			if (next.fingerprint === fingerprint.current) return;
			fingerprint.current = next.fingerprint;
			setLoaded(next);
		} catch (error) {
			setProblem(messageOf(error));
		}
	};
	useEffect(() => {
		fingerprint.current = "";
		setLoaded(null);
		void refresh();
		const timer = setInterval(() => void refresh(), REFRESH_MS);
		return () => clearInterval(timer);
	}, [span, anchor]);

	const technicians = loaded?.board.technicians ?? [];
	const visits = technicians.flatMap((row) => row.appointments);
	const find = (id: string) => visits.find((visit) => visit.id === id);
	const chosen = picked ?? new Set(technicians.map((row) => row.technicianId));

	const run = async (work: () => Promise<void>) => {
		setBusy(true);
		setProblem(null);
		try {
			await work();
		} catch (error) {
			setProblem(messageOf(error));
		} finally {
			setBusy(false);
		}
	};

	const select = (appointmentId: string | null) => {
		const visit = appointmentId ? find(appointmentId) : undefined;
		if (visit && !MOVABLE.has(visit.status)) {
			setStatus(`${visit.workOrderId} is ${statusText(visit.status)}: only a scheduled or dispatched visit can be moved.`);
			return;
		}
		setSelected(appointmentId);
		setMoveDraft(visit ? { appointmentId: visit.id, technicianId: visit.technicianId, start: visit.window.start } : null);
		setPending(null);
	};

	const previewMove = (request: MoveRequest) =>
		run(async () => {
			const preview = await api<MovePreview>("POST", `/v1/appointments/${encodeURIComponent(request.appointmentId)}/reschedule/preview`, request.body);
			setPending({ kind: "move", request, preview });
			setStatus("");
		});

	const dropped = (appointmentId: string, technicianId: string, start: number) => {
		const visit = find(appointmentId);
		if (!visit) return;
		setSelected(appointmentId);
		setMoveDraft({ appointmentId, technicianId, start });
		const row = technicians.find((r) => r.technicianId === technicianId);
		void previewMove({
			appointmentId,
			label: `${visit.workOrderId} to ${row?.name ?? technicianId} at ${timeInput(start)}`,
			body: {
				version: visit.version,
				technicianId,
				window: { start, end: start + (visit.window.end - visit.window.start) },
				reason: "Moved on the board by dispatch",
			},
		});
	};

	const optimise = () =>
		run(async () => {
			const { from, to } = rangeOf(span, anchor);
			const plan = await api<SchedulePlan>("POST", "/v1/schedule/plans", { from, to, technicianIds: [...chosen].sort(), seconds: 2 });
			setSelected(null);
			setMoveDraft(null);
			setPending({ kind: "plan", plan });
			setStatus("");
		});

	const apply = () =>
		run(async () => {
			if (!pending) return;
			let result: DispatchResult;
			try {
				result =
					pending.kind === "move"
						? await api<DispatchResult>("POST", `/v1/appointments/${encodeURIComponent(pending.request.appointmentId)}/reschedule`, pending.request.body)
						: await api<DispatchResult>("POST", `/v1/schedule/plans/${encodeURIComponent(pending.plan.id)}/apply`);
			} catch (error) {
				// Someone changed what the preview was made from: say so in the dispatcher's words, show the board as it is now.
				if (!(error instanceof ApiError && STALE.has(error.code))) throw error;
				setPending(null);
				setSelected(null);
				setMoveDraft(null);
				await refresh();
				throw new Error(
					pending.kind === "move"
						? `Not moved: ${pending.request.label.split(" ")[0]} was changed by someone else after your preview (${error.message}). The board now shows it as it is; preview the move again.`
						: `Not applied: the schedule changed after the plan was made (${error.message}). Optimise again for a fresh plan.`,
				);
			}
			const told = result.pushedGateways.length ? `; told gateway ${result.pushedGateways.join(", ")}` : "";
			setStatus(
				pending.kind === "move"
					? `Moved ${pending.request.label}; ${result.moves.length} visit${result.moves.length === 1 ? "" : "s"} changed${told}.`
					: `Applied the plan: ${result.moves.length} visit${result.moves.length === 1 ? "" : "s"} booked or moved${told}.`,
			);
			setPending(null);
			setSelected(null);
			setMoveDraft(null);
			await refresh();
		});

	const discard = () => {
		setPending(null);
		setSelected(null);
		setMoveDraft(null);
		setStatus("Discarded: nothing changed.");
	};

	const selectedVisit = selected ? find(selected) : undefined;
	return (
		<section aria-labelledby="board-title" class="board-view">
			<h1 id="board-title" tabIndex={-1}>
				Schedule board
			</h1>
			<BoardToolbar
				span={span}
				anchor={anchor}
				onSpan={setSpan}
				onAnchor={setAnchor}
				canDispatch={canDispatch}
				optimiseCount={technicians.filter((row) => chosen.has(row.technicianId)).length}
				busy={busy}
				onOptimise={optimise}
				checkedAt={checkedAt}
				refreshSeconds={REFRESH_MS / 1000}
			/>
			<p role="status" class="status">
				{status}
			</p>
			{problem && (
				<p role="alert" class="error">
					{problem}
				</p>
			)}
			{pending?.kind === "move" && (
				<MovePreviewPanel preview={pending.preview} label={pending.request.label} names={technicians} busy={busy} onApply={apply} onDiscard={discard} />
			)}
			{pending?.kind === "plan" && <PlanPreviewPanel plan={pending.plan} names={technicians} busy={busy} onApply={apply} onDiscard={discard} />}
			{!pending && canDispatch && selectedVisit && moveDraft && (
				<MoveForm
					key={`${moveDraft.appointmentId}-${moveDraft.technicianId}-${moveDraft.start}`}
					visit={selectedVisit}
					order={loaded?.orders.get(selectedVisit.workOrderId)}
					technicians={technicians}
					initial={moveDraft}
					busy={busy}
					onPreview={previewMove}
					onCancel={() => select(null)}
				/>
			)}
			{loaded === null ? (
				<p class="muted">Loading the board…</p>
			) : (
				<div class="board-layout">
					<BoardGrid
						board={loaded.board}
						orders={loaded.orders}
						span={span}
						selected={selected}
						canDispatch={canDispatch}
						picked={chosen}
						onPick={(technicianId, on) => {
							const next = new Set(chosen);
							if (on) next.add(technicianId);
							else next.delete(technicianId);
							setPicked(next);
						}}
						onSelect={select}
						onDrop={dropped}
					/>
					<UnassignedQueue queue={loaded.queue} />
				</div>
			)}
		</section>
	);
}
