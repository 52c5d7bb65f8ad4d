/**
 * What a refusal means for the technician: the model's reason codes (model/rules/*.ts) and the
 * error codes the gateway answers with, turned into one sentence that says what to do, in the
 * technician's words ("Confirm the two safety items above", "Submit your time on the Time tab").
 *
 * Invariant: the machine reason is never replaced. Codes and model messages stay as they are for
 * logs and API clients; this module only adds a human sentence beside them. It imports nothing,
 * so the technician app (browser) and the gateway's API (Node) share it.
 */

/** The shape of a model Reason (model/rules/reasons.ts), repeated so this file imports nothing. */
export interface ReasonLike {
	code: string;
	message: string;
	entity?: string;
	id?: string;
	/** Optional structured hints some gateways add; read before the message is parsed. */
	label?: string;
	status?: string;
	title?: string;
}

/** The technician app's tabs the sentences send the technician to. */
export type AppTab = "Today" | "Task" | "Time" | "Sign-off";

/** One line the technician reads, with the machine reasons behind it (for logs, tooltips, tests). */
export interface HumanReason {
	code: string;
	text: string;
	reasons: ReasonLike[];
}

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/** "two safety items", "one safety item", "12 safety items". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
	return `${NUMBER_WORDS[n] ?? String(n)} ${n === 1 ? singular : plural}`;
}

/** The checklist item label a model message names: "checklist item 'Photo' has no valid evidence". */
function itemLabel(message: string): string | undefined {
	return /checklist item '([^']*)'/.exec(message)?.[1];
}

/** The status a model message reports: "time entry X is draft, not approved" → "draft". */
function statusIn(message: string): string | undefined {
	return / is ([a-z-]+), not /.exec(message)?.[1];
}

/** "deliverable D1 sign-off 'Customer sign-off' is delivered, not signed off" → "Customer sign-off". */
function quotedTitle(message: string): string | undefined {
	return /'([^']*)'/.exec(message)?.[1];
}

