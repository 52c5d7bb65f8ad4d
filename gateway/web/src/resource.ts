/** Fetches a path and refetches it whenever the gateway confirms input or pushes a change. */
import { useEffect, useState } from "preact/hooks";
import { ApiError, get } from "./api.js";
import { changes } from "./live.js";
import { confirmed, signedOut } from "./pending.js";
import { useStore } from "./store.js";

export interface Resource<T> {
	data: T | undefined;
	error: string | undefined;
	reload: () => void;
}

export function useResource<T>(path: string | undefined): Resource<T> {
	const [data, setData] = useState<T | undefined>(undefined);
	const [error, setError] = useState<string | undefined>(undefined);
	const [nonce, setNonce] = useState(0);
	const bumpA = useStore(confirmed);
	const bumpB = useStore(changes);
	useEffect(() => {
		if (!path) return;
		let cancelled = false;
		get<T>(path).then(
			(value) => {
				if (cancelled) return;
				setData(value);
				setError(undefined);
			},
			(failure: unknown) => {
				if (cancelled) return;
				if (failure instanceof ApiError && failure.status === 401) signedOut.set(true);
				// Keep showing the last data we had while the gateway is away.
				setError((failure as Error).message);
			},
		);
		return () => {
			cancelled = true;
		};
	}, [path, nonce, bumpA, bumpB]);
	return { data, error, reload: () => setNonce((n) => n + 1) };
}
