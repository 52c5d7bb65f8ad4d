import { Icon } from "./icons.js";

/** Hash routes and the bottom tab bar (thumb reach on a phone, a side rail on a desktop). */

export type Route =
	| { view: "today" | "time" | "devices"; workOrderId?: string; taskId?: string }
	| { view: "task" | "signoff"; workOrderId: string; taskId: string };

const LAST_TASK = "fieldchain.lastTask";

export function parseRoute(hash: string): Route {
	const [view, workOrderId, taskId] = hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
	if ((view === "task" || view === "signoff") && workOrderId && taskId) {
		localStorage.setItem(LAST_TASK, JSON.stringify([workOrderId, taskId]));
		return { view, workOrderId, taskId };
	}
	if (view === "time" || view === "devices") return { view };
	return { view: "today" };
}

export function taskHref(view: "task" | "signoff", workOrderId: string, taskId: string): string {
	return `#/${view}/${encodeURIComponent(workOrderId)}/${encodeURIComponent(taskId)}`;
}

function lastTask(): [string, string] | undefined {
	try {
		return JSON.parse(localStorage.getItem(LAST_TASK) ?? "null") ?? undefined;
	} catch {
		return undefined;
	}
}

export function Nav({ route }: { route: Route }) {
	const task = route.workOrderId && route.taskId ? [route.workOrderId, route.taskId] : lastTask();
	const tabs: Array<{ id: Route["view"]; label: string; href: string | undefined }> = [
		{ id: "today", label: "Today", href: "#/today" },
		{ id: "task", label: "Task", href: task && taskHref("task", task[0], task[1]) },
		{ id: "time", label: "Time", href: "#/time" },
		{ id: "signoff", label: "Sign-off", href: task && taskHref("signoff", task[0], task[1]) },
		{ id: "devices", label: "Devices", href: "#/devices" },
	];
	return (
		<nav class="tabs" aria-label="Sections">
			{tabs.map((tab) =>
				tab.href ? (
					<a key={tab.id} href={tab.href} class="tab" aria-current={route.view === tab.id ? "page" : undefined}>
						<Icon name={tab.id} />
						{tab.label}
					</a>
				) : (
					<span key={tab.id} class="tab" aria-disabled="true" title="Open a task from Today first">
						<Icon name={tab.id} />
						{tab.label}
					</span>
				),
			)}
		</nav>
	);
}