function list(labels: string[]): string {
	const quoted = labels.map((label) => `“${label}”`);
	return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/** One sentence for a group of reasons of the same code; `all` is every reason shown with it. */
type Phrase = (reasons: ReasonLike[], all: readonly ReasonLike[]) => string;

function evidenceMissing(reasons: ReasonLike[], all: readonly ReasonLike[]): string {
	const labels = reasons.map((entry) => entry.label ?? itemLabel(entry.message)).filter((label): label is string => label !== undefined);
	const signature = labels.filter((label) => /signature|sign-off/i.test(label));
	const rest = labels.filter((label) => !signature.includes(label));
	const parts: string[] = [];
	if (rest.length > 0) parts.push(`Complete ${list(rest)} in the checklist on the Task tab.`);
	// One signature signs the deliverable off and satisfies the item: the deliverable's line says it.
	const signedWithDeliverable = all.some((entry) => entry.code === "deliverable-not-signed");
	if (signature.length > 0 && !signedWithDeliverable) parts.push("Get the customer's signature on the Sign-off tab.");
	if (parts.length === 0 && signature.length === 0) parts.push(`Complete the ${count(reasons.length, "required checklist item")} on the Task tab.`);
	return parts.join(" ");
}

function timeNotApproved(reasons: ReasonLike[]): string {
	const by = (status: string) => reasons.filter((entry) => (entry.status ?? statusIn(entry.message)) === status).length;
	const parts: string[] = [];
	if (by("running") > 0) parts.push("Stop the timer on the Time tab, then submit your time.");
	if (by("draft") > 0) parts.push(`Submit your time on the Time tab (${count(by("draft"), "entry", "entries")} not submitted yet).`);
	if (by("rejected") > 0)
		parts.push(`The office rejected ${count(by("rejected"), "time entry", "time entries")}: correct it on the Time tab and submit it again.`);
	if (by("submitted") > 0) parts.push(`Your submitted time (${count(by("submitted"), "entry", "entries")}) waits for the office to approve it.`);
	if (parts.length === 0) parts.push("Submit your time on the Time tab.");
	return parts.join(" ");
}

function taskNotCompleted(reasons: ReasonLike[]): string {
	const pending = reasons.filter((entry) => (entry.status ?? statusIn(entry.message)) === "pending").length;
	return pending > 0 && pending === reasons.length
		? "Start the task on the Task tab, record its checklist, then complete it on the Sign-off tab."
		: "Complete the task with the Complete task button on the Sign-off tab.";
}

function deliverableNotSigned(reasons: ReasonLike[]): string {
	const titles = reasons.map((entry) => entry.title ?? quotedTitle(entry.message)).filter((title): title is string => title !== undefined);
	return titles.length > 0 ? `Have the customer sign off ${list(titles)} on the Sign-off tab.` : "Have the customer sign off the work on the Sign-off tab.";
}

const ids = (reasons: ReasonLike[]) => [...new Set(reasons.map((entry) => entry.id).filter((id): id is string => Boolean(id)))].join(", ");

/** Per model reason code. Unknown codes fall back to the model's own message. */
export const REASON_PHRASES: Readonly<Record<string, Phrase>> = {
	"safety-not-acknowledged": (reasons) => `Confirm the ${count(reasons.length, "safety item")} above.`,
	"work-order-not-started": () => "Mark the visit “On site” on the Today tab first.",
	"evidence-missing": evidenceMissing,
	"timer-running": () => "Stop the timer on the Time tab first.",
	"task-not-completed": taskNotCompleted,
	"time-not-approved": timeNotApproved,
	"time-not-submitted": (reasons) => `Submit your time on the Time tab (${count(reasons.length, "entry", "entries")} not submitted yet).`,
	"time-rejected": (reasons) => `The office rejected ${count(reasons.length, "time entry", "time entries")}: correct it on the Time tab and submit it again.`,
	"deliverable-not-signed": deliverableNotSigned,
	"sign-off-invalid": () => "The customer's sign-off is not valid: ask the customer to sign again on the Sign-off tab.",
	"deliverable-missing": () => "This milestone names a deliverable this gateway does not hold: call the office.",
	"task-missing": () => "This milestone names a task this gateway does not hold: call the office.",
	"milestone-empty": () => "This milestone has nothing to check: call the office.",
	"predecessor-not-completed": (reasons) => `Finish visit ${ids(reasons)} first: this visit follows it.`,
	"predecessor-not-started": (reasons) => `Start visit ${ids(reasons)} first: this visit starts with it.`,
	"predecessor-evidence-not-accepted": () => "Wait until the office accepts the evidence of the visit before this one.",
	"predecessor-missing": () => "This visit waits on a visit this gateway does not hold: call the office.",
	"task-open": () => "Complete every task of this visit first.",
	"appointment-open": () => "Mark the visit complete on the Today tab first.",
	"child-open": (reasons) => `Finish the follow-up visit ${ids(reasons)} first.`,
	"dependant-started": () => "A later visit has started already: call the office to change the plan.",
	"same-day-unsatisfiable": () => "This plan cannot be kept today: call the office.",
};

/**
 * Reasons grouped by code, in the order the codes first appear, each with one sentence. Two
 * unacknowledged safety items become one line, "Confirm the two safety items above."
 */
export function humanReasons(reasons: readonly ReasonLike[], where: { tab?: AppTab } = {}): HumanReason[] {
	const groups = new Map<string, ReasonLike[]>();
	for (const entry of reasons) groups.set(entry.code, [...(groups.get(entry.code) ?? []), entry]);
	return [...groups]
		.map(([code, group]) => {
			const phrase = REASON_PHRASES[code];
			const text = phrase ? phrase(group, reasons) : group.map((entry) => entry.message).join("; ");
			// Read on the tab it names, "on the Sign-off tab" becomes "on this page".
			return { code, text: where.tab ? text.replaceAll(` on the ${where.tab} tab`, " on this page") : text, reasons: group };
		})
		.filter((line) => line.text !== "");
}

/** One reason's sentence. */
export function humanMessage(reason: ReasonLike): string {
	return humanReasons([reason])[0].text;
}

/** Per error code (platform/errors.ts) the gateway answers the app with. */
export const ERROR_PHRASES: Readonly<Record<string, string>> = {
	FC_EVIDENCE_DUPLICATE: "This reading is stamped already.",
	FC_EVIDENCE_TASK_NOT_ACTIVE: "Start the task before stamping readings on it.",
	FC_EVIDENCE_DEVICE_NOT_BOUND:
		"This tool is not bound to the task: turn on “Stamp matching readings automatically” on the task, or stamp from the task it is bound to.",
	FC_EVIDENCE_TOO_LARGE: "The photo is too large: take it again at a lower resolution.",
	FC_MODEL_ILLEGAL_TRANSITION: "That step is not possible from here: refresh and check the current state.",
	FC_MODEL_VERSION_CONFLICT: "Someone changed this at the same time: refresh and try again.",
	FC_MODEL_NOT_FOUND: "This gateway does not hold that item any more: refresh the Today tab.",
	FC_HTTP_NOT_FOUND: "This gateway does not hold that item any more: refresh the Today tab.",
	FC_APP_FORBIDDEN: "You are signed in as another technician: sign in as yourself.",
	FC_APP_UNAUTHORIZED: "Your session ended: sign in again.",
	FC_CAPACITY_QUOTA: "The gateway is full: tell the office (nothing you entered is lost; it waits on this device).",
	FC_CAPACITY_DISK_FULL: "The gateway is full: tell the office (nothing you entered is lost; it waits on this device).",
};

/**
 * Refusals that carry no reasons, recognised by the gateway's message (gateway/work/*.ts,
 * gateway/http/*.ts). Checked before the per-code sentence.
 */
export const MESSAGE_PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
	[/already has a running timer/, "A timer is running already: stop it on the Time tab first."],
	[/has no running timer/, "No timer is running: it was stopped already."],
	[/Time entry \S+ is still running/, "Stop the timer on the Time tab before submitting your time."],
	[/only time the office rejected/, "Only time the office rejected can be corrected and resubmitted."],
	[
		/is not technician .*'s active task/,
		"Automatic stamping is on for another task: stamp on that task, or turn “Stamp matching readings automatically” off there.",
	],
	[/signed off already/, "The customer has signed this off already."],
	[/was refused by the customer/, "The customer refused this sign-off: call the office to reopen it."],
	[/in a unit convertible to/, "This tool measures something else: stamp a reading from a tool that measures what the item asks for."],
	[/is evidence already/, "This reading is stamped already."],
];

/** An API error body's fields, as far as this module needs them. */
export interface ErrorLike {
	code: string;
	message: string;
	hint?: string | null;
	details?: Record<string, unknown>;
}

function reasonsIn(details: Record<string, unknown> | undefined): ReasonLike[] {
	const value = details?.reasons;
	if (!Array.isArray(value)) return [];
	return value.filter(
		(entry): entry is ReasonLike =>
			typeof entry === "object" && entry !== null && typeof (entry as ReasonLike).code === "string" && typeof (entry as ReasonLike).message === "string",
	);
}

/**
 * What the technician reads for an API error: a model refusal's reasons in their words, else the
 * refusal's sentence by its message, else the error code's sentence, else the message and hint as the
 * gateway wrote them.
 */
export function humanError(error: ErrorLike): string {
	const reasons = reasonsIn(error.details);
	if (reasons.length > 0)
		return humanReasons(reasons)
			.map((entry) => entry.text)
			.join(" ");
	const recognised = MESSAGE_PHRASES.find(([pattern]) => pattern.test(error.message));
	if (recognised) return recognised[1];
	const known = ERROR_PHRASES[error.code];
	if (known) return known;
	return [error.message, error.hint].filter(Boolean).join(" ");
}
