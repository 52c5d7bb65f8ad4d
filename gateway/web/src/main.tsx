/** The technician app: sign-in, then Today, Task, Time, Sign-off and Devices. */
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError, get } from "./api.js";

const OPEN_TECHNICIAN = "fieldchain.technicianId";

import { connectLive, disconnectLive } from "./live.js";
import { signedOut } from "./pending.js";
import { useStore } from "./store.js";
import { Banner } from "./views/banner.js";
import { DevicesView } from "./views/devices.js";
import { Nav, parseRoute, type Route } from "./views/nav.js";
import { SignIn } from "./views/sign-in.js";
import { SignOffView } from "./views/sign-off.js";
import { TaskView } from "./views/task.js";
import { TimeView } from "./views/time.js";
import { TodayView } from "./views/today.js";

function useRoute(): Route {
	const [route, setRoute] = useState(parseRoute(location.hash));
	useEffect(() => {
		const update = () => setRoute(parseRoute(location.hash));
		addEventListener("hashchange", update);
		return () => removeEventListener("hashchange", update);
	}, []);
	return route;
}

function App() {
	const [technicianId, setTechnicianId] = useState<string | null | undefined>(undefined);
	/** The gateway has no PIN sign-in (no webApp section): its API is open on loopback. */
	const [open, setOpen] = useState(false);
	const lost = useStore(signedOut);
	const route = useRoute();

	useEffect(() => {
		get<{ technicianId: string }>("/api/v1/session").then(
			(session) => setTechnicianId(session.technicianId),
			(error: unknown) => {
				if (error instanceof ApiError && error.status === 404) {
					setOpen(true);
					setTechnicianId(localStorage.getItem(OPEN_TECHNICIAN) || null);
				} else setTechnicianId(null);
			},
		);
	}, []);
	useEffect(() => {
		if (lost) setTechnicianId(null);
	}, [lost]);
	useEffect(() => {
		if (!technicianId) return;
		connectLive();
		return disconnectLive;
	}, [technicianId]);

	if (technicianId === undefined) return <p class="boot">Connecting to the gateway…</p>;
	if (technicianId === null)
		return (
			<SignIn
				open={open}
				onSignedIn={(id) => {
					if (open) localStorage.setItem(OPEN_TECHNICIAN, id);
					signedOut.set(false);
					setTechnicianId(id);
				}}
			/>
		);
	return (
		<div class="shell">
			<Banner />
			<main id="content" tabIndex={-1}>
				{route.view === "today" && <TodayView technicianId={technicianId} />}
				{route.view === "task" && <TaskView technicianId={technicianId} workOrderId={route.workOrderId} taskId={route.taskId} />}
				{route.view === "time" && <TimeView technicianId={technicianId} />}
				{route.view === "signoff" && <SignOffView technicianId={technicianId} workOrderId={route.workOrderId} taskId={route.taskId} />}
				{route.view === "devices" && <DevicesView />}
			</main>
			<Nav route={route} />
		</div>
	);
}

render(<App />, document.getElementById("app") as HTMLElement);
